package dev.throughline.planning.service;

import dev.throughline.planning.OddsSimulator;
import dev.throughline.planning.PlanComparison;
import dev.throughline.planning.PlanInputs;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.PlanSolution;
import dev.throughline.planning.PlanSolver;
import dev.throughline.planning.WhyNotPlanned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One solve of a plan: the baseline with its odds and why-nots, then each scenario solved
 * in full and compared with it (the odds over the periods' own weeks).
 */
final class PlanRun {

    private PlanRun() {
    }

    static PlanningService.Solved run(PlanSolver solver, PlanInputs inputs, OddsSimulator simulator) {
        PlanProblem baseline = inputs.problem();
        PlanSolution solution = solver.solve(baseline);
        PlanOdds odds = simulator.odds(baseline, solution, inputs.throughput(), inputs.threshold());
        Map<String, String> whyNot = new LinkedHashMap<>();
        baseline.candidates()
            .stream()
            .filter(c -> !solution.planned(c.key()))
            .forEach(c -> whyNot.put(c.key(), WhyNotPlanned.explain(baseline, solution, c.key())));
        List<PlanningService.ScenarioResult> scenarios = new ArrayList<>();
        for (PlanInputs.Scenario scenario : inputs.scenarios()) {
            PlanProblem changed = scenario.apply(baseline);
            PlanSolution scenarioSolution = solver.solve(changed);
            PlanOdds scenarioOdds = simulator.odds(changed, scenarioSolution, inputs.throughput(), inputs.threshold());
            scenarios.add(new PlanningService.ScenarioResult(scenario.name(), scenarioSolution, scenarioOdds,
                    PlanComparison.of(baseline, solution, odds, changed, scenarioSolution, scenarioOdds)));
        }
        return new PlanningService.Solved(baseline, solution, odds, whyNot, scenarios, List.of(), Optional.empty());
    }

}
