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
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.Horizon;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.ThemeLinks;
import dev.throughline.theme.ThemeStatus;
import dev.throughline.theme.store.ThemeJiraStore;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Roadmap themes of a site and the issues linked to them. Saves of one site's themes are serialised across app
 * instances ({@link KeyedLocks}), because they rewrite a shared index and names must stay unique. Changing the
 * themes themselves is for planners ({@link PlanningPermission}); linking issues is a write of each issue and
 * needs Jira's edit permission on it.
 */
@Service
public class ThemeService {

    public static final int MAX_LINK_ISSUES = 1_000;
    private static final List<String> LINK_FIELDS = List.of("project");
    private static final List<String> LINK_PROPERTY = List.of(ThemeLinks.PROPERTY_KEY);

    private final JiraClients jira;
    private final ThemeJiraStore store;
    /** The one lock of a site's theme catalog (index, themes and their links). */
    static final String CATALOG_LOCK = "themes";
    private final KeyedLocks locks;
    private final PlanningPermission planning;
    private final SecureRandom random = new SecureRandom();

    public ThemeService(JiraClients jira, ThemeJiraStore store, PlanningPermission planning, KeyedLocks locks) {
        this.jira = jira;
        this.locks = locks;
        this.store = store;
        this.planning = planning;
    }

    public List<Theme> list(Caller caller) {
        return store.catalog(jira.forSite(caller.site())).themes();
    }

    public Theme get(Caller caller, String id) {
        JiraClient client = jira.forSite(caller.site());
        Theme indexed = store.catalog(client).require(id);
        return store.theme(client, id).orElse(indexed);
    }

