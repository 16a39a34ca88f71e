package dev.throughline.grooming.web;

import dev.throughline.grooming.service.ApplyResult;
import dev.throughline.jira.RankOutcome;

import java.util.List;

/**
 * {@code POST /api/boards/{boardId}/apply} and {@code /undo}: what the run did.
 * {@code action} tells the page what to do next: {@code none} (complete), {@code resume}
 * (send the same request again) or {@code reread}.
 */
record ApplyAnswer(int status, boolean complete, String message, boolean resumed, String action, int calls,
        int movedCount, List<String> moved, List<String> notMoved, List<Failure> failures, List<Step> steps,
        boolean verified, List<String> misplaced, boolean undoSaved, List<String> order) {

    static final int OK = 200;
    static final int INTERRUPTED = 503;

    /** An issue Jira did not rank, with its reasons. */
    record Failure(String issueKey, List<String> errors) {
    }

    record Step(int step, List<String> issueKeys, String position, String anchor, String outcome,
            List<Failure> failures) {
    }

    static ApplyAnswer of(ApplyResult result) {
        boolean interrupted = result.interrupted().isPresent();
        String message = result.interrupted()
            .map(m -> "Jira stopped answering part way (" + m + "). Send the same request again to finish; "
                    + "issues already moved are not moved again.")
            .orElse(result.complete() ? "The backlog is in the requested order."
                    : "Some issues are not where they should be; see misplaced and failures.");
        // an interrupted run is resumed by the same request (the journal says where it
        // got to); anything else re-reads
        String action = interrupted ? "resume" : result.complete() ? "none" : "reread";
        List<Step> steps = result.steps()
            .stream()
            .map(step -> new Step(step.step(), step.issueKeys(), step.position(), step.anchorKey(), step.outcome(),
                    failures(step.failures())))
            .toList();
        return new ApplyAnswer(interrupted ? INTERRUPTED : OK, result.complete(), message, result.resumed(), action,
                result.calls(), result.movedCount(), result.moved(), result.notMoved(), failures(result.failures()),
                steps, result.misplaced().isPresent(), result.misplaced().orElse(null), result.undoSaved(),
                result.target());
    }

    private static List<Failure> failures(List<RankOutcome> outcomes) {
        return outcomes.stream().map(f -> new Failure(f.issueKey(), f.errors())).toList();
    }
}
