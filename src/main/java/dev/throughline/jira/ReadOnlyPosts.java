package dev.throughline.jira;

import java.util.Set;

/**
 * The POSTs that only read (Jira uses POST for their large bodies). They may be retried
 * like a GET; any other POST may have been applied by Jira and is retried only after a
 * 429, which Jira answers before acting.
 */
final class ReadOnlyPosts {

    private static final Set<String> PATHS = Set.of("/rest/api/3/search/jql", "/rest/api/3/search/approximate-count",
            "/rest/api/3/permissions/check");

    private ReadOnlyPosts() {
    }

    /** {@code path} may carry the site's context path in front (e.g. /jira/rest/...). */
    static boolean contains(String path) {
        return path != null && PATHS.stream().anyMatch(path::endsWith);
    }

}
