package dev.throughline.grooming.service;

import dev.throughline.jira.RankOutcome;

import java.util.List;
import java.util.Optional;

/**
 * What an apply or undo did: the plan's size, each rank call's outcome, the issues Jira
 * ranked and those it did not, and - when Jira could be re-read - the issues not where
 * the target puts them.
 *
 * @param interrupted Jira's message when a rate limit or outage stopped the run (the same
 * request resumes it)
 * @param misplaced empty when the re-read backlog matches the target; absent when it
 * could not be re-read
 */
public record ApplyResult(List<String> target, int calls, int movedCount, List<RankRun.StepResult> steps,
        List<String> moved, List<String> notMoved, List<RankOutcome> failures, Optional<String> interrupted,
        Optional<List<String>> misplaced, boolean resumed, boolean undoSaved) {

    public boolean complete() {
        return interrupted.isEmpty() && misplaced.map(List::isEmpty).orElse(false);
    }
}
