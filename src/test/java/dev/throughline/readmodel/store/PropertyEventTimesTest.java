package dev.throughline.readmodel.store;

import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.PropertyEventTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property event is applied unless a later one about the same issue property was, in
 * memory and through two instances sharing one database.
 */
class PropertyEventTimesTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    /** One in memory, and two instances on one database. */
    private static List<List<PropertyEventTimes>> instances() {
        return List.of(List.of(new MemoryPropertyEventTimes()), ReadModelDatabase.h2PropertyEventTimes());
    }

    @Test
    void onlyAnEventAsLateAsTheLastAppliedGoesThrough() {
        for (List<PropertyEventTimes> instances : instances()) {
            PropertyEventTimes one = instances.get(0);
            PropertyEventTimes other = instances.get(instances.size() - 1);
            assertThat(one.advance("s", 7, "throughline.value", T)).as("first").isTrue();
            assertThat(other.advance("s", 7, "throughline.value", T)).as("the same event again").isTrue();
            assertThat(other.advance("s", 7, "throughline.value", T.plusSeconds(1))).as("a later one").isTrue();
            assertThat(one.advance("s", 7, "throughline.value", T)).as("late: older than the last").isFalse();
            assertThat(one.advance("s", 7, "throughline.themes", T)).as("another property").isTrue();
            assertThat(one.advance("s", 8, "throughline.value", T)).as("another issue").isTrue();
            assertThat(one.advance("other", 7, "throughline.value", T)).as("another site").isTrue();
        }
    }

    @Test
    void theLastTimeIsReadOnEveryInstance() {
        for (List<PropertyEventTimes> instances : instances()) {
            PropertyEventTimes one = instances.get(0);
            PropertyEventTimes other = instances.get(instances.size() - 1);
            assertThat(other.last("s", 0, "throughline.reconciliation")).isEmpty();
            one.advance("s", 0, "throughline.reconciliation", T);
            one.advance("s", 0, "throughline.reconciliation", T.minusSeconds(60));
            assertThat(other.last("s", 0, "throughline.reconciliation")).contains(T);
            assertThat(other.last("other", 0, "throughline.reconciliation")).isEmpty();
        }
    }

}
