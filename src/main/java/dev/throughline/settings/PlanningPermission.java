package dev.throughline.settings;

import dev.throughline.problems.NotAllowedException;
import dev.throughline.tenant.Caller;

/**
 * Who may change the site-wide catalog of themes and programs: Jira administrators and
 * the {@link Planners} named in Throughline settings. Everyone else reads. Theme and
 * program writes ask this first.
 */
@FunctionalInterface
public interface PlanningPermission {

    String REASON = "Only Jira administrators and the planners named in Throughline settings can change themes"
            + " and programs.";

    boolean canPlan(Caller caller);

    /**
     * Refuses (403, with {@link #REASON}) a caller who may not change themes and
     * programs.
     */
    default void requirePlanner(Caller caller) {
        if (!canPlan(caller)) {
            throw new NotAllowedException(REASON);
        }
    }

}
