package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.Level;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
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
    void aValueSeenDirectlyIsReadable() {
        IssueFacts seen = scored(false).withValue(new BigDecimal("7"), "WSJF");

        assertThat(seen.valueReadable()).isTrue();
        assertThat(seen.valueScore()).contains(new BigDecimal("7"));
    }

}
