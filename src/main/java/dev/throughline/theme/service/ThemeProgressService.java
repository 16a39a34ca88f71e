package dev.throughline.theme.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.problems.JiraKeys;
import dev.throughline.problems.NotFoundException;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.ScopeItem;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeProgress;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Progress of every theme for one viewer, folded from the read model ({@link ThemeWork}):
 * a view whose projects are fresh costs at most one approximate count (is there linked
 * work in projects not held yet? its answer 0 is kept while nothing can have changed it:
 * {@link KeptCounts}) and one permission check, never a search per issue or per theme.
 */
@Service
public class ThemeProgressService {

    private final JiraClients jira;

    private final KeptCatalogs catalogs;

    private final Clock clock;

    private final ProjectIssues projectIssues;

    private final KeptScopeRows kept;

    private final KeptCounts counts;

    private final KeptProgress progresses = new KeptProgress();

    /**
     * Kept rows brought up to date by the edits {@code store} describes where it can
     * (only the edited rows are read), by the changed buckets' rows where it cannot.
     */
    public ThemeProgressService(JiraClients jira, KeptCatalogs catalogs, Clock clock, ProjectIssues projectIssues,
            IssueFactsStore store) {
        this.jira = jira;
        this.catalogs = catalogs;
        this.clock = clock;
        this.projectIssues = projectIssues;
        this.kept = new KeptScopeRows(Optional.of(store));
        this.counts = new KeptCounts(clock, catalogs.ttl());
    }

    public record ThemeRow(Theme theme, ThemeProgress progress, List<String> linkedEpics, Optional<String> ownerName) {
    }

    /**
     * Every theme with its progress; with a project key, only that project's work is
     * counted. A project the caller may not browse answers exactly as one that does not
     * exist (404), so the answer tells nothing of it.
     */
    public List<ThemeRow> board(Caller caller, Optional<String> projectKey) {
        return board(caller, projectKey, false);
    }

    /**
     * The same; {@code refresh}: the projects holding linked work are read from Jira in
     * full first (links another tool wrote are seen only so, or at the next
     * reconciliation).
     */
    public List<ThemeRow> board(Caller caller, Optional<String> projectKey, boolean refresh) {
        projectKey.ifPresent(key -> JiraKeys.requireProjectKey("projectKey", key));
        JiraClient client = jira.forSite(caller.site());
        // a project's view reads every theme's work too: what lies in other projects is
        // counted, not shown
        Optional<Long> onlyProject = projectKey.map(key -> visibleProject(client, caller, key));
        String siteKey = caller.site().clientKey();
        // one query for what this instance kept of the site: the catalog, the count
        Optional<Map<String, Long>> revisions = catalogs.revisions(siteKey);
        List<Theme> themes = catalogs.catalog(client, siteKey, refresh, revisions).themes();
        ToLongFunction<Jql> count = counts.counter(client, siteKey,
                revisions.map(r -> r.getOrDefault(ProjectIssues.UNHELD_REVISION, 0L)), refresh);
        ThemeWork work = ThemeWork.read(client, count, projectIssues, kept.reader(projectIssues, siteKey), siteKey,
                refresh);
        Map<String, Map<String, ScopeItem>> scopes = work.scopes();
        Map<String, List<String>> epics = work.epics();
        Set<Long> projects = work.projects();
        Set<Long> visible = projects.isEmpty() ? Set.of()
                : client.browsableProjects(caller.requireAccountId(), projects);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> owners = new HashSet<>();
        themes.forEach(theme -> theme.owner().ifPresent(owners::add));
        Map<String, String> names = owners.isEmpty() ? Map.of() : client.displayNames(owners);
        List<ThemeRow> rows = new ArrayList<>();
        for (Theme theme : themes) {
            Map<String, ScopeItem> scope = scopes.getOrDefault(theme.id(), Map.of());
            ThemeProgress progress = progresses.of(theme, scope, visible, onlyProject, today, clock.instant());
            List<String> themeEpics = epics.getOrDefault(theme.id(), List.of())
                .stream()
                .filter(key -> scope.containsKey(key) && visible.contains(scope.get(key).projectId())
                        && onlyProject.map(id -> id == scope.get(key).projectId()).orElse(true))
                .toList();
            rows.add(new ThemeRow(theme, progress, themeEpics, theme.owner().map(names::get)));
        }
        return rows;
    }

    /**
     * The project's id if the caller may browse it; otherwise the same 404 as for a
     * project that does not exist.
     */
    private static long visibleProject(JiraClient client, Caller caller, String projectKey) {
        Optional<Long> id = client.projects(List.of(projectKey))
            .filter(p -> p.key().equals(projectKey))
            .map(JiraProject::id)
            .findFirst();
        if (id.isEmpty()
                || !client.browsableProjects(caller.requireAccountId(), List.of(id.get())).contains(id.get())) {
            throw new NotFoundException("There is no project " + projectKey + " that you can see.");
        }
        return id.get();
    }

}
