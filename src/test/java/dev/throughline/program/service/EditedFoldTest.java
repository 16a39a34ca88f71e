package dev.throughline.program.service;

import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupEngine;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.store.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.throughline.program.service.ReadModelFoldTest.facts;
import static dev.throughline.program.service.ReadModelFoldTest.moved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept buckets brought up to date by the edits written since ({@link BucketEdits}): an
 * edited issue's old item is taken out and its new one folded in, no bucket row read, and
 * the totals always equal a cold fold, whichever instance wrote.
 */
class EditedFoldTest {

    private static final String SITE = "site";

    private static final List<String> PROJECTS = List.of("WEB", "APP");

    private static final RollupSettings SETTINGS = RollupSettings.defaults(LocalDate.of(2026, 3, 2));

    private final AtomicLong rowsRead = new AtomicLong();

    /** Runs once, just before the next read of rows for a fold, then is cleared. */
    private final AtomicReference<Runnable> beforeRows = new AtomicReference<>();

    private final KeptRollups kept = new KeptRollups(100);

    private IssueFactsStore store;

    private IssueFactsStore otherInstance;

    @BeforeEach
    void fill() {
        String database = "mem:edited-" + UUID.randomUUID();
        store = ReadModelFoldTest.counted(interrupted(ReadModelDatabase.h2Store(database)), rowsRead);
        otherInstance = ReadModelDatabase.h2Store(database);
        otherInstance.insertNew(SITE, ReadModelFoldTest.twoProjects());
    }

    @Test
    void anEditThroughAnotherInstanceIsFoldedWithoutReadingItsBucket() {
        warm();
        rowsRead.set(0);
        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 13)));

        ProgramResult after = warm();

        // only the keys the edited rows name (a parent and a blocker), no bucket row
        assertThat(rowsRead.get()).as("rows read after one edit").isLessThan(5);
        assertThat(after).isEqualTo(cold());
    }

    @Test
    void editsOfManyBucketsAndSeveralEditsOfOneIssueAreFoldedByDifference() {
        warm();
        rowsRead.set(0);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            long id = 1 + random.nextInt(2000);
            otherInstance.upsert(SITE, List.of(facts(id, id % 2 == 0 ? "WEB" : "APP", random.nextInt(13))));
        }
        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 5)));
        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 8)));

        ProgramResult after = warm();

        assertThat(rowsRead.get()).as("rows read after 102 edits (2,000 issues held)").isLessThan(400);
        assertThat(after).isEqualTo(cold());
    }

    /**
     * The fold reads a bucket's rows after its revision: an edit committed in between is
     * in the rows but not in the revision the bucket is kept at. Applying that edit again
     * by difference at the next view would count it twice, so that bucket is folded again
     * from its rows.
     */
    @Test
    void anEditCommittedWhileTheRowsWereReadIsNotAppliedTwice() {
        warm();
        // a new issue moves the site's keys: the next view folds every row again
        otherInstance.upsert(SITE, List.of(facts(5000, "APP", 5)));
        beforeRows.set(() -> otherInstance.upsert(SITE, List.of(facts(10, "WEB", 12))));
        assertThat(warm()).as("the view whose rows held the edit").isEqualTo(cold());

        assertThat(warm()).as("the next view").isEqualTo(cold());
        otherInstance.upsert(SITE, List.of(facts(12, "WEB", 9)));
        assertThat(warm()).as("after another edit of the bucket").isEqualTo(cold());
    }

    /**
     * Mostly edits (folded by difference), sometimes moves, deletions, new issues and
     * link changes (folded from rows), written through another instance: every view
     * equals a cold fold.
     */
    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4 })
    void randomWritesThroughAnotherInstanceEqualAColdFold(long seed) {
        randomWrites(seed, 40);
    }

    /**
     * The same on PostgreSQL (whose edits are read by one statement listing the buckets),
     * two store instances over one database.
     */
    @Test
    void onPostgresAnEditIsFoldedByDifferenceAndRandomWritesEqualAColdFold() throws Exception {
        DataSource dataSource = ReadModelDatabase.fresh("postgres");
        store = ReadModelFoldTest.counted(interrupted(ReadModelDatabase.store(dataSource)), rowsRead);
        otherInstance = ReadModelDatabase.store(dataSource);
        otherInstance.insertNew(SITE, ReadModelFoldTest.twoProjects());
        warm();
        rowsRead.set(0);
        otherInstance.upsert(SITE, List.of(facts(10, "WEB", 13)));

        assertThat(warm()).isEqualTo(cold());
        assertThat(rowsRead.get()).as("rows read after one edit").isLessThan(5);
        randomWrites(5, 20);
    }

    private void randomWrites(long seed, int steps) {
        Random random = new Random(seed);
        warm();
        for (int step = 0; step < steps; step++) {
            for (int change = random.nextInt(12); change >= 0; change--) {
                long id = 1 + random.nextInt(2000);
                String home = id % 2 == 0 ? "WEB" : "APP";
                IssueFacts edited = facts(id, home, random.nextInt(9));
                switch (random.nextInt(20)) {
                    case 0 -> otherInstance.upsert(SITE, List.of(moved(edited, PROJECTS.get(random.nextInt(2)))));
                    case 1 -> otherInstance.delete(SITE, List.of(id));
                    case 2 -> otherInstance.upsert(SITE, List.of(facts(2000 + random.nextInt(200), home, 3)));
                    case 3 -> otherInstance.upsert(SITE, List.of(edited.withLinks(List.of(), List.of())));
                    default -> otherInstance.upsert(SITE, List.of(edited));
                }
            }
            assertThat(warm()).as("seed %d step %d", seed, step).isEqualTo(cold());
        }
    }

    private ProgramResult warm() {
        Map<String, ProjectRollup> folded = ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS);
        return RollupEngine.rollUp(SETTINGS, folded.values());
    }

    private ProgramResult cold() {
        return RollupEngine.rollUp(SETTINGS,
                ReadModelFold.fold(otherInstance, SITE, PROJECTS, SETTINGS, id -> true).values());
    }

    /** The store, running {@link #beforeRows} before it hands over any row. */
    private IssueFactsStore interrupted(IssueFactsStore delegate) {
        return (IssueFactsStore) Proxy.newProxyInstance(EditedFoldTest.class.getClassLoader(),
                new Class<?>[] { IssueFactsStore.class }, (proxy, method, args) -> {
                    if (method.getName().startsWith("forEach")) {
                        Runnable hook = beforeRows.getAndSet(null);
                        if (hook != null) {
                            hook.run();
                        }
                    }
                    try {
                        return method.invoke(delegate, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

}
