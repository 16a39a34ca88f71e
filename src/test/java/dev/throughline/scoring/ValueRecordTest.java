package dev.throughline.scoring;

import dev.throughline.problems.StaleVersionException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.throughline.jira.PropertyValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final RiceModel rice = new RiceModel();

    @Test
    void firstWriteStartsAtVersionOneWithOneHistoryEntry() {
        ValueRecord record = write(Optional.empty(), 0, 500, "alice", T0);

        assertThat(record.version()).isEqualTo(1);
        assertThat(record.score()).isEqualByComparingTo("200");
        assertThat(record.updatedBy()).isEqualTo("alice");
        assertThat(record.history()).hasSize(1);
        assertThat(record.history().get(0).modelVersion()).isEqualTo(1);
    }

    @Test
    void laterWritesPutNewestHistoryFirst() {
        ValueRecord first = write(Optional.empty(), 0, 500, "alice", T0);

        ValueRecord second = write(Optional.of(first), 1, 1000, "bob", T0.plusSeconds(60));

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.history()).extracting(HistoryEntry::by).containsExactly("bob", "alice");
        assertThat(second.history()).extracting(HistoryEntry::score)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("400"), new BigDecimal("200"));
    }

    @Test
    void writeWithStaleVersionIsRefusedAndCarriesTheCurrentValue() {
        ValueRecord first = write(Optional.empty(), 0, 500, "alice", T0);
        ValueRecord second = write(Optional.of(first), 1, 600, "bob", T0.plusSeconds(60));

        assertThatThrownBy(() -> write(Optional.of(second), 1, 700, "carol", T0.plusSeconds(120)))
            .isInstanceOf(StaleVersionException.class)
            .satisfies(e -> assertThat(((StaleVersionException) e).current()).contains(second));
    }

    @Test
    void firstWriteClaimingAnExistingVersionIsStale() {
        assertThatThrownBy(() -> write(Optional.empty(), 3, 500, "alice", T0))
            .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void historyKeepsOnlyTheLastTwentyWrites() {
        ValueRecord record = write(Optional.empty(), 0, 1, "u0", T0);
        for (int i = 2; i <= 30; i++) {
            record = write(Optional.of(record), record.version(), i, "u" + i, T0.plusSeconds(i));
        }

        assertThat(record.version()).isEqualTo(30);
        assertThat(record.history()).hasSize(ValueRecord.HISTORY_LIMIT);
        assertThat(record.history().get(0).by()).isEqualTo("u30");
        assertThat(record.history().get(19).by()).isEqualTo("u11");
    }

    @Test
    void historyKeepsTheScorecardVersionThatMadeEachScore() {
        Scorecard v1 = new Scorecard("growth", "Growth", 1, Scorecard.Form.WEIGHTED_SUM,
                List.of(FormulaTest.criterion("revenue", "Revenue", "1", Criterion.Kind.BENEFIT)));
        Scorecard v2 = v1.nextVersion("Growth", Scorecard.Form.WEIGHTED_SUM,
                List.of(FormulaTest.criterion("revenue", "Revenue", "2", Criterion.Kind.BENEFIT)));
        ScoringModel m1 = new ScorecardModel(v1);
        ScoringModel m2 = new ScorecardModel(v2);
        ValueRecord first = ValueRecord.write(Optional.empty(), 0, m1, InputParser.parse(m1, Map.of("revenue", 5)), T0,
                "a");

        ValueRecord second = ValueRecord.write(Optional.of(first), 1, m2, InputParser.parse(m2, Map.of("revenue", 5)),
                T0, "a");

        assertThat(second.modelVersion()).isEqualTo(2);
        assertThat(second.score()).isEqualByComparingTo("10");
        assertThat(second.history()).extracting(HistoryEntry::modelVersion).containsExactly(2, 1);
    }

    private ValueRecord write(Optional<ValueRecord> current, long expected, int reach, String by, Instant at) {
        ScoreInputs inputs = InputParser.parse(rice,
                Map.of("reach", reach, "impact", 2, "confidence", 80, "effort", 4));
        return ValueRecord.write(current, expected, rice, inputs, at, by);
    }

    @Test
    void storedFormRoundTripsAndUsesTheIndexedDateFormat() {
        ValueRecord first = write(Optional.empty(), 0, 500, "alice", Instant.parse("2026-11-01T10:00:00.789Z"));
        ValueRecord second = write(Optional.of(first), 1, 900, "bob", Instant.parse("2026-11-02T11:30:05Z"));

        Map<String, Object> stored = ValueRecordCodec.toMap(second);

        assertThat(stored.get("updatedAt")).isEqualTo("2026-11-02T11:30:05");
        assertThat(stored).containsKeys("model", "modelVersion", "inputs", "score", "updatedAt", "updatedBy", "version",
                "history");
        ValueRecord read = ValueRecordCodec.fromMap(stored);
        assertThat(read.score()).isEqualByComparingTo(second.score());
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.history()).hasSize(2);
        assertThat(read.history().get(1).at()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void tolerantReadTurnsAnythingButACompleteRecordIntoAnUnreadableValue() {
        ValueRecord first = write(Optional.empty(), 0, 500, "alice", Instant.parse("2026-11-01T10:00:00Z"));
        StoredValue readable = ValueRecordCodec.read(ValueRecordCodec.toMap(first));
        assertThat(readable.record()).contains(first);
        assertThat(readable.unreadable()).isFalse();
        assertThat(readable.accepts(1)).isTrue();
        assertThat(readable.accepts(0)).isFalse();

        StoredValue foreign = ValueRecordCodec.read(Map.of("score", 5, "model", "RICE"));
        assertThat(foreign.record()).isEmpty();
        assertThat(foreign.unreadable()).isTrue();
        assertThat(foreign.problem()).hasValueSatisfying(problem -> assertThat(problem).isNotBlank());
        assertThat(foreign.accepts(0)).isTrue();
        assertThat(foreign.accepts(1)).isFalse();

        StoredValue numbered = ValueRecordCodec.read(Map.of("score", 5, "model", "RICE", "version", 3));
        assertThat(numbered.storedVersion()).isEqualTo(3);
        assertThat(numbered.accepts(3)).isTrue();
        assertThat(numbered.accepts(0)).isTrue();
        assertThat(numbered.accepts(2)).isFalse();

        Map<String, Object> badDate = new HashMap<>(ValueRecordCodec.toMap(first));
        badDate.put("updatedAt", "yesterday");
        assertThat(ValueRecordCodec.read(badDate).unreadable()).isTrue();
        Map<String, Object> zeroVersion = new HashMap<>(ValueRecordCodec.toMap(first));
        zeroVersion.put("version", 0);
        assertThat(ValueRecordCodec.read(zeroVersion).unreadable()).isTrue();
        assertThat(ValueRecordCodec.read("legacy text").unreadable()).isTrue();
        assertThat(ValueRecordCodec.read(List.of(1, 2)).unreadable()).isTrue();
        assertThat(StoredValue.NONE.accepts(0)).isTrue();
        assertThat(StoredValue.NONE.accepts(1)).isFalse();
    }

    @Test
    void malformedStoredValueIsReportedNotMisread() {
        assertThatThrownBy(() -> ValueRecordCodec.fromMap(Map.of("model", "RICE")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullHistoryOfTheLargestScorecardStaysFarBelowJirasPropertyLimit() {
        List<Criterion> criteria = new ArrayList<>();
        Map<String, Object> inputs = new HashMap<>();
        for (int i = 0; i < Scorecard.MAX_CRITERIA; i++) {
            String key = ("criterion_with_a_long_key_" + i + "_xxxxxxxxxxxx").substring(0, 40);
            criteria.add(new Criterion(key, "Criterion " + i, new BigDecimal("999.123456"), BigDecimal.ZERO,
                    new BigDecimal("1000000"), i % 2 == 0 ? Criterion.Kind.BENEFIT : Criterion.Kind.COST));
            inputs.put(key, new BigDecimal("999999.123456"));
        }
        ScoringModel model = new ScorecardModel(new Scorecard("big", "Big", 1, Scorecard.Form.WEIGHTED_SUM, criteria));
        ValueRecord record = null;
        for (int i = 0; i < 25; i++) {
            record = ValueRecord.write(Optional.ofNullable(record), i, model, InputParser.parse(model, inputs), T0,
                    "557058:0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        }

        String json = PropertyValue.ofMap(ValueRecordCodec.toMap(record)).json();

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(32_768);
        System.out.printf("largest throughline.value: %,d bytes (Jira's limit 32,768)%n",
                json.getBytes(StandardCharsets.UTF_8).length);
    }

}
