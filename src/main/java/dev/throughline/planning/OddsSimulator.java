package dev.throughline.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Runs a plan through the program's Monte Carlo throughput model: in each trial every
 * team's simulated week finishes as much effort as a randomly drawn one of its past weeks
 * did (seeded, as the program forecast). A team works its planned items in plan order
 * (period, then value per effort, then key); an item is finished in the first week the
 * team's simulated effort reaches its own and everything before it, and no earlier than
 * its blockers. An item is on time when that week is within its planned period; a
 * period's commitments hold when every item committed to it finishes by its end.
 */
public final class OddsSimulator {

    private final int trials;

    private final long seed;

    /** The simulated week period p ends with (periods of equal length, or sprints). */
    private final IntUnaryOperator endWeek;

    public OddsSimulator(int trials, long seed, int weeksPerPeriod) {
        this(trials, seed, p -> (p + 1) * weeksPerPeriod);
        if (weeksPerPeriod < 1) {
            throw new IllegalArgumentException("trials and weeks per period must be at least 1");
        }
    }

    /**
     * Periods of their own lengths: period p ends with simulated week
     * {@code periodEndWeeks[p]} (a sprint horizon, {@link SprintPeriods#endWeeks}).
     */
    public OddsSimulator(int trials, long seed, int[] periodEndWeeks) {
        this(trials, seed, endsOf(periodEndWeeks.clone()));
    }

    private OddsSimulator(int trials, long seed, IntUnaryOperator endWeek) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials and weeks per period must be at least 1");
        }
        this.trials = trials;
        this.seed = seed;
        this.endWeek = endWeek;
    }

    private static IntUnaryOperator endsOf(int[] ends) {
        return p -> ends[p];
    }

    public PlanOdds odds(PlanProblem problem, PlanSolution solution, Map<String, TeamThroughput> throughput,
            double threshold) {
        Map<String, Candidate> byKey = problem.byKey();
        List<String> planned = new ArrayList<>(solution.periodOf().keySet());
        planned.sort(Comparator.comparingInt((String key) -> solution.periodOf().get(key))
            .thenComparingDouble(key -> -density(byKey.get(key)))
            .thenComparing(key -> key));
        Map<String, List<String>> queues = new HashMap<>();
        for (String key : planned) {
            queues.computeIfAbsent(byKey.get(key).teamId(), team -> new ArrayList<>()).add(key);
        }
        int horizonWeeks = endWeek.applyAsInt(problem.periods().size() - 1);
        Map<String, Integer> onTime = new HashMap<>();
        Map<Integer, Integer> periodsHeld = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            Map<String, Integer> ownWeek = new HashMap<>();
            for (PlanTeam team : problem.teams()) {
                List<String> queue = queues.getOrDefault(team.id(), List.of());
                simulateTeam(throughput.get(team.id()), queue, byKey, horizonWeeks, random, ownWeek);
            }
            Map<String, Integer> finish = new HashMap<>();
            for (String key : planned) {
                int week = finishWeek(key, byKey, ownWeek, finish, 0);
                if (week <= endWeek.applyAsInt(solution.periodOf().get(key))) {
                    onTime.merge(key, 1, Integer::sum);
                }
            }
            Map<Integer, Boolean> held = new HashMap<>();
            for (Candidate candidate : problem.candidates()) {
                if (candidate.commitBy().isEmpty()) {
                    continue;
                }
                int period = candidate.commitBy().getAsInt();
                Integer week = finish.get(candidate.key());
                boolean kept = week != null && week <= endWeek.applyAsInt(period);
                held.merge(period, kept, Boolean::logicalAnd);
            }
            held.forEach((period, kept) -> periodsHeld.merge(period, kept ? 1 : 0, Integer::sum));
        }
        Map<String, Double> items = new HashMap<>();
        for (String key : planned) {
            items.put(key, onTime.getOrDefault(key, 0) / (double) trials);
        }
        Map<String, Double> periods = new HashMap<>();
        periodsHeld.forEach((period, count) -> periods.put(problem.periods().get(period), count / (double) trials));
        return new PlanOdds(items, periods, threshold, trials);
    }

    private static double density(Candidate candidate) {
        return candidate.value() / Math.max(candidate.effort(), 1e-9);
    }

    /**
     * Fills {@code ownWeek} with the week (1-based) each queued item's effort is reached;
     * past the horizon, horizon + 1.
     */
    private static void simulateTeam(TeamThroughput history, List<String> queue, Map<String, Candidate> byKey,
            int horizonWeeks, SplittableRandom random, Map<String, Integer> ownWeek) {
        double needed = 0;
        double done = 0;
        int week = 0;
        for (String key : queue) {
            needed += byKey.get(key).effort();
            while (done < needed - 1e-9 && week <= horizonWeeks) {
                week++;
                if (history != null && history.weeks().length > 0) {
                    done += history.weeks()[random.nextInt(history.weeks().length)];
                }
            }
            ownWeek.put(key, done >= needed - 1e-9 ? week : horizonWeeks + 1);
        }
    }

    private static int finishWeek(String key, Map<String, Candidate> byKey, Map<String, Integer> ownWeek,
            Map<String, Integer> finish, int depth) {
        Integer known = finish.get(key);
        if (known != null) {
            return known;
        }
        int week = ownWeek.getOrDefault(key, Integer.MAX_VALUE);
        // depth guards against a cycle of blocks links (the solver plans a cycle
        // together)
        if (depth < byKey.size()) {
            for (String blocker : byKey.get(key).blockers()) {
                week = Math.max(week, finishWeek(blocker, byKey, ownWeek, finish, depth + 1));
            }
        }
        finish.put(key, week);
        return week;
    }

}
