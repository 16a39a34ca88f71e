package dev.throughline.grooming.service;

import dev.throughline.grooming.ApplyJournal;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.store.UndoJiraStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.JiraRateLimitedException;
import dev.throughline.jira.JiraUnavailableException;
import dev.throughline.problems.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One apply or undo of a board, from the current order to a target: the undo point and
 * the journal ({@link ApplyJournal}) go to Jira before the first rank call, the plan's
 * steps follow, the backlog is re-read to verify, and the journal is closed (or left
 * saying where the run stopped, for the same request to resume).
 */
final class JournaledRun {

    private final UndoJiraStore undo;

    private final JiraClient client;

    private final long boardId;

    private final String accountId;

    private final Instant now;

    JournaledRun(UndoJiraStore undo, JiraClient client, long boardId, String accountId, Instant now) {
        this.undo = undo;
        this.client = client;
        this.boardId = boardId;
        this.accountId = accountId;
        this.now = now;
    }

    ApplyResult toTarget(List<String> current, List<String> target, List<String> undoPoint, boolean resumed,
            boolean keepUndo) {
        RankPlan plan = RankPlan.between(current, target);
        boolean undoSaved = true;
        ApplyJournal journal = ApplyJournal.begin(current, target);
        if (!plan.isEmpty()) {
            // the journal goes to Jira before the first rank call, so a run stopped
            // anywhere can be resumed
            undoSaved = undo.write(client, boardId, accountId,
                    new UndoJiraStore.Saved(undoPoint, Optional.of(journal), now));
            if (keepUndo && !undoSaved) {
                throw new InvalidInputException("order", "The backlog is too large to save an undo point "
                        + "(about 6,000 issues fit); nothing was moved.");
            }
        }
        RankRun run = RankRun.execute(plan, current, client::rank, (stepsDone, reached) -> keepJournal(
                new UndoJiraStore.Saved(undoPoint, Optional.of(journal.after(stepsDone, reached)), now)));
        Optional<List<String>> misplaced = Optional.empty();
        List<String> leftAt = run.reached();
        if (run.interruption().isEmpty()) {
            try {
                List<String> actual = BacklogReader.order(client, boardId).stream().map(JiraIssue::key).toList();
                misplaced = Optional.of(RankPlan.verify(actual, target));
                leftAt = actual;
            }
            catch (JiraRateLimitedException | JiraUnavailableException e) {
                // Moves are reported as Jira answered them; verification has to wait for
                // the next read.
            }
        }
        boolean done = misplaced.map(List::isEmpty).orElse(false);
        if (!plan.isEmpty()) {
            try {
                if (done && !keepUndo) {
                    undo.delete(client, boardId, accountId);
                }
                else {
                    Optional<ApplyJournal> pending = done ? Optional.empty()
                            : Optional.of(ApplyJournal.begin(leftAt, target));
                    undo.write(client, boardId, accountId, new UndoJiraStore.Saved(undoPoint, pending, now));
                }
            }
            catch (JiraRateLimitedException | JiraUnavailableException e) {
                // The record written before the run still holds the undo point; a retry
                // re-reads and re-plans.
            }
        }
        else if (!keepUndo) {
            undo.delete(client, boardId, accountId);
        }
        return new ApplyResult(target, plan.calls(), plan.movedKeys().size(), run.steps(), run.moved(), run.notMoved(),
                run.failures(), run.interruption().map(Throwable::getMessage), misplaced, resumed, undoSaved);
    }

    /**
     * A journal update during a run; if Jira does not take it, a resend finds the older
     * entry and gets 409.
     */
    private void keepJournal(UndoJiraStore.Saved saved) {
        try {
            undo.write(client, boardId, accountId, saved);
        }
        catch (JiraRateLimitedException | JiraUnavailableException e) {
            // the rank call itself went through; a resend then finds the older journal
            // entry and gets 409
        }
    }

}
