package dev.throughline.settings.web;

import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a page whether its viewer may change themes and programs, so it offers only what
 * the API would allow.
 */
@RestController
class PlanningController {

    private final PlanningPermission planning;

    PlanningController(PlanningPermission planning) {
        this.planning = planning;
    }

    /** {@code {canPlan, reason}}, see {@link SettingsJson.Planning}. */
    @GetMapping("/api/permissions/planning")
    SettingsJson.Planning planning(Caller caller) {
        boolean canPlan = planning.canPlan(caller);
        return new SettingsJson.Planning(canPlan, canPlan ? null : PlanningPermission.REASON);
    }

}
