package dev.throughline.scoring.service;

import dev.throughline.scoring.ValueRecord;

import java.util.List;
import java.util.Optional;

/** The answer to a bulk write: written for every issue, or for none, with the reason per issue. */
public record BulkValueResult(boolean written, Outcome failure, List<Item> items) {

    public enum Outcome { WRITTEN, READY, NOT_FOUND, FORBIDDEN, STALE }

    public BulkValueResult {
        items = List.copyOf(items);
    }

    /** The HTTP status that reports this result: 200 when written, else the reason nothing was (404, 403, 409). */
    public int httpStatus() {
        switch (failure) {
            case NOT_FOUND:
                return 404;
            case FORBIDDEN:
                return 403;
            case STALE:
                return 409;
            default:
                return 200;
        }
    }

    public record Item(String issueKey, Outcome outcome, String message, Optional<ValueRecord> value) {
    }
}
