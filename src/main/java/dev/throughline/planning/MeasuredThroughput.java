package dev.throughline.planning;

import dev.throughline.program.ProgressBasis;
import dev.throughline.program.rollup.BurnUpPoint;
import dev.throughline.readmodel.IssueFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each team's own weekly throughput, measured from the read model's facts of its project:
 * the effort of its items resolved (done) in each of the last full weeks of the program's
 * throughput window, oldest first, on the program's progress basis. An item is what the
 * program's rollup counts as one: a standard issue, or with sub-tasks included a sub-task
 * (a standard issue with sub-tasks is then their container); epics are containers. A done
 * item without a resolution date, or resolved this week, is in no full past week (the
 * rollup's burn-up rule), so it adds nothing.
 */
public final class MeasuredThroughput {

    private MeasuredThroughput() {
    }

    /**
     * The throughput of each of {@code teams} (project keys; a team with nothing done in
     * the window gets weeks of 0) over the {@code weeks} full weeks before
     * {@code today}'s.
     */
    public static Map<String, TeamThroughput> of(Collection<IssueFacts> issues, Collection<String> teams,
            ProgressBasis basis, boolean includeSubtasks, int weeks, LocalDate today) {
        return of(issues, IssueFacts::projectKey, teams, basis, includeSubtasks, weeks, today);
    }

    /**
     * The same, each issue counted for the team {@code teamOf} names (a board team for
     * the issues its filter shows, else the issue's project).
     */
    public static Map<String, TeamThroughput> of(Collection<IssueFacts> issues, Function<IssueFacts, String> teamOf,
            Collection<String> teams, ProgressBasis basis, boolean includeSubtasks, int weeks, LocalDate today) {
        Map<String, double[]> done = new LinkedHashMap<>();
        teams.forEach(team -> done.put(team, new double[weeks]));
        LocalDate currentWeek = mondayOf(today);
        for (IssueFacts issue : issues) {
            double[] team = done.get(teamOf.apply(issue));
            if (team == null || !isItem(issue, includeSubtasks) || !"done".equals(issue.statusCategory())
                    || issue.resolved().isEmpty()) {
                continue;
            }
            long weeksAgo = ChronoUnit.WEEKS.between(mondayOf(issue.resolved().get()), currentWeek);
            if (weeksAgo >= 1 && weeksAgo <= weeks) {
                team[(int) (weeks - weeksAgo)] += effort(issue, basis);
            }
        }
        Map<String, TeamThroughput> measured = new LinkedHashMap<>();
        done.forEach((team, week) -> {
            for (int w = 0; w < week.length; w++) {
                week[w] = BigDecimal.valueOf(week[w]).setScale(2, RoundingMode.HALF_UP).doubleValue();
            }
            measured.put(team, new TeamThroughput(team, week));
        });
        return measured;
    }

    /**
     * Items done in each full week before {@code today}'s, oldest first, from the
     * program's burn-up.
     */
    static double[] programWeeks(List<BurnUpPoint> points, LocalDate today, int weeks) {
        Map<LocalDate, Long> doneBy = new LinkedHashMap<>();
        points.forEach(point -> doneBy.put(point.weekStart(), point.done()));
        LocalDate currentWeek = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        double[] result = new double[weeks];
        for (int i = 0; i < weeks; i++) {
            LocalDate week = currentWeek.minusWeeks(weeks - (long) i);
            result[i] = cumulative(doneBy, week) - cumulative(doneBy, week.minusWeeks(1));
        }
        return result;
    }

    private static long cumulative(Map<LocalDate, Long> doneBy, LocalDate week) {
        long last = 0;
        for (Map.Entry<LocalDate, Long> entry : doneBy.entrySet()) {
            if (entry.getKey().isAfter(week)) {
                break;
            }
            last = entry.getValue();
        }
        return last;
    }

    /** An item the rollup counts (not a container). */
    private static boolean isItem(IssueFacts issue, boolean includeSubtasks) {
        return switch (issue.level()) {
            case EPIC -> false;
            case SUBTASK -> includeSubtasks;
            case STANDARD -> !includeSubtasks || issue.subtaskCount() == 0;
        };
    }

    /**
     * One item, its story points or its original estimate in hours: an unestimated item
     * adds nothing on those bases, as in the program's progress.
     */
    private static double effort(IssueFacts issue, ProgressBasis basis) {
        return switch (basis) {
            case STORY_POINTS -> issue.storyPoints().orElse(0.0);
            case ORIGINAL_ESTIMATE -> issue.originalEstimateSeconds().orElse(0L) / 3600.0;
            default -> 1;
        };
    }

    private static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

}
