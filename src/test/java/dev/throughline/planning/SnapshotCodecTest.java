package dev.throughline.planning;

import dev.throughline.jira.PropertyValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A commit snapshot survives its trip through an app property's JSON unchanged. */
class SnapshotCodecTest {

    @Test
    void aSnapshotReadsBackAsWritten() {
        PlanSnapshot snapshot = new PlanSnapshot("p1", Instant.parse("2027-01-05T10:15:30Z"),
                List.of("2027-Q1", "2027-Q2"), List.of(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 6, 30)),
                List.of(new PlanSnapshot.CommittedItem("WEB-1", "WEB", 0, 5, 90.5, 0.82),
                        new PlanSnapshot.CommittedItem("MOB-2", "MOB", 1, 3.25, 10, 0)));
        String json = PropertyValue.ofMap(SnapshotCodec.toMap(snapshot)).json();
        assertThat(SnapshotCodec.fromMap(PropertyValue.ofJson(json).asMap())).isEqualTo(snapshot);
    }

}
