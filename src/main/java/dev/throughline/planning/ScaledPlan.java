package dev.throughline.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem in whole numbers, as the solver and the brute-force check both see it:
 * effort in hundredths of a unit rounded up, cumulative capacity in hundredths rounded
 * down (so rounding never plans a team above its capacity), and each candidate's value in
 * each period in thousandths, rounded.
 */
final class ScaledPlan {

    static final int EFFORT_SCALE = 100;

    static final int VALUE_SCALE = 1000;

    final PlanProblem problem;

    final int periods;

    final int size;

    final long[] effort;

    final int[] team;

    /** cumulativeCapacity[team][p]: capacity of periods 0..p. */
    final long[][] cumulativeCapacity;

    /** coefficient[i][p]: the objective's worth of candidate i finishing in period p. */
    final long[][] coefficient;

    final int[][] blockers;

    ScaledPlan(PlanProblem problem) {
        this.problem = problem;
        this.periods = problem.periods().size();
        List<Candidate> candidates = problem.candidates();
        this.size = candidates.size();
        Map<String, Integer> teamIndex = new HashMap<>();
        cumulativeCapacity = new long[problem.teams().size()][periods];
        for (int t = 0; t < problem.teams().size(); t++) {
            PlanTeam planTeam = problem.teams().get(t);
            teamIndex.put(planTeam.id(), t);
            for (int p = 0; p < periods; p++) {
                cumulativeCapacity[t][p] = (long) Math.floor(planTeam.capacityThrough(p) * EFFORT_SCALE + 1e-9);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            index.put(candidates.get(i).key(), i);
        }
        effort = new long[size];
        team = new int[size];
        coefficient = new long[size][periods];
        blockers = new int[size][];
        for (int i = 0; i < size; i++) {
            Candidate candidate = candidates.get(i);
            effort[i] = (long) Math.ceil(candidate.effort() * EFFORT_SCALE - 1e-9);
            team[i] = teamIndex.get(candidate.teamId());
            for (int p = 0; p < periods; p++) {
                coefficient[i][p] = Math.round(candidate.value() * problem.weight(p) * VALUE_SCALE);
            }
            blockers[i] = candidate.blockers().stream().mapToInt(index::get).toArray();
        }
    }

    Candidate candidate(int i) {
        return problem.candidates().get(i);
    }

    /**
     * Whether a whole assignment ({@code period[i]} 0-based, -1 for not planned) keeps
     * every rule: capacity through every period, blockers planned no later, commitments
     * by their period, excluded items unplanned.
     */
    boolean allows(int[] period, int[] deadline, boolean[] plannable) {
        for (int i = 0; i < size; i++) {
            if (period[i] >= 0 && !plannable[i]) {
                return false;
            }
            if (deadline[i] >= 0 && (period[i] < 0 || period[i] > deadline[i])) {
                return false;
            }
            for (int b : blockers[i]) {
                if (period[i] >= 0 && (period[b] < 0 || period[b] > period[i])) {
                    return false;
                }
            }
        }
        long[][] load = new long[cumulativeCapacity.length][periods];
        for (int i = 0; i < size; i++) {
            if (period[i] >= 0) {
                for (int p = period[i]; p < periods; p++) {
                    load[team[i]][p] += effort[i];
                }
            }
        }
        for (int t = 0; t < load.length; t++) {
            for (int p = 0; p < periods; p++) {
                if (load[t][p] > cumulativeCapacity[t][p]) {
                    return false;
                }
            }
        }
        return true;
    }

    long objective(int[] period) {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (period[i] >= 0) {
                sum += coefficient[i][period[i]];
            }
        }
        return sum;
    }

}
