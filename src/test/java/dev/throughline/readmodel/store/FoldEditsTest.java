package dev.throughline.readmodel.store;

import dev.throughline.readmodel.FactsEdit;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bucket's in-place edits by revision ({@code throughline-010-fold-edits.yaml}):
 * what upserts record, what leaves a revision undescribed ("cannot tell"), pruning, and
 * two instances editing one bucket at once, on H2 and PostgreSQL.
 */
class FoldEditsTest {

    private static final String SITE = "site";

    private static IssueFacts facts(long id, String project, String summary) {
        return JdbcIssueFactsTest.facts(id, project, summary);
    }

    private static IssueFacts rekeyed(IssueFacts f, String key) {
        return new IssueFacts(f.id(), key, f.projectKey(), f.summary(), f.level(), f.statusCategory(), f.parent(),
                f.created(), f.resolved(), f.due(), f.storyPoints(), f.originalEstimateSeconds(), f.fixVersions(),
                f.valueScore(), f.valueModel(), f.themeIds(), 0, List.of(), List.of(), true);
    }

    private static long revision(IssueFactsStore store, String project, int bucket) {
        return store.revisions(SITE, List.of(project)).orElseThrow().of(new Part(project, bucket));
    }

    /** Ids 1–10 of APP (bucket 0) and 256–260 (bucket 1), id 20 of WEB (bucket 0). */
    private static IssueFactsStore held(DataSource dataSource) {
        IssueFactsStore store = ReadModelDatabase.store(dataSource);
        List<IssueFacts> rows = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            rows.add(facts(id, "APP", "issue " + id));
        }
        for (long id = 256; id <= 260; id++) {
            rows.add(facts(id, "APP", "issue " + id));
        }
        rows.add(facts(20, "WEB", "issue 20"));
        store.insertNew(SITE, rows);
        return store;
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void editsOfHeldRowsAreReturnedWithTheirRowsBeforeAndAfterInRevisionOrder(String database) throws Exception {
        IssueFactsStore store = held(TestDatabases.fresh(database));
        long r = revision(store, "APP", 0);

        store.upsert(SITE, List.of(facts(3, "APP", "three b")));
        store.upsert(SITE, List.of(facts(3, "APP", "three c")));
        store.upsert(SITE, List.of(facts(5, "APP", "five b"), facts(4, "APP", "four b")));

        assertThat(revision(store, "APP", 0)).isEqualTo(r + 3);
        assertThat(store.editsIn(SITE, "APP", 0, r, r + 3))
            .contains(List.of(new FactsEdit(r + 1, facts(3, "APP", "issue 3"), facts(3, "APP", "three b")),
                    new FactsEdit(r + 2, facts(3, "APP", "three b"), facts(3, "APP", "three c")),
                    new FactsEdit(r + 3, facts(4, "APP", "issue 4"), facts(4, "APP", "four b")),
                    new FactsEdit(r + 3, facts(5, "APP", "issue 5"), facts(5, "APP", "five b"))));
        assertThat(store.editsIn(SITE, "APP", 0, r + 1, r + 2))
            .contains(List.of(new FactsEdit(r + 2, facts(3, "APP", "three b"), facts(3, "APP", "three c"))));
        assertThat(store.editsIn(SITE, "APP", 0, r + 3, r + 3)).contains(List.of());
        assertThat(store.editsIn(SITE, "APP", 0, r, r + 4)).as("a revision not written yet").isEmpty();
        assertThat(store.editsIn(SITE, "APP", 1, revision(store, "APP", 1) - 1, revision(store, "APP", 1)))
            .as("the insert that wrote bucket 1")
            .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void aBatchThatAddsMovesOrReKeysARowOfABucketDescribesNoneOfItsEditsThereButKeepsOtherBuckets(String database)
            throws Exception {
        IssueFactsStore store = held(TestDatabases.fresh(database));
        Map<String, IssueFacts> others = Map.of("a new row", facts(11, "APP", "new"), "a move",
                facts(4, "WEB", "moved"), "a re-key", rekeyed(facts(5, "APP", "re-keyed"), "APP-X5"));
        int round = 0;
        for (Map.Entry<String, IssueFacts> other : others.entrySet()) {
            round++;
            long r0 = revision(store, "APP", 0);
            long r1 = revision(store, "APP", 1);
            long web = revision(store, "WEB", 0);
            IssueFacts edit = facts(3, "APP", "edit " + round);
            IssueFacts elsewhere = facts(257, "APP", "edit " + round);
            IssueFacts before = store.byId(SITE, 257).orElseThrow();

            store.upsert(SITE, List.of(edit, other.getValue(), elsewhere));

            assertThat(revision(store, "APP", 0)).isEqualTo(r0 + 1);
            assertThat(store.editsIn(SITE, "APP", 0, r0, r0 + 1)).as(other.getKey()).isEmpty();
            assertThat(store.editsIn(SITE, "APP", 1, r1, r1 + 1)).as(other.getKey())
                .contains(List.of(new FactsEdit(r1 + 1, before, elsewhere)));
            if (revision(store, "WEB", 0) > web) {
                assertThat(store.editsIn(SITE, "WEB", 0, web, web + 1)).as(other.getKey()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void insertNewAndDeleteLeaveTheirRevisionsUndescribed(String database) throws Exception {
        IssueFactsStore store = held(TestDatabases.fresh(database));
        long r = revision(store, "APP", 0);

        store.upsert(SITE, List.of(facts(3, "APP", "three b")));
        store.delete(SITE, List.of(6L));
        store.upsert(SITE, List.of(facts(3, "APP", "three c")));
        store.insertNew(SITE, List.of(facts(12, "APP", "twelve")));

        assertThat(revision(store, "APP", 0)).isEqualTo(r + 4);
        assertThat(store.editsIn(SITE, "APP", 0, r, r + 1)).get().asList().hasSize(1);
        assertThat(store.editsIn(SITE, "APP", 0, r, r + 3)).as("across the delete").isEmpty();
        assertThat(store.editsIn(SITE, "APP", 0, r + 2, r + 3)).get().asList().hasSize(1);
        assertThat(store.editsIn(SITE, "APP", 0, r + 2, r + 4)).as("across insertNew").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void onlyTheLast32RevisionsOfABucketAreKept(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        IssueFactsStore store = held(dataSource);
        long r = revision(store, "APP", 0);

        for (int edit = 1; edit <= 40; edit++) {
            store.upsert(SITE, List.of(facts(1 + edit % 3, "APP", "edit " + edit)));
        }

        assertThat(store.editsIn(SITE, "APP", 0, 0, r + 40)).isEmpty();
        assertThat(store.editsIn(SITE, "APP", 0, r, r + 40)).isEmpty();
        assertThat(store.editsIn(SITE, "APP", 0, r + 20, r + 40)).get()
            .satisfies(edits -> assertThat(edits).extracting(FactsEdit::revision)
                .containsExactlyElementsOf(LongStream.rangeClosed(r + 21, r + 40).boxed().toList()));
        assertThat(store.editsIn(SITE, "APP", 0, r + 8, r + 40)).get().asList().hasSize(32);
        assertThat(store.editsIn(SITE, "APP", 0, r + 7, r + 40)).isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM throughline_fold_edit",
                Integer.class))
            .isEqualTo(32);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void forgetDropsTheProjectsEntriesOnly(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        IssueFactsStore store = held(dataSource);
        long app = revision(store, "APP", 0);
        long web = revision(store, "WEB", 0);
        store.upsert(SITE, List.of(facts(3, "APP", "three b"), facts(20, "WEB", "twenty b")));

        store.forget(SITE, List.of("APP"));

        assertThat(store.editsIn(SITE, "APP", 0, app, app + 1)).isEmpty();
        assertThat(store.editsIn(SITE, "WEB", 0, web, web + 1)).get().asList().hasSize(1);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT project_key FROM throughline_fold_edit",
                String.class))
            .containsExactly("WEB");
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void manyBucketsAreAnsweredAtOnceAsEachAlone(String database) throws Exception {
        IssueFactsStore store = held(TestDatabases.fresh(database));
        long r0 = revision(store, "APP", 0);
        long r1 = revision(store, "APP", 1);
        store.upsert(SITE, List.of(facts(3, "APP", "three b"), facts(257, "APP", "b")));
        store.upsert(SITE, List.of(facts(258, "APP", "c")));
        store.upsert(SITE, List.of(facts(259, "APP", "d"), facts(11, "APP", "new")));
        Map<Integer, FactsEdit.Range> ranges = Map.of(0, new FactsEdit.Range(r0, r0 + 2), 1,
                new FactsEdit.Range(r1, r1 + 3), 2, new FactsEdit.Range(0, 0), 3, new FactsEdit.Range(0, 1));

        Map<Integer, Optional<List<FactsEdit>>> all = store.editsIn(SITE, "APP", ranges);

        Map<Integer, Optional<List<FactsEdit>>> alone = new HashMap<>();
        ranges.forEach(
                (bucket, range) -> alone.put(bucket, store.editsIn(SITE, "APP", bucket, range.after(), range.upTo())));
        assertThat(all).isEqualTo(alone);
        assertThat(all.get(0)).isEmpty();
        assertThat(all.get(1)).get().asList().hasSize(3);
        assertThat(all.get(2)).contains(List.of());
        assertThat(all.get(3)).isEmpty();
    }

    /**
     * Two instances edit the same issues of one bucket at once, in rounds of fewer than
     * 32 revisions: every revision is described, and replaying the edits from the rows
     * held before a round gives the rows held after it, each edit's row before being the
     * row the one before it left.
     */
    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void twoInstancesEditingOneBucketAtOnceDescribeEveryRevision(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        IssueFactsStore one = held(dataSource);
        IssueFactsStore other = ReadModelDatabase.store(dataSource);
        for (int round = 0; round < 4; round++) {
            Map<Long, IssueFacts> rows = bucket(one);
            long from = revision(one, "APP", 0);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> edit(one, new Random(1)));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> edit(other, new Random(2)));
            first.get();
            second.get();
            long to = revision(other, "APP", 0);

            assertThat(to - from).as("round %d", round).isEqualTo(30);
            List<FactsEdit> edits = one.editsIn(SITE, "APP", 0, from, to).orElseThrow();
            for (FactsEdit edit : edits) {
                assertThat(edit.before()).as("round %d, revision %d", round, edit.revision())
                    .isEqualTo(rows.get(edit.after().id()));
                rows.put(edit.after().id(), edit.after());
            }
            assertThat(rows).isEqualTo(bucket(other));
        }
    }

    /** 15 upserts of one or two of ids 1–4 with random summaries. */
    private static void edit(IssueFactsStore store, Random random) {
        for (int i = 0; i < 15; i++) {
            List<IssueFacts> batch = new ArrayList<>();
            long id = 1 + random.nextInt(4);
            batch.add(facts(id, "APP", "edit " + random.nextInt()));
            if (random.nextBoolean()) {
                batch.add(facts(1 + (id % 4), "APP", "edit " + random.nextInt()));
            }
            store.upsert(SITE, batch);
        }
    }

    private static Map<Long, IssueFacts> bucket(IssueFactsStore store) {
        Map<Long, IssueFacts> rows = new HashMap<>();
        store.forEachIn(SITE, "APP", List.of(0), f -> rows.put(f.id(), f));
        return rows;
    }

}
