package dev.throughline.planning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.throughline.planning.Candidate;
import dev.throughline.planning.CommitmentProblem;
import dev.throughline.planning.PlanComparison;
import dev.throughline.planning.PlanNotice;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.PlanSolution;
import dev.throughline.planning.PlanTeam;
import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.service.PlanningService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A solved plan as the API answers it (documented in docs/planning-api.md): the plan's
 * numbers, each team's capacity and planned load per period, each candidate with its
 * period, odds and why, the commitments' odds and problems, and each scenario compared
 * with it. A stored plan's answer adds {@code notices} (overrides not used, each with its
 * rule), {@code model} (the model its values compare), {@code apart} (epics left out by
 * the one-model rule, with a {@code prompt} to score them) and {@code converted}.
 */
public record PlanAnswer(String status, double value, double bound, double gap, long solveMillis, List<String> periods,
        List<Double> valuePerPeriod, double confidenceThreshold, List<TeamRow> teams, List<ItemRow> items,
        Map<String, Double> commitmentOdds, List<CommitmentProblem> commitmentProblems, List<ScenarioRow> scenarios,
        List<PlanNotice> notices, String model, List<ProgramInputs.Apart> apart,
        List<ProgramInputs.Converted> converted, String prompt,
        @JsonInclude(Include.NON_EMPTY) List<SprintRow> sprints) {

    /**
     * A sprint of a sprint horizon, in the order of {@code periods} (absent for
     * quarters): {@code weeks} the length its capacity counts (from today for the active
     * sprint).
     */
    public record SprintRow(long id, String name, LocalDate start, LocalDate end, double weeks) {
    }

    /** {@code load[p]}: effort of the team's items planned to finish in period p. */
    public record TeamRow(String id, String name, List<Double> capacity, List<Double> load) {
    }

    /**
     * {@code period} and {@code odds} are null when not planned; {@code why} when
     * planned.
     */
    public record ItemRow(String key, String summary, String team, double value, double effort, String period,
            Double odds, boolean flagged, String commitBy, boolean excluded, List<String> blockers, String why) {
    }

    public record ScenarioRow(String name, String status, double value, double bound, double gap,
            List<Double> valuePerPeriod, List<PlanComparison.Move> moves, List<PlanComparison.OddsChange> oddsChanges,
            List<CommitmentProblem> commitmentProblems) {
    }

    static PlanAnswer of(PlanningService.Solved solved) {
        PlanProblem problem = solved.problem();
        PlanSolution solution = solved.solution();
        PlanOdds odds = solved.odds();
        List<TeamRow> teams = new ArrayList<>();
        for (PlanTeam team : problem.teams()) {
            double[] load = new double[problem.periods().size()];
            problem.candidates()
                .stream()
                .filter(c -> c.teamId().equals(team.id()) && solution.planned(c.key()))
                .forEach(c -> load[solution.periodOf().get(c.key())] += c.effort());
            teams.add(new TeamRow(team.id(), team.name(), team.capacity(), list(load)));
        }
        List<ItemRow> items = new ArrayList<>();
        for (Candidate c : problem.candidates()) {
            Integer period = solution.periodOf().get(c.key());
            items.add(new ItemRow(c.key(), c.summary(), c.teamId(), c.value(), c.effort(),
                    period == null ? null : problem.periods().get(period), odds.items().get(c.key()),
                    odds.flagged(c.key()),
                    c.commitBy().isPresent() ? problem.periods().get(c.commitBy().getAsInt()) : null, c.excluded(),
                    c.blockers(), solved.whyNot().get(c.key())));
        }
        List<ScenarioRow> scenarios = solved.scenarios()
            .stream()
            .map(s -> new ScenarioRow(s.name(), s.solution().status().name(), s.solution().value(),
                    s.solution().bound(), s.solution().gap(), s.comparison().scenarioValue(), s.comparison().moves(),
                    s.comparison().oddsChanges(), s.solution().commitmentProblems()))
            .toList();
        return new PlanAnswer(solution.status().name(), solution.value(), solution.bound(), solution.gap(),
                solution.solveMillis(), problem.periods(), PlanComparison.valuePerPeriod(problem, solution),
                odds.threshold(), teams, items, odds.commitmentsByPeriod(), solution.commitmentProblems(), scenarios,
                solved.notices(), solved.read().flatMap(ProgramInputs::model).orElse(null),
                solved.read().map(ProgramInputs::apart).orElse(List.of()),
                solved.read().map(ProgramInputs::converted).orElse(List.of()),
                solved.read().map(PlanInputsAnswer::prompt).orElse(""), sprintRows(solved));
    }

    private static List<SprintRow> sprintRows(PlanningService.Solved solved) {
        return solved.read()
            .flatMap(ProgramInputs::sprints)
            .map(s -> s.sprints()
                .stream()
                .map(p -> new SprintRow(p.id(), p.name(), p.start(), p.end(), p.weeks()))
                .toList())
            .orElse(List.of());
    }

    private static List<Double> list(double[] values) {
        List<Double> result = new ArrayList<>();
        for (double value : values) {
            result.add(value);
        }
        return result;
    }

}
