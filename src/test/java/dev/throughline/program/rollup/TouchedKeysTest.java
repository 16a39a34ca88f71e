package dev.throughline.program.rollup;

import dev.throughline.program.rollup.RemoveTest.RandomIssues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept bucket's copy changed only by {@code remove} and {@code accept} tells
 * {@link ProjectRollup#remerge} which keys it touched, so the merge and the program's
 * assembly work out only those again (not every key of the bucket), and the result still
 * equals a full fold of the issues now.
 */
class TouchedKeysTest {

    private static final RollupSettings SETTINGS = TestIssue.settings().withTrials(50);

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
    void aRemergeOfEditedCopiesEqualsAFullFoldAndWorksOutOnlyTheTouchedKeys(long seed) {
        Random random = new Random(seed);
        RandomIssues issues = new RandomIssues(random);
        Map<String, ProgramIssue> now = new LinkedHashMap<>();
        List<List<String>> buckets = new ArrayList<>();
        List<ProjectRollup> parts = new ArrayList<>();
        for (String project : List.of("A", "B", "C")) {
            for (int half = 0; half < 2; half++) {
                List<String> keys = new ArrayList<>();
                ProjectRollup part = new ProjectRollup(SETTINGS);
                for (int i = 1 + half * 10; i <= 10 + half * 10; i++) {
                    ProgramIssue issue = issues.issue(project + "-" + i);
                    now.put(issue.key(), issue);
                    keys.add(issue.key());
                    part.accept(issue);
                }
                buckets.add(keys);
                parts.add(part);
            }
        }
        ProjectRollup merged = ProjectRollup.merge(SETTINGS, parts);
        ProgramAssembly assembly = ProgramAssembly.of(SETTINGS, List.of(merged));
        for (int step = 0; step < 60; step++) {
            List<ProjectRollup> removed = new ArrayList<>();
            List<ProjectRollup> added = new ArrayList<>();
            Set<String> edited = new HashSet<>();
            for (int b = 0; b < buckets.size(); b++) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                ProjectRollup copy = parts.get(b).copy();
                for (int e = 1 + random.nextInt(3); e > 0; e--) {
                    String key = buckets.get(b).get(random.nextInt(10));
                    ProgramIssue was = now.get(key);
                    ProgramIssue next = random.nextBoolean() ? issues.edited(was) : issues.issue(key);
                    copy.remove(was);
                    copy.accept(next);
                    now.put(key, next);
                    edited.add(key);
                }
                removed.add(parts.get(b));
                added.add(copy);
                parts.set(b, copy);
            }
            ProjectRollup next = ProjectRollup.remerge(SETTINGS, merged, removed, added, parts);
            ProjectRollup fresh = new ProjectRollup(SETTINGS);
            now.values().forEach(fresh::accept);

            assertThat(RollupEngine.rollUp(SETTINGS, List.of(next))).as("seed %d step %d", seed, step)
                .isEqualTo(RollupEngine.rollUp(SETTINGS, List.of(fresh)));
            RollupKeys worked = next.changedSince(merged).orElseThrow();
            assertThat(worked.ends).as("link ends worked out again").isSubsetOf(edited);
            assertThat(worked.containers).as("containers worked out again").isSubsetOf(edited);
            assembly = assembly.next(SETTINGS, List.of(next));
            assertThat(assembly.result()).as("assembly, seed %d step %d", seed, step)
                .isEqualTo(RollupEngine.rollUp(SETTINGS, List.of(fresh)));
            merged = next;
        }
    }

}
