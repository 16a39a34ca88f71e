package dev.throughline.jira;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /rest/api/3/project/search}, paged, in chunks of the keys it takes per
 * request.
 */
final class ProjectSearch {

    private static final String PROJECT_SEARCH = "/rest/api/3/project/search";

    private static final int PROJECT_PAGE_SIZE = 50;

    /** project/search takes at most 50 keys or ids per request. */
    private static final int MAX_PROJECT_KEYS = 50;

    private final JiraHttp http;

    ProjectSearch(JiraHttp http) {
        this.http = http;
    }

    /**
     * Projects by key or id (all when empty); {@code insight} adds each one's issue
     * count.
     */
    Stream<JiraProject> projects(Collection<String> keysOrIds, boolean insight) {
        List<String> wanted = List.copyOf(Checks.noNulls("project keys or ids", keysOrIds));
        if (wanted.isEmpty()) {
            return pages(List.of(), insight);
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i += MAX_PROJECT_KEYS) {
            chunks.add(wanted.subList(i, Math.min(wanted.size(), i + MAX_PROJECT_KEYS)));
        }
        return chunks.stream().flatMap(chunk -> pages(chunk, insight));
    }

    private Stream<JiraProject> pages(List<String> keys, boolean insight) {
        StringBuilder template = new StringBuilder(PROJECT_SEARCH + "?startAt={startAt}&maxResults={maxResults}");
        if (insight) {
            template.append("&expand=insight");
        }
        for (int i = 0; i < keys.size(); i++) {
            template.append("&keys={key").append(i).append('}');
        }
        return LazyPages.<Integer, JiraProject>stream(cursor -> {
            int startAt = cursor.orElse(0);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("startAt", startAt);
            vars.put("maxResults", PROJECT_PAGE_SIZE);
            for (int i = 0; i < keys.size(); i++) {
                vars.put("key" + i, Checks.notBlank("project key or id", keys.get(i)));
            }
            return JiraReaders.startAtPage(http.get(template.toString(), vars), "values", startAt,
                    JiraReaders::project);
        });
    }

}
