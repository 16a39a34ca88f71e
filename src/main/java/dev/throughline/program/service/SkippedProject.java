package dev.throughline.program.service;

import java.util.Objects;

/**
 * A program project the app could not search (Jira answered 400 or 404: gone, renamed or
 * hidden from the app).
 */
public record SkippedProject(String projectKey, String reason) {

    public SkippedProject {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(reason, "reason");
    }
}
