package dev.throughline.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A scenario beside its baseline: the value each delivers per period, what moves in, out
 * or to another period (each with why), and whose odds change by at least
 * {@link #ODDS_CHANGE}.
 */
public record PlanComparison(List<String> periods, List<Double> baselineValue, List<Double> scenarioValue,
        List<Move> moves, List<OddsChange> oddsChanges) {

    /** Odds changes smaller than this (5 points) are Monte Carlo noise, not news. */
    public static final double ODDS_CHANGE = 0.05;

    public PlanComparison {
        periods = List.copyOf(periods);
        baselineValue = List.copyOf(baselineValue);
        scenarioValue = List.copyOf(scenarioValue);
        moves = List.copyOf(moves);
        oddsChanges = List.copyOf(oddsChanges);
    }

    /**
     * IN: planned only in the scenario; OUT: only in the baseline; MOVED: another period.
     */
    public enum Direction {

        IN, OUT, EARLIER, LATER

    }

    /** {@code from}/{@code to}: period labels, null for "not this horizon". */
    public record Move(String key, Direction direction, String from, String to, String why) {
    }

    public record OddsChange(String key, double baseline, double scenario) {
    }

    public static PlanComparison of(PlanProblem baselineProblem, PlanSolution baseline, PlanOdds baselineOdds,
            PlanProblem scenarioProblem, PlanSolution scenario, PlanOdds scenarioOdds) {
        List<String> periods = baselineProblem.periods();
        List<Move> moves = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(baselineProblem.byKey().keySet());
        keys.addAll(scenarioProblem.byKey().keySet());
        for (String key : keys) {
            Integer before = baseline.periodOf().get(key);
            Integer after = scenario.periodOf().get(key);
            if (before == null && after == null || before != null && before.equals(after)) {
                continue;
            }
            Direction direction = before == null ? Direction.IN
                    : after == null ? Direction.OUT : after < before ? Direction.EARLIER : Direction.LATER;
            // an item out says why it is not planned; one in or moved says where it is
            // now
            String why = WhyNotPlanned.explain(scenarioProblem, scenario, key);
            moves.add(new Move(key, direction, before == null ? null : periods.get(before),
                    after == null ? null : periods.get(after), why));
        }
        List<OddsChange> odds = new ArrayList<>();
        for (Map.Entry<String, Double> entry : scenarioOdds.items().entrySet()) {
            Double was = baselineOdds.items().get(entry.getKey());
            if (was != null && Math.abs(entry.getValue() - was) >= ODDS_CHANGE) {
                odds.add(new OddsChange(entry.getKey(), was, entry.getValue()));
            }
        }
        odds.sort((a, b) -> a.key().compareTo(b.key()));
        return new PlanComparison(periods, valuePerPeriod(baselineProblem, baseline),
                valuePerPeriod(scenarioProblem, scenario), moves, odds);
    }

    /** The discounted value finishing in each period. */
    public static List<Double> valuePerPeriod(PlanProblem problem, PlanSolution solution) {
        double[] value = new double[problem.periods().size()];
        Map<String, Candidate> byKey = problem.byKey();
        solution.periodOf().forEach((key, period) -> value[period] += byKey.get(key).value() * problem.weight(period));
        List<Double> result = new ArrayList<>();
        for (double each : value) {
            result.add(each);
        }
        return result;
    }

}
