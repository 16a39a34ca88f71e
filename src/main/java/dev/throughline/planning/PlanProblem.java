package dev.throughline.planning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the solver is asked: the periods of the horizon (labels such as {@code 2027-Q2}),
 * the teams, the candidates and the discount per period (0.10: value arriving one period
 * later is worth 1 / 1.10 as much).
 */
public record PlanProblem(List<String> periods, List<PlanTeam> teams, List<Candidate> candidates, double discount) {

    public static final int MAX_PERIODS = 26;

    public static final double DEFAULT_DISCOUNT = 0.10;

    public PlanProblem {
        periods = List.copyOf(periods);
        teams = List.copyOf(teams);
        candidates = List.copyOf(candidates);
        if (periods.isEmpty() || periods.size() > MAX_PERIODS) {
            throw new IllegalArgumentException("a plan has 1 to " + MAX_PERIODS + " periods");
        }
        if (!Double.isFinite(discount) || discount < 0 || discount >= 1) {
            throw new IllegalArgumentException("discount must be in [0, 1)");
        }
        Set<String> teamIds = new HashSet<>();
        for (PlanTeam team : teams) {
            if (!teamIds.add(team.id())) {
                throw new IllegalArgumentException("team " + team.id() + " appears twice");
            }
            if (team.capacity().size() != periods.size()) {
                throw new IllegalArgumentException("team " + team.id() + " needs one capacity per period");
            }
        }
        Set<String> keys = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (!keys.add(candidate.key())) {
                throw new IllegalArgumentException("candidate " + candidate.key() + " appears twice");
            }
            if (!teamIds.contains(candidate.teamId())) {
                throw new IllegalArgumentException(candidate.key() + ": unknown team " + candidate.teamId());
            }
            if (candidate.commitBy().isPresent()
                    && (candidate.commitBy().getAsInt() < 0 || candidate.commitBy().getAsInt() >= periods.size())) {
                throw new IllegalArgumentException(candidate.key() + ": commitment outside the horizon");
            }
        }
        for (Candidate candidate : candidates) {
            for (String blocker : candidate.blockers()) {
                if (!keys.contains(blocker)) {
                    throw new IllegalArgumentException(candidate.key() + ": blocker " + blocker
                            + " is no candidate (name it among outsideBlockers)");
                }
            }
        }
    }

    /**
     * How much one unit of value is worth when it arrives in {@code period} (0-based): 1
     * / (1 + discount)^period.
     */
    public double weight(int period) {
        return 1 / Math.pow(1 + discount, period);
    }

    public Map<String, Candidate> byKey() {
        Map<String, Candidate> map = new HashMap<>();
        candidates.forEach(c -> map.put(c.key(), c));
        return map;
    }

    public PlanTeam team(String id) {
        return teams.stream()
            .filter(t -> t.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown team " + id));
    }

    public PlanProblem withCandidates(List<Candidate> newCandidates) {
        return new PlanProblem(periods, teams, newCandidates, discount);
    }

    public PlanProblem withTeams(List<PlanTeam> newTeams) {
        return new PlanProblem(periods, newTeams, candidates, discount);
    }

    public PlanProblem withDiscount(double newDiscount) {
        return new PlanProblem(periods, teams, candidates, newDiscount);
    }

}
