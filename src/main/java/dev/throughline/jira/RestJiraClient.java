package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link JiraClient} over one site's RestTemplate. The template must resolve the relative URIs used here
 * (ACSB's signing interceptor does, as does a root URI in tests), encode template variables strictly
 * (DefaultUriBuilderFactory's TEMPLATE_AND_VALUES), and end with a {@link RetryInterceptor}.
 */
final class RestJiraClient implements JiraClient {

    private static final String SEARCH = "/rest/api/3/search/jql";
    private static final String USERS = "/rest/api/3/user/bulk";
    private static final int USERS_PAGE = 100;
    private static final String ISSUE = "/rest/api/3/issue/{issue}";
    private static final String APPROXIMATE_COUNT = "/rest/api/3/search/approximate-count";
    private static final String BULK_ISSUE_PROPERTIES = "/rest/api/3/issue/properties/multi";
    private static final String TASK = "/rest/api/3/task/{taskId}";
    private static final String LINK_TYPES = "/rest/api/3/issueLinkType";
    private static final String LINKS = "/rest/api/3/issueLink";
    private static final String LINK = "/rest/api/3/issueLink/{linkId}";
    private static final String FIELDS = "/rest/api/3/field";
    private static final String PROJECT_SEARCH = "/rest/api/3/project/search";
    private static final String BOARDS = "/rest/agile/1.0/board";
    private static final String BOARD_CONFIGURATION = "/rest/agile/1.0/board/{boardId}/configuration";
    private static final String BACKLOG = "/rest/agile/1.0/board/{boardId}/backlog";
    private static final String RANK = "/rest/agile/1.0/issue/rank";
    private static final Pattern TASK_ID = Pattern.compile("/rest/api/3/task/([^/?#]+)");
    private static final int BOARD_PAGE_SIZE = 50;
    private static final int PROJECT_PAGE_SIZE = 50;
    /** project/search takes at most 50 keys or ids per request. */
    private static final int MAX_PROJECT_KEYS = 50;

    private final JiraHttp http;
    private final String addonKey;
    private final JiraClientSettings settings;
    private final Sleeper sleeper;
    private final PermissionChecks permissions;
    private final StoryPointsDiscovery storyPoints;
    private final Supplier<Optional<String>> storyPointsOverride;

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings, Sleeper sleeper,
                   Ticker ticker, Supplier<Optional<String>> storyPointsOverride) {
        this.http = new JiraHttp(rest);
        this.addonKey = Checks.notBlank("addon key", addonKey);
        this.settings = settings;
        this.sleeper = sleeper;
        this.permissions = new PermissionChecks(http, settings.permissionCacheTtl(), ticker);
        this.storyPoints = new StoryPointsDiscovery(this::boardConfiguration, this::fields);
        this.storyPointsOverride = storyPointsOverride;
    }

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings, Sleeper sleeper,
                   Ticker ticker) {
        this(rest, addonKey, settings, sleeper, ticker, Optional::empty);
    }

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings) {
        this(rest, addonKey, settings, Optional::empty);
    }

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings,
                   Supplier<Optional<String>> storyPointsOverride) {
        this(rest, addonKey, settings, Sleeper.REAL, Ticker.systemTicker(), storyPointsOverride);
    }

    // --- search ---

    @Override
    public Stream<JiraIssue> search(SearchRequest request) {
        return LazyPages.<String, JiraIssue>stream(token -> {
            SearchPage page = searchPage(request, token);
            return new LazyPages.Page<>(page.issues(), page.nextPageToken());
        });
    }

    @Override
    public SearchPage searchPage(SearchRequest request, Optional<String> pageToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", request.jql().text());
        body.put("fields", request.fields());
        if (!request.properties().isEmpty()) {
            body.put("properties", request.properties());
        }
        body.put("maxResults", request.pageSize());
        pageToken.ifPresent(token -> body.put("nextPageToken", token));
        return JiraReaders.searchPage(http.postForBytes(SEARCH, body, Map.of()));
    }

    @Override
    public long approximateCount(Jql jql) {
        JsonNode answer = http.post(APPROXIMATE_COUNT, Map.of("jql", jql.text()), Map.of());
        return answer.path("count").asLong();
    }

    @Override
    public Map<String, String> displayNames(Collection<String> accountIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(Checks.noNulls("accountIds", List.copyOf(accountIds))));
        Map<String, String> names = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += USERS_PAGE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + USERS_PAGE));
            StringBuilder template = new StringBuilder(USERS + "?maxResults=" + USERS_PAGE);
            Map<String, Object> vars = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                template.append("&accountId={a").append(i).append('}');
                vars.put("a" + i, chunk.get(i));
            }
            JsonNode answer = http.get(template.toString(), vars);
            for (JsonNode user : answer.path("values")) {
                names.put(user.path("accountId").asText(), user.path("displayName").asText());
            }
        }
        return names;
    }

    @Override
    public Optional<JiraIssue> issue(String issueIdOrKey, List<String> fields, List<String> properties) {
        Checks.notBlank("issueIdOrKey", issueIdOrKey);
        // the rules of a search's fields and properties apply (key always named, at most 5 properties)
        return http.getIfFound(ISSUE + "?fields={fields}&properties={properties}", Map.of("issue", issueIdOrKey,
                        "fields", String.join(",", SearchRequest.checkedFields(fields)),
                        "properties", String.join(",", SearchRequest.checkedProperties(properties))))
                .map(JiraReaders::issue);
    }

    // --- entity properties ---

    @Override
    public Optional<PropertyValue> getProperty(PropertyTarget target, String propertyKey) {
        return http.getIfFound(propertyPath(target) + "/{propertyKey}", vars(target, propertyKey))
                .map(answer -> PropertyValue.of(answer.path("value")));
    }

    @Override
    public void putProperty(PropertyTarget target, String propertyKey, PropertyValue value) {
        http.send(HttpMethod.PUT, propertyPath(target) + "/{propertyKey}", value, vars(target, propertyKey));
    }

    @Override
    public void deleteProperty(PropertyTarget target, String propertyKey) {
        try {
            http.send(HttpMethod.DELETE, propertyPath(target) + "/{propertyKey}", null, vars(target, propertyKey));
        } catch (JiraNotFoundException alreadyGone) {
            // the goal, no such property, holds
        }
    }

    @Override
    public List<String> propertyKeys(PropertyTarget target) {
        JsonNode answer = http.get(propertyPath(target), vars(target, null));
        return JiraReaders.list(answer.path("keys"), key -> key.path("key").asText());
    }

    private static String propertyPath(PropertyTarget target) {
        return switch (target.kind()) {
            case ISSUE -> "/rest/api/3/issue/{target}/properties";
            case PROJECT -> "/rest/api/3/project/{target}/properties";
            case APP -> "/rest/atlassian-connect/1/addons/{target}/properties";
        };
    }

    private Map<String, Object> vars(PropertyTarget target, String propertyKey) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("target", target.kind() == PropertyTarget.Kind.APP ? addonKey : target.idOrKey());
        if (propertyKey != null) {
            vars.put("propertyKey", Checks.propertyKey(propertyKey));
        }
        return vars;
    }

    @Override
    public BulkPropertyResult putIssuePropertiesInBulk(List<IssuePropertyUpdate> updates) {
        Checks.noNulls("updates", updates);
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("no issue property updates");
        }
        List<Map<String, Object>> issues = new ArrayList<>();
        for (IssuePropertyUpdate update : updates) {
            Map<String, Object> properties = new LinkedHashMap<>();
            update.properties().forEach((key, value) -> properties.put(key, Json.parse(value.json())));
            issues.add(Map.of("issueID", update.issueId(), "properties", properties));
        }
        JiraHttp.Answer answer = http.send(HttpMethod.POST, BULK_ISSUE_PROPERTIES, Map.of("issues", issues), Map.of());
        String taskId = answer.location().map(RestJiraClient::taskId).orElseThrow(() -> new JiraException(
                "Jira accepted the bulk property update without naming its task (status " + answer.status() + ")",
                answer.status(), List.of(), Map.of()));
        return followTask(taskId);
    }

    private static String taskId(URI location) {
        Matcher matcher = TASK_ID.matcher(location.getPath() == null ? "" : location.getPath());
        if (!matcher.find()) {
            throw new JiraException("Jira named no task in its Location: " + location, 303, List.of(), Map.of());
        }
        return matcher.group(1);
    }

    /**
     * Polls the task at the configured interval until it ends or the task timeout passes. Running out of a user
     * request's time while polling says that Jira accepted the writes (they may be applied, or be still running).
     */
    private BulkPropertyResult followTask(String taskId) {
        try {
            return pollTask(taskId);
        } catch (JiraDeadlineException late) {
            throw new JiraDeadlineException("Jira accepted the bulk property task " + taskId
                    + " but it had not ended by the request's deadline: " + late.getMessage(), true, late);
        }
    }

    private BulkPropertyResult pollTask(String taskId) {
        Duration waited = Duration.ZERO;
        while (true) {
            JsonNode task = taskProgress(taskId);
            String status = task.path("status").asText();
            switch (status) {
                case "COMPLETE":
                    return JiraReaders.completedTask(taskId, task);
                case "ENQUEUED", "RUNNING", "CANCEL_REQUESTED":
                    break;
                default: // FAILED, CANCELLED, DEAD, or anything new
                    throw new JiraTaskFailedException(taskId, status, Json.text(task, "message"));
            }
            if (waited.compareTo(settings.taskTimeout()) >= 0) {
                throw new JiraTaskFailedException(taskId, "TIMED_OUT",
                        "still " + status + " after " + settings.taskTimeout().toMillis() + " ms");
            }
            Duration pause = RequestDeadline.cut(settings.taskPollInterval());
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraTaskFailedException(taskId, "INTERRUPTED", "stopped waiting");
            }
            waited = waited.plus(pause);
        }
    }

    /** The task's progress; a failure to read it is not a failure of the task, whose outcome is then unknown. */
    private JsonNode taskProgress(String taskId) {
        try {
            return http.get(TASK, Map.of("taskId", taskId));
        } catch (JiraDeadlineException late) {
            throw late; // the request's time is up: followTask says the writes may be applied
        } catch (JiraException e) {
            throw new JiraTaskFailedException(taskId, "UNFOLLOWED", "reading its progress failed: " + e.getMessage(), e);
        }
    }

    // --- links and fields ---

    @Override
    public List<IssueLinkType> issueLinkTypes() {
        return JiraReaders.list(http.get(LINK_TYPES, Map.of()).path("issueLinkTypes"), JiraReaders::linkType);
    }

    @Override
    public void createIssueLink(NewIssueLink link) {
        Map<String, Object> body = Map.of(
                "type", Map.of("name", link.typeName()),
                "inwardIssue", Map.of("key", link.inwardIssueKey()),
                "outwardIssue", Map.of("key", link.outwardIssueKey()));
        http.send(HttpMethod.POST, LINKS, body, Map.of());
    }

    @Override
    public void deleteIssueLink(String linkId) {
        http.send(HttpMethod.DELETE, LINK, null, Map.of("linkId", Checks.numericId("link id", linkId)));
    }

    @Override
    public List<JiraField> fields() {
        return List.copyOf(JiraReaders.list(http.get(FIELDS, Map.of()), JiraReaders::field));
    }

    @Override
    public Optional<String> storyPointsFieldId(long boardId) {
        Checks.positive("board id", boardId);
        // an admin's explicit choice beats discovery, the board's estimation field included
        return storyPointsOverride.get().or(() -> storyPoints.forBoard(boardId));
    }

    @Override
    public Optional<String> storyPointsFieldId() {
        return storyPointsOverride.get().or(storyPoints::siteWide);
    }

    // --- boards ---

    @Override
    public Stream<Board> boards(Optional<String> projectKeyOrId) {
        String template = BOARDS + "?startAt={startAt}&maxResults={maxResults}"
                + (projectKeyOrId.isPresent() ? "&projectKeyOrId={project}" : "");
        return LazyPages.<Integer, Board>stream(cursor -> {
            int startAt = cursor.orElse(0);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("startAt", startAt);
            vars.put("maxResults", BOARD_PAGE_SIZE);
            projectKeyOrId.ifPresent(p -> vars.put("project", Checks.notBlank("project", p)));
            return JiraReaders.startAtPage(http.get(template, vars), "values", startAt, JiraReaders::board);
        });
    }

    @Override
    public BoardConfiguration boardConfiguration(long boardId) {
        Checks.positive("board id", boardId);
        return JiraReaders.boardConfiguration(boardId, http.get(BOARD_CONFIGURATION, Map.of("boardId", boardId)));
    }

    @Override
    public Stream<JiraIssue> backlog(BacklogRequest request) {
        String template = BACKLOG + "?startAt={startAt}&maxResults={maxResults}&fields={fields}"
                + (request.jql().isPresent() ? "&jql={jql}" : "");
        return LazyPages.<Integer, JiraIssue>stream(cursor -> {
            int startAt = cursor.orElse(0);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("boardId", request.boardId());
            vars.put("startAt", startAt);
            vars.put("maxResults", request.pageSize());
            vars.put("fields", String.join(",", request.fields()));
            request.jql().ifPresent(jql -> vars.put("jql", jql.text()));
            return JiraReaders.startAtPage(http.get(template, vars), "issues", startAt, JiraReaders::issue);
        });
    }

    @Override
    public RankResult rank(RankRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issues", request.issueKeys());
        body.put(request.position() == RankRequest.Position.BEFORE ? "rankBeforeIssue" : "rankAfterIssue",
                request.anchorIssueKey());
        JiraHttp.Answer answer = http.send(HttpMethod.PUT, RANK, body, Map.of());
        if (answer.status() == 207) {
            return new RankResult(JiraReaders.list(answer.body().path("entries"), JiraReaders::rankEntry));
        }
        return new RankResult(request.issueKeys().stream()
                .map(key -> new RankOutcome(key, Optional.empty(), true, List.of()))
                .toList());
    }

    // --- projects and permissions ---

    @Override
    public Stream<JiraProject> projects(Collection<String> keysOrIds) {
        return projects(keysOrIds, false);
    }

    @Override
    public Stream<JiraProject> projectsWithIssueCounts(Collection<String> keysOrIds) {
        return projects(keysOrIds, true);
    }

    private Stream<JiraProject> projects(Collection<String> keysOrIds, boolean insight) {
        List<String> wanted = List.copyOf(Checks.noNulls("project keys or ids", keysOrIds));
        if (wanted.isEmpty()) {
            return projectPages(List.of(), insight);
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i += MAX_PROJECT_KEYS) {
            chunks.add(wanted.subList(i, Math.min(wanted.size(), i + MAX_PROJECT_KEYS)));
        }
        return chunks.stream().flatMap(chunk -> projectPages(chunk, insight));
    }

    private Stream<JiraProject> projectPages(List<String> keys, boolean insight) {
        StringBuilder template = new StringBuilder(PROJECT_SEARCH + "?startAt={startAt}&maxResults={maxResults}");
        if (insight) {
            template.append("&expand=insight");
        }
        for (int i = 0; i < keys.size(); i++) {
            template.append("&keys={key").append(i).append('}');
        }
        return LazyPages.<Integer, JiraProject>stream(cursor -> {
            int startAt = cursor.orElse(0);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("startAt", startAt);
            vars.put("maxResults", PROJECT_PAGE_SIZE);
            for (int i = 0; i < keys.size(); i++) {
                vars.put("key" + i, Checks.notBlank("project key or id", keys.get(i)));
            }
            return JiraReaders.startAtPage(http.get(template.toString(), vars), "values", startAt,
                    JiraReaders::project);
        });
    }

    @Override
    public Set<Long> browsableProjects(String accountId, Collection<Long> projectIds) {
        return permissions.projectsWith("BROWSE_PROJECTS", accountId, projectIds);
    }

    @Override
    public Set<Long> editableIssues(String accountId, Collection<Long> issueIds) {
        return permissions.issuesWith("EDIT_ISSUES", accountId, issueIds);
    }

    @Override
    public boolean isAdministrator(String accountId) {
        return permissions.hasGlobal("ADMINISTER", accountId);
    }

    @Override
    public List<JiraGroup> groupsOf(String accountId) {
        return permissions.groupsOf(accountId);
    }

    @Override
    public boolean canScheduleIssues(String accountId, long projectId) {
        return permissions.projectsWith("SCHEDULE_ISSUES", accountId, List.of(projectId)).contains(projectId);
    }
}
