package dev.throughline.theme.service;

import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.theme.ScopeItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A theme's scope from the read model's facts: linked issues and their children (named by
 * id, so a moved parent keeps them), and the projects to learn when Jira holds linked
 * work elsewhere.
 */
class ThemeWorkTest {

    static IssueFacts issue(long id, String key, Level level, Optional<IssueRef> parent, List<String> themes) {
        String project = key.substring(0, key.indexOf('-'));
        return new IssueFacts(id, key, project, key, level, "done", parent, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(3.0), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                themes, 0, List.of(), List.of(), true, project.equals("WEB") ? 10000 : 10001,
                Optional.of(Instant.parse("2026-03-02T10:15:30Z")), Optional.empty());
    }

    static final List<IssueFacts> FACTS = List.of(issue(1, "WEB-1", Level.EPIC, Optional.empty(), List.of("t1")),
            // moved from WEB-1's old key: found by the parent's id
            issue(2, "WEB-2", Level.STANDARD, Optional.of(new IssueRef(1, "OLD-1")), List.of()),
            issue(3, "MOB-3", Level.STANDARD, Optional.of(new IssueRef(1, "WEB-1")), List.of()),
            issue(4, "MOB-4", Level.STANDARD, Optional.empty(), List.of()));

    /**
     * The read model holding {@code facts} for every project asked, streamed as the store
     * streams them.
     */
    static void holding(ProjectIssues issues, List<IssueFacts> facts) {
        doAnswer(call -> {
            Collection<String> projects = call.getArgument(1);
            facts.stream()
                .filter(f -> projects.contains(f.projectKey()) && !f.themeIds().isEmpty())
                .forEach(call.<Consumer<IssueFacts>>getArgument(2));
            return null;
        }).when(issues).forEachThemed(eq("site"), anyCollection(), any());
        doAnswer(call -> {
            Collection<String> projects = call.getArgument(1);
            ParentSet parents = call.getArgument(2);
            facts.stream()
                .filter(f -> projects.contains(f.projectKey()) && f.parent().map(parents::contains).orElse(false))
                .forEach(call.<Consumer<IssueFacts>>getArgument(3));
            return null;
        }).when(issues).forEachChildOf(eq("site"), anyCollection(), any(), any());
    }

    @Test
    void aThemesScopeIsItsLinkedIssuesAndTheirChildrenInAnyHeldProject() {
        JiraClient client = mock(JiraClient.class);
        ProjectIssues issues = mock(ProjectIssues.class);
        when(issues.held("site")).thenReturn(List.of("WEB", "MOB"));
        holding(issues, FACTS);

        ThemeWork work = ThemeWork.read(client, issues, "site", false);

        Map<String, ScopeItem> scope = work.scopes().get("t1");
        assertThat(scope).containsOnlyKeys("WEB-1", "WEB-2", "MOB-3");
        assertThat(scope.get("WEB-1").hasChildren()).isTrue();
        assertThat(scope.get("MOB-3").projectId()).isEqualTo(10001);
        assertThat(work.epics().get("t1")).containsExactly("WEB-1");
        assertThat(work.projects()).containsExactlyInAnyOrder(10000L, 10001L);
        verify(client, never()).search(any());
    }

    @Test
    void childrenOfALinkedEpicInAProjectNotHeldAreFoundByTheOneCountAndThatProjectIsRead() {
        JiraClient client = mock(JiraClient.class);
        ProjectIssues issues = mock(ProjectIssues.class);
        when(issues.held("site")).thenReturn(List.of("WEB"));
        holding(issues, FACTS);
        Jql asked = Jql.propertyIsNotEmpty("throughline.themes", "themeIds")
            .or(Jql.parentIdIn(List.of(1L)))
            .and(Jql.projectNotIn(List.of("WEB")));
        when(client.approximateCount(asked)).thenReturn(1L);
        when(client.search(any())).thenAnswer(call -> Stream
            .of(new JiraIssue("3", "MOB-3", IssueFields.of(Map.of("project", Map.of("key", "MOB"))), Map.of())));

        ThemeWork work = ThemeWork.read(client, issues, "site", false);

        assertThat(work.scopes().get("t1")).containsOnlyKeys("WEB-1", "WEB-2", "MOB-3");
        verify(issues).sync(client, "site", new LinkedHashSet<>(List.of("WEB", "MOB")));
        // one count for linked work and children elsewhere; MOB's own linked epics (none)
        // need no second one
        verify(client).approximateCount(any());
    }

    @Test
    void aLinkedEpicJiraNoLongerHasIsReadAgainByKeySoTheCountIsNotRefusedAgain() {
        JiraClient client = mock(JiraClient.class);
        ProjectIssues issues = mock(ProjectIssues.class);
        when(issues.held("site")).thenReturn(List.of("WEB", "MOB"));
        holding(issues, FACTS);
        // WEB-1 was deleted while its event was missed: Jira refuses `parent in (1)`
        when(client.approximateCount(any(Jql.class)))
            .thenThrow(new JiraBadRequestException("400", List.of("no issue 1"), Map.of()));
        when(client.search(any())).thenAnswer(call -> Stream.empty());

        ThemeWork.read(client, issues, "site", false);

        verify(issues).readAgain("site", List.of(FACTS.get(0)));
    }

    @Test
    void whenJiraNoLongerKnowsAHeldProjectTheProjectsAreLearntFromEveryLinkedIssue() {
        JiraClient client = mock(JiraClient.class);
        ProjectIssues issues = mock(ProjectIssues.class);
        when(issues.held("site")).thenReturn(List.of("GONE"));
        when(client.approximateCount(any(Jql.class)))
            .thenThrow(new JiraBadRequestException("400", List.of("no project GONE"), Map.of()));
        when(client.search(any())).thenAnswer(call -> Stream
            .of(new JiraIssue("1", "WEB-1", IssueFields.of(Map.of("project", Map.of("key", "WEB"))), Map.of())));
        List<Collection<String>> asked = new ArrayList<>();
        holding(issues, List.of(ThemeWorkTest.issue(1, "WEB-1", Level.EPIC, Optional.empty(), List.of("t1"))));
        // the projects whose issues are folded (the children of WEB-1 are looked for in
        // every one of them)
        doAnswer(call -> {
            asked.add(List.copyOf(call.<Collection<String>>getArgument(1)));
            return null;
        }).when(issues).forEachChildOf(eq("site"), anyCollection(), any(), any());

        ThemeWork.read(client, issues, "site", false);

        assertThat(asked).containsExactly(List.of("GONE", "WEB"));
    }

}
