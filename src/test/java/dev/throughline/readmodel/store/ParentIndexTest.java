package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.ParentSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parent column ({@code throughline-009-parent-index.yaml}): children found through
 * its index are the children a scan of every row finds, before, during and after the pass
 * filling rows held before it; the pass is idempotent and two instances may run it at
 * once.
 */
class ParentIndexTest {

    private static final List<String> PROJECTS = List.of("APP", "WEB", "OPS");

    /** An instance's parent column pass, run on the caller's thread. */
    private static JdbcParentIndex index(DataSource dataSource, int chunk) {
        return new JdbcParentIndex(new JdbcTemplate(dataSource), Runnable::run, chunk, Duration.ZERO);
    }

    /** Rows of two sites with random parents: by id (held or not), by key only, none. */
    private static List<IssueFacts> rows(Random random, int count) {
        List<IssueFacts> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            IssueFacts f = JdbcIssueFactsTest.facts(id, PROJECTS.get(random.nextInt(PROJECTS.size())), "issue " + id);
            int kind = random.nextInt(10);
            long parentId = 1 + random.nextInt(count / 10);
            Optional<IssueRef> parent = kind < 2 ? Optional.empty()
                    : Optional.of(new IssueRef(kind == 2 ? 0 : parentId, "APP-" + parentId));
            rows.add(new IssueFacts(f.id(), f.key(), f.projectKey(), f.summary(), f.level(), f.statusCategory(), parent,
                    f.created(), f.resolved(), f.due(), f.storyPoints(), f.originalEstimateSeconds(), f.fixVersions(),
                    f.valueScore(), f.valueModel(), f.themeIds(), 0, List.of(), List.of(), true));
        }
        return rows;
    }

    private static ParentSet someParents(Random random, int count) {
        Set<Long> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(1L + random.nextInt(count / 10));
            keys.add("APP-" + (1 + random.nextInt(count / 10)));
        }
        return new ParentSet(ids, random.nextBoolean() ? keys : Set.of());
    }

    /** What a scan of every row finds: each row's parent checked in Java. */
    private static Set<IssueFacts> scanned(List<IssueFacts> rows, List<String> projects, ParentSet parents) {
        return rows.stream()
            .filter(f -> projects.contains(f.projectKey()))
            .filter(f -> f.parent().map(parents::contains).orElse(false))
            .collect(Collectors.toSet());
    }

    private static List<IssueFacts> indexed(JdbcIssueFacts store, List<String> projects, ParentSet parents) {
        List<IssueFacts> found = new ArrayList<>();
        store.forEachChildOf("site", projects, parents, found::add);
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void childrenThroughTheIndexAreTheScansBeforeDuringAndAfterThePass(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        JdbcIssueFacts store = (JdbcIssueFacts) ReadModelDatabase.store(dataSource);
        Random random = new Random(15);
        List<IssueFacts> rows = rows(random, 2000);
        store.insertNew("site", rows);
        store.insertNew("other", rows.subList(0, 500));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // rows held before the column: no parent_id
        jdbc.update("UPDATE throughline_issue SET parent_id = NULL WHERE MOD(issue_id, 3) = 0");
        JdbcParentIndex pass = index(dataSource, 100);

        CompletableFuture<Integer> meanwhile = CompletableFuture.completedFuture(0);
        for (int round = 0; round < 30; round++) {
            List<String> projects = PROJECTS.subList(0, 1 + random.nextInt(PROJECTS.size()));
            ParentSet parents = someParents(random, 2000);
            List<IssueFacts> found = indexed(store, projects, parents);
            assertThat(found).as("round %d", round)
                .containsExactlyInAnyOrderElementsOf(scanned(rows, projects, parents));
            if (round == 10) {
                jdbc.update("UPDATE throughline_issue SET parent_id = NULL WHERE MOD(issue_id, 3) = 0");
                // another instance's pass while this one's children queries run
                meanwhile = CompletableFuture.supplyAsync(() -> index(dataSource, 20).fill("site"));
            }
            if (round == 20) {
                // a pass stopped half way (an instance ended): the rest is still scanned
                jdbc.update("UPDATE throughline_issue SET parent_id = NULL WHERE MOD(issue_id, 2) = 0");
            }
        }
        meanwhile.get();
        pass.fill("site");
        assertThat(columns(jdbc, "site")).isEqualTo(expected(rows));
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void thePassIsIdempotentAndTwoInstancesMayRunItAtOnce(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        JdbcIssueFacts store = (JdbcIssueFacts) ReadModelDatabase.store(dataSource);
        List<IssueFacts> rows = rows(new Random(17), 2000);
        store.insertNew("site", rows);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<Long, Long> written = columns(jdbc, "site");
        assertThat(written).as("every write carries its parent").isEqualTo(expected(rows));
        int unfilled = jdbc.update("UPDATE throughline_issue SET parent_id = NULL");

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> index(dataSource, 200).fill("site"));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> index(dataSource, 300).fill("site"));

        assertThat(one.get() + two.get()).as("each row filled once").isEqualTo(unfilled);
        assertThat(columns(jdbc, "site")).isEqualTo(written);
        assertThat(index(dataSource, 200).fill("site")).as("again: nothing to fill").isZero();
        assertThat(columns(jdbc, "site")).isEqualTo(written);
    }

    private static Map<Long, Long> expected(List<IssueFacts> rows) {
        return rows.stream().collect(Collectors.toMap(IssueFacts::id, f -> JdbcParentIndex.column(f.parent())));
    }

    private static Map<Long, Long> columns(JdbcTemplate jdbc, String site) {
        Map<Long, Long> columns = new HashMap<>();
        jdbc.query("SELECT issue_id, parent_id FROM throughline_issue WHERE site_key = ?", rs -> {
            columns.put(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2));
        }, site);
        return columns;
    }

}
