package dev.throughline.program.service;

import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupEngine;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.store.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm view's fold keeps its projects' buckets between views: nothing is read again
 * while the shared database's revisions are unchanged, a write through this or another
 * instance's store folds again only what it touched, and the totals always equal a cold
 * fold.
 */
class ReadModelFoldTest {

    private static final String SITE = "site";

    private static final List<String> PROJECTS = List.of("WEB", "APP");

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static final RollupSettings SETTINGS = RollupSettings.defaults(TODAY);

    private final AtomicLong rowsRead = new AtomicLong();

    private IssueFactsStore store;

    /** Another app instance's store over the same database. */
    private IssueFactsStore otherInstance;

    private final KeptRollups kept = new KeptRollups(100);

    @BeforeEach
    void fill() {
        String database = "mem:fold-" + UUID.randomUUID();
        store = counted(ReadModelDatabase.h2Store(database), rowsRead);
        otherInstance = ReadModelDatabase.h2Store(database);
        otherInstance.insertNew(SITE, twoProjects());
    }

    /** 2,000 issues, the even ids in WEB and the odd ones in APP. */
    static List<IssueFacts> twoProjects() {
        List<IssueFacts> all = new ArrayList<>();
        for (long id = 1; id <= 2000; id++) {
            all.add(facts(id, id % 2 == 0 ? "WEB" : "APP", id % 2 == 0 ? 0 : 1));
        }
        return all;
    }

    @Test
    void aKeptFoldIsUsedWhileNothingChanged() {
        assertThat(warm()).isEqualTo(cold());
        rowsRead.set(0);

        assertThat(warm()).isEqualTo(cold());

        rowsRead.set(0);
        warm();
        assertThat(rowsRead).as("rows read by a second warm view").hasValue(0);
    }

    @Test
    void aWriteThroughThisInstanceFoldsOnlyItsBucketAgain() {
        warm();
        rowsRead.set(0);
        store.upsert(SITE, List.of(facts(1500, "WEB", 7).withLinks(List.of(new IssueRef(3, "APP-3")), List.of())));

        ProgramResult after = warm();

        assertThat(rowsRead.get()).as("rows read after one change").isPositive().isLessThan(300);
        assertThat(after).isEqualTo(cold());
    }

