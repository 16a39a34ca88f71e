package dev.throughline.readmodel.service;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.PropertyChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property events applied to the read model: a set with its value or a deletion without a
 * Jira call, a set without its value by a re-read of the issue, other properties and
 * projects not held ignored, stale deliveries dropped.
 */
class PropertyEventsTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    private MemoryIssueFacts store;

    private IssueEvents events;

    @BeforeEach
    void held() {
        store = new MemoryIssueFacts();
        store.synced("s", List.of("WEB"), T, "");
        store.upsert("s",
                List.of(new IssueFacts(7, "WEB-7", "WEB", "seven", Level.STANDARD, "new", Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(), Optional.empty(), Optional.empty(), List.of(), 0, List.of(), List.of(), true)));
        events = new IssueEvents(store);
    }

    private static PropertyChange set(long id, String key, Object value, Instant at) {
        @SuppressWarnings("unchecked")
        Optional<Map<String, Object>> object = value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m)
                : Optional.empty();
        return new PropertyChange(id, "WEB-" + id, Optional.of("WEB"), key, false, true, object, Optional.of(at));
    }

    private IssueFacts seven() {
        return store.byId("s", 7).orElseThrow();
    }

    @Test
    void aSetWithItsValueAndADeletionAreAppliedAndAStaleSetIsDropped() {
        assertThat(events.propertyChanged("s", set(7, "throughline.value", Map.of("score", 42, "model", "RICE"), T)))
            .containsExactly("WEB");
        assertThat(seven().valueScore()).contains(new BigDecimal("42"));
        assertThat(seven().valueModel()).contains("RICE");
        assertThat(seven().valueReadable()).as("not a whole record").isFalse();

        events.propertyChanged("s", new PropertyChange(7, "WEB-7", Optional.empty(), "throughline.value", true, false,
                Optional.empty(), Optional.of(T.plusSeconds(2))));
        assertThat(seven().valueScore()).isEmpty();
        assertThat(seven().valueReadable()).isTrue();

        events.propertyChanged("s",
                set(7, "throughline.value", Map.of("score", 42, "model", "RICE"), T.plusSeconds(1)));
        assertThat(seven().valueScore()).as("the late set is older than the deletion").isEmpty();

        events.propertyChanged("s", set(7, "throughline.themes", Map.of("themeIds", List.of("t1", "t2")), T));
        assertThat(seven().themeIds()).containsExactly("t1", "t2");
        assertThat(store.dirty("s", List.of("WEB"))).isEmpty();
    }

    @Test
    void aSetWithoutItsValueOrOfAnIssueNotHeldIsReadAgainAndOtherPropertiesAreIgnored() {
        assertThat(events.propertyChanged("s", set(7, "other.tool", Map.of("a", 1), T))).isEmpty();
        assertThat(events.propertyChanged("s", set(99, "throughline.value", Map.of("score", 1), T)))
            .containsExactly("WEB");
        events.propertyChanged("s", new PropertyChange(7, "WEB-7", Optional.empty(), "throughline.themes", false, false,
                Optional.empty(), Optional.empty()));
        assertThat(store.dirty("s", List.of("WEB"))).extracting(d -> d.key())
            .containsExactlyInAnyOrder("WEB-7", "WEB-99");
        assertThat(events.propertyChanged("s", new PropertyChange(5, "MOB-5", Optional.of("MOB"), "throughline.value",
                false, true, Optional.empty(), Optional.of(T))))
            .as("a project not held")
            .isEmpty();
    }

}
