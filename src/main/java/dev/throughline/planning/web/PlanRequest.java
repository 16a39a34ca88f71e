package dev.throughline.planning.web;

import dev.throughline.planning.Candidate;
import dev.throughline.planning.PlanInputs;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.PlanTeam;
import dev.throughline.planning.ScenarioChange;
import dev.throughline.planning.TeamThroughput;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The body of a plan solve: periods (labels), discount, confidence threshold, teams with
 * capacity per period, candidates, each team's weekly throughput history and the
 * scenarios. A rule broken answers 400 naming the field; nothing is solved.
 */
public record PlanRequest(List<String> periods, Double discount, Double confidenceThreshold, List<TeamBody> teams,
        List<CandidateBody> candidates, Map<String, List<Double>> throughput, List<ScenarioBody> scenarios) {

    static final int MAX_TEAMS = 100;

    static final int MAX_CANDIDATES = 2_000;

    public record TeamBody(String id, String name, List<Double> capacity) {
    }

    public record CandidateBody(String key, String summary, String team, Double value, Double effort,
            List<String> blockers, List<String> outsideBlockers, String commitBy, Boolean excluded) {
    }

    public record ScenarioBody(String name, List<ChangeBody> changes) {
    }

    /**
     * {@code type}: capacity (team, period, capacity), add (candidate), drop (key),
     * commit (key, period or null) or discount (discount).
     */
    public record ChangeBody(String type, String team, String period, Double capacity, CandidateBody candidate,
            String key, Double discount) {
    }

    PlanInputs toInputs() {
        List<String> labels = periods == null ? List.of() : periods;
        PlanProblem problem = field("periods", () -> new PlanProblem(labels, teams(labels.size()), candidates(labels),
                discount == null ? PlanProblem.DEFAULT_DISCOUNT : discount));
        Map<String, TeamThroughput> history = new LinkedHashMap<>();
        if (throughput != null) {
            throughput.forEach((team, weeks) -> history.put(team, field("throughput." + team,
                    () -> new TeamThroughput(team, weeks.stream().mapToDouble(Double::doubleValue).toArray()))));
        }
        List<PlanInputs.Scenario> list = new ArrayList<>();
        List<ScenarioBody> bodies = scenarios == null ? List.of() : scenarios;
        for (int s = 0; s < bodies.size(); s++) {
            ScenarioBody body = bodies.get(s);
            String path = "scenarios[" + s + "]";
            List<ScenarioChange> changes = new ArrayList<>();
            List<ChangeBody> changeBodies = body.changes() == null ? List.of() : body.changes();
            for (int c = 0; c < changeBodies.size(); c++) {
                ChangeBody change = changeBodies.get(c);
                changes.add(field(path + ".changes[" + c + "]", () -> change(change, labels)));
            }
            PlanInputs.Scenario scenario = field(path + ".name", () -> new PlanInputs.Scenario(body.name(), changes));
            field(path, () -> scenario.apply(problem));
            list.add(scenario);
        }
        return field("scenarios", () -> new PlanInputs(problem, history,
                confidenceThreshold == null ? PlanOdds.DEFAULT_THRESHOLD : confidenceThreshold, list));
    }

    private List<PlanTeam> teams(int periodCount) {
        List<TeamBody> bodies = teams == null ? List.of() : teams;
        if (bodies.size() > MAX_TEAMS) {
            throw new InvalidInputException("teams", "A plan has at most " + MAX_TEAMS + " teams");
        }
        List<PlanTeam> result = new ArrayList<>();
        for (int t = 0; t < bodies.size(); t++) {
            TeamBody body = bodies.get(t);
            result.add(field("teams[" + t + "]",
                    () -> new PlanTeam(body.id(), body.name() == null ? body.id() : body.name(),
                            body.capacity() == null ? List.of() : body.capacity())));
        }
        return result;
    }

    private List<Candidate> candidates(List<String> labels) {
        List<CandidateBody> bodies = candidates == null ? List.of() : candidates;
        if (bodies.size() > MAX_CANDIDATES) {
            throw new InvalidInputException("candidates", "A plan has at most " + MAX_CANDIDATES + " candidates");
        }
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            CandidateBody body = bodies.get(i);
            result.add(field("candidates[" + i + "]", () -> candidate(body, labels)));
        }
        return result;
    }

    private static Candidate candidate(CandidateBody body, List<String> labels) {
        if (body == null || body.value() == null || body.effort() == null) {
            throw new IllegalArgumentException("value and effort are required");
        }
        return new Candidate(body.key(), body.summary(), body.team(), body.value(), body.effort(),
                body.blockers() == null ? List.of() : body.blockers(),
                body.outsideBlockers() == null ? List.of() : body.outsideBlockers(), period(body.commitBy(), labels),
                Boolean.TRUE.equals(body.excluded()));
    }

    private static OptionalInt period(String label, List<String> labels) {
        if (label == null) {
            return OptionalInt.empty();
        }
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("period " + label + " is not in the plan's horizon");
        }
        return OptionalInt.of(index);
    }

    private static ScenarioChange change(ChangeBody body, List<String> labels) {
        String type = body == null || body.type() == null ? "" : body.type();
        return switch (type) {
            case "capacity" -> new ScenarioChange.Capacity(body.team(), period(body.period(), labels).orElse(-1),
                    body.capacity() == null ? -1 : body.capacity());
            case "add" -> new ScenarioChange.Add(candidate(body.candidate(), labels));
            case "drop" -> new ScenarioChange.Drop(body.key());
            case "commit" -> new ScenarioChange.Commit(body.key(), period(body.period(), labels));
            case "discount" -> new ScenarioChange.Discount(body.discount() == null ? -1 : body.discount());
            default -> throw new IllegalArgumentException("type must be capacity, add, drop, commit or discount");
        };
    }

    /** Runs a domain constructor; its rule broken becomes a 400 on {@code name}. */
    private static <T> T field(String name, Builder<T> builder) {
        try {
            return builder.build();
        }
        catch (IllegalArgumentException | NullPointerException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(name, e.getMessage() == null ? "is required" : e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Builder<T> {

        T build();

    }

}
