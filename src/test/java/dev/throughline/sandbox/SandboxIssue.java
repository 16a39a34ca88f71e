package dev.throughline.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One issue, kept compact (primitives with "absent" sentinels, summary derived from a
 * code) so that 100,000 of them fit comfortably in memory. Immutable: the site replaces
 * an issue to change it.
 *
 * @param parentId 0 when the issue has no parent
 * @param storyPoints NaN when not estimated
 * @param resolvedEpochSecond 0 unless the issue is done
 * @param originalEstimateSeconds 0 when not estimated
 * @param dueEpochDay {@link #NO_DUE_DATE} when absent
 * @param fixVersionId 0 when absent
 */
public record SandboxIssue(long id, String key, long projectId, IssueType type, IssueStatus status, long parentId,
        int summaryCode, double storyPoints, long createdEpochSecond, long updatedEpochSecond, long resolvedEpochSecond,
        int originalEstimateSeconds, int dueEpochDay, long fixVersionId) {

    public static final int NO_DUE_DATE = Integer.MIN_VALUE;

    public SandboxIssue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (id <= 0 || projectId <= 0)
            throw new IllegalArgumentException("ids must be positive: " + key);
        if (!key.matches("[A-Z][A-Z0-9]+-[1-9][0-9]*"))
            throw new IllegalArgumentException("bad issue key: " + key);
        if (type == IssueType.SUBTASK && parentId == 0)
            throw new IllegalArgumentException("sub-task needs a parent: " + key);
        if (type == IssueType.EPIC && parentId != 0)
            throw new IllegalArgumentException("epic cannot have a parent: " + key);
        if (status.done() != (resolvedEpochSecond != 0)) {
            throw new IllegalArgumentException("resolution date only and always when done: " + key);
        }
        if (updatedEpochSecond < createdEpochSecond)
            throw new IllegalArgumentException("updated before created: " + key);
        if (resolvedEpochSecond != 0 && resolvedEpochSecond < createdEpochSecond) {
            throw new IllegalArgumentException("resolved before created: " + key);
        }
        if (originalEstimateSeconds < 0)
            throw new IllegalArgumentException("negative estimate: " + key);
    }

    public String summary() {
        return SummaryWords.summaryFor(type, summaryCode);
    }

    public String projectKey() {
        return key.substring(0, key.indexOf('-'));
    }

    public int keyNumber() {
        return Integer.parseInt(key.substring(key.indexOf('-') + 1));
    }

    public boolean hasParent() {
        return parentId != 0;
    }

    public OptionalDouble storyPointEstimate() {
        return Double.isNaN(storyPoints) ? OptionalDouble.empty() : OptionalDouble.of(storyPoints);
    }

    public Instant created() {
        return Instant.ofEpochSecond(createdEpochSecond);
    }

    public Instant updated() {
        return Instant.ofEpochSecond(updatedEpochSecond);
    }

    public Instant resolved() {
        return resolvedEpochSecond == 0 ? null : Instant.ofEpochSecond(resolvedEpochSecond);
    }

    public LocalDate dueDate() {
        return dueEpochDay == NO_DUE_DATE ? null : LocalDate.ofEpochDay(dueEpochDay);
    }

    /**
     * Backlog members: not done, not an epic, not a sub-task (as in a Jira Software scrum
     * backlog).
     */
    public boolean backlogEligible() {
        return !status.done() && type.standard();
    }
}
