package dev.throughline.grooming;

import java.util.List;

/**
 * What an apply (or undo) writes down before its first rank call, beside the undo point:
 * the order it is going to ({@code target}), the order its plan was made from
 * ({@code start}; the plan is {@code RankPlan.between(start,
 * target)}, so it need not be stored), how many of the plan's steps Jira has answered
 * ({@code stepsDone}) and the order they left the backlog in ({@code leftAt}). It is
 * rewritten only when a step did not go as planned (Jira refused some of its issues) and
 * when the run ends: a step that went as planned is found from the backlog itself. So
 * whatever stops the run - an outage, a crash of the app after k of n steps - the backlog
 * stands at one of the orders the plan passes through from {@code leftAt}, and the same
 * apply sent again resumes from there.
 */
public record ApplyJournal(List<String> target, List<String> start, int stepsDone, List<String> leftAt) {

    public ApplyJournal {
        target = List.copyOf(target);
        start = List.copyOf(start);
        leftAt = List.copyOf(leftAt);
        if (stepsDone < 0) {
            throw new IllegalArgumentException("stepsDone must be 0 or more");
        }
    }

    /** Before the first rank call of a plan from {@code start} to {@code target}. */
    public static ApplyJournal begin(List<String> start, List<String> target) {
        return new ApplyJournal(target, start, 0, start);
    }

    /**
     * After {@code stepsDone} steps of the same plan, which left the backlog in
     * {@code leftAt}.
     */
    public ApplyJournal after(int steps, List<String> reached) {
        return new ApplyJournal(target, start, steps, reached);
    }

    /**
     * Whether {@code current} is an order this run can have left the backlog in:
     * {@code leftAt}, or {@code leftAt} with the plan's next steps applied in turn.
     * Anything else means someone else changed the backlog.
     */
    public boolean couldHaveLeft(List<String> current) {
        List<RankStep> steps = RankPlan.between(start, target).steps();
        List<String> order = leftAt;
        if (order.equals(current)) {
            return true;
        }
        for (RankStep step : steps.subList(Math.min(stepsDone, steps.size()), steps.size())) {
            try {
                order = JiraRankSimulator.applyTo(order, step);
            }
            catch (IllegalArgumentException notThisBacklog) {
                return false;
            }
            if (order.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
