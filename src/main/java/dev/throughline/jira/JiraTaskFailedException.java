package dev.throughline.jira;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Jira long-running task that Jira accepted did not end COMPLETE: it ended FAILED,
 * CANCELLED or DEAD, we stopped waiting for it, or following it failed. Jira may have
 * applied any part of it (bulk property tasks are not transactional), so a caller must
 * re-read to learn what was written, never report "nothing was written".
 */
public class JiraTaskFailedException extends JiraException {

    /** Statuses of tasks whose end we never saw: Jira may still be working on them. */
    static final Set<String> UNSEEN_ENDS = Set.of("TIMED_OUT", "INTERRUPTED", "UNFOLLOWED");

    private final String taskId;

    private final String taskStatus;

    public JiraTaskFailedException(String taskId, String taskStatus, String detail) {
        this(taskId, taskStatus, detail, null);
    }

    public JiraTaskFailedException(String taskId, String taskStatus, String detail, Throwable cause) {
        super(describe(taskId, taskStatus, detail), 0, List.of(), Map.of(), cause);
        this.taskId = taskId;
        this.taskStatus = taskStatus;
    }

    private static String describe(String taskId, String taskStatus, String detail) {
        String prefix = UNSEEN_ENDS.contains(taskStatus)
                ? "Jira accepted task " + taskId + " but its outcome is unknown (" + taskStatus + ")"
                : "Jira task " + taskId + " ended " + taskStatus;
        return prefix + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    public String taskId() {
        return taskId;
    }

    /**
     * Jira's task status; {@code TIMED_OUT} or {@code INTERRUPTED} when we stopped
     * waiting, {@code UNFOLLOWED} when reading the task's progress failed.
     */
    public String taskStatus() {
        return taskStatus;
    }

    /**
     * True when the task's end was never seen: Jira may have applied all of it, part of
     * it, or nothing yet.
     */
    public boolean outcomeUnknown() {
        return UNSEEN_ENDS.contains(taskStatus);
    }

}
