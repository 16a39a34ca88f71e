package dev.throughline.jira;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One page of a search; {@code nextPageToken} fetches the next one (pages of one query
 * are sequential). The keys and the token are read at once; the issues themselves may be
 * parsed on first use, so a caller can ask for the next page before it spends time on
 * this one's fields (see {@link JiraReaders#searchPage(byte[])}).
 */
public final class SearchPage {

    private final List<String> keys;

    private final Optional<String> nextPageToken;

    private Supplier<List<JiraIssue>> parse;

    private List<JiraIssue> issues;

    public SearchPage(List<JiraIssue> issues, Optional<String> nextPageToken) {
        this(issues.stream().map(JiraIssue::key).toList(), nextPageToken, () -> issues);
    }

    private SearchPage(List<String> keys, Optional<String> nextPageToken, Supplier<List<JiraIssue>> parse) {
        this.keys = List.copyOf(keys);
        this.nextPageToken = Objects.requireNonNull(nextPageToken, "nextPageToken");
        nextPageToken.ifPresent(t -> Checks.notBlank("nextPageToken", t));
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    /**
     * A page whose issues are parsed on first use; {@code keys} must be the issues' keys
     * in page order.
     */
    static SearchPage parsedOnUse(List<String> keys, Optional<String> nextPageToken, Supplier<List<JiraIssue>> parse) {
        return new SearchPage(keys, nextPageToken, parse);
    }

    /** The issues' keys in page order, without parsing the issues. */
    public List<String> keys() {
        return keys;
    }

    public synchronized List<JiraIssue> issues() {
        if (issues == null) {
            List<JiraIssue> parsed = List.copyOf(parse.get());
            if (!parsed.stream().map(JiraIssue::key).toList().equals(keys)) {
                throw new IllegalStateException("a search page's issues do not match its keys");
            }
            issues = parsed;
            parse = null;
        }
        return issues;
    }

    public Optional<String> nextPageToken() {
        return nextPageToken;
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }

}
