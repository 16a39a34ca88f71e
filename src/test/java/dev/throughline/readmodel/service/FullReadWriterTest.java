package dev.throughline.readmodel.service;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.MemoryIssueFacts;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full read's pages are written off the readers' threads, all of them before the read
 * is recorded or its projects let go, and a failed write fails the read.
 */
class FullReadWriterTest {

    private final MemoryIssueFacts memory = new MemoryIssueFacts();

    private static IssueFacts facts(long id, String project) {
        return new IssueFacts(id, project + "-" + id, project, "issue " + id, Level.STANDARD, "new", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), 0, List.of(), List.of(), true);
    }

    /** The memory store, with {@code insertNew} replaced. */
    private IssueFactsStore storeInserting(BiConsumer<String, Collection<IssueFacts>> insertNew) {
        return (IssueFactsStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { IssueFactsStore.class }, (proxy, method, args) -> {
                    if (method.getName().equals("insertNew")) {
                        @SuppressWarnings("unchecked")
                        Collection<IssueFacts> facts = (Collection<IssueFacts>) args[1];
                        insertNew.accept((String) args[0], facts);
                        return null;
                    }
                    try {
                        return method.invoke(memory, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void pagesFromManyReadersAreAllWrittenBeforeTheReadIsRecorded() throws Exception {
        IssueSync sync = new IssueSync(storeInserting(memory::upsert), Clock.systemUTC(), Duration.ZERO);
        List<String> projects = List.of("WEB", "APP");
        sync.startFullRead("site", projects);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> pages = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            int first = page * 100 + 1;
            pages.add(readers.submit(() -> {
                List<IssueFacts> facts = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    facts.add(facts(first + i, first % 2 == 0 ? "WEB" : "APP"));
                }
                sync.ingest("site", facts);
            }));
        }
        for (Future<?> page : pages) {
            page.get();
        }
        readers.shutdown();

        sync.fullyRead("site", projects, Instant.EPOCH, Optional.empty());

        assertThat(memory.ids("site", "WEB").size() + memory.ids("site", "APP").size()).isEqualTo(20_000);
        assertThat(memory.syncs("site", projects)).containsOnlyKeys(projects);
    }

    @Test
    void aFailedWriteFailsTheReadOfItsProjectOnly() {
        IssueSync sync = new IssueSync(storeInserting((site, facts) -> {
            if (facts.stream().anyMatch(f -> f.projectKey().equals("BAD"))) {
                throw new IllegalStateException("disk full");
            }
            memory.upsert(site, facts);
        }), Clock.systemUTC(), Duration.ZERO);
        sync.startFullRead("site", List.of("BAD", "GOOD"));
        sync.ingest("site", List.of(facts(1, "BAD")));
        assertThatThrownBy(() -> sync.fullyRead("site", List.of("BAD"), Instant.EPOCH, Optional.empty()))
            .hasMessage("disk full");
        assertThatThrownBy(() -> sync.ingest("site", List.of(facts(2, "BAD")))).hasMessage("disk full");

        sync.ingest("site", List.of(facts(3, "GOOD")));
        sync.fullyRead("site", List.of("GOOD"), Instant.EPOCH, Optional.empty());
        assertThat(memory.syncs("site", List.of("BAD", "GOOD"))).containsOnlyKeys("GOOD");

        // the next full read starts afresh
        sync.startFullRead("site", List.of("BAD"));
        assertThat(memory.syncs("site", List.of("BAD"))).isEmpty();
    }

    @Test
    void theProjectsAreLetGoOnlyOnceTheirPagesAreWrittenEvenWhenTheReadFails() throws Exception {
        CountDownLatch slowDatabase = new CountDownLatch(1);
        IssueSync sync = new IssueSync(storeInserting((site, facts) -> {
            try {
                slowDatabase.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            memory.upsert(site, facts);
        }), Clock.systemUTC(), Duration.ZERO);
        ExecutorService release = Executors.newSingleThreadExecutor();
        release.submit(() -> {
            Thread.sleep(300);
            slowDatabase.countDown();
            return null;
        });

        assertThatThrownBy(() -> sync.exclusive("site", List.of("WEB"), () -> {
            sync.startFullRead("site", List.of("WEB"));
            sync.ingest("site", List.of(facts(1, "WEB")));
            throw new IllegalStateException("Jira failed");
        })).hasMessage("Jira failed");

        assertThat(memory.ids("site", "WEB")).containsExactly(1L);
        release.shutdown();
    }

}
