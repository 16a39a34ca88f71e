package dev.throughline.program.service;

import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.RollupEngine;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.store.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static dev.throughline.program.service.ReadModelFoldTest.counted;
import static dev.throughline.program.service.ReadModelFoldTest.facts;
import static dev.throughline.program.service.ReadModelFoldTest.moved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refined program's warm view keeps its buckets like any other: a bucket is folded
 * again when it was written or when ids of it joined or left the program (however the
 * membership was changed), and the totals always equal a cold fold of the same ids.
 */
class RefinedFoldTest {

    private static final String SITE = "site";

    private static final List<String> PROJECTS = List.of("WEB", "APP");

    private static final RollupSettings SETTINGS = RollupSettings.defaults(LocalDate.of(2026, 3, 2));

    private final AtomicLong rowsRead = new AtomicLong();

    private final KeptRollups kept = new KeptRollups(100);

    private IssueFactsStore store;

    /** Another app instance's store over the same database. */
    private IssueFactsStore otherInstance;

    private final Set<Long> ids = new HashSet<>();

    @BeforeEach
    void fill() {
        String database = "mem:refined-fold-" + UUID.randomUUID();
        store = counted(ReadModelDatabase.h2Store(database), rowsRead);
        otherInstance = ReadModelDatabase.h2Store(database);
        otherInstance.insertNew(SITE, ReadModelFoldTest.twoProjects());
        for (long id = 1; id <= 2000; id++) {
            if (id % 3 != 0) {
                ids.add(id);
            }
        }
    }

    @Test
    void keptBucketsAreUsedUntilTheirIdsJoinOrLeave() {
        assertThat(warm("refined")).isEqualTo(cold());
        rowsRead.set(0);
        assertThat(warm("refined")).isEqualTo(cold());
        assertThat(rowsRead).as("rows read while nothing changed").hasValue(0);

        ids.add(1500L);
        assertThat(warm("refined")).as("an issue joined").isEqualTo(cold());
        assertThat(rowsRead.get()).as("rows read after one joined").isPositive().isLessThan(300);

        rowsRead.set(0);
        ids.remove(10L);
        assertThat(warm("refined")).as("an issue left").isEqualTo(cold());
        assertThat(rowsRead.get()).as("rows read after one left").isPositive().isLessThan(300);
    }

    @Test
    void programsOverTheSameProjectsKeepTheirOwnBuckets() {
        ProgramResult all = RollupEngine.rollUp(SETTINGS,
                ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS).values());
        assertThat(warm("refined")).isEqualTo(cold()).isNotEqualTo(all);
        assertThat(RollupEngine.rollUp(SETTINGS, ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS).values()))
            .isEqualTo(all);
        ids.clear();
        ids.add(2L);
        assertThat(warm("other")).isEqualTo(cold());
    }

    /**
     * Random joins and leaves (as an event or a search would write them) mixed with
     * random writes through another instance: each view's result, worked out from the
     * last one, equals a cold fold's (fixed seed).
     */
    @Test
    void randomMembershipChangesEqualAColdFold() {
        AssembledResults results = new AssembledResults(new SiteTtl(Duration.ofMinutes(10)),
                AssembledResults.FROM_THE_LAST);
        AssembledResults.Slot viewer = new AssembledResults.Slot(SITE, "refined", Set.of(1L, 2L));
        Random random = new Random(11);
        for (int step = 0; step < 40; step++) {
            for (int change = random.nextInt(step % 10 == 0 ? 80 : 5); change > 0; change--) {
                long id = 1 + random.nextInt(2100);
                if (!ids.remove(id)) {
                    ids.add(id);
                }
            }
            if (random.nextInt(3) == 0) {
                long id = 1 + random.nextInt(2100);
                otherInstance.upsert(SITE, List.of(random.nextInt(8) == 0 ? moved(facts(id, "X", 2), "WEB")
                        : facts(id, id % 2 == 0 ? "WEB" : "APP", random.nextInt(9))));
            }
            if (random.nextInt(7) == 0) {
                otherInstance.delete(SITE, List.of(1L + random.nextInt(2000)));
            }
            ProgramResult view = results.of(viewer, SETTINGS, List
                .copyOf(ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS, members("refined")).values()));
            assertThat(view).as("step %d", step).isEqualTo(cold());
        }
    }

    private BucketMembers members(String programId) {
        return BucketMembers.refined(programId, ids);
    }

    private ProgramResult warm(String programId) {
        return RollupEngine.rollUp(SETTINGS,
                ReadModelFold.fold(store, kept, SITE, PROJECTS, SETTINGS, members(programId)).values());
    }

    private ProgramResult cold() {
        Set<Long> now = Set.copyOf(ids);
        return RollupEngine.rollUp(SETTINGS,
                ReadModelFold.fold(otherInstance, SITE, PROJECTS, SETTINGS, now::contains).values());
    }

}
