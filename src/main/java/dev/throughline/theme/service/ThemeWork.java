package dev.throughline.theme.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.ThemeLinks;
import dev.throughline.theme.ScopeItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every theme's scope (its linked issues and their children) folded from the read model.
 * Linked work may be in any project, so a view first asks Jira only whether issues
 * outside the projects the read model holds carry theme links (an approximate count, 1
 * point); only when some do, one search for their projects (field {@code project}), which
 * are then read in full into the read model. The projects held are synced as program
 * rollups sync them (refreshed by what changed once older than the cache time).
 *
 * @param scopes per theme id, its items by issue key
 * @param epics per theme id, the keys of its linked epics
 * @param projects the ids of every project the scopes touch
 */
record ThemeWork(Map<String, Map<String, ScopeItem>> scopes, Map<String, List<String>> epics, Set<Long> projects) {

    private static final Jql LINKED = Jql.propertyIsNotEmpty(ThemeLinks.PROPERTY_KEY, "themeIds");

    /**
     * @param refresh the viewer asked to read Jira again: every project holding linked
     * work (as Jira finds it now, and as the read model held it) is read in full, so
     * links another tool wrote or removed in a project already held are seen
     */
    static ThemeWork read(JiraClient client, ProjectIssues issues, String siteKey, boolean refresh) {
        List<String> held = issues.held(siteKey);
        Set<String> projects = new LinkedHashSet<>(held);
        if (refresh) {
            Set<String> linked = projectsOf(client, LINKED);
            issues.of(client, siteKey, held)
                .stream()
                .filter(f -> !f.themeIds().isEmpty())
                .forEach(f -> linked.add(f.projectKey()));
            issues.reread(client, siteKey, linked);
            projects.addAll(linked);
        }
        else if (held.isEmpty()) {
            if (client.approximateCount(LINKED) > 0) {
                projects.addAll(projectsOf(client, LINKED));
            }
        }
        else {
            try {
                Jql elsewhere = LINKED.and(Jql.projectNotIn(held));
                if (client.approximateCount(elsewhere) > 0) {
                    projects.addAll(projectsOf(client, elsewhere));
                }
            }
            catch (JiraBadRequestException unknownProject) {
                // Jira refuses JQL naming a project it no longer has (one held was
                // deleted): the read model lets it go (else every sync would fail) and
                // the projects are learnt from every linked issue instead
                projects.removeAll(issues.forgetGone(client, siteKey));
                projects.addAll(projectsOf(client, LINKED));
            }
        }
        List<IssueFacts> facts = issues.of(client, siteKey, projects);
        return fold(facts, projectIds(client, facts));
    }

    /**
     * The projects of the issues a search finds (asking for no field but the project).
     */
    private static Set<String> projectsOf(JiraClient client, Jql jql) {
        Set<String> projects = new LinkedHashSet<>();
        client.search(new SearchRequest(jql, List.of("project"), List.of(), SearchRequest.MAX_PAGE_SIZE))
            .forEach(issue -> projects.add(FactsOf.ownProject(issue)));
        return projects;
    }

    /** Children name their parent by id (a moved parent keeps it), else by key. */
    private static ThemeWork fold(List<IssueFacts> facts, Map<String, Long> projectIds) {
        List<IssueFacts> linked = facts.stream()
            .filter(f -> !f.themeIds().isEmpty())
            // newest first, the order of Jira's search without ORDER BY that listed them
            // before
            .sorted(Comparator.comparingLong(IssueFacts::id).reversed())
            .toList();
        Map<Object, List<IssueFacts>> children = new HashMap<>();
        Set<Object> parents = new HashSet<>();
        linked.forEach(f -> {
            parents.add(f.id());
            parents.add(f.key());
        });
        for (IssueFacts f : facts) {
            f.parent()
                .map(p -> p.id() > 0 ? (Object) p.id() : p.key())
                .filter(parents::contains)
                .ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(f));
        }
        Map<String, Map<String, ScopeItem>> scopes = new HashMap<>();
        Map<String, List<String>> epics = new HashMap<>();
        Set<Long> projects = new HashSet<>();
        for (IssueFacts issue : linked) {
            List<IssueFacts> kids = new ArrayList<>(children.getOrDefault(issue.id(), List.of()));
            kids.addAll(children.getOrDefault(issue.key(), List.of()));
            for (String themeId : issue.themeIds()) {
                Map<String, ScopeItem> scope = scopes.computeIfAbsent(themeId, id -> new LinkedHashMap<>());
                scope.put(issue.key(), item(issue, !kids.isEmpty(), projectIds));
                kids.forEach(child -> scope.put(child.key(), item(child, false, projectIds)));
                if (issue.level() == IssueFacts.Level.EPIC) {
                    epics.computeIfAbsent(themeId, id -> new ArrayList<>()).add(issue.key());
                }
            }
            projects.add(projectIds.getOrDefault(issue.projectKey(), 0L));
            kids.forEach(child -> projects.add(projectIds.getOrDefault(child.projectKey(), 0L)));
        }
        return new ThemeWork(scopes, epics, projects);
    }

    /**
     * Project ids as the facts carry them; for a project none of whose facts does (its
     * issues all came from events naming it by key), one project lookup.
     */
    private static Map<String, Long> projectIds(JiraClient client, List<IssueFacts> facts) {
        Map<String, Long> ids = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (IssueFacts f : facts) {
            if (f.projectId() > 0) {
                ids.put(f.projectKey(), f.projectId());
            }
        }
        facts.stream().map(IssueFacts::projectKey).filter(key -> !ids.containsKey(key)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            client.projects(unknown).forEach((JiraProject p) -> ids.put(p.key(), p.id()));
        }
        return ids;
    }

    private static ScopeItem item(IssueFacts issue, boolean hasChildren, Map<String, Long> projectIds) {
        ScopeItem.Kind kind = switch (issue.level()) {
            case EPIC -> ScopeItem.Kind.EPIC;
            case STANDARD -> ScopeItem.Kind.STANDARD;
            case SUBTASK -> ScopeItem.Kind.SUBTASK;
        };
        return new ScopeItem(issue.key(), projectIds.getOrDefault(issue.projectKey(), 0L), kind,
                "done".equals(issue.statusCategory()), issue.storyPoints(), issue.valueScore(), issue.due(),
                issue.updated().orElse(Instant.EPOCH), hasChildren, issue.valueModel());
    }

}
