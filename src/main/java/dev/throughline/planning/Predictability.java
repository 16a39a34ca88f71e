package dev.throughline.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Committed versus delivered, the program manager's "predictable output": for every
 * period of a committed plan that has ended, per team and for the program, the items,
 * effort and value committed to it and how much of that was done (Jira's done status
 * category, resolved on or before the period's last day). An item done late counts as
 * committed but not delivered in its period.
 */
public final class Predictability {

    /** The program's row has this team id. */
    public static final String PROGRAM = "*";

    private Predictability() {
    }

    /**
     * {@code committed} / {@code delivered} counts, effort and value; {@code share} is
     * delivered ÷ committed items, empty when nothing was committed.
     */
    public record Row(String period, String teamId, int committedItems, int deliveredItems, double committedEffort,
            double deliveredEffort, double committedValue, double deliveredValue) {

        public Optional<Double> share() {
            return committedItems == 0 ? Optional.empty() : Optional.of(deliveredItems / (double) committedItems);
        }

    }

    /**
     * {@code resolvedOn}: for each committed item done now, the day it was resolved
     * (absent: not done).
     */
    public static List<Row> report(PlanSnapshot snapshot, Map<String, LocalDate> resolvedOn, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < snapshot.periods().size(); p++) {
            LocalDate end = snapshot.periodEnds().get(p);
            if (!end.isBefore(today)) {
                continue; // a period still running has no verdict yet
            }
            Map<String, double[]> byTeam = new TreeMap<>();
            double[] program = new double[6];
            for (PlanSnapshot.CommittedItem item : snapshot.items()) {
                if (item.period() != p) {
                    continue;
                }
                LocalDate resolved = resolvedOn.get(item.key());
                boolean delivered = resolved != null && !resolved.isAfter(end);
                add(byTeam.computeIfAbsent(item.teamId(), team -> new double[6]), item, delivered);
                add(program, item, delivered);
            }
            String period = snapshot.periods().get(p);
            byTeam.forEach((team, sums) -> rows.add(row(period, team, sums)));
            rows.add(row(period, PROGRAM, program));
        }
        return rows;
    }

    private static void add(double[] sums, PlanSnapshot.CommittedItem item, boolean delivered) {
        sums[0] += 1;
        sums[2] += item.effort();
        sums[4] += item.value();
        if (delivered) {
            sums[1] += 1;
            sums[3] += item.effort();
            sums[5] += item.value();
        }
    }

    private static Row row(String period, String team, double[] sums) {
        return new Row(period, team, (int) sums[0], (int) sums[1], sums[2], sums[3], sums[4], sums[5]);
    }

}
