package dev.throughline.scoring.service;

import dev.throughline.scoring.ValueRecord;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a bulk write: written for every issue, or for none with the reason per
 * issue - or, when Jira accepted the write but its task failed or could not be followed,
 * what a re-read found written, not written and (when the re-read failed too) unknown,
 * with Jira's reason.
 */
public record BulkValueResult(boolean written, Outcome failure, List<Item> items, Optional<String> jiraReason) {

    public enum Outcome {

        WRITTEN, READY, NOT_FOUND, FORBIDDEN, STALE, NOT_WRITTEN, UNKNOWN

    }

    public BulkValueResult {
        items = List.copyOf(items);
    }

    public BulkValueResult(boolean written, Outcome failure, List<Item> items) {
        this(written, failure, items, Optional.empty());
    }

    /**
     * After Jira's task failed: written only when the re-read found every item written.
     */
    static BulkValueResult afterFailedTask(List<Item> items, String reason) {
        boolean all = items.stream().allMatch(item -> item.outcome() == Outcome.WRITTEN);
        boolean unknown = items.stream().anyMatch(item -> item.outcome() == Outcome.UNKNOWN);
        Outcome failure = all ? Outcome.WRITTEN : unknown ? Outcome.UNKNOWN : Outcome.NOT_WRITTEN;
        return new BulkValueResult(all, failure, items, Optional.of(reason));
    }

    /**
     * Jira applied part of the write, or nobody knows how much: the caller must re-read,
     * not retry blindly.
     */
    public boolean partial() {
        return !written && (failure == Outcome.UNKNOWN || failure == Outcome.NOT_WRITTEN
                && items.stream().anyMatch(item -> item.outcome() == Outcome.WRITTEN));
    }

    /**
     * In plain words, after Jira's task failed: "3 of 5 scores written; 2 not written: ….
     * Reload …".
     */
    public String afterFailedTaskMessage() {
        int written = keys(Outcome.WRITTEN).size();
        int unknown = keys(Outcome.UNKNOWN).size();
        return written + " of " + items.size() + " scores written; "
                + (unknown > 0 ? unknown + " unknown" : keys(Outcome.NOT_WRITTEN).size() + " not written")
                + ": Jira's task did not complete (" + jiraReason.orElse("no reason given")
                + "). Reload to see the current state.";
    }

    public List<String> keys(Outcome outcome) {
        return items.stream().filter(item -> item.outcome() == outcome).map(Item::issueKey).toList();
    }

    /**
     * The HTTP status that reports this result: 200 when written; the reason nothing was
     * (404, 403, 409; 502 when Jira's task wrote none of them); 207 when Jira wrote part
     * of it or its outcome is unknown.
     */
    public int httpStatus() {
        if (partial()) {
            return 207;
        }
        return switch (failure) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case STALE -> 409;
            case NOT_WRITTEN -> 502;
            default -> 200;
        };
    }

    public record Item(String issueKey, Outcome outcome, String message, Optional<ValueRecord> value) {
    }
}