    @Test
    void writesThroughAnotherInstanceAreSeen() {
        warm();
        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 13)));
        assertThat(warm()).as("after an edit").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(moved(facts(11, "APP", 2), "WEB")));
        assertThat(warm()).as("after a move").isEqualTo(cold());

        otherInstance.delete(SITE, List.of(4L, 1999L));
        assertThat(warm()).as("after deletions").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(facts(5000, "APP", 5)));
        assertThat(warm()).as("after a new issue").isEqualTo(cold());

        otherInstance.forget(SITE, List.of("APP"));
        assertThat(warm()).as("after a project was forgotten").isEqualTo(cold());

        otherInstance.insertNew(SITE, List.of(facts(3, "APP", 1), facts(7, "APP", 1)));
        assertThat(warm()).as("after it was read again").isEqualTo(cold());
    }

    /**
     * A view's assembled result is kept with its folds: while nothing changed nothing is
     * merged or forecast again (the assembler counted), a write through another instance
     * assembles it again, equal to a cold fold.
     */
    @Test
    void theAssembledResultIsKeptWhileNothingChanged() {
        AtomicInteger assembled = new AtomicInteger();
        AssembledResults results = new AssembledResults(new SiteTtl(Duration.ofMinutes(10)),
                (last, settings, parts) -> {
                    assembled.incrementAndGet();
                    return AssembledResults.FROM_THE_LAST.assemble(last, settings, parts);
                });
        AssembledResults.Slot viewer = new AssembledResults.Slot(SITE, "program", Set.of(1L, 2L));
        ProgramResult first = results.of(viewer, SETTINGS, folded());
        assertThat(results.of(viewer, SETTINGS, folded())).isSameAs(first).isEqualTo(cold());
        assertThat(assembled).as("assemblies while nothing changed").hasValue(1);

        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 13)));
        ProgramResult after = results.of(viewer, SETTINGS, folded());
        assertThat(after).isEqualTo(cold()).isNotEqualTo(first);
        assertThat(results.of(viewer, SETTINGS, folded())).isSameAs(after);
        assertThat(assembled).as("assemblies after one write through another instance").hasValue(2);

        results.of(new AssembledResults.Slot(SITE, "program", Set.of(1L)), SETTINGS, folded());
        results.of(viewer, SETTINGS.withThemeEnds(Map.of("T-1", TODAY)), folded());
        assertThat(assembled).as("another viewer, other settings").hasValue(4);
    }

    /**
     * Random edits, moves, deletions and new issues written through another instance:
     * each view's result, worked out from the last one, equals a cold fold's (fixed
     * seed).
     */
    @Test
    void resultsWorkedOutFromTheLastEqualAColdFoldAfterRandomWrites() {
        AssembledResults results = new AssembledResults(new SiteTtl(Duration.ofMinutes(10)),
                AssembledResults.FROM_THE_LAST);
        AssembledResults.Slot viewer = new AssembledResults.Slot(SITE, "program", Set.of(1L, 2L));
        Random random = new Random(7);
        results.of(viewer, SETTINGS, folded());
        for (int step = 0; step < 40; step++) {
            List<IssueFacts> written = new ArrayList<>();
            for (int change = random.nextInt(step % 10 == 0 ? 60 : 4); change >= 0; change--) {
                long id = 1 + random.nextInt(2100);
                String project = random.nextInt(8) == 0 ? PROJECTS.get(random.nextInt(2)) : id % 2 == 0 ? "WEB" : "APP";
                IssueFacts facts = facts(id, project, random.nextInt(9));
                written.add(random.nextInt(6) == 0 ? facts.withLinks(List.of(), List.of()) : facts);
            }
            if (random.nextInt(5) == 0) {
                otherInstance.delete(SITE, List.of(1L + random.nextInt(2000)));
            }
            otherInstance.upsert(SITE, written);
            assertThat(results.of(viewer, SETTINGS, folded())).as("step %d", step).isEqualTo(cold());
        }
    }

    private List<ProjectRollup> folded() {
        return List.copyOf(ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS).values());
    }

    /**
     * The fold alone, apart from a view's other work: 100,000 issues in 20 projects in H2
     * in memory, a warm fold with nothing changed, after 1 and after 100 changed issues
     * (p50 / p95 of 20 each), and the view's result: kept while its folds are, assembled
     * again after a change (forecasts of groups whose inputs did not change kept).
     */
    @Test
    @Tag("benchmark")
    void keptFoldsAt100000Issues() {
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            projects.add("P" + p);
        }
        List<IssueFacts> all = new ArrayList<>();
        for (long id = 1; id <= 100_000; id++) {
            all.add(moved(facts(id, "X", 3), projects.get((int) (id / 5000 % 20))));
        }
        otherInstance.insertNew(SITE, all);
        Random random = new Random(42);
        long start = System.nanoTime();
        ReadModelFold.fold(store, kept, SITE, projects, SETTINGS);
        System.out.printf("first warm fold (nothing kept): %d ms%n", (System.nanoTime() - start) / 1_000_000);
        AssembledResults results = new AssembledResults(new SiteTtl(Duration.ofMinutes(10)),
                AssembledResults.FROM_THE_LAST);
        AssembledResults.Slot viewer = new AssembledResults.Slot(SITE, "program", Set.of(1L));
        results.of(viewer, SETTINGS, List.copyOf(ReadModelFold.fold(store, kept, SITE, projects, SETTINGS).values()));
        for (int k : new int[] { 0, 1, 100 }) {
            long[] millis = new long[20];
            long[] assembly = new long[20];
            long[] views = new long[20];
            for (int i = 0; i < 20; i++) {
                List<IssueFacts> changed = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    IssueFacts was = all.get(random.nextInt(all.size()));
                    changed.add(moved(facts(was.id(), "X", random.nextInt(13)), was.projectKey()));
                }
                otherInstance.upsert(SITE, changed);
                start = System.nanoTime();
                Map<String, ProjectRollup> folded = ReadModelFold.fold(store, kept, SITE, projects, SETTINGS);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                long assembled = System.nanoTime();
                results.of(viewer, SETTINGS, List.copyOf(folded.values()));
                assembly[i] = (System.nanoTime() - assembled) / 1_000_000;
                views[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            Arrays.sort(assembly);
            Arrays.sort(views);
            System.out.printf(
                    "warm fold after %d changed: p50 %d ms, p95 %d ms; result (kept or assembled again) p50 %d ms,"
                            + " p95 %d ms; both p50 %d ms, p95 %d ms%n",
                    k, millis[9], millis[18], assembly[9], assembly[18], views[9], views[18]);
        }
    }

    private ProgramResult warm() {
        Map<String, ProjectRollup> folded = ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS);
        return RollupEngine.rollUp(SETTINGS, folded.values());
    }

    private ProgramResult cold() {
        return RollupEngine.rollUp(SETTINGS,
                ReadModelFold.fold(otherInstance, SITE, PROJECTS, SETTINGS, id -> true).values());
    }

    /**
     * Every 100th issue is an epic; the others are its children and some block the next.
     */
    static IssueFacts facts(long id, String project, double points) {
        boolean epic = id % 100 == 0;
        long parent = id / 100 * 100 + 100;
        List<IssueRef> blocks = id % 7 == 0 ? List.of(new IssueRef(id + 1, key(id + 1))) : List.of();
        return new IssueFacts(id, key(id), project, "issue " + id, epic ? Level.EPIC : Level.STANDARD,
                id % 3 == 0 ? "done" : "indeterminate",
                epic ? Optional.empty() : Optional.of(new IssueRef(parent, key(parent))),
                Optional.of(LocalDate.of(2026, 1, 5)), Optional.empty(), Optional.empty(), Optional.of(points),
                Optional.empty(), List.of("1." + id % 4), Optional.of(new BigDecimal("1.5")), Optional.of("RICE"),
                List.of(), 0, blocks, List.of(), true);
    }

    private static String key(long id) {
        return (id % 2 == 0 ? "WEB" : "APP") + "-" + id;
    }

    static IssueFacts moved(IssueFacts facts, String project) {
        return new IssueFacts(facts.id(), project + "-9" + facts.id(), project, facts.summary(), facts.level(),
                facts.statusCategory(), facts.parent(), facts.created(), facts.resolved(), facts.due(),
                facts.storyPoints(), facts.originalEstimateSeconds(), facts.fixVersions(), facts.valueScore(),
                facts.valueModel(), facts.themeIds(), facts.subtaskCount(), facts.blocks(), facts.blockedBy(),
                facts.valueReadable());
    }

    /** The store, counting every row it hands over (facts or keys). */
    @SuppressWarnings("unchecked")
    static IssueFactsStore counted(IssueFactsStore delegate, AtomicLong rowsRead) {
        return (IssueFactsStore) Proxy.newProxyInstance(ReadModelFoldTest.class.getClassLoader(),
                new Class<?>[] { IssueFactsStore.class }, (proxy, method, args) -> {
                    Object[] passed = args == null ? null : args.clone();
                    if (passed != null && passed[passed.length - 1] instanceof Consumer<?> sink) {
                        Consumer<Object> counting = row -> {
                            rowsRead.incrementAndGet();
                            ((Consumer<Object>) sink).accept(row);
                        };
                        passed[passed.length - 1] = counting;
                    }
                    try {
                        Object answer = method.invoke(delegate, passed);
                        if (method.getName().equals("keys")) {
                            rowsRead.addAndGet(((Map<?, ?>) answer).size());
                        }
                        return answer;
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

}
