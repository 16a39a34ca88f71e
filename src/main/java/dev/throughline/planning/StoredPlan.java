package dev.throughline.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A program manager's plan, stored: what they changed on top of the inputs read from the
 * program. Periods are quarter labels, so an override keeps its quarter as the horizon
 * moves on; overrides naming a quarter outside today's horizon, or an epic no longer
 * among the candidates, wait unused.
 *
 * @param capacity team → quarter → capacity replacing the measured one (holidays, hiring,
 * a team lent elsewhere)
 * @param commitments epic key → the quarter it must finish by
 * @param exclusions epic keys left out of the plan
 * @param model the value model the plan compares, or null for the one scoring the most
 * open items ({@link OneModel})
 * @param conversions explicit conversions of other models' scores into the plan's model
 * @param boards Jira board ids planned as teams ({@link BoardTeams}), none by default
 * @param sprints a sprint horizon in place of {@code quarters}, or null for quarters;
 * overrides and commitments then name a sprint by its name
 */
public record StoredPlan(String id, String programId, String name, int quarters, double discount, double threshold,
        Map<String, Map<String, Double>> capacity, Map<String, String> commitments, List<String> exclusions,
        List<Scenario> scenarios, long version, String model, List<Conversion> conversions, List<Long> boards,
        SprintHorizon sprints) {

    /** A plan over quarters. */
    public StoredPlan(String id, String programId, String name, int quarters, double discount, double threshold,
            Map<String, Map<String, Double>> capacity, Map<String, String> commitments, List<String> exclusions,
            List<Scenario> scenarios, long version, String model, List<Conversion> conversions, List<Long> boards) {
        this(id, programId, name, quarters, discount, threshold, capacity, commitments, exclusions, scenarios, version,
                model, conversions, boards, null);
    }

    public static final int MAX_BOARDS = 100;

    public StoredPlan(String id, String programId, String name, int quarters, double discount, double threshold,
            Map<String, Map<String, Double>> capacity, Map<String, String> commitments, List<String> exclusions,
            List<Scenario> scenarios, long version, String model, List<Conversion> conversions) {
        this(id, programId, name, quarters, discount, threshold, capacity, commitments, exclusions, scenarios, version,
                model, conversions, List.of());
    }

    public static final int MAX_NAME = 80;

    public static final int MAX_OVERRIDES = 500;

    public StoredPlan(String id, String programId, String name, int quarters, double discount, double threshold,
            Map<String, Map<String, Double>> capacity, Map<String, String> commitments, List<String> exclusions,
            List<Scenario> scenarios, long version) {
        this(id, programId, name, quarters, discount, threshold, capacity, commitments, exclusions, scenarios, version,
                null, List.of());
    }

    public StoredPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programId, "programId");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters");
        }
        name = name.strip();
        if (quarters < 1 || quarters > ProgramInputs.MAX_QUARTERS) {
            throw new IllegalArgumentException("quarters must be 1 to " + ProgramInputs.MAX_QUARTERS);
        }
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in [0, 1)");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("confidence threshold must be in [0, 1]");
        }
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        capacity.forEach((team, byQuarter) -> {
            byQuarter.values().forEach(c -> {
                if (c == null || !Double.isFinite(c) || c < 0) {
                    throw new IllegalArgumentException("team " + team + ": capacity must be finite and ≥ 0");
                }
            });
            copy.put(team, Map.copyOf(byQuarter));
        });
        capacity = Map.copyOf(copy);
        commitments = Map.copyOf(commitments);
        exclusions = List.copyOf(exclusions);
        scenarios = List.copyOf(scenarios);
        model = model == null || model.isBlank() ? null : model.strip();
        conversions = List.copyOf(conversions);
        String own = model;
        if (conversions.stream().map(Conversion::from).distinct().count() != conversions.size()
                || conversions.stream().anyMatch(c -> c.from().equals(own))) {
            throw new IllegalArgumentException("conversions: one per model, none from the plan's own model");
        }
        if (commitments.size() > MAX_OVERRIDES || exclusions.size() > MAX_OVERRIDES) {
            throw new IllegalArgumentException("at most " + MAX_OVERRIDES + " commitments and exclusions");
        }
        boards = List.copyOf(boards);
        if (boards.size() > MAX_BOARDS || boards.stream().distinct().count() != boards.size()
                || boards.stream().anyMatch(b -> b <= 0)) {
            throw new IllegalArgumentException("boards: at most " + MAX_BOARDS + " board ids, each positive, once");
        }
        if (scenarios.size() > PlanInputs.MAX_SCENARIOS) {
            throw new IllegalArgumentException("at most " + PlanInputs.MAX_SCENARIOS + " scenarios");
        }
    }

    /**
     * One stored change of a scenario: {@code type} capacity (team, period, capacity),
     * add (key, summary, team, value, effort), drop (key), commit (key, period or null)
     * or discount (discount).
     */
    public record Change(String type, String team, String period, Double capacity, String key, String summary,
            Double value, Double effort, Double discount) {

        public Change {
            if (!List.of("capacity", "add", "drop", "commit", "discount").contains(type)) {
                throw new IllegalArgumentException("type must be capacity, add, drop, commit or discount");
            }
        }

        ScenarioChange toChange(List<String> periods) {
            return switch (type) {
                case "capacity" ->
                    new ScenarioChange.Capacity(team, periods.indexOf(period), capacity == null ? -1 : capacity);
                case "add" -> new ScenarioChange.Add(new Candidate(key, summary, team, value == null ? -1 : value,
                        effort == null ? -1 : effort, List.of(), List.of(), OptionalInt.empty(), false));
                case "drop" -> new ScenarioChange.Drop(key);
                case "commit" -> new ScenarioChange.Commit(key,
                        period == null ? OptionalInt.empty() : OptionalInt.of(periods.indexOf(period)));
                default -> new ScenarioChange.Discount(discount == null ? -1 : discount);
            };
        }

    }

    /**
     * An explicit conversion: a score of model {@code from} times {@code factor} counts
     * as a score of the plan's model (ICE 8 × 12.5 = 100 RICE).
     */
    public record Conversion(String from, double factor) {

        public Conversion {
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("a conversion needs the model it converts from");
            }
            if (!Double.isFinite(factor) || factor <= 0) {
                throw new IllegalArgumentException("conversion from " + from + ": factor must be finite and > 0");
            }
        }

    }

    /** The conversions as model → factor. */
    public Map<String, Double> factors() {
        Map<String, Double> factors = new LinkedHashMap<>();
        conversions.forEach(c -> factors.put(c.from(), c.factor()));
        return factors;
    }

    public record Scenario(String name, List<Change> changes) {

        public Scenario {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a scenario needs a name");
            }
            changes = List.copyOf(changes);
        }

    }

    public PlanSummary summary() {
        return new PlanSummary(id, programId, name, version);
    }

    /**
     * The program's inputs with this plan's overrides: capacities, commitments and
     * exclusions, discount, threshold and scenarios. A scenario change naming a quarter
     * outside today's horizon is refused (IllegalArgumentException).
     */
    public PlanInputs apply(ProgramInputs inputs) {
        List<String> periods = inputs.periods();
        List<PlanTeam> teams = new ArrayList<>();
        for (PlanTeam team : inputs.teams()) {
            Map<String, Double> overrides = capacity.getOrDefault(team.id(), Map.of());
            List<Double> values = new ArrayList<>();
            for (int p = 0; p < periods.size(); p++) {
                values.add(overrides.getOrDefault(periods.get(p), team.capacity().get(p)));
            }
            teams.add(new PlanTeam(team.id(), team.name(), values));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate candidate : inputs.candidates()) {
            int by = periods.indexOf(commitments.getOrDefault(candidate.key(), ""));
            candidates.add(candidate.withCommitBy(by < 0 ? OptionalInt.empty() : OptionalInt.of(by))
                .withExcluded(exclusions.contains(candidate.key())));
        }
        PlanProblem problem = new PlanProblem(periods, teams, candidates, discount);
        List<PlanInputs.Scenario> planned = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<ScenarioChange> changes = new ArrayList<>();
            for (Change change : scenario.changes()) {
                if (change.period() != null && !periods.contains(change.period())) {
                    throw new IllegalArgumentException(scenario.name() + (sprints == null ? ": quarter " : ": sprint ")
                            + change.period() + " is outside the plan's horizon " + periods);
                }
                changes.add(change.toChange(periods));
            }
            planned.add(new PlanInputs.Scenario(scenario.name(), changes));
        }
        return new PlanInputs(problem, inputs.throughput(), threshold, planned);
    }

    /** The next version, as an update saved over this one. */
    public StoredPlan savedAs(StoredPlan update) {
        return new StoredPlan(id, programId, update.name(), update.quarters(), update.discount(), update.threshold(),
                update.capacity(), update.commitments(), update.exclusions(), update.scenarios(), version + 1,
                update.model(), update.conversions(), update.boards(), update.sprints());
    }

}
