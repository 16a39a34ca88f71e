package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/** A Jira long-running task ended without completing (FAILED, CANCELLED, DEAD) or did not finish in time. */
public class JiraTaskFailedException extends JiraException {

    private final String taskId;
    private final String taskStatus;

    public JiraTaskFailedException(String taskId, String taskStatus, String detail) {
        super("Jira task " + taskId + " ended " + taskStatus + (detail == null || detail.isBlank() ? "" : ": " + detail),
                0, List.of(), Map.of());
        this.taskId = taskId;
        this.taskStatus = taskStatus;
    }

    public String taskId() {
        return taskId;
    }

    /** Jira's task status, or {@code TIMED_OUT} when we stopped waiting. */
    public String taskStatus() {
        return taskStatus;
    }
}
