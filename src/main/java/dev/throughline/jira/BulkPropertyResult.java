package dev.throughline.jira;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A bulk property task that Jira completed: its id, its closing message, and how long
 * Jira worked on it.
 */
public record BulkPropertyResult(String taskId, Optional<String> message, Duration elapsed) {

    public BulkPropertyResult {
        Checks.notBlank("task id", taskId);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
