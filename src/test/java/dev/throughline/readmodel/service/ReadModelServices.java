package dev.throughline.readmodel.service;

import dev.throughline.readmodel.ProjectIssues;

import java.time.Duration;

/**
 * The read model's services as Spring wires them, for benchmarks and tests that run
 * without a Spring context.
 */
public final class ReadModelServices {

    private ReadModelServices() {
    }

    /** What features read projects through, synced by {@code sync}. */
    public static ProjectIssues projectIssues(IssueSync sync, Duration maxAge) {
        return new SyncedProjectIssues(sync, maxAge);
    }

}
