package dev.throughline.program.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionQueueTest {

    private static List<Partition> drain(PartitionQueue queue) {
        List<Partition> all = new ArrayList<>();
        Optional<Partition> next;
        while ((next = queue.next()).isPresent()) all.add(next.get());
        return all;
    }

    @Test
    void projectsStartInProgramOrderBeforeTheirSizesAreKnown() {
        PartitionQueue queue = new PartitionQueue(List.of("A", "B", "C"), 100, 4);

        assertThat(drain(queue)).extracting(Partition::projectKey).containsExactly("A", "B", "C");
    }

    @Test
    void balancedProjectsAreNotSplitAndWaitLongestFirst() {
        PartitionQueue queue = new PartitionQueue(List.of("A", "B", "C", "D", "E"), 100, 4);

        // 24 pages over 4 searches: no project is bigger than a fair share worth splitting
        assertThat(queue.plan(Map.of("A", 500L, "B", 600L, "C", 500L, "D", 700L, "E", 1L))).isEmpty();

        assertThat(drain(queue)).extracting(Partition::projectKey).containsExactly("D", "B", "A", "C", "E");
    }

    @Test
    void aProjectBiggerThanAFairShareGetsKeyRangeReadersStartingOnPageEdges() {
        PartitionQueue queue = new PartitionQueue(List.of("SMALL", "HUGE", "TINY"), 100, 4);
        queue.next(); // SMALL already started

        List<Partition> added = queue.plan(Map.of("SMALL", 100L, "HUGE", 2_000L, "TINY", 100L));

        // 22 pages over 4 searches: a fair share is 6 pages, so HUGE (20 pages) is read by 4 readers of 5 pages
        assertThat(added).extracting(Partition::reader).containsExactly(1, 2, 3);
        assertThat(added).extracting(Partition::startKey)
                .containsExactly(OptionalLong.of(501), OptionalLong.of(1001), OptionalLong.of(1501));
        assertThat(added.get(0).jql("project = \"HUGE\""))
                .isEqualTo("project = \"HUGE\" AND key >= \"HUGE-501\" ORDER BY key ASC");
        List<Partition> rest = drain(queue);
        assertThat(rest).extracting(Partition::projectKey).containsExactly("HUGE", "HUGE", "HUGE", "HUGE", "TINY");
        assertThat(rest.subList(0, 4)).allSatisfy(p -> assertThat(p.claims()).isSameAs(rest.get(0).claims()));
    }

    @Test
    void smallProgramsAreNeverSplit() {
        PartitionQueue queue = new PartitionQueue(List.of("ONLY"), 100, 4);

        assertThat(queue.plan(Map.of("ONLY", 700L))).isEmpty();
        assertThat(drain(queue)).hasSize(1);
    }
}
