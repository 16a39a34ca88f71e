package dev.throughline.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The periods of a sprint horizon: a board's next active and future sprints in Jira's
 * order, each a period labelled with its name. A sprint's length counts in calendar weeks
 * (days between its start and end date ÷ 7), the unit the weekly throughput is measured
 * in (Monday to Sunday weeks), so capacity = weekly throughput × weeks; an active sprint
 * counts from today. The odds simulate whole weeks: a sprint ends after the days from
 * today to its end date ÷ 7, rounded to the nearest week.
 *
 * @param board the Jira board the sprints are read from
 * @param sprints the horizon's sprints, in order
 */
public record SprintPeriods(long board, List<Period> sprints) {

    /** A sprint as Jira lists it: a future one may have no dates yet. */
    public record OpenSprint(long id, String name, Optional<LocalDate> start, Optional<LocalDate> end) {

        public OpenSprint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

    }

    /**
     * One sprint of the horizon: {@code weeks} its length in weeks from today at the
     * earliest (to hundredths), {@code endWeek} the simulated week it ends with.
     */
    public record Period(long id, String name, LocalDate start, LocalDate end, double weeks, int endWeek) {
    }

    public SprintPeriods {
        sprints = List.copyOf(sprints);
    }

    /**
     * The first {@code count} of the board's open sprints (fewer when the board has
     * fewer). Refused (IllegalArgumentException, naming the sprint): no open sprint, a
     * sprint without a start or end date, one ending before it starts, two of the same
     * name (overrides and commitments name a sprint by its name).
     */
    public static SprintPeriods of(long board, List<OpenSprint> open, int count, LocalDate today) {
        if (open.isEmpty()) {
            throw new IllegalArgumentException("board " + board + " has no active or future sprint to plan");
        }
        List<Period> periods = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int lastEnd = 0;
        for (OpenSprint sprint : open.subList(0, Math.min(count, open.size()))) {
            String which = "sprint \"" + sprint.name() + "\" (id " + sprint.id() + ") of board " + board;
            if (sprint.start().isEmpty() || sprint.end().isEmpty()) {
                throw new IllegalArgumentException(which + " has no start and end dates: every sprint of the "
                        + "horizon needs both (give it dates in Jira, or plan fewer sprints)");
            }
            LocalDate start = sprint.start().get();
            LocalDate end = sprint.end().get();
            if (end.isBefore(start)) {
                throw new IllegalArgumentException(which + " ends before it starts");
            }
            if (!names.add(sprint.name())) {
                throw new IllegalArgumentException(which + ": two sprints of the horizon have this name; "
                        + "sprint names must differ (a plan names its sprints by name)");
            }
            LocalDate from = start.isBefore(today) ? today : start;
            double weeks = Math.max(0, ChronoUnit.DAYS.between(from, end)) / 7.0;
            lastEnd = Math.max(lastEnd, (int) Math.round(Math.max(0, ChronoUnit.DAYS.between(today, end)) / 7.0));
            periods.add(new Period(sprint.id(), sprint.name(), start, end, round(weeks), lastEnd));
        }
        return new SprintPeriods(board, periods);
    }

    /**
     * The inputs over this horizon: the sprints are the periods (labelled with their
     * names), each team's capacity per sprint its weekly mean × the sprint's weeks.
     */
    public ProgramInputs applyTo(ProgramInputs inputs) {
        List<PlanTeam> teams = inputs.teams()
            .stream()
            .map(t -> new PlanTeam(t.id(), t.name(), capacity(inputs.throughput().get(t.id()))))
            .toList();
        return new ProgramInputs(inputs.unit(), labels(), teams, inputs.candidates(), inputs.throughput(),
                inputs.unscored(), inputs.model(), inputs.apart(), inputs.converted(), inputs.candidateKind(),
                inputs.notice(), Optional.of(this));
    }

    public List<String> labels() {
        return sprints.stream().map(Period::name).toList();
    }

    /** Each sprint's last day. */
    public List<LocalDate> ends() {
        return sprints.stream().map(Period::end).toList();
    }

    /** Each team's capacity per sprint: its weekly mean × the sprint's weeks. */
    public List<Double> capacity(TeamThroughput history) {
        double mean = history == null ? 0 : history.weeklyMean();
        return sprints.stream().map(s -> round(mean * s.weeks())).toList();
    }

    /** The simulated week each period ends with (odds), for {@link OddsSimulator}. */
    public int[] endWeeks() {
        return sprints.stream().mapToInt(Period::endWeek).toArray();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

}
