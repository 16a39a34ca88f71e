package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.Level;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored value the issue panel cannot read stays marked so through the database, and a
 * record read or written directly replaces it.
 */
class FactsCodecTest {

    static IssueFacts scored(boolean readable) {
        return new IssueFacts(10001, "WEB-1", "WEB", "Checkout", Level.STANDARD, "new", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.of(new BigDecimal("5")), Optional.of("WSJF"), List.of(), 0, List.of(), List.of(), readable);
    }

    @Test
    void readabilityOfTheStoredValueSurvivesTheColumn() {
        for (boolean readable : new boolean[] { true, false }) {
            IssueFacts facts = scored(readable);
            assertThat(FactsCodec.read(facts.id(), facts.key(), facts.projectKey(), FactsCodec.write(facts)))
                .isEqualTo(facts);
        }
        assertThat(FactsCodec.write(scored(true))).doesNotContain("\"vu\"");
    }

    @Test
    void theProjectIdLastUpdateAndThemeLinksSurviveTheColumn() {
        IssueFacts plain = scored(true);
        IssueFacts full = new IssueFacts(plain.id(), plain.key(), plain.projectKey(), plain.summary(), plain.level(),
                plain.statusCategory(), plain.parent(), plain.created(), plain.resolved(), plain.due(),
                plain.storyPoints(), plain.originalEstimateSeconds(), plain.fixVersions(), plain.valueScore(),
                plain.valueModel(), List.of("theme-1"), 0, List.of(), List.of(), true, 10000,
                Optional.of(Instant.parse("2026-03-02T10:15:30Z")),
                Optional.of(new IssueFacts.ValueDetail(3, Map.of("reach", new BigDecimal("0.5")))));

        assertThat(FactsCodec.read(full.id(), full.key(), full.projectKey(), FactsCodec.write(full))).isEqualTo(full);
        assertThat(FactsCodec.read(plain.id(), plain.key(), plain.projectKey(), FactsCodec.write(plain)))
            .isEqualTo(plain);
        assertThat(full.withThemes(List.of("theme-2")).themeIds()).containsExactly("theme-2");
        assertThat(full.withThemes(List.of()).updated()).isEqualTo(full.updated());
    }

    @Test
    void aValueSeenDirectlyIsReadable() {
        IssueFacts seen = scored(false).withValue(new BigDecimal("7"), "WSJF");

        assertThat(seen.valueReadable()).isTrue();
        assertThat(seen.valueScore()).contains(new BigDecimal("7"));
    }

}
