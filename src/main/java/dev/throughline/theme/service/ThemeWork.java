package dev.throughline.theme.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.theme.ScopeItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Every theme's scope (its linked issues and their children) folded from the read model.
 * Which projects hold that work is {@link ThemeProjects}' to find; the fold then streams
 * only the rows a scope needs: the issues carrying theme links, then the children of
 * those, never the other issues of the projects, and through {@link KeptScopeRows} only
 * the parts of them written since the last view. The fold itself is kept with those rows
 * while they stay equal, so a view with nothing changed in them folds nothing.
 *
 * @param scopes per theme id, its items by issue key
 * @param epics per theme id, the keys of its linked epics
 * @param projects the ids of every project the scopes touch
 */
record ThemeWork(Map<String, Map<String, ScopeItem>> scopes, Map<String, List<String>> epics, Set<Long> projects) {

    /**
     * @param refresh the viewer asked to read Jira again: every project holding linked
     * work (as Jira finds it now, and as the read model held it) is read in full, so
     * links another tool wrote or removed in a project already held are seen
     */
    static ThemeWork read(JiraClient client, ProjectIssues issues, String siteKey, boolean refresh) {
        return read(client, client::approximateCount, issues,
                new KeptScopeRows(Optional.empty()).reader(issues, siteKey), siteKey, refresh);
    }

    /**
     * The same, the rows read through {@code rows} (kept between views while nothing in
     * them changed) and the approximate counts answered by {@code count}
     * ({@link KeptCounts}).
     */
    static ThemeWork read(JiraClient client, ToLongFunction<Jql> count, ProjectIssues issues, KeptScopeRows.Reader rows,
            String siteKey, boolean refresh) {
        List<IssueFacts> linked = new ArrayList<>();
        Set<String> projects = ThemeProjects.find(client, count, issues, rows, siteKey, refresh, linked);
        Optional<ThemeWork> kept = refresh ? Optional.empty() : rows.keptWork(projects);
        if (kept.isPresent()) {
            // the rows found are the very ones this work was folded from
            return kept.get();
        }
        Set<Long> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        linked.forEach(f -> {
            ids.add(f.id());
            keys.add(f.key());
        });
        Map<Object, List<IssueFacts>> children = new HashMap<>();
        rows.forEachChildOf(projects, new ParentSet(ids, keys), f -> {
            IssueFacts.IssueRef parent = f.parent().orElseThrow();
            children.computeIfAbsent(parent.id() > 0 ? (Object) parent.id() : parent.key(), k -> new ArrayList<>())
                .add(f);
        });
        ThemeWork folded = fold(linked, children, projectIds(client, linked, children));
        ThemeWork work = rows.lastWork().map(folded::sharing).orElse(folded);
        rows.keep(projects, work);
        return work;
    }

    /**
     * This work with each scope equal to {@code before}'s (same items in the same order)
     * replaced by that one: a theme whose work did not change keeps the very scope its
     * progress was counted from ({@link KeptProgress}).
     */
    private ThemeWork sharing(ThemeWork before) {
        Map<String, Map<String, ScopeItem>> shared = new HashMap<>(scopes);
        shared.replaceAll((theme, scope) -> {
            Map<String, ScopeItem> old = before.scopes().get(theme);
            return old != null && sameInOrder(old, scope) ? old : scope;
        });
        return new ThemeWork(shared, epics, projects);
    }

    private static boolean sameInOrder(Map<String, ScopeItem> a, Map<String, ScopeItem> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<ScopeItem> others = b.values().iterator();
        for (ScopeItem item : a.values()) {
            if (!item.equals(others.next())) {
                return false;
            }
        }
        return true;
    }

    /** Children name their parent by id (a moved parent keeps it), else by key. */
    private static ThemeWork fold(List<IssueFacts> facts, Map<Object, List<IssueFacts>> children,
            Map<String, Long> projectIds) {
        List<IssueFacts> linked = facts.stream()
            // newest first, the order of Jira's search without ORDER BY that listed them
            // before
            .sorted(Comparator.comparingLong(IssueFacts::id).reversed())
            .toList();
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
     * Project ids as the facts carry them; for a project none of whose facts in the
     * scopes does (its issues all came from events naming it by key), one project lookup.
     */
    private static Map<String, Long> projectIds(JiraClient client, List<IssueFacts> linked,
            Map<Object, List<IssueFacts>> children) {
        List<IssueFacts> facts = new ArrayList<>(linked);
        children.values().forEach(facts::addAll);
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
