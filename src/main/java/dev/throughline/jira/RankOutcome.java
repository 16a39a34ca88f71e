package dev.throughline.jira;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether one issue of a rank call moved; when not, Jira's reasons. */
public record RankOutcome(String issueKey, Optional<String> issueId, boolean ranked, List<String> errors) {

    public RankOutcome {
        Checks.issueKey(issueKey);
        Objects.requireNonNull(issueId, "issueId");
        errors = List.copyOf(errors);
    }
}
