package dev.throughline.theme.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.ThemeLinks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Which projects hold the themes' work, found at the cost of what changed. Linked work
 * and an epic's children may be in any project, so a view asks Jira one approximate count
 * (1 point): are there issues outside the projects the read model holds that carry theme
 * links, or whose parent is a linked epic? Only when there are, one search for their
 * projects (field {@code project}), which are then read in full into the read model,
 * once. The projects held are synced as program rollups sync them (refreshed by what
 * changed once older than the cache time). Nothing outside the read model is named to the
 * viewer: a project learnt so is only read, and its work counted as any other.
 */
final class ThemeProjects {

    static final Jql LINKED = Jql.propertyIsNotEmpty(ThemeLinks.PROPERTY_KEY, "themeIds");

    /**
     * Linked epics named per count: Jira Cloud refuses a JQL fragment of more than 1,000
     * values, so up to 1,000 linked epics cost one count per view, each further 1,000 one
     * more.
     */
    static final int PARENTS_PER_COUNT = 1000;

    private ThemeProjects() {
    }

    /**
     * The projects holding linked work or children of linked epics, each synced.
     * @param rows the site's rows carrying theme links and their children
     * @param linked receives every issue of those projects that carries theme links
     * @param count answers the approximate counts (Jira, or a kept answer:
     * {@link KeptCounts})
     */
    static Set<String> find(JiraClient client, ToLongFunction<Jql> count, ProjectIssues issues,
            KeptScopeRows.Reader rows, String siteKey, boolean refresh, List<IssueFacts> linked) {
        Set<String> projects = new LinkedHashSet<>(issues.held(siteKey));
        if (refresh) {
            issues.sync(client, siteKey, projects);
            Set<String> withLinks = projectsOf(client, LINKED);
            rows.forEachThemed(projects, f -> withLinks.add(f.projectKey()));
            issues.reread(client, siteKey, withLinks);
            projects.addAll(withLinks);
        }
        // the linked epics as the read model holds them, before this view syncs: a held
        // project Jira no longer has is let go by the count before a sync names it
        Set<Long> asked = new HashSet<>();
        List<IssueFacts> epics = new ArrayList<>();
        rows.forEachThemed(projects, f -> epicOf(f, asked, epics));
        Set<String> read = new HashSet<>();
        boolean first = true;
        boolean counted = false;
        while (true) {
            // one count per view (per 1,000 epics), asked as soon as there is a project
            // to
            // look outside of; the other questions are searches, which cost the same 1
            // point when they find nothing
            boolean counts = !counted && !projects.isEmpty();
            Set<String> found = elsewhere(client, issues, siteKey, projects, first && !refresh,
                    counts ? Optional.of(count) : Optional.empty(), epics, linked);
            first = false;
            counted |= counts;
            found.removeAll(projects);
            projects.addAll(found);
            Set<String> unread = new LinkedHashSet<>(projects);
            unread.removeAll(read);
            issues.sync(client, siteKey, unread);
            read.addAll(unread);
            epics.clear();
            rows.forEachThemed(unread, f -> {
                linked.add(f);
                epicOf(f, asked, epics);
            });
            if (epics.isEmpty()) {
                return projects;
            }
            // epics seen only now (in a project just learnt, or linked since the last
            // sync) may have children in yet other projects: asked about in one more
            // round, those epics only
        }
    }

    private static void epicOf(IssueFacts linked, Set<Long> asked, List<IssueFacts> epics) {
        if (linked.level() == IssueFacts.Level.EPIC && asked.add(linked.id())) {
            epics.add(linked);
        }
    }

    /**
     * Projects outside {@code projects} holding linked work ({@code askLinked}) or
     * children of {@code epics}: per 1,000 epics (the first also asking for linked work)
     * an approximate count and a search only where it is above 0, or ({@code count}
     * empty) the search alone.
     */
    private static Set<String> elsewhere(JiraClient client, ProjectIssues issues, String siteKey, Set<String> projects,
            boolean askLinked, Optional<ToLongFunction<Jql>> count, List<IssueFacts> epics, List<IssueFacts> linked) {
        Set<String> found = new LinkedHashSet<>();
        if (projects.isEmpty()) {
            // nothing held (a site's first view): linked work is searched for at once
            if (askLinked) {
                found.addAll(projectsOf(client, LINKED));
            }
            return found;
        }
        // in id order, whatever order the rows came in: the same epics ask the same
        // question, whose answer may be kept (KeptCounts)
        List<Long> ids = epics.stream().map(IssueFacts::id).sorted().toList();
        List<Jql> asks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PARENTS_PER_COUNT) {
            asks.add(Jql.parentIdIn(ids.subList(from, Math.min(ids.size(), from + PARENTS_PER_COUNT))));
        }
        if (askLinked) {
            asks.add(0, asks.isEmpty() ? LINKED : LINKED.or(asks.remove(0)));
        }
        try {
            for (Jql ask : asks) {
                Jql outside = ask.and(Jql.projectNotIn(projects));
                if (count.isEmpty() || count.get().applyAsLong(outside) > 0) {
                    found.addAll(projectsOf(client, outside));
                }
            }
        }
        catch (JiraBadRequestException refused) {
            // Jira refuses JQL naming a project it no longer has (one held was deleted)
            // or a parent it no longer has (a linked epic deleted while its event was
            // missed): the read model lets such projects go (else every sync would
            // fail), and the projects are learnt from what Jira holds now instead
            List<String> gone = issues.forgetGone(client, siteKey);
            projects.removeAll(gone);
            linked.removeIf(f -> gone.contains(f.projectKey()));
            Set<Long> inJira = new HashSet<>();
            found.addAll(fromJira(client, projects, inJira));
            // a linked epic Jira did not list is read again by key at the sync that
            // follows (gone: deleted from the read model), so the next view's count is
            // not refused again
            issues.readAgain(siteKey, epics.stream().filter(e -> !inJira.contains(e.id())).toList());
        }
        return found;
    }

    /**
     * Every project holding linked work, and every project besides {@code held} holding a
     * child of a linked issue, as Jira names them now (a search per 1,000 linked issues).
     * @param ids receives the ids of the linked issues Jira holds
     */
    private static Set<String> fromJira(JiraClient client, Set<String> held, Set<Long> ids) {
        Set<String> found = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        client.search(new SearchRequest(LINKED, List.of("project"), List.of(), SearchRequest.MAX_PAGE_SIZE))
            .forEach(issue -> {
                found.add(FactsOf.ownProject(issue));
                keys.add(issue.key());
                ids.add(Long.parseLong(issue.id()));
            });
        Set<String> known = new LinkedHashSet<>(held);
        known.addAll(found);
        for (int from = 0; from < keys.size(); from += PARENTS_PER_COUNT) {
            Jql children = Jql.parentIn(keys.subList(from, Math.min(keys.size(), from + PARENTS_PER_COUNT)));
            found.addAll(projectsOf(client, known.isEmpty() ? children : children.and(Jql.projectNotIn(known))));
        }
        return found;
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

}
