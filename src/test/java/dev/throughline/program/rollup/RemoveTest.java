package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.story;
import static dev.throughline.program.rollup.TestIssue.subtask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An issue taken out of a rollup ({@link ProjectRollup#remove}) leaves exactly the rollup
 * of the other issues: every tally (decimal scales included), group, week, model,
 * container, link end and link as a fresh fold has them, on copies and merges too.
 */
class RemoveTest {

    private static final RollupSettings SETTINGS = TestIssue.settings().withTrials(50);

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
    void acceptingRemovingAndReplacingRandomIssuesAlwaysEqualsAFreshFold(long seed) {
        RandomIssues pool = new RandomIssues(new Random(seed));
        Random random = new Random(seed * 31);
        RollupSettings settings = SETTINGS.withIncludeSubtasks(seed % 2 == 0)
            .withProgressBasis(ProgressBasis.values()[(int) (seed % ProgressBasis.values().length)]);
        Map<String, ProgramIssue> folded = new LinkedHashMap<>();
        ProjectRollup rollup = new ProjectRollup(settings);
        for (int step = 0; step < 250; step++) {
            ProjectRollup original = null;
            int shape = random.nextInt(10);
            if (shape == 0) {
                original = rollup;
                rollup = rollup.copy();
            }
            else if (shape == 1) {
                rollup = mergeOfTwo(settings, rollup, folded.values(), random);
            }
            Map<String, ProgramIssue> before = new LinkedHashMap<>(folded);
            String key = pool.key();
            ProgramIssue was = folded.remove(key);
            if (was != null) {
                rollup.remove(was);
            }
            if (was == null || random.nextInt(3) > 0) {
                ProgramIssue now = was != null && random.nextBoolean() ? pool.edited(was) : pool.issue(key);
                folded.put(key, now);
                rollup.accept(now);
            }
            ProjectRollup fresh = fold(settings, folded.values());
            assertThat(sameFolds(rollup, fresh)).as("seed %d step %d: the tallies of a fresh fold", seed, step)
                .isTrue();
            assertThat(RollupEngine.rollUp(settings, List.of(rollup)))
                .as("seed %d step %d: the result of a fresh fold", seed, step)
                .isEqualTo(RollupEngine.rollUp(settings, List.of(fresh)));
            if (original != null) {
                assertThat(sameFolds(original, fold(settings, before.values())))
                    .as("seed %d step %d: the original of a copy is unchanged", seed, step)
                    .isTrue();
            }
        }
    }

    /**
     * The same folds as a merge of two rollups: some issues taken out and folded into a
     * second one.
     */
    private static ProjectRollup mergeOfTwo(RollupSettings settings, ProjectRollup rollup,
            Collection<ProgramIssue> folded, Random random) {
        ProjectRollup other = new ProjectRollup(settings);
        for (ProgramIssue issue : folded) {
            if (random.nextInt(3) == 0) {
                rollup.remove(issue);
                other.accept(issue);
            }
        }
        return ProjectRollup.merge(settings, List.of(rollup, other));
    }

    @Test
    void aRemovalWithOtherPointsThanFoldedIsCaughtByTheComparison() {
        ProgramIssue folded = story("A-1").points(3).inProgress().build();
        ProjectRollup rollup = fold(SETTINGS, List.of(folded, story("A-2").points(1).build()));

        rollup.remove(story("A-1").points(2).inProgress().build());

        ProjectRollup fresh = fold(SETTINGS, List.of(story("A-2").points(1).build()));
        assertThat(sameFolds(rollup, fresh)).isFalse();
        assertThat(RollupEngine.rollUp(SETTINGS, List.of(rollup)))
            .isNotEqualTo(RollupEngine.rollUp(SETTINGS, List.of(fresh)));
    }

    @Test
    void takingOneAndAHalfOutOfTwoAndOneAndAHalfLeavesTwoAtScaleZero() {
        ProgramIssue half = story("A-2").value("1.5").done().build();
        ProjectRollup rollup = fold(SETTINGS, List.of(story("A-1").value("2").done().build(), half));
        assertThat(rollup.program().valueTotal).isEqualTo(new BigDecimal("3.5"));

        rollup.remove(half);

        assertThat(rollup.program().valueTotal.toPlainString()).isEqualTo("2");
        assertThat(rollup.program().valueDone).isEqualTo(new BigDecimal("2"));
        assertThat(rollup.program().valueByModel.get("").total).isEqualTo(new BigDecimal("2"));
        GroupSummary program = RollupEngine.rollUp(SETTINGS, List.of(rollup)).program();
        assertThat(program.valueTotal().scale()).isZero();
        assertThat(program.valueByModel().get(0).total().scale()).isZero();
    }

    @Test
    void scalesAboveTheCountedArrayAndNegativeScalesComeOutExact() {
        ProgramIssue tiny = story("A-1").value("0.00000000000000000012345").build();
        ProgramIssue half = story("A-2").value("1.5").build();
        ProgramIssue hundred = story("A-3").value("1E+2").build();
        ProjectRollup rollup = fold(SETTINGS, List.of(tiny, half, hundred));

        rollup.remove(tiny);
        assertThat(rollup.program().valueTotal).isEqualTo(new BigDecimal("101.5"));
        rollup.remove(half);
        assertThat(rollup.program().valueTotal).isEqualTo(new BigDecimal("100"));
        assertThat(sameFolds(rollup, fold(SETTINGS, List.of(hundred)))).isTrue();
        rollup.remove(hundred);
        assertThat(sameFolds(rollup, new ProjectRollup(SETTINGS))).isTrue();
    }

    @Test
    void pointsKeepTheLargestScaleLeftAfterATakeOut() {
        ProgramIssue quarter = story("A-2").points(0.25).build();
        ProjectRollup rollup = fold(SETTINGS, List.of(story("A-1").points(2).build(), quarter));
        assertThat(rollup.program().pointsTotal).isEqualTo(new BigDecimal("2.25"));

        rollup.remove(quarter);

        // a double's points carry one decimal at least (BigDecimal.valueOf(2.0) is 2.0)
        assertThat(rollup.program().pointsTotal).isEqualTo(new BigDecimal("2.0"));
    }

    @Test
    void aCopyChangesIndependentlyOfItsOriginal() {
        ProgramIssue shared = story("A-1").points(1.5).value("4", "RICE").versions("v1").parent("A-9").build();
        ProgramIssue blocker = story("B-1").blocks("A-1").build();
        ProjectRollup original = fold(SETTINGS, List.of(shared, blocker, epic("A-9").build()));

        ProjectRollup copy = original.copy();
        copy.remove(shared);
        copy.remove(blocker);
        copy.accept(story("C-1").points(0.25).build());
        original.remove(epic("A-9").build());

        assertThat(sameFolds(original, fold(SETTINGS, List.of(shared, blocker)))).isTrue();
        assertThat(sameFolds(copy, fold(SETTINGS, List.of(epic("A-9").build(), story("C-1").points(0.25).build()))))
            .isTrue();
    }

    @Test
    void aLinkStaysWhileItsOtherEndIsFolded() {
        ProgramIssue blocker = story("A-1").blocks("B-1").build();
        ProgramIssue blocked = story("B-1").blockedBy("A-1").build();
        ProjectRollup rollup = fold(SETTINGS, List.of(blocker, blocked));

        rollup.remove(blocker);

        assertThat(rollup.linkSet()).containsExactly(new BlockingLink("A-1", "B-1"));
        assertThat(rollup.dependencyEnds()).containsOnlyKeys("B-1");
        rollup.remove(blocked);
        assertThat(rollup.linkSet()).isEmpty();
        assertThat(rollup.retainedSizes()).isEqualTo(new RetainedSizes(0, 0, 0, 0, 0, 0));
    }

    @Test
    void aLinkOfAMergeStaysWhileTheOtherPartsEndIsFolded() {
        ProgramIssue blocker = story("A-1").blocks("B-1").build();
        ProgramIssue blocked = story("B-1").blockedBy("A-1").build();
        ProjectRollup merged = ProjectRollup.merge(SETTINGS,
                List.of(fold(SETTINGS, List.of(blocker)), fold(SETTINGS, List.of(blocked))));

        merged.remove(blocked);

        assertThat(sameFolds(merged, fold(SETTINGS, List.of(blocker)))).isTrue();
        assertThat(merged.linkSet()).containsExactly(new BlockingLink("A-1", "B-1"));
    }

    @Test
    void groupsWeeksAndModelsLeftWithoutItemsDisappear() {
        ProgramIssue only = story("B-1").versions("v9", "v9")
            .parent("B-7")
            .themes("T1")
            .value("0.125", "WSJF")
            .due(TestIssue.TODAY.minusDays(3))
            .created(TestIssue.LONG_AGO)
            .build();
        ProjectRollup rollup = fold(SETTINGS, List.of(only, story("A-1").value("2", "RICE").build()));

        rollup.remove(only);

        assertThat(rollup.projects()).containsOnlyKeys("A");
        assertThat(rollup.fixVersions()).isEmpty();
        assertThat(rollup.childBuckets()).isEmpty();
        assertThat(rollup.program().valueByModel).containsOnlyKeys("RICE");
        assertThat(rollup.program().weeks.earliestWeek()).contains(Weeks.mondayOf(TestIssue.LONG_AGO));
        assertThat(rollup.program().overdue).isZero();
        assertThat(sameFolds(rollup, fold(SETTINGS, List.of(story("A-1").value("2", "RICE").build())))).isTrue();
    }

    @Test
    void removingAnIssueNotFoldedAsGivenThrowsAndChangesNothing() {
        ProgramIssue story = story("A-1").points(1).blocks("B-1").build();
        ProjectRollup rollup = fold(SETTINGS, List.of(story, epic("A-9").summary("Epic").build()));

        assertThatThrownBy(() -> rollup.remove(story("B-1").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rollup.remove(story("A-1").points(1).blocks("C-1").build()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rollup.remove(epic("A-9").summary("Renamed").build()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rollup.remove(epic("A-8").build())).isInstanceOf(IllegalArgumentException.class);

        assertThat(sameFolds(rollup, fold(SETTINGS, List.of(story, epic("A-9").summary("Epic").build())))).isTrue();
    }

    @Test
    void anExcludedSubtaskIsIgnoredAsByAccept() {
        ProgramIssue sub = subtask("A-2", "A-1").points(5).build();
        ProjectRollup rollup = fold(SETTINGS.withIncludeSubtasks(false), List.of(story("A-1").subtasks(1).build()));

        rollup.remove(sub);

        assertThat(sameFolds(rollup,
                fold(SETTINGS.withIncludeSubtasks(false), List.of(story("A-1").subtasks(1).build(), sub))))
            .isTrue();
    }

    @Test
    void removeAndCopyOnARemergedRollupAndRemoveOnItsBaseThrow() {
        ProgramIssue issue = story("A-1").points(1).build();
        ProjectRollup part = fold(SETTINGS, List.of(issue));
        ProjectRollup base = ProjectRollup.merge(SETTINGS, List.of(part));
        ProjectRollup remerged = ProjectRollup.remerge(SETTINGS, base, List.of(part), List.of(part), List.of(part));

        assertThatThrownBy(() -> remerged.remove(issue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(remerged::copy).isInstanceOf(IllegalStateException.class);
        // the base shares its tallies with the remerged rollup: only a copy of it may
        // change
        assertThatThrownBy(() -> base.remove(issue)).isInstanceOf(IllegalStateException.class);
        ProjectRollup copy = base.copy();
        copy.remove(issue);
        assertThat(sameFolds(copy, new ProjectRollup(SETTINGS))).isTrue();
        assertThat(sameFolds(remerged, fold(SETTINGS, List.of(issue)))).isTrue();
    }

    private static ProjectRollup fold(RollupSettings settings, Collection<ProgramIssue> issues) {
        ProjectRollup rollup = new ProjectRollup(settings);
        issues.forEach(rollup::accept);
        return rollup;
    }

    /**
     * Every tally (scales and the counts behind them included), group, container, link
     * end, link and use count the same.
     */
    static boolean sameFolds(ProjectRollup actual, ProjectRollup expected) {
        return actual.program().sameAs(expected.program()) && sameTallies(actual.projects(), expected.projects())
                && sameTallies(actual.fixVersions(), expected.fixVersions())
                && sameTallies(actual.childBuckets(), expected.childBuckets())
                && actual.containers().equals(expected.containers())
                && actual.dependencyEnds().equals(expected.dependencyEnds())
                && actual.linkUses().sameAs(expected.linkUses())
                && actual.retainedSizes().equals(expected.retainedSizes());
    }

    private static <K> boolean sameTallies(Map<K, Tally> actual, Map<K, Tally> expected) {
        return actual.keySet().equals(expected.keySet())
                && actual.entrySet().stream().allMatch(e -> e.getValue().sameAs(expected.get(e.getKey())));
    }

    /**
     * Random issues over a pool of 60 keys in three projects: every kind, status, points
     * and scores of scales from -2 to 23, models, estimates, versions, parents, themes,
     * sub-tasks, blocking links between the pool's issues, due and created dates.
     */
    static final class RandomIssues {

        private static final double[] POINTS = { 1, 1.5, 0.25, 2, 3, 1.0E7 };

        private static final String[] VALUES = { "2", "1.5", "0.25", "10", "3.125", "1E+2",
                "0.00000000000000000012345" };

        private final Random random;

        private final List<String> keys = new ArrayList<>();

        /**
         * The blockers each key was said to be blocked by, so that its next version often
         * reports the same link from its end (as Jira lists a link on both).
         */
        private final Map<String, List<String>> blockers = new HashMap<>();

        RandomIssues(Random random) {
            this.random = random;
            for (String project : List.of("A", "B", "C")) {
                for (int i = 1; i <= 20; i++) {
                    keys.add(project + "-" + i);
                }
            }
        }

        String key() {
            return keys.get(random.nextInt(keys.size()));
        }

        private String other(String key) {
            String other = key();
            return other.equals(key) ? other(key) : other;
        }

        ProgramIssue issue(String key) {
            int kind = random.nextInt(10);
            TestIssue issue = kind == 0 ? epic(key).summary("epic " + random.nextInt(3))
                    : kind < 3 ? subtask(key, other(key)) : story(key).subtasks(random.nextInt(4) == 0 ? 2 : 0);
            if (kind >= 3 && random.nextInt(3) == 0) {
                issue.parent(other(key));
            }
            if (random.nextInt(3) == 0) {
                issue.themes(random.nextBoolean() ? "T1" : "T2");
            }
            for (int v = random.nextInt(3); v > 0; v--) {
                issue.versions("v" + random.nextInt(3));
            }
            if (random.nextInt(3) == 0) {
                String target = other(key);
                issue.blocks(target);
                blockers.computeIfAbsent(target, k -> new ArrayList<>()).add(key);
            }
            for (String blocker : blockers.getOrDefault(key, List.of())) {
                if (random.nextInt(3) > 0 && !blocker.equals(key)) {
                    issue.blockedBy(blocker);
                }
            }
            if (random.nextInt(8) == 0) {
                issue.blockedBy(other(key));
            }
            if (random.nextInt(3) > 0) {
                issue.estimateHours(random.nextInt(9));
            }
            issue.created(TestIssue.TODAY.minusWeeks(random.nextInt(20)));
            if (random.nextBoolean()) {
                issue.due(TestIssue.TODAY.plusDays(random.nextInt(60) - 30));
            }
            return facts(issue).build();
        }

        /** The edits that move totals: status, points, score. */
        ProgramIssue edited(ProgramIssue was) {
            ProgramIssue facts = facts(story(was.key())).build();
            return new ProgramIssue(was.key(), was.summary(), was.projectKey(), was.kind(), facts.status(),
                    was.parentKey(), was.created(), facts.resolved(), was.due(), facts.storyPoints(),
                    was.originalEstimateSeconds(), was.fixVersions(), facts.valueScore(), was.themeIds(),
                    was.subtaskCount(), was.blocks(), was.blockedBy(), facts.valueModel());
        }

        private TestIssue facts(TestIssue issue) {
            int status = random.nextInt(3);
            if (status == 1) {
                issue.inProgress();
            }
            else if (status == 2) {
                issue.doneOn(TestIssue.TODAY.minusWeeks(random.nextInt(8)));
            }
            if (random.nextInt(4) > 0) {
                issue.points(POINTS[random.nextInt(POINTS.length)]);
            }
            int model = random.nextInt(4);
            if (model > 0) {
                String value = VALUES[random.nextInt(VALUES.length)];
                if (model == 1) {
                    issue.value(value);
                }
                else {
                    issue.value(value, model == 2 ? "RICE" : "WSJF");
                }
            }
            return issue;
        }

    }

}
