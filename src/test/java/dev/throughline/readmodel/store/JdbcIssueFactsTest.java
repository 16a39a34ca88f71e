package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ParentSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database store's first-read path (INSERT only, a held row replaced after all) and
 * its streamed reads, on H2 and on PostgreSQL (whose driver streams only inside a
 * transaction).
 */
class JdbcIssueFactsTest {

    private static IssueFactsStore store(String database) throws Exception {
        return ReadModelDatabase.store(TestDatabases.fresh(database));
    }

    static IssueFacts facts(long id, String project, String summary) {
        return new IssueFacts(id, project + "-" + id, project, summary, Level.STANDARD, "indeterminate",
                Optional.of(new IssueRef(1, project + "-1")), Optional.of(LocalDate.of(2026, 1, 5)), Optional.empty(),
                Optional.empty(), Optional.of(3.0), Optional.empty(), List.of("1.0"),
                Optional.of(new BigDecimal("12.5")), Optional.of("RICE"), List.of("t-1"), 0, List.of(), List.of(),
                true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void aFullReadInsertsItsPagesAndStreamsThemBack(String database) throws Exception {
        IssueFactsStore store = store(database);
        List<IssueFacts> page = new ArrayList<>();
        for (long id = 1; id <= 2500; id++) {
            page.add(facts(id, id % 2 == 0 ? "WEB" : "APP", "issue " + id));
        }
        store.insertNew("site", page);

        List<IssueFacts> read = new ArrayList<>();
        store.forEach("site", List.of("WEB", "APP"), read::add);
        assertThat(read).containsExactlyInAnyOrderElementsOf(page);
        Map<Long, String> keys = store.keys("site", List.of("WEB"));
        assertThat(keys).hasSize(1250).containsEntry(2L, "WEB-2").doesNotContainKey(1L);
        assertThat(store.keys("other", List.of("WEB"))).isEmpty();
    }

    /**
     * Theme progress's reads: the database picks the rows carrying theme links, and the
     * children of a parent are found by the parent read from each row first; a summary
     * that looks like either field fools neither.
     */
    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void themedRowsAndChildrenAreTheRowsAFullReadWouldPick(String database) throws Exception {
        IssueFactsStore store = store(database);
        List<IssueFacts> rows = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            IssueFacts f = facts(id, id % 3 == 0 ? "WEB" : "APP",
                    id % 7 == 0 ? "\"t\":[\"x\"] \"p\":{\"i\":5}" : "issue");
            Optional<IssueRef> parent = id % 5 == 0 ? Optional.empty()
                    : Optional.of(id % 2 == 0 ? new IssueRef(id % 4, "WEB-" + id % 4) : new IssueRef(0, "WEB-3"));
            rows.add(new IssueFacts(f.id(), f.key(), f.projectKey(), f.summary(), f.level(), f.statusCategory(), parent,
                    f.created(), f.resolved(), f.due(), f.storyPoints(), f.originalEstimateSeconds(), f.fixVersions(),
                    f.valueScore(), f.valueModel(), id % 10 == 0 ? List.of("t-" + id) : List.of(), 0, List.of(),
                    List.of(), true));
        }
        store.insertNew("site", rows);
        ParentSet parents = new ParentSet(Set.of(2L), Set.of("WEB-3"));

        List<IssueFacts> themed = new ArrayList<>();
        store.forEachThemed("site", List.of("WEB", "APP"), themed::add);
        List<IssueFacts> children = new ArrayList<>();
        store.forEachChildOf("site", List.of("WEB", "APP"), parents, children::add);

        assertThat(themed).hasSize(30)
            .containsExactlyInAnyOrderElementsOf(rows.stream().filter(f -> !f.themeIds().isEmpty()).toList());
        assertThat(children).isNotEmpty()
            .containsExactlyInAnyOrderElementsOf(
                    rows.stream().filter(f -> f.parent().map(parents::contains).orElse(false)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void anIssueHeldAfterAllIsReplacedNotDoubled(String database) throws Exception {
        IssueFactsStore store = store(database);
        store.upsert("site", List.of(facts(7, "OLD", "before the move")));

        // moved from a project not being read into one that is, and named twice in one
        // batch (read twice while it moved): the last facts win
        store.insertNew("site", List.of(facts(6, "WEB", "six"), facts(7, "WEB", "moved"), facts(7, "WEB", "moved on")));

        assertThat(store.byId("site", 7)).contains(facts(7, "WEB", "moved on"));
        assertThat(store.ids("site", "OLD")).isEmpty();
        assertThat(store.ids("site", "WEB")).containsExactlyInAnyOrder(6L, 7L);
    }

}