    public Theme create(Caller caller, Map<String, ?> body) {
        ThemeDraft draft = ThemeDraft.parse(body, false);
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme created = catalog.create(draft, () -> unusedId(catalog));
            List<Theme> all = new ArrayList<>(catalog.themes());
            all.add(created);
            store.save(client, created, all);
            return created;
        });
    }

    public Theme update(Caller caller, String id, Map<String, ?> body) {
        ThemeDraft draft = ThemeDraft.parse(body, true);
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme updated = catalog.update(id, draft);
            store.save(client, updated, replace(catalog, updated));
            return updated;
        });
    }

    /**
     * Moves a theme on the board: {@code {horizon, index, version}}, index being the position in the column.
     * Full themes (descriptions included) are read and kept, so a drag never loses what a card does not show.
     */
    public Theme place(Caller caller, String id, Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !List.of("horizon", "index", "version").contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "is not a field; send horizon, index and version")));
        Horizon horizon = null;
        try {
            horizon = Horizon.valueOf(String.valueOf(body.get("horizon")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("horizon", "must be one of now, next, later"));
        }
        if (!(body.get("index") instanceof Integer index) || index < 0) {
            errors.add(new FieldError("index", "must be a whole number from 0 (the position in the column)"));
        }
        Object version = body.get("version");
        if (!(version instanceof Integer || version instanceof Long) || ((Number) version).longValue() < 1) {
            errors.add(new FieldError("version", "Version is required: send the version you read"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        Horizon to = horizon;
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ThemeCatalog catalog = store.catalog(client);
            List<Theme> changed = catalog.place(id, to, (Integer) body.get("index"), ((Number) version).longValue());
            List<Theme> full = changed.stream().map(placed -> store.theme(client, placed.id())
                    .map(t -> new Theme(t.id(), t.name(), t.description(), t.color(), t.status(), placed.horizon(),
                            t.startQuarter(), t.endQuarter(), t.outcome(), t.owner(), placed.sortOrder(), placed.version()))
                    .orElse(placed)).toList();
            List<Theme> all = new ArrayList<>(catalog.themes());
            for (Theme theme : full) {
                all.replaceAll(t -> t.id().equals(theme.id()) ? theme : t);
            }
            store.saveAll(client, full, all);
            return full.get(0);
        });
    }

    /** Deletes a theme; while issues are linked, only with {@code unlink}, which removes every link first. */
    public long delete(Caller caller, String id, boolean unlink) {
        planning.requirePlanner(caller);
        String accountId = caller.requireAccountId();
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme theme = catalog.require(id);
            List<JiraIssue> linked = linkedIssues(client, id);
            if (!linked.isEmpty() && !unlink) {
                throw new ThemeInUseException(theme.name(), linked.size());
            }
            if (!linked.isEmpty()) {
                LinkResult result = change(client, accountId, new Selection(linked, 0), links -> links.without(id));
                if (result.partial()) {
                    throw new PartialLinkException(result);
                }
                if (!result.failed().isEmpty()) {
                    throw new InvalidInputException("unlink", result.failed().size()
                            + " linked issue(s) could not be unlinked (you cannot edit them); the theme was kept");
                }
            }
            List<Theme> remaining = catalog.themes().stream().filter(t -> !t.id().equals(id)).toList();
            store.delete(client, id, remaining);
            return linked.size();
        });
    }

    /** The themes of one issue (for the sidebar picker) and whether the caller may change them. */
    public IssueThemes issueThemes(Caller caller, String issueKey) {
        JiraClient client = jira.forSite(caller.site());
        JiraIssue issue = visibleIssue(client, caller, issueKey);
        return issueThemes(client, caller, issue);
    }

    /** Adds and removes themes on one issue: {@code {add: [ids], remove: [ids]}}. Unknown theme ids are refused. */
    public IssueThemes changeIssueThemes(Caller caller, String issueKey, Map<String, ?> body) {
        List<String> add = ids(body, "add");
        List<String> remove = ids(body, "remove");
        body.keySet().stream().filter(k -> !k.equals("add") && !k.equals("remove")).findFirst().ifPresent(k -> {
            throw new InvalidInputException(k, "is not a field; send add and/or remove");
        });
        JiraClient client = jira.forSite(caller.site());
        ThemeCatalog catalog = store.catalog(client);
        List<FieldError> unknown = new ArrayList<>();
        add.stream().filter(id -> catalog.find(id).isEmpty())
                .forEach(id -> unknown.add(new FieldError("add", "There is no theme " + id)));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            JiraIssue issue = visibleIssue(client, caller, issueKey);
            long id = Long.parseLong(issue.id());
            if (!client.editableIssues(caller.requireAccountId(), List.of(id)).contains(id)) {
                throw new NotAllowedException("You cannot edit " + issue.key() + " in Jira, so you cannot change its themes.");
            }
            ThemeLinks links = ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
            for (String themeId : add) {
                links = links.with(themeId);
            }
            for (String themeId : remove) {
                links = links.without(themeId);
            }
            client.putProperty(PropertyTarget.issue(issue.key()), ThemeLinks.PROPERTY_KEY,
                    PropertyValue.ofMap(links.toMap()));
        });
        return issueThemes(caller, issueKey);
    }

    public record IssueThemes(String issueKey, boolean editable, List<Theme> linked, List<Theme> available) {
    }

    private IssueThemes issueThemes(JiraClient client, Caller caller, JiraIssue issue) {
        ThemeCatalog catalog = store.catalog(client);
        ThemeLinks links = ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
        long id = Long.parseLong(issue.id());
        boolean editable = client.editableIssues(caller.requireAccountId(), List.of(id)).contains(id);
        List<Theme> linked = links.themeIds().stream().map(catalog::find).flatMap(Optional::stream).toList();
        List<Theme> available = catalog.themes().stream()
                .filter(t -> t.status() != ThemeStatus.ARCHIVED && !links.contains(t.id())).toList();
        return new IssueThemes(issue.key(), editable, linked, available);
    }

    private static JiraIssue visibleIssue(JiraClient client, Caller caller, String issueKey) {
        JiraKeys.requireIssueKey("issueKey", issueKey);
        return VisibleIssues.find(client, caller.requireAccountId(), issueKey, LINK_FIELDS, LINK_PROPERTY)
                .orElseThrow(() -> new NotFoundException("There is no issue " + issueKey + " that you can see."));
    }

    private static List<String> ids(Map<String, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > ThemeLinks.MAX_THEMES_PER_ISSUE
                || !list.stream().allMatch(id -> id instanceof String text && text.matches("[a-z0-9]{1,32}"))) {
            throw new InvalidInputException(field, "must be a list of theme ids");
        }
        return list.stream().map(String.class::cast).toList();
    }

    public LinkResult link(Caller caller, String themeId, Map<String, ?> body) {
        return changeLinks(caller, themeId, body, links -> links.with(themeId));
    }

    public LinkResult unlink(Caller caller, String themeId, Map<String, ?> body) {
        return changeLinks(caller, themeId, body, links -> links.without(themeId));
    }

    private LinkResult changeLinks(Caller caller, String themeId, Map<String, ?> body, UnaryOperator<ThemeLinks> change) {
        Jql jql = selection(body);
        String accountId = caller.requireAccountId();
        JiraClient client = jira.forSite(caller.site());
        store.catalog(client).require(themeId);
        List<JiraIssue> issues;
        try {
            issues = client.search(new SearchRequest(jql, LINK_FIELDS, LINK_PROPERTY, MAX_LINK_ISSUES))
                    .limit(MAX_LINK_ISSUES + 1L).toList();
        } catch (JiraBadRequestException e) {
            throw new InvalidInputException(body.containsKey("jql") ? "jql" : "issueKeys",
                    "Jira did not accept the selection: " + String.join(" ", e.errorMessages()));
        }
        if (issues.size() > MAX_LINK_ISSUES) {
            throw new InvalidInputException("jql", "The selection has more than " + MAX_LINK_ISSUES
                    + " issues; narrow it (e.g. link the epics, whose children follow)");
        }
        return change(client, accountId, visibleOnly(client, accountId, issues), change);
    }

    /**
     * The selection as the caller may see it: issues in projects they cannot browse are left alone and only
     * counted ({@code hidden}), never named, whatever the JQL or keys asked for.
     */
    private static Selection visibleOnly(JiraClient client, String accountId, List<JiraIssue> issues) {
        Set<Long> projects = new HashSet<>();
        issues.forEach(issue -> projects.add(issue.fields().projectId().orElse(0L)));
        Set<Long> browsable = projects.isEmpty() ? Set.of() : client.browsableProjects(accountId, projects);
        List<JiraIssue> visible = issues.stream()
                .filter(issue -> browsable.contains(issue.fields().projectId().orElse(0L))).toList();
        return new Selection(visible, issues.size() - visible.size());
    }

    private record Selection(List<JiraIssue> visible, int hidden) {
    }

    /** Applies {@code change} to each issue's links, through Jira's bulk property endpoint, where it changes anything. */
    private static LinkResult change(JiraClient client, String accountId, Selection selection, UnaryOperator<ThemeLinks> change) {
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
            } else if (!editable.contains(Long.valueOf(issue.id()))) {
                failed.add(new LinkResult.Failure(issue.key(), "you cannot edit this issue in Jira"));
            } else {
                updates.add(new LinkBatches.Change(issue.key(), Long.parseLong(issue.id()), after));
            }
        }
        return LinkBatches.write(client, updates, skipped, failed, selection.hidden());
    }

    private static List<JiraIssue> linkedIssues(JiraClient client, String themeId) {
        return client.search(new SearchRequest(linkedJql(themeId), LINK_FIELDS, LINK_PROPERTY, MAX_LINK_ISSUES)).toList();
    }

    /** Issues linked to the theme, in JQL Jira understands with or without our alias (roadmapTheme). */
    public static Jql linkedJql(String themeId) {
        return Jql.propertyEquals(ThemeLinks.PROPERTY_KEY, "themeIds", themeId);
    }

    /** {@code {jql}} or {@code {issueKeys}} (1 to 1,000), exactly one of them. */
    static Jql selection(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !k.equals("jql") && !k.equals("issueKeys")).sorted()
                .forEach(k -> errors.add(new FieldError(k, "is not a field; send jql or issueKeys")));
        Object jql = body.get("jql");
        Object keys = body.get("issueKeys");
        if ((jql == null) == (keys == null)) {
            errors.add(new FieldError("jql", "Send exactly one of jql or issueKeys"));
        }
        Jql result = null;
        if (jql != null) {
            Optional<String> problem = jql instanceof String text ? Jql.refinementProblem(text) : Optional.of("must be text");
            if (problem.isPresent()) {
                errors.add(new FieldError("jql", problem.get()
                        + " (JQL that restricts the issues, e.g. project = WEB AND issuetype = Epic)"));
            } else {
                result = Jql.refinement((String) jql);
            }
        }
        if (keys != null) {
            if (!(keys instanceof List<?> list) || list.isEmpty() || list.size() > MAX_LINK_ISSUES) {
                errors.add(new FieldError("issueKeys", "must be a list of 1 to " + MAX_LINK_ISSUES + " issue keys"));
            } else {
                Set<String> unique = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    Object key = list.get(i);
                    if (!(key instanceof String text) || !JiraKeys.isIssueKey(text)) {
                        errors.add(new FieldError("issueKeys[" + i + "]", "must be an issue key such as WEB-12"));
                    } else {
                        unique.add(text);
                    }
                }
                result = unique.isEmpty() ? null : Jql.issueKeyIn(unique.stream().sorted().toList());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return result;
    }

    private List<Theme> replace(ThemeCatalog catalog, Theme updated) {
        return catalog.themes().stream().map(t -> t.id().equals(updated.id()) ? updated : t).toList();
    }

    /** Short, unguessable, URL- and JQL-safe ids (up to 8 base-36 digits). */
    private String unusedId(ThemeCatalog catalog) {
        String id;
        do {
            id = Long.toString(Math.floorMod(random.nextLong(), 2_821_109_907_456L), 36);
        } while (catalog.find(id).isPresent());
        return id;
    }

}
