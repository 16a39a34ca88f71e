package dev.throughline.theme.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.jira.StatusCategory;
import dev.throughline.problems.JiraKeys;
import dev.throughline.problems.NotFoundException;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.ScopeItem;
import dev.throughline.theme.Theme;
import dev.throughline.readmodel.ThemeLinks;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.store.ThemeJiraStore;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Progress of every theme from Jira, for one viewer. The whole board costs one search for
 * all linked issues and one search per 200 of them for their children (fields and
 * properties requested in the search), plus one permission check: never a request per
 * issue.
 */
@Service
public class ThemeProgressService {

    static final int PARENT_CHUNK = 200;

    private static final String VALUE_PROPERTY = "throughline.value";

    private final JiraClients jira;

    private final ThemeJiraStore store;

    private final Clock clock;

    public ThemeProgressService(JiraClients jira, ThemeJiraStore store, Clock clock) {
        this.jira = jira;
        this.store = store;
        this.clock = clock;
    }

    public record ThemeRow(Theme theme, ThemeProgress progress, List<String> linkedEpics, Optional<String> ownerName) {
    }

    /**
     * Every theme with its progress; with a project key, only that project's work is
     * counted. A project the caller may not browse answers exactly as one that does not
     * exist (404), so the answer tells nothing of it.
     */
    public List<ThemeRow> board(Caller caller, Optional<String> projectKey) {
        projectKey.ifPresent(key -> JiraKeys.requireProjectKey("projectKey", key));
        JiraClient client = jira.forSite(caller.site());
        // a project's view reads every theme's work too: what lies in other projects is
        // counted, not shown
        Optional<Long> onlyProject = projectKey.map(key -> visibleProject(client, caller, key));
        List<Theme> themes = store.catalog(client).themes();
        List<String> fields = fields(client);
        Jql linkedWork = Jql.propertyIsNotEmpty(ThemeLinks.PROPERTY_KEY, "themeIds");
        List<JiraIssue> linked = client
            .search(new SearchRequest(linkedWork, fields, List.of(ThemeLinks.PROPERTY_KEY, VALUE_PROPERTY),
                    SearchRequest.MAX_PAGE_SIZE))
            .toList();
        Map<String, List<JiraIssue>> children = children(client, linked, fields);
        Map<String, Map<String, ScopeItem>> scopes = new HashMap<>();
        Map<String, List<String>> epics = new HashMap<>();
        Set<Long> projects = new HashSet<>();
        Optional<String> pointsField = client.storyPointsFieldId();
        for (JiraIssue issue : linked) {
            ThemeLinks links = ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
            List<JiraIssue> kids = children.getOrDefault(issue.key(), List.of());
            for (String themeId : links.themeIds()) {
                Map<String, ScopeItem> scope = scopes.computeIfAbsent(themeId, id -> new LinkedHashMap<>());
                scope.put(issue.key(), item(issue, !kids.isEmpty(), pointsField));
                kids.forEach(child -> scope.put(child.key(), item(child, false, pointsField)));
                if (isEpic(issue)) {
                    epics.computeIfAbsent(themeId, id -> new ArrayList<>()).add(issue.key());
                }
            }
            projects.add(issue.fields().projectId().orElse(0L));
            kids.forEach(child -> projects.add(child.fields().projectId().orElse(0L)));
        }
        Set<Long> visible = projects.isEmpty() ? Set.of()
                : client.browsableProjects(caller.requireAccountId(), projects);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> owners = new HashSet<>();
        themes.forEach(theme -> theme.owner().ifPresent(owners::add));
        Map<String, String> names = owners.isEmpty() ? Map.of() : client.displayNames(owners);
        List<ThemeRow> rows = new ArrayList<>();
        for (Theme theme : themes) {
            Map<String, ScopeItem> scope = scopes.getOrDefault(theme.id(), Map.of());
            ThemeProgress progress = ThemeProgress.of(theme, scope.values(), visible, onlyProject, today,
                    clock.instant());
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

    private static Map<String, List<JiraIssue>> children(JiraClient client, List<JiraIssue> parents,
            List<String> fields) {
        Map<String, List<JiraIssue>> byParent = new HashMap<>();
        List<String> keys = parents.stream().map(JiraIssue::key).toList();
        for (int from = 0; from < keys.size(); from += PARENT_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + PARENT_CHUNK));
            Jql ofParents = Jql.parentIn(chunk);
            client.search(new SearchRequest(ofParents, fields, List.of(VALUE_PROPERTY), SearchRequest.MAX_PAGE_SIZE))
                .forEach(child -> child.fields()
                    .parentKey()
                    .ifPresent(parent -> byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(child)));
        }
        return byParent;
    }

    private static List<String> fields(JiraClient client) {
        List<String> fields = new ArrayList<>(
                List.of("issuetype", "status", "project", "parent", "duedate", "updated"));
        client.storyPointsFieldId().ifPresent(fields::add);
        return fields;
    }

    private static boolean isEpic(JiraIssue issue) {
        return issue.fields().issueTypeName().map(name -> name.equalsIgnoreCase("Epic")).orElse(false);
    }

    private static ScopeItem item(JiraIssue issue, boolean hasChildren, Optional<String> pointsField) {
        ScopeItem.Kind kind = issue.fields().isSubtask().orElse(false) ? ScopeItem.Kind.SUBTASK
                : isEpic(issue) ? ScopeItem.Kind.EPIC : ScopeItem.Kind.STANDARD;
        boolean done = issue.fields().statusCategory().map(c -> c == StatusCategory.DONE).orElse(false);
        Optional<Map<String, Object>> stored = issue.property(VALUE_PROPERTY)
            .filter(PropertyValue::isObject)
            .map(PropertyValue::asMap);
        Optional<BigDecimal> value = stored.map(map -> map.get("score"))
            .filter(Number.class::isInstance)
            .map(n -> new BigDecimal(n.toString()));
        Optional<String> model = stored.map(map -> map.get("model"))
            .filter(String.class::isInstance)
            .map(m -> (String) m);
        Instant updated = issue.fields().string("updated").flatMap(ThemeProgressService::instant).orElse(Instant.EPOCH);
        return new ScopeItem(issue.key(), issue.fields().projectId().orElse(0L), kind, done,
                pointsField.flatMap(issue.fields()::number), value, issue.fields().dueDate(), updated, hasChildren,
                model);
    }

    private static Optional<Instant> instant(String jiraDateTime) {
        try {
            return Optional
                .of(OffsetDateTime.parse(jiraDateTime, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                    .toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
