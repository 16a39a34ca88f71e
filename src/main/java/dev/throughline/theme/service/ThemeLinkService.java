package dev.throughline.theme.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.problems.JiraKeys;
import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.jira.VisibleIssues;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.IssueThemeChange;
import dev.throughline.theme.LinkSelection;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.ThemeLinks;
import dev.throughline.theme.ThemeStatus;
import dev.throughline.theme.store.ThemeJiraStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Which issues are linked to which roadmap themes: a theme's links set or removed by JQL
 * or keys, and an issue's themes. Linking is a write of each issue's property, so it
 * needs Jira's edit permission on each one (planner or not); an issue's own change runs
 * under the site's theme lock, as the catalog's changes do.
 */
@Service
public class ThemeLinkService {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeLinkService.class);

    public static final int MAX_LINK_ISSUES = LinkSelection.MAX_ISSUES;

    private static final List<String> LINK_FIELDS = List.of("project");

    private static final List<String> LINK_PROPERTY = List.of(ThemeLinks.PROPERTY_KEY);

    /** The panel's issue also names its parent, whose themes it belongs to as well. */
    private static final List<String> PANEL_FIELDS = List.of("project", "parent");

    private final JiraClients jira;

    private final ThemeJiraStore store;

    private final KeyedLocks locks;

    private final ProjectIssues projectIssues;

    private final Clock clock;

    public ThemeLinkService(JiraClients jira, ThemeJiraStore store, KeyedLocks locks, ProjectIssues projectIssues,
            Clock clock) {
        this.jira = jira;
        this.store = store;
        this.locks = locks;
        this.projectIssues = projectIssues;
        this.clock = clock;
    }

    /**
     * The themes of one issue (for the sidebar picker) and whether the caller may change
     * them.
     */
    public IssueThemes issueThemes(Caller caller, String issueKey) {
        JiraClient client = jira.forSite(caller.site());
        JiraIssue issue = visibleIssue(client, caller, issueKey);
        return issueThemes(client, caller, issue);
    }

    /**
     * Adds and removes themes on one issue. Unknown theme ids are refused.
     */
    public IssueThemes changeIssueThemes(Caller caller, String issueKey, IssueThemeChange changes) {
        List<String> add = changes.add();
        List<String> remove = changes.remove();
        JiraClient client = jira.forSite(caller.site());
        ThemeCatalog catalog = store.catalog(client);
        List<FieldError> unknown = new ArrayList<>();
        add.stream()
            .filter(id -> catalog.find(id).isEmpty())
            .forEach(id -> unknown.add(new FieldError("add", "There is no theme " + id)));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        locks.withLock(caller.site().clientKey(), ThemeService.CATALOG_LOCK, () -> {
            JiraIssue issue = visibleIssue(client, caller, issueKey);
            long id = Long.parseLong(issue.id());
            if (!client.editableIssues(caller.requireAccountId(), List.of(id)).contains(id)) {
                throw new NotAllowedException(
                        "You cannot edit " + issue.key() + " in Jira, so you cannot change its themes.");
            }
            ThemeLinks links = ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
            for (String themeId : add) {
                links = links.with(themeId);
            }
            for (String themeId : remove) {
                links = links.without(themeId);
            }
            client.putProperty(PropertyTarget.issue(issue.key()), ThemeLinks.PROPERTY_KEY,
                    PropertyValue.ofMap(links.toMap(clock.instant())));
            projectIssues.themesSeen(caller.site().clientKey(), id, links);
        });
        return issueThemes(caller, issueKey);
    }

    /**
     * An issue's own themes, the ones it belongs to through its parent (an epic's themes
     * hold its children; {@code inherited}, each with the parent's key) and the ones it
     * could join.
     */
    public record IssueThemes(String issueKey, boolean editable, List<Theme> linked, List<Theme> available,
            List<Inherited> inherited) {
    }

    public record Inherited(Theme theme, String via) {
    }

    private IssueThemes issueThemes(JiraClient client, Caller caller, JiraIssue issue) {
        ThemeCatalog catalog = store.catalog(client);
        ThemeLinks links = ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
        long id = Long.parseLong(issue.id());
        boolean editable = client.editableIssues(caller.requireAccountId(), List.of(id)).contains(id);
        List<Theme> linked = links.themeIds().stream().map(catalog::find).flatMap(Optional::stream).toList();
        List<Theme> available = catalog.themes()
            .stream()
            .filter(t -> t.status() != ThemeStatus.ARCHIVED && !links.contains(t.id()))
            .toList();
        List<Inherited> inherited = issue.fields()
            .parentKey()
            .flatMap(
                    parent -> VisibleIssues.find(client, caller.requireAccountId(), parent, LINK_FIELDS, LINK_PROPERTY))
            .map(parent -> ThemeLinks.fromMap(parent.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap))
                .themeIds()
                .stream()
                .filter(themeId -> !links.contains(themeId))
                .map(catalog::find)
                .flatMap(Optional::stream)
                .map(theme -> new Inherited(theme, parent.key()))
                .toList())
            .orElse(List.of());
        return new IssueThemes(issue.key(), editable, linked, available, inherited);
    }

    private static JiraIssue visibleIssue(JiraClient client, Caller caller, String issueKey) {
        JiraKeys.requireIssueKey("issueKey", issueKey);
        return VisibleIssues.find(client, caller.requireAccountId(), issueKey, PANEL_FIELDS, LINK_PROPERTY)
            .orElseThrow(() -> new NotFoundException("There is no issue " + issueKey + " that you can see."));
    }

    public LinkResult link(Caller caller, String themeId, LinkSelection selection) {
        return changeLinks(caller, themeId, selection, links -> links.with(themeId));
    }

    public LinkResult unlink(Caller caller, String themeId, LinkSelection selection) {
        LinkResult result = changeLinks(caller, themeId, selection, links -> links.without(themeId));
        // unlinking in bulk undoes a planner's work: the log says who did it, and where
        LOG.info("Theme {}: {} issue(s) unlinked on site {} ({}) by account {}", themeId, result.linked(),
                caller.site().clientKey(), caller.site().baseUrl(), caller.accountId().orElse("?"));
        return result;
    }

    private LinkResult changeLinks(Caller caller, String themeId, LinkSelection selection,
            UnaryOperator<ThemeLinks> change) {
        String accountId = caller.requireAccountId();
        JiraClient client = jira.forSite(caller.site());
        // Links are a read-modify-write of each issue's property: two link changes (or a
        // link and a theme's
        // delete) on other instances must not interleave, or one of them is lost.
        return locks.withLock(caller.site().clientKey(), ThemeService.CATALOG_LOCK,
                () -> changeLinksLocked(client, caller.site().clientKey(), accountId, themeId, selection, change));
    }

    private LinkResult changeLinksLocked(JiraClient client, String siteKey, String accountId, String themeId,
            LinkSelection selection, UnaryOperator<ThemeLinks> change) {
        Jql jql = selection.jql();
        store.catalog(client).require(themeId);
        List<JiraIssue> issues;
        try {
            issues = client.search(new SearchRequest(jql, LINK_FIELDS, LINK_PROPERTY, MAX_LINK_ISSUES))
                .limit(MAX_LINK_ISSUES + 1L)
                .toList();
        }
        catch (JiraBadRequestException e) {
            throw new InvalidInputException(selection.field(),
                    "Jira did not accept the selection: " + String.join(" ", e.errorMessages()));
        }
        if (issues.size() > MAX_LINK_ISSUES) {
            throw new InvalidInputException("jql", "The selection has more than " + MAX_LINK_ISSUES
                    + " issues; narrow it (e.g. link the epics, whose children follow)");
        }
        return change(client, accountId, visibleOnly(client, accountId, issues), change, clock.instant(),
                written(projectIssues, siteKey));
    }

    /**
     * The selection as the caller may see it: issues in projects they cannot browse are
     * left alone and only counted ({@code hidden}), never named, whatever the JQL or keys
     * asked for.
     */
    private static Selection visibleOnly(JiraClient client, String accountId, List<JiraIssue> issues) {
        Set<Long> projects = new HashSet<>();
        issues.forEach(issue -> projects.add(issue.fields().projectId().orElse(0L)));
        Set<Long> browsable = projects.isEmpty() ? Set.of() : client.browsableProjects(accountId, projects);
        List<JiraIssue> visible = issues.stream()
            .filter(issue -> browsable.contains(issue.fields().projectId().orElse(0L)))
            .toList();
        return new Selection(visible, issues.size() - visible.size());
    }

    record Selection(List<JiraIssue> visible, int hidden) {
    }

    /**
     * Applies {@code change} to each issue's links, through Jira's bulk property
     * endpoint, where it changes anything.
     */
    static LinkResult change(JiraClient client, String accountId, Selection selection, UnaryOperator<ThemeLinks> change,
            Instant at, Consumer<LinkBatches.Change> written) {
        List<JiraIssue> issues = selection.visible();
        Set<Long> editable = issues.isEmpty() ? Set.of()
                : client.editableIssues(accountId, issues.stream().map(i -> Long.valueOf(i.id())).toList());
        List<LinkBatches.Change> updates = new ArrayList<>();
        List<LinkResult.Failure> failed = new ArrayList<>();
        int skipped = 0;
        for (JiraIssue issue : issues) {
            ThemeLinks before = LinkBatches.linksOf(issue);
            ThemeLinks after = change.apply(before);
            if (after.equals(before)) {
                skipped++;
            }
            else if (!editable.contains(Long.valueOf(issue.id()))) {
                failed.add(new LinkResult.Failure(issue.key(), "you cannot edit this issue in Jira"));
            }
            else {
                updates.add(new LinkBatches.Change(issue.key(), Long.parseLong(issue.id()), after));
            }
        }
        return LinkBatches.write(client, updates, at, skipped, failed, selection.hidden(), written);
    }

    /** The read model holds links Throughline wrote at once. */
    static Consumer<LinkBatches.Change> written(ProjectIssues projectIssues, String siteKey) {
        return change -> projectIssues.themesSeen(siteKey, change.issueId(), change.after());
    }

    static List<JiraIssue> linkedIssues(JiraClient client, String themeId) {
        return client.search(new SearchRequest(linkedJql(themeId), LINK_FIELDS, LINK_PROPERTY, MAX_LINK_ISSUES))
            .toList();
    }

    /**
     * Issues linked to the theme, in JQL Jira understands with or without our alias
     * (roadmapTheme).
     */
    public static Jql linkedJql(String themeId) {
        return Jql.propertyEquals(ThemeLinks.PROPERTY_KEY, "themeIds", themeId);
    }

}
