package dev.throughline.scoring.service;

import dev.throughline.tenant.Site;

import java.util.List;
import java.util.Objects;

/**
 * Published after scores were written to Jira through the app, so views that cache issue
 * data (the grooming backlog) can drop what is now out of date.
 */
public record ScoresWritten(Site site, List<String> issueKeys) {

    public ScoresWritten {
        Objects.requireNonNull(site, "site");
        issueKeys = List.copyOf(issueKeys);
    }
}
