package dev.throughline.program.service;

import dev.throughline.jira.Jql;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionQueueTest {

    private static List<Partition> drain(PartitionQueue queue) throws InterruptedException {
        List<Partition> all = new ArrayList<>();
        Optional<Partition> next;
        while ((next = queue.next()).isPresent())
            all.add(next.get());
        return all;
    }

    @Test
    void projectsStartInProgramOrderBeforeTheirSizesAreKnownAndAnEmptyQueueWaitsForThePlan() throws Exception {
        PartitionQueue queue = new PartitionQueue(List.of("A", "B", "C"), 100, 4);
        assertThat(List.of(queue.next().orElseThrow(), queue.next().orElseThrow(), queue.next().orElseThrow()))
            .extracting(Partition::projectKey)
            .containsExactly("A", "B", "C");

        CompletableFuture<Optional<Partition>> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.next();
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(idle).isNotDone();
        queue.plan(Map.of());
        assertThat(idle.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void balancedProjectsAreNotSplitAndWaitLongestFirst() throws Exception {
        PartitionQueue queue = new PartitionQueue(List.of("A", "B", "C", "D", "E"), 100, 4);

        // 24 pages over 4 searches: no project is bigger than a fair share worth
        // splitting
        assertThat(queue.plan(Map.of("A", 500L, "B", 600L, "C", 500L, "D", 700L, "E", 1L))).isEmpty();

        assertThat(drain(queue)).extracting(Partition::projectKey).containsExactly("D", "B", "A", "C", "E");
    }

    @Test
    void aProjectBiggerThanAFairShareGetsKeyRangeReadersStartingOnPageEdges() throws Exception {
        PartitionQueue queue = new PartitionQueue(List.of("SMALL", "HUGE", "TINY"), 100, 4);
        queue.next(); // SMALL already started

        List<Partition> added = queue.plan(Map.of("SMALL", 100L, "HUGE", 2_000L, "TINY", 100L));

        // 22 pages over 4 searches: a fair share is 6 pages, so HUGE (20 pages) is read
        // by 4 readers of 5 pages
        assertThat(added).extracting(Partition::reader).containsExactly(1, 2, 3);
        assertThat(added).extracting(Partition::startKey)
            .containsExactly(OptionalLong.of(501), OptionalLong.of(1001), OptionalLong.of(1501));
        assertThat(added.get(0).jql(Jql.projectIs("HUGE")).text())
            .isEqualTo("project = \"HUGE\" AND key >= \"HUGE-501\" ORDER BY key ASC");
        List<Partition> rest = drain(queue);
        assertThat(rest).extracting(Partition::projectKey).containsExactly("HUGE", "HUGE", "HUGE", "HUGE", "TINY");
        assertThat(rest.subList(0, 4)).allSatisfy(p -> assertThat(p.claims()).isSameAs(rest.get(0).claims()));
    }

    @Test
    void smallProgramsAreNeverSplit() throws Exception {
        PartitionQueue queue = new PartitionQueue(List.of("ONLY"), 100, 4);

        assertThat(queue.plan(Map.of("ONLY", 700L))).isEmpty();
        assertThat(drain(queue)).hasSize(1);
    }

    @Test
    void theBenchmarksSkewedProgramReadsItsBigProjectWithFourReaders() throws Exception {
        List<String> keys = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        keys.add("BIG");
        counts.put("BIG", 5_000L); // half of 10,000 issues
        for (int p = 1; p < 20; p++) {
            keys.add("P" + p);
            counts.put("P" + p, p <= 3 ? 264L : 263L); // the rest spread over 19
                                                       // projects: 3 pages each
        }
        PartitionQueue queue = new PartitionQueue(keys, 100, 4);
        queue.next();

        List<Partition> added = queue.plan(counts);

        // 107 pages over 4 searches: a fair share is 27 pages; BIG (50) is read in pieces
        // of 13 pages
        assertThat(added).extracting(Partition::startKey)
            .containsExactly(OptionalLong.of(1301), OptionalLong.of(2601), OptionalLong.of(3901));
    }

}
