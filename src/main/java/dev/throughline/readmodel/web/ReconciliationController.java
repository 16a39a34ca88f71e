package dev.throughline.readmodel.web;

import dev.throughline.jira.JiraClients;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.readmodel.service.ReconciliationSchedule;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/readmodel/reconciliation}: the last run, what it repaired and the next
 * run; {@code POST} runs it now. Site admins only (Jira's administer permission), as the
 * settings page.
 */
@RestController
class ReconciliationController {

    private final ReconciliationSchedule schedule;

    private final JiraClients jira;

    ReconciliationController(ReconciliationSchedule schedule, JiraClients jira) {
        this.schedule = schedule;
        this.jira = jira;
    }

    @GetMapping("/api/readmodel/reconciliation")
    ReconciliationJson status(Caller caller) {
        requireAdmin(caller);
        return ReconciliationJson.of(schedule.status(caller.site()));
    }

    @PostMapping("/api/readmodel/reconciliation")
    ReconciliationJson runNow(Caller caller) {
        requireAdmin(caller);
        schedule.runNow(caller.site());
        return ReconciliationJson.of(schedule.status(caller.site()));
    }

    private void requireAdmin(Caller caller) {
        if (!jira.forSite(caller.site()).isAdministrator(caller.requireAccountId())) {
            throw new NotAllowedException("Only Jira administrators see the read model's reconciliation.");
        }
    }

}
