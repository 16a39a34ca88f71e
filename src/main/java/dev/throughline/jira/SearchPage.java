package dev.throughline.jira;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a search; {@code nextPageToken} fetches the next one (pages of one query are sequential). */
public record SearchPage(List<JiraIssue> issues, Optional<String> nextPageToken) {

    public SearchPage {
        issues = List.copyOf(issues);
        Objects.requireNonNull(nextPageToken, "nextPageToken").ifPresent(t -> Checks.notBlank("nextPageToken", t));
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
