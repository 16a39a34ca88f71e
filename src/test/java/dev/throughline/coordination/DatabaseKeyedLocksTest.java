package dev.throughline.coordination;

import dev.throughline.problems.BusyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keyed locks on H2, each caller on its own connection as two app instances would be
 * (the same code runs on PostgreSQL's advisory locks in {@code SeveralInstancesTest}).
 */
class DatabaseKeyedLocksTest {

    private final DataSource database = CoordinationDatabase.h2();

    private final KeyedLocks locks = new DatabaseKeyedLocks(database, Duration.ofSeconds(20), 20);

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondCallerOfTheSameKeyRunsOnlyAfterTheFirstHasFinished() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> locks.withLock("site-a", "score:WEB-1", () -> {
            events.add("first in");
            firstInside.countDown();
            await(releaseFirst);
            events.add("first out");
        }));
        firstInside.await();
        Future<?> second = threads.submit(() -> locks.withLock("site-a", "score:WEB-1", () -> events.add("second")));

        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly("first in", "first out", "second");
    }

    @Test
    void otherKeysAndOtherSitesDoNotWait() throws Exception {
        Runnable release = holdOnAnotherThread(locks, "score:WEB-1");

        String otherKey = threads.submit(() -> locks.withLock("site-a", "score:WEB-2", () -> "ran"))
            .get(10, TimeUnit.SECONDS);
        String otherSite = threads.submit(() -> locks.withLock("site-b", "score:WEB-1", () -> "ran"))
            .get(10, TimeUnit.SECONDS);

        assertThat(otherKey).isEqualTo("ran");
        assertThat(otherSite).isEqualTo("ran");
        release.run();
    }

    @Test
    void aCallerThatCannotHaveTheLockWithinTheWaitIsToldBusyAndItsActionNeverRuns() throws Exception {
        KeyedLocks impatient = new DatabaseKeyedLocks(database, Duration.ofMillis(200), 20);
        Runnable release = holdOnAnotherThread(locks, "themes");
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> impatient.withLock("site-a", "themes", () -> ran.set(true)))
            .isInstanceOf(BusyException.class)
            .hasMessageContaining("Try again");
        assertThat(ran).isFalse();
        release.run();
    }

    @Test
    void beyondMaxLocksCallersAtOnceTheNextIsToldBusyEvenForAFreeKeySoThePoolKeepsConnectionsForOthers()
            throws Exception {
        KeyedLocks oneAtATime = new DatabaseKeyedLocks(database, Duration.ofMillis(200), 1);
        Runnable release = holdOnAnotherThread(oneAtATime, "board:1");

        assertThatThrownBy(() -> oneAtATime.withLock("site-a", "board:2", () -> "ran"))
            .isInstanceOf(BusyException.class);
        release.run();
        assertThat(oneAtATime.withLock("site-a", "board:2", () -> "ran")).isEqualTo("ran");
    }

    @Test
    void twoCallersTakingOverlappingKeysInOppositeOrdersBothFinish() throws Exception {
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> keys = i % 2 == 0 ? List.of("score:WEB-1", "score:WEB-2", "score:WEB-3")
                    : List.of("score:WEB-3", "score:WEB-2", "score:WEB-1");
            runs.add(threads.submit(() -> locks.withLock("site-a", keys, () -> 1)));
        }
        int finished = 0;
        for (Future<Integer> run : runs) {
            finished += run.get(20, TimeUnit.SECONDS);
        }
        assertThat(finished).isEqualTo(20);
    }

    @Test
    void aNestedCallForAKeyTheThreadHoldsRunsWithoutWaitingForItself() {
        String result = locks.withLock("site-a", "score:WEB-1",
                () -> locks.withLock("site-a", List.of("score:WEB-1", "score:WEB-2"), () -> "nested"));

        assertThat(result).isEqualTo("nested");
    }

    @Test
    void theLockIsFreeAgainAfterTheActionFailed() throws Exception {
        assertThatThrownBy(() -> locks.withLock("site-a", "board:7", () -> {
            throw new IllegalStateException("Jira failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("Jira failed");

        String next = threads.submit(() -> new DatabaseKeyedLocks(database, Duration.ofMillis(500), 20)
            .withLock("site-a", "board:7", () -> "ran")).get(10, TimeUnit.SECONDS);
        assertThat(next).isEqualTo("ran");
    }

    /**
     * Takes the key on another thread and keeps it; running the answer lets it go (and
     * waits until it has).
     */
    private Runnable holdOnAnotherThread(KeyedLocks locks, String key) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> locks.withLock("site-a", key, () -> {
            inside.countDown();
            await(release);
        }));
        inside.await();
        return () -> {
            release.countDown();
            try {
                holder.get(10, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
