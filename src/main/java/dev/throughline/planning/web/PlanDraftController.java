package dev.throughline.planning.web;

import dev.throughline.planning.service.PlanDrafts;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Plan page's two calls on a stored plan besides its CRUD: preview an unsaved edit
 * (the answer of solve, nothing written) and write the saved plan back to Jira.
 */
@RestController
class PlanDraftController {

    private final PlanDrafts drafts;

    PlanDraftController(PlanDrafts drafts) {
        this.drafts = drafts;
    }

    /** The body is the plan as the page holds it, unsaved; {@code version} is ignored. */
    @PostMapping("/api/programs/{id}/plans/{planId}/preview")
    PlanAnswer preview(Caller caller, @PathVariable String id, @PathVariable String planId,
            @RequestBody StoredPlanBody body) {
        return PlanAnswer.of(drafts.preview(caller, id, planId, body.toPlan()));
    }

    @PostMapping("/api/programs/{id}/plans/{planId}/write-back")
    WriteBackAnswer writeBack(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return WriteBackAnswer.of(drafts.writeBack(caller, id, planId));
    }

}
