package dev.throughline.planning;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Why is X not planned?" in words: what keeps it out (excluded, a blocker outside the
 * plan or unplanned, more effort than the horizon holds), or whose work uses its team's
 * capacity in the periods it could finish in.
 */
public final class WhyNotPlanned {

    private static final int NAMED = 3;

    private WhyNotPlanned() {
    }

    public static String explain(PlanProblem problem, PlanSolution solution, String key) {
        Map<String, Candidate> byKey = problem.byKey();
        Candidate item = byKey.get(key);
        if (item == null) {
            return key + " is not a candidate of this plan.";
        }
        if (solution.planned(key)) {
            return key + " is planned to finish in " + problem.periods().get(solution.periodOf().get(key)) + ".";
        }
        String reason = solution.unplannable().get(key);
        if (reason != null) {
            return key + " is not planned: " + reason + ".";
        }
        List<String> unplannedBlockers = item.blockers().stream().filter(b -> !solution.planned(b)).sorted().toList();
        if (!unplannedBlockers.isEmpty()) {
            return key + " is not planned: it needs " + String.join(", ", unplannedBlockers)
                    + " first, which is not planned in this horizon either.";
        }
        int earliest = item.blockers().stream().mapToInt(b -> solution.periodOf().get(b)).max().orElse(0);
        int last = problem.periods().size() - 1;
        PlanTeam team = problem.team(item.teamId());
        List<Candidate> teamWork = problem.candidates()
            .stream()
            .filter(c -> c.teamId().equals(item.teamId()) && solution.planned(c.key()))
            .sorted(Comparator.comparingDouble(Candidate::value).reversed().thenComparing(Candidate::key))
            .toList();
        double used = teamWork.stream().mapToDouble(Candidate::effort).sum();
        double capacity = team.capacityThrough(last);
        double left = capacity - used;
        if (left + 1e-9 >= item.effort() && item.value() == 0) {
            return key + " is not planned: it has no value on this plan's model, so planning it gains nothing.";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s is not planned: the capacity of team %s through %s (%s) is used by %s; %s is left and %s needs %s.",
                key, team.name(), problem.periods().get(last), number(capacity), names(teamWork, item.value()),
                number(left), key, number(item.effort())));
        if (earliest > 0) {
            List<String> blockerNames = item.blockers().stream().sorted().toList();
            text.append(" It needs ")
                .append(String.join(", ", blockerNames))
                .append(" first, planned by ")
                .append(problem.periods().get(earliest))
                .append('.');
        }
        return text.toString();
    }

    private static String names(List<Candidate> work, double value) {
        if (work.isEmpty()) {
            return "no other work";
        }
        List<String> keys = work.stream().limit(NAMED).map(Candidate::key).toList();
        String named = keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
        String more = work.size() > NAMED ? " (and " + (work.size() - NAMED) + " more)" : "";
        boolean allWorthMore = work.stream().limit(NAMED).allMatch(c -> c.value() >= value);
        return (allWorthMore ? "higher-value work " : "planned work ") + named + more;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

}
