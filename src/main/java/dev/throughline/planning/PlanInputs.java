package dev.throughline.planning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one plan solve needs: the problem, each team's weekly throughput history
 * (the odds), the confidence threshold and the scenarios to compare with the baseline.
 */
public record PlanInputs(PlanProblem problem, Map<String, TeamThroughput> throughput, double threshold,
        List<Scenario> scenarios) {

    public static final int MAX_SCENARIOS = 10;

    public PlanInputs {
        Objects.requireNonNull(problem, "problem");
        throughput = Map.copyOf(throughput);
        scenarios = List.copyOf(scenarios);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("confidence threshold must be in [0, 1]");
        }
        if (scenarios.size() > MAX_SCENARIOS) {
            throw new IllegalArgumentException("at most " + MAX_SCENARIOS + " scenarios");
        }
    }

    /** A named set of changes to the baseline's inputs. */
    public record Scenario(String name, List<ScenarioChange> changes) {

        public Scenario {
            Objects.requireNonNull(name, "name");
            changes = List.copyOf(changes);
        }

        public PlanProblem apply(PlanProblem baseline) {
            PlanProblem problem = baseline;
            for (ScenarioChange change : changes) {
                problem = change.apply(problem);
            }
            return problem;
        }

    }

}
