package dev.throughline.theme.service;

import java.util.List;

/** What a bulk link or unlink did: issues changed, issues already as asked, issues that could not be changed. */
public record LinkResult(int linked, int skipped, List<Failure> failed) {

    public LinkResult {
        failed = List.copyOf(failed);
    }

    public record Failure(String issueKey, String reason) {
    }
}
