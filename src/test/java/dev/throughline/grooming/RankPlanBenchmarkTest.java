package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static dev.throughline.grooming.RankPlanTest.issues;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how many issues and rank calls typical reorderings take, as a markdown table,
 * and checks each plan is correct and minimal. Counts only, no timings, so the table is
 * the same on every machine. Reproduce with
 * {@code mvn -o -q -Dthroughline.build.dir=target-grooming test -Dtest=RankPlanBenchmarkTest -Drank.benchmark.out=docs/rank-benchmark.md}.
 */
class RankPlanBenchmarkTest {

    private static final long SEED = 20_261_123L;

    private record Scenario(String name, Function<List<String>, List<String>> targetOf) {
    }

    private static List<Scenario> scenarios() {
        return List.of(new Scenario("random", current -> {
            List<String> target = new ArrayList<>(current);
            Collections.shuffle(target, new Random(SEED));
            return target;
        }), new Scenario("nearly sorted (2% displaced)", current -> {
            Random random = new Random(SEED);
            List<String> target = new ArrayList<>(current);
            for (int k = 0; k < Math.max(1, current.size() / 50); k++) {
                target.add(random.nextInt(target.size()), target.remove(random.nextInt(target.size())));
            }
            return target;
        }), new Scenario("reversed", current -> {
            List<String> target = new ArrayList<>(current);
            Collections.reverse(target);
            return target;
        }), new Scenario("score order, random scores, 10% pinned", current -> {
            Random random = new Random(SEED);
            List<BacklogItem> backlog = new ArrayList<>();
            for (String key : current) {
                BacklogItem item = BacklogItem.scored(key, BigDecimal.valueOf(random.nextInt(1_000)));
                backlog.add(random.nextInt(10) == 0 ? item.pinnedInPlace() : item);
            }
            return OrderProposal.propose(backlog).order();
        }));
    }

    @Test
    void printsIssuesMovedAndRankCallsForTypicalReorderings() throws IOException {
        StringBuilder table = new StringBuilder()
            .append("| Backlog | Proposed order | Issues moved | Issues kept | Rank calls | Minimum calls |\n")
            .append("|---:|---|---:|---:|---:|---:|\n");
        for (int n : new int[] { 100, 1_000, 5_000 }) {
            List<String> current = issues(n);
            for (Scenario scenario : scenarios()) {
                List<String> target = scenario.targetOf().apply(current);
                RankPlan plan = RankPlan.between(current, target);
                int minimum = RankPlan.minimumCalls(current, target);

                assertThat(plan.calls()).isEqualTo(minimum);
                assertThat(JiraRankSimulator.applyAll(current, plan.steps())).isEqualTo(target);

                table.append("| %,d | %s | %,d | %,d | %,d | %,d |%n".formatted(n, scenario.name(),
                        plan.movedKeys().size(), plan.keptKeys().size(), plan.calls(), minimum));
            }
        }
        System.out.print(table);
        String out = System.getProperty("rank.benchmark.out");
        if (out != null) {
            Files.writeString(Path.of(out), document(table.toString()));
        }
    }

    private static String document(String table) {
        return """
                # Rank plan benchmark

                How many issues a reorder moves and how many `PUT /rest/agile/1.0/issue/rank` calls it takes
                (at most 50 issues per call). Issues on a longest increasing subsequence of the target order stay put;
                "Minimum calls" is Σ ⌈run / 50⌉ over the runs of consecutive moved issues in the target order, and every
                plan is checked to make exactly that many calls and to produce the target when replayed by the
                Jira rank simulator. Seeded, so the numbers are the same on every run.

                %s
                The minimum is taken for the kept set the plan picks. Issues moved is optimal (n minus the longest
                increasing subsequence), but when several longest subsequences exist another one can group the moved
                issues into fewer runs, so fewer calls: A B C D E -> B A D C E keeps A C E (2 calls) where keeping
                B C E would move A and D together (1 call).

                Reproduce:

                ```
                mvn -o -q -Dthroughline.build.dir=target-grooming test -Dtest=RankPlanBenchmarkTest -Drank.benchmark.out=docs/rank-benchmark.md
                ```
                """
            .formatted(table);
    }

}
