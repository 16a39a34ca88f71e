package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One Jira issue as the rollup engine sees it. An adapter maps search results into this;
 * the engine folds it into group totals and drops it.
 *
 * @param summary the issue's summary ("" when Jira sent none); kept for epics only, to
 * name their rows
 * @param subtaskCount number of sub-tasks Jira lists on the issue (its {@code subtasks}
 * field); with sub-tasks included, a parent with sub-tasks is a container and its own
 * estimate is not counted
 * @param blocks keys of the issues this issue blocks
 * @param blockedBy keys of the issues blocking this issue
 * @param valueModel the model of {@code valueScore}: scores of different models never add
 * up
 */
public record ProgramIssue(String key, String summary, String projectKey, IssueKind kind, StatusCategory status,
        Optional<String> parentKey, LocalDate created, Optional<LocalDate> resolved, Optional<LocalDate> due,
        Optional<Double> storyPoints, Optional<Long> originalEstimateSeconds, List<String> fixVersions,
        Optional<BigDecimal> valueScore, List<String> themeIds, int subtaskCount, List<String> blocks,
        List<String> blockedBy, Optional<String> valueModel) {

    public ProgramIssue(String key, String summary, String projectKey, IssueKind kind, StatusCategory status,
            Optional<String> parentKey, LocalDate created, Optional<LocalDate> resolved, Optional<LocalDate> due,
            Optional<Double> storyPoints, Optional<Long> originalEstimateSeconds, List<String> fixVersions,
            Optional<BigDecimal> valueScore, List<String> themeIds, int subtaskCount, List<String> blocks,
            List<String> blockedBy) {
        this(key, summary, projectKey, kind, status, parentKey, created, resolved, due, storyPoints,
                originalEstimateSeconds, fixVersions, valueScore, themeIds, subtaskCount, blocks, blockedBy,
                Optional.empty());
    }

    public ProgramIssue {
        requireText(key, "key");
        require(summary != null, key + ": summary is missing (use \"\" for none)");
        requireText(projectKey, "projectKey of " + key);
        require(kind != null, key + ": kind is missing");
        require(status != null, key + ": status is missing");
        require(parentKey != null && resolved != null && due != null && storyPoints != null
                && originalEstimateSeconds != null && valueScore != null && valueModel != null,
                key + ": use Optional.empty(), not null");
        require(created != null, key + ": created date is missing");
        require(parentKey.map(p -> !p.isBlank() && !p.equals(key)).orElse(true),
                key + ": parent must be another issue's key");
        require(kind != IssueKind.SUBTASK || parentKey.isPresent(), key + ": a sub-task needs a parent");
        require(storyPoints.map(p -> Double.isFinite(p) && p >= 0).orElse(true),
                key + ": story points must be a finite number >= 0, was " + storyPoints.orElse(null));
        require(originalEstimateSeconds.map(s -> s >= 0).orElse(true),
                key + ": original estimate must be >= 0 seconds");
        require(subtaskCount >= 0, key + ": subtaskCount must be >= 0");
        fixVersions = keys(fixVersions, key + ": fixVersions");
        themeIds = keys(themeIds, key + ": themeIds");
        blocks = keys(blocks, key + ": blocks");
        blockedBy = keys(blockedBy, key + ": blockedBy");
        require(!blocks.contains(key) && !blockedBy.contains(key), key + ": an issue cannot block itself");
    }

    public boolean isDone() {
        return status.isDone();
    }

    private static void requireText(String value, String what) {
        require(value != null && !value.isBlank(), what + " must not be blank");
    }

    private static List<String> keys(List<String> values, String what) {
        require(values != null, what + " must not be null");
        for (String value : values) {
            require(value != null && !value.isBlank(), what + " must not contain blank entries");
        }
        return List.copyOf(values);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "ProgramIssue[" + key + " " + kind + " " + status + "]";
    }
}
