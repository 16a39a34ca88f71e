package dev.throughline.planning.web;

import dev.throughline.planning.PlanSummary;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.service.PlanningService;
import dev.throughline.planning.service.StoredPlans;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * A program's stored plans (context JWT): readers list, read and solve them; planners
 * create, change (409 on a stale version) and delete them.
 */
@RestController
class StoredPlanController {

    private final StoredPlans plans;

    private final PlanningService planning;

    StoredPlanController(StoredPlans plans, PlanningService planning) {
        this.plans = plans;
        this.planning = planning;
    }

    @GetMapping("/api/programs/{id}/plans")
    List<PlanSummary> list(Caller caller, @PathVariable String id) {
        return plans.list(caller, id);
    }

    @PostMapping("/api/programs/{id}/plans")
    ResponseEntity<StoredPlanBody> create(Caller caller, @PathVariable String id, @RequestBody StoredPlanBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(StoredPlanBody.of(plans.create(caller, id, body.toPlan())));
    }

    @GetMapping("/api/programs/{id}/plans/{planId}")
    StoredPlanBody get(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return StoredPlanBody.of(plans.get(caller, id, planId));
    }

    @PutMapping("/api/programs/{id}/plans/{planId}")
    StoredPlanBody update(Caller caller, @PathVariable String id, @PathVariable String planId,
            @RequestBody StoredPlanBody body) {
        return StoredPlanBody.of(plans.update(caller, id, planId, body.toPlan(), body.requireVersion()));
    }

    @DeleteMapping("/api/programs/{id}/plans/{planId}")
    ResponseEntity<PlanDeletionAnswer> delete(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return PlanDeletionAnswer.of(plans.delete(caller, id, planId));
    }

    /** The stored plan solved on the program's inputs of today. */
    @PostMapping("/api/programs/{id}/plans/{planId}/solve")
    PlanAnswer solve(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return PlanAnswer.of(planning.solve(caller, plans.get(caller, id, planId)));
    }

    @GetMapping(path = "/api/programs/{id}/plans/{planId}/plan.csv", produces = "text/csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return PlanCsv.download(planning.solve(caller, plans.get(caller, id, planId)));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(StoredPlan.class).map(StoredPlanBody::of).orElse(null));
    }

}
