package dev.throughline.theme.service;

import java.util.List;

/**
 * What a bulk link or unlink did: issues changed, issues already as asked, issues the caller may see but could
 * not change (named), and issues of the selection in projects the caller cannot browse (only counted).
 */
public record LinkResult(int linked, int skipped, List<Failure> failed, int hidden) {

    public LinkResult {
        failed = List.copyOf(failed);
    }

    public record Failure(String issueKey, String reason) {
    }
}
