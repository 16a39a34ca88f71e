package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

    @Test
    void everyFieldSurvivesTheColumn() {
        IssueFacts full = new IssueFacts(10002, "WEB-2", "WEB", "Pay \"now\", ünïcode", Level.SUBTASK, "done",
                Optional.of(new IssueRef(10001, "WEB-1")), Optional.of(LocalDate.of(2026, 1, 2)),
                Optional.of(LocalDate.of(2026, 2, 3)), Optional.of(LocalDate.of(2026, 3, 4)), Optional.of(2.5),
                Optional.of(7200L), List.of("1.0", "2.0"), Optional.of(new BigDecimal("12.50")), Optional.of("RICE"),
                List.of("t-1", "t-2"), 3, List.of(new IssueRef(10003, "WEB-3")),
                List.of(new IssueRef(10004, "APP-4"), new IssueRef(10005, "APP-5")), true);

        assertThat(FactsCodec.read(full.id(), full.key(), full.projectKey(), FactsCodec.write(full))).isEqualTo(full);
        IssueFacts bare = new IssueFacts(10006, "WEB-6", "WEB", "", Level.EPIC, "new", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), 0, List.of(), List.of(), true);
        assertThat(FactsCodec.read(bare.id(), bare.key(), bare.projectKey(), FactsCodec.write(bare))).isEqualTo(bare);
    }

    /** A row as the first codec (a Jackson tree) wrote it reads the same. */
    @Test
    void rowsOfTheFirstCodecStayReadable() {
        String written = "{\"s\":\"Checkout\",\"l\":\"STANDARD\",\"c\":\"indeterminate\","
                + "\"p\":{\"i\":10001,\"k\":\"WEB-1\"},\"cr\":\"2026-01-02\",\"d\":\"2026-03-04\",\"sp\":5.0,"
                + "\"oe\":3600,\"fv\":[\"1.0\"],\"v\":12.5,\"vm\":\"WSJF\",\"vu\":true,\"t\":[\"t-1\"],\"st\":2,"
                + "\"b\":[{\"i\":10003,\"k\":\"WEB-3\"}],\"bb\":[{\"i\":10004,\"k\":\"APP-4\"}],\"later\":{\"x\":[1]}}";

        assertThat(FactsCodec.read(10002, "WEB-2", "WEB", written))
            .isEqualTo(new IssueFacts(10002, "WEB-2", "WEB", "Checkout", Level.STANDARD, "indeterminate",
                    Optional.of(new IssueRef(10001, "WEB-1")), Optional.of(LocalDate.of(2026, 1, 2)), Optional.empty(),
                    Optional.of(LocalDate.of(2026, 3, 4)), Optional.of(5.0), Optional.of(3600L), List.of("1.0"),
                    Optional.of(new BigDecimal("12.5")), Optional.of("WSJF"), List.of("t-1"), 2,
                    List.of(new IssueRef(10003, "WEB-3")), List.of(new IssueRef(10004, "APP-4")), false));
    }

}
