package dev.throughline.scoring.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Up to 100 issues by key in one search. Jira refuses the whole JQL if a key does not
 * exist; then search without it.
 */
final class KeySearch {

    private static final Pattern MISSING_KEY = Pattern.compile("'([A-Z][A-Z0-9_]*-[0-9]+)'");

    private KeySearch() {
    }

    static Map<String, JiraIssue> findAll(JiraClient client, List<String> keys, List<String> fields,
            List<String> properties) {
        List<String> remaining = new ArrayList<>(keys);
        for (int attempt = 0; attempt < 3 && !remaining.isEmpty(); attempt++) {
            try {
                return client
                    .search(new SearchRequest(Jql.issueKeyIn(remaining), fields, properties,
                            IssueValueService.MAX_BULK))
                    .collect(Collectors.toMap(JiraIssue::key, issue -> issue, (a, b) -> a, LinkedHashMap::new));
            }
            catch (JiraBadRequestException e) {
                Set<String> missing = missingKeys(e);
                if (missing.isEmpty() || !remaining.removeAll(missing)) {
                    throw e;
                }
            }
        }
        return Map.of();
    }

    private static Set<String> missingKeys(JiraBadRequestException e) {
        Set<String> keys = new HashSet<>();
        for (String message : e.errorMessages()) {
            Matcher matcher = MISSING_KEY.matcher(message);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

}
