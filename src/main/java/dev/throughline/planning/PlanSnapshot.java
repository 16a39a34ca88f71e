package dev.throughline.planning;

import dev.throughline.theme.Quarter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A committed plan, frozen: what was promised, per item the period it was planned to
 * finish in (with that period's last day), its team, effort, value and odds at commit
 * time. Predictability is measured against it, never against the live plan.
 */
public record PlanSnapshot(String planId, Instant committedAt, List<String> periods, List<LocalDate> periodEnds,
        List<CommittedItem> items) {

    public PlanSnapshot {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(committedAt, "committedAt");
        periods = List.copyOf(periods);
        periodEnds = List.copyOf(periodEnds);
        items = List.copyOf(items);
        if (periods.size() != periodEnds.size()) {
            throw new IllegalArgumentException("one end date per period");
        }
    }

    /** {@code odds} is the probability at commit time (0–1). */
    public record CommittedItem(String key, String teamId, int period, double effort, double value, double odds) {
    }

    /**
     * The last day of each period whose label is a quarter ({@code 2027-Q2}); a sprint
     * label has none, so such a plan cannot be snapshotted by this.
     */
    public static List<LocalDate> quarterEnds(List<String> periods) {
        List<LocalDate> ends = new ArrayList<>();
        for (String label : periods) {
            ends.add(Quarter.parse(label).lastDay());
        }
        return ends;
    }

    /** Snapshots a solved plan: every planned item with its period and odds. */
    public static PlanSnapshot of(String planId, Instant committedAt, PlanProblem problem, PlanSolution solution,
            PlanOdds odds, List<LocalDate> periodEnds) {
        List<CommittedItem> items = new ArrayList<>();
        Map<String, Candidate> byKey = problem.byKey();
        solution.periodOf().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Candidate candidate = byKey.get(entry.getKey());
            items.add(new CommittedItem(candidate.key(), candidate.teamId(), entry.getValue(), candidate.effort(),
                    candidate.value(), odds.items().getOrDefault(candidate.key(), 0.0)));
        });
        return new PlanSnapshot(planId, committedAt, problem.periods(), periodEnds, items);
    }

}
