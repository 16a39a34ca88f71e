package dev.throughline.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The overrides of a stored plan that name something the plan does not have: checked when
 * a plan is written (what can be known then: a quarter label outside the plan's horizon
 * as of today) and again when it is solved (also epics no longer among the candidates,
 * teams no longer in the program), so nothing is ever dropped without a word. A sprint
 * plan's overrides name sprints: one closed or gone is outside the horizon.
 */
public final class StoredPlanChecks {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private StoredPlanChecks() {
    }

    /** The quarters a plan of {@code quarters} covers when written on {@code today}. */
    public static List<String> horizon(LocalDate today, int quarters) {
        return ProgramInputs.quarterLabels(today, quarters);
    }

    /**
     * What a write must refuse: a commitment or capacity override, new or changed since
     * {@code stored} (null for a new plan), naming no quarter or one outside the horizon.
     * Unchanged entries pass, so a plan whose quarter has passed can still be saved; the
     * solve reports them ({@link #unused}).
     */
    public static List<PlanNotice> atWrite(StoredPlan stored, StoredPlan draft, List<String> horizon) {
        List<PlanNotice> found = new ArrayList<>();
        Map<String, String> before = stored == null ? Map.of() : stored.commitments();
        draft.commitments().forEach((key, quarter) -> {
            if (!Objects.equals(before.get(key), quarter)) {
                periodRule("commitments", key, quarter, horizon, draft.sprints()).ifPresent(found::add);
            }
        });
        draft.capacity().forEach((team, byQuarter) -> byQuarter.forEach((quarter, capacity) -> {
            Map<String, Double> old = stored == null ? Map.of() : stored.capacity().getOrDefault(team, Map.of());
            if (!Objects.equals(old.get(quarter), capacity)) {
                periodRule("capacity", team, quarter, horizon, draft.sprints()).ifPresent(found::add);
            }
        }));
        return found;
    }

    /**
     * The overrides today's solve does not use, each with the rule it breaks: a quarter
     * outside today's horizon, an epic no longer among the candidates (done, no longer in
     * the program, or listed apart), a team no longer in the program.
     */
    public static List<PlanNotice> unused(StoredPlan plan, ProgramInputs inputs) {
        List<String> periods = inputs.periods();
        Set<String> candidates = inputs.candidates().stream().map(Candidate::key).collect(Collectors.toSet());
        Set<String> teams = inputs.teams().stream().map(PlanTeam::id).collect(Collectors.toSet());
        List<PlanNotice> found = new ArrayList<>();
        plan.commitments().forEach((key, quarter) -> {
            if (!candidates.contains(key)) {
                found.add(notCandidate("commitments", key, quarter, "The commitment of " + key + " to " + quarter));
            }
            else {
                periodRule("commitments", key, quarter, periods, plan.sprints()).ifPresent(found::add);
            }
        });
        plan.exclusions()
            .stream()
            .filter(key -> !candidates.contains(key))
            .forEach(key -> found.add(notCandidate("exclusions", key, null, "The exclusion of " + key)));
        plan.capacity().forEach((team, byQuarter) -> byQuarter.keySet().forEach(quarter -> {
            if (!teams.contains(team)) {
                found.add(new PlanNotice("capacity", team, quarter, PlanNotice.UNKNOWN_TEAM, "The capacity of team "
                        + team + " in " + quarter + " is not used: " + team + " is not one of the program's teams."));
            }
            else {
                periodRule("capacity", team, quarter, periods, plan.sprints()).ifPresent(found::add);
            }
        }));
        found.sort((a, b) -> a.path().compareTo(b.path()));
        return found;
    }

    private static PlanNotice notCandidate(String field, String key, String quarter, String what) {
        return new PlanNotice(field, key, quarter, PlanNotice.NOT_A_CANDIDATE, what + " is not used: " + key
                + " is not among the plan's candidates (done, no longer in the program," + " or listed apart).");
    }

    /**
     * A sprint plan names its sprints by name: one not among the board's next sprints
     * (closed, deleted or further out) is outside the horizon.
     */
    private static Optional<PlanNotice> periodRule(String field, String item, String period, List<String> horizon,
            SprintHorizon sprints) {
        if (sprints == null) {
            return quarterRule(field, item, period, horizon);
        }
        if (period != null && horizon.contains(period)) {
            return Optional.empty();
        }
        String what = field.equals("capacity") ? "The capacity of team " + item + " in sprint " + period
                : "The commitment of " + item + " to sprint " + period;
        return Optional.of(new PlanNotice(field, item, period, PlanNotice.OUTSIDE_HORIZON,
                what + " is outside the plan's horizon: it is not among the next " + sprints.count()
                        + " active and future sprints of board " + sprints.board() + " (" + String.join(", ", horizon)
                        + "); closed, deleted or further out."));
    }

    private static Optional<PlanNotice> quarterRule(String field, String item, String quarter, List<String> horizon) {
        String what = field.equals("capacity") ? "The capacity of team " + item + " in " + quarter
                : "The commitment of " + item + " to " + quarter;
        if (quarter == null || !QUARTER.matcher(quarter).matches()) {
            return Optional.of(new PlanNotice(field, item, quarter, PlanNotice.NOT_A_QUARTER,
                    what + " names no quarter (like 2027-Q2)."));
        }
        if (!horizon.contains(quarter)) {
            return Optional.of(new PlanNotice(field, item, quarter, PlanNotice.OUTSIDE_HORIZON,
                    what + " is outside the plan's horizon (" + horizon.get(0) + " to "
                            + horizon.get(horizon.size() - 1) + ")."));
        }
        return Optional.empty();
    }

}
