package dev.throughline.planning.service;

import dev.throughline.planning.StoredPlan;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

/**
 * What the Plan page does with a stored plan besides saving it: solve an unsaved edit of
 * it (a preview, which writes nothing anywhere) and write the saved plan back to Jira.
 */
@Service
public class PlanDrafts {

    private final StoredPlans plans;

    private final PlanningService planning;

    private final PlanWriteBack writeBack;

    public PlanDrafts(StoredPlans plans, PlanningService planning, PlanWriteBack writeBack) {
        this.plans = plans;
        this.planning = planning;
        this.writeBack = writeBack;
    }

    /**
     * The stored plan with {@code draft}'s contents, solved on today's inputs; the stored
     * plan is only read (it must exist in this program), so any reader may preview.
     */
    public PlanningService.Solved preview(Caller caller, String programId, String planId, StoredPlan draft) {
        StoredPlan stored = plans.get(caller, programId, planId);
        return planning.solve(caller, stored.savedAs(draft));
    }

    /**
     * The saved plan solved and written to Jira's {@code throughline.plan} (planners
     * only).
     */
    public PlanWriteBack.Result writeBack(Caller caller, String programId, String planId) {
        return writeBack.write(caller, plans.get(caller, programId, planId));
    }

}
