package dev.throughline.theme.service;

import java.util.List;
import java.util.Optional;

/**
 * What a bulk link or unlink did: issues changed, issues already as asked, issues the
 * caller may see but could not change (named), and issues of the selection in projects
 * the caller cannot browse (only counted). When Jira failed part way through the batches,
 * {@code notLinked} and {@code unknown} hold the issues a re-read found unchanged or
 * could not check, and {@code reason} says what Jira answered.
 */
public record LinkResult(List<String> linkedKeys, int skipped, List<Failure> failed, List<String> notLinked,
        List<String> unknown, Optional<String> reason, int hidden) {

    public LinkResult {
        linkedKeys = List.copyOf(linkedKeys);
        failed = List.copyOf(failed);
        notLinked = List.copyOf(notLinked);
        unknown = List.copyOf(unknown);
    }

    public int linked() {
        return linkedKeys.size();
    }

    /**
     * Jira applied only part of the change (or part of it cannot be checked): the caller
     * must re-read.
     */
    public boolean partial() {
        return reason.isPresent();
    }

    /** Issues the change was meant for (skipped and not allowed ones aside). */
    public int attempted() {
        return linkedKeys.size() + notLinked.size() + unknown.size();
    }

    public record Failure(String issueKey, String reason) {
    }
}
