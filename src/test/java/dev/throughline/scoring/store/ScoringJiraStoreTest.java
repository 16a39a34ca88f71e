package dev.throughline.scoring.store;

import dev.throughline.scoring.HistoryEntry;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringJiraStoreTest {

    @Test
    void oversizedHistoryIsTrimmedOldestFirstToFitJirasLimit() {
        Map<String, BigDecimal> inputs = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            inputs.put("input_number_" + i, new BigDecimal("123456.654321"));
        }
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        HistoryEntry entry = new HistoryEntry(at, "someone", "scorecard:x", 1, inputs, BigDecimal.TEN);
        ValueRecord record = new ValueRecord("scorecard:x", 1, inputs, BigDecimal.TEN, at, "someone", 20,
                Collections.nCopies(20, entry));

        Map<String, Object> stored = ScoringJiraStore.encode(record).asMap();

        assertThat(((List<?>) stored.get("history")).size()).isBetween(1, 19);
        assertThat(ValueRecordCodec.fromMap(stored).version()).isEqualTo(20);
    }

    @Test
    void sidebarStatusIsALozengeWithTheLabel() {
        assertThat(ScoringJiraStore.glanceStatus("RICE 200").asMap())
            .isEqualTo(Map.of("type", "lozenge", "value", Map.of("label", "RICE 200", "type", "default")));
        assertThat(new ScoringJiraStore("throughline").glanceStatusKey())
            .isEqualTo("com.atlassian.jira.issue:throughline:value-context:status");
    }

}
