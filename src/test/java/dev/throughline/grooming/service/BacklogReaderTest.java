package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Inherited themes: a parent on the backlog costs no extra read, parents off it one
 * search per 100 keys.
 */
class BacklogReaderTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static JiraIssue issue(String key, String parentKey) {
        Map<String, Object> fields = new HashMap<>(Map.of("summary", key));
        if (parentKey != null) {
            fields.put("parent", Map.of("key", parentKey, "fields",
                    Map.of("status", Map.of("statusCategory", Map.of("key", "new")))));
        }
        return new JiraIssue(key.replaceAll("\\D", ""), key, IssueFields.of(fields), Map.of());
    }

    static JiraIssue properties(String key, String... themeIds) {
        return new JiraIssue(key.replaceAll("\\D", ""), key, IssueFields.none(), themeIds.length == 0 ? Map.of()
                : Map.of(BacklogReader.THEMES_PROPERTY, PropertyValue.ofMap(Map.of("themeIds", List.of(themeIds)))));
    }

    @Test
    void childrenInheritTheirParentsThemesWhetherTheParentIsOnTheBacklogOrNot() {
        JiraClient client = mock(JiraClient.class);
        List<SearchRequest> searches = new ArrayList<>();
        // WEB-1 (a parent on the backlog, themed t1) with child WEB-2; WEB-3 under epic
        // WEB-90 (off the backlog,
        // themed t2); WEB-4 under epic WEB-91 (no themes); WEB-5 without a parent
        when(client.storyPointsFieldId(1L)).thenReturn(Optional.empty());
        when(client.backlog(any())).thenAnswer(call -> Stream.of(issue("WEB-1", null), issue("WEB-2", "WEB-1"),
                issue("WEB-3", "WEB-90"), issue("WEB-4", "WEB-91"), issue("WEB-5", null)));
        when(client.search(any())).thenAnswer(call -> {
            SearchRequest request = call.getArgument(0);
            searches.add(request);
            return request.jql().text().contains("WEB-90") ? Stream.of(properties("WEB-90", "t2"), properties("WEB-91"))
                    : Stream.of(properties("WEB-1", "t1"), properties("WEB-2"), properties("WEB-3"),
                            properties("WEB-4"), properties("WEB-5"));
        });

        BacklogSnapshot snapshot = BacklogReader.read(client, 1L, NOW, 90);

        Map<String, BacklogRow> rows = new HashMap<>();
        snapshot.rows().forEach(row -> rows.put(row.key(), row));
        assertThat(rows.get("WEB-2").inheritedThemeIds()).containsExactly("t1");
        assertThat(rows.get("WEB-2").themesFrom()).contains("WEB-1");
        assertThat(rows.get("WEB-2").flags()).doesNotContain(BacklogFlag.NO_THEME);
        assertThat(rows.get("WEB-3").inheritedThemeIds()).containsExactly("t2");
        assertThat(rows.get("WEB-3").themesFrom()).contains("WEB-90");
        assertThat(rows.get("WEB-4").flags()).contains(BacklogFlag.NO_THEME);
        assertThat(rows.get("WEB-4").themesFrom()).isEmpty();
        assertThat(rows.get("WEB-5").flags()).contains(BacklogFlag.NO_THEME);
        assertThat(snapshot.flagCounts().get(BacklogFlag.NO_THEME)).isEqualTo(2);
        // one search for the backlog's properties, one for the two parents off the
        // backlog (WEB-1 needs none)
        assertThat(searches).hasSize(2);
        assertThat(searches.get(1).jql().text()).contains("WEB-90", "WEB-91").doesNotContain("\"WEB-1\"");
        assertThat(searches.get(1).properties()).containsExactly(BacklogReader.THEMES_PROPERTY);
    }

}
