package dev.throughline.planning.web;

import dev.throughline.planning.service.PlanCommits;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Committing a stored plan (planners) and its history of commits with committed versus
 * delivered (any reader of the program).
 */
@RestController
class PlanCommitController {

    private final PlanCommits commits;

    PlanCommitController(PlanCommits commits) {
        this.commits = commits;
    }

    /** The snapshot kept; {@code predictability} is empty (no period has ended yet). */
    @PostMapping("/api/programs/{id}/plans/{planId}/commit")
    SnapshotAnswer commit(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return SnapshotAnswer.of(commits.commit(caller, id, planId), List.of(), 0);
    }

    /** Every snapshot kept (at most 20), oldest first. */
    @GetMapping("/api/programs/{id}/plans/{planId}/history")
    List<SnapshotAnswer> history(Caller caller, @PathVariable String id, @PathVariable String planId) {
        return SnapshotAnswer.of(commits.history(caller, id, planId));
    }

}
