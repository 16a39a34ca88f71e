package dev.throughline.settings.web;

import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tells a page whether its viewer may change themes and programs, so it offers only what the API would allow. */
@RestController
class PlanningController {

    private final PlanningPermission planning;

    PlanningController(PlanningPermission planning) {
        this.planning = planning;
    }

    /** {@code {canPlan, reason}}: the reason is the one line a read-only page shows, null for a planner. */
    @GetMapping("/api/permissions/planning")
    Map<String, Object> planning(Caller caller) {
        boolean canPlan = planning.canPlan(caller);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("canPlan", canPlan);
        json.put("reason", canPlan ? null : PlanningPermission.REASON);
        return json;
    }
}
