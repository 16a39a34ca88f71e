package dev.throughline.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Throughline's features fold of one Jira issue, as the read model keeps it: a copy
 * derived from Jira, never the record. Other issues are named by id and key, so a move
 * between projects (the key changes, the id stays) is followed where the other end is in
 * the read model.
 *
 * @param statusCategory Jira's status category key: {@code new}, {@code indeterminate} or
 * {@code done}
 * @param created empty when Jira sent none (the reader picks its own fallback)
 * @param subtaskCount how many sub-tasks Jira listed on the issue when it was read
 * @param valueReadable false when the stored value is an object Throughline cannot read
 * as a score record (written by another tool or an older version): the issue panel leaves
 * it out of rankings and counts it
 * @param projectId the project's id in Jira (0 when the issue was read without it, e.g.
 * from an event naming the project by key only): viewers' permissions are checked by id
 * @param updated when Jira last changed the issue, empty when Jira sent none (theme
 * progress flags work nobody updated for 30 days)
 * @param valueDetail the stored value's version and inputs as read with the issue's
 * properties (version 0 and no inputs for an issue without a value); empty when not known
 * (a value Throughline saw only as score and model): grooming reads those from Jira
 */
public record IssueFacts(long id, String key, String projectKey, String summary, Level level, String statusCategory,
        Optional<IssueRef> parent, Optional<LocalDate> created, Optional<LocalDate> resolved, Optional<LocalDate> due,
        Optional<Double> storyPoints, Optional<Long> originalEstimateSeconds, List<String> fixVersions,
        Optional<BigDecimal> valueScore, Optional<String> valueModel, List<String> themeIds, int subtaskCount,
        List<IssueRef> blocks, List<IssueRef> blockedBy, boolean valueReadable, long projectId,
        Optional<Instant> updated, Optional<ValueDetail> valueDetail) {

    /** What an inline score edit needs besides score and model. */
    public record ValueDetail(long version, Map<String, BigDecimal> inputs) {

        public ValueDetail {
            inputs = Map.copyOf(inputs);
        }

    }

    /** Where an issue sits in Jira's hierarchy. */
    public enum Level {

        EPIC, STANDARD, SUBTASK

    }

    /** Another issue, by id and by the key it had when this issue was read. */
    public record IssueRef(long id, String key) {

        public IssueRef {
            Objects.requireNonNull(key, "key");
        }

    }

    public IssueFacts {
        if (id <= 0) {
            throw new IllegalArgumentException("issue id must be positive, was " + id);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(statusCategory, "statusCategory");
        for (Optional<?> optional : List.of(parent, created, resolved, due, storyPoints, originalEstimateSeconds,
                valueScore, valueModel, updated, valueDetail)) {
            Objects.requireNonNull(optional, key + ": use Optional.empty(), not null");
        }
        if (subtaskCount < 0) {
            throw new IllegalArgumentException(key + ": subtaskCount must be >= 0");
        }
        fixVersions = List.copyOf(fixVersions);
        themeIds = List.copyOf(themeIds);
        blocks = List.copyOf(blocks);
        blockedBy = List.copyOf(blockedBy);
        if (projectId < 0) {
            throw new IllegalArgumentException(key + ": projectId must be >= 0");
        }
    }

    /** An issue read without its project's id and its last update. */
    public IssueFacts(long id, String key, String projectKey, String summary, Level level, String statusCategory,
            Optional<IssueRef> parent, Optional<LocalDate> created, Optional<LocalDate> resolved,
            Optional<LocalDate> due, Optional<Double> storyPoints, Optional<Long> originalEstimateSeconds,
            List<String> fixVersions, Optional<BigDecimal> valueScore, Optional<String> valueModel,
            List<String> themeIds, int subtaskCount, List<IssueRef> blocks, List<IssueRef> blockedBy,
            boolean valueReadable) {
        this(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due, storyPoints,
                originalEstimateSeconds, fixVersions, valueScore, valueModel, themeIds, subtaskCount, blocks, blockedBy,
                valueReadable, 0, Optional.empty(), Optional.empty());
    }

    /**
     * The same issue with Throughline's own properties (score, themes) of another copy.
     */
    public IssueFacts withPropertiesOf(IssueFacts other) {
        return new IssueFacts(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due,
                storyPoints, originalEstimateSeconds, fixVersions, other.valueScore, other.valueModel, other.themeIds,
                subtaskCount, blocks, blockedBy, other.valueReadable, projectId, updated, other.valueDetail);
    }

    /**
     * The same issue with the score record Throughline just read or wrote directly (not
     * through the search index).
     */
    public IssueFacts withValue(BigDecimal score, String model) {
        return new IssueFacts(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due,
                storyPoints, originalEstimateSeconds, fixVersions, Optional.of(score), Optional.of(model), themeIds,
                subtaskCount, blocks, blockedBy, true, projectId, updated, Optional.empty());
    }

    /**
     * The same issue with the score record a property event carried (or its absence):
     * score, model, whether it reads as a record, its version and inputs.
     */
    public IssueFacts withValueRecord(Optional<BigDecimal> score, Optional<String> model, boolean readable,
            Optional<ValueDetail> detail) {
        return new IssueFacts(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due,
                storyPoints, originalEstimateSeconds, fixVersions, score, model, themeIds, subtaskCount, blocks,
                blockedBy, readable, projectId, updated, detail);
    }

    /** The same issue with other blocking links (a link webhook applied). */
    public IssueFacts withLinks(List<IssueRef> newBlocks, List<IssueRef> newBlockedBy) {
        return new IssueFacts(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due,
                storyPoints, originalEstimateSeconds, fixVersions, valueScore, valueModel, themeIds, subtaskCount,
                newBlocks, newBlockedBy, valueReadable, projectId, updated, valueDetail);
    }

    /**
     * The same issue with the theme links Throughline just wrote directly (not through
     * the search index).
     */
    public IssueFacts withThemes(List<String> newThemeIds) {
        return new IssueFacts(id, key, projectKey, summary, level, statusCategory, parent, created, resolved, due,
                storyPoints, originalEstimateSeconds, fixVersions, valueScore, valueModel, newThemeIds, subtaskCount,
                blocks, blockedBy, valueReadable, projectId, updated, valueDetail);
    }

}
