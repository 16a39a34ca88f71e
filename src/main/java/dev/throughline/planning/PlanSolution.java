package dev.throughline.planning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A solved plan: the period each planned candidate finishes in ({@code periodOf},
 * 0-based; a candidate not in it is "not this horizon"), the discounted value delivered,
 * the solver's proven upper bound on it and the gap between them, and what could not be
 * planned or held, each with its reason.
 */
public record PlanSolution(Status status, Map<String, Integer> periodOf, double value, double bound, double gap,
        long solveMillis, Map<String, String> unplannable, List<CommitmentProblem> commitmentProblems) {

    /**
     * OPTIMAL: proven best; FEASIBLE: best found in the time given, within {@code gap}.
     */
    public enum Status {

        OPTIMAL, FEASIBLE, NO_PLAN

    }

    public PlanSolution {
        Objects.requireNonNull(status, "status");
        periodOf = Map.copyOf(periodOf);
        unplannable = Map.copyOf(unplannable);
        commitmentProblems = List.copyOf(commitmentProblems);
    }

    public boolean planned(String key) {
        return periodOf.containsKey(key);
    }

}
