package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.web.client.RestTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link JiraClient} over one site's RestTemplate: search, issues and users here, the
 * rest delegated by job ({@link EntityProperties}, {@link BulkPropertyTasks},
 * {@link AgileBoards}, {@link ProjectSearch}, {@link PermissionChecks},
 * {@link StoryPointsDiscovery}). The template must resolve the relative URIs used here
 * (ACSB's signing interceptor does, as does a root URI in tests), encode template
 * variables strictly (DefaultUriBuilderFactory's TEMPLATE_AND_VALUES), and end with a
 * {@link RetryInterceptor}.
 */
final class RestJiraClient implements JiraClient {

    private static final String SEARCH = "/rest/api/3/search/jql";

    private static final String USERS = "/rest/api/3/user/bulk";

    private static final String USER_SEARCH = "/rest/api/3/user/search?query={query}&maxResults={limit}";

    private static final int USERS_PAGE = 100;

    private static final String ISSUE = "/rest/api/3/issue/{issue}";

    private static final String APPROXIMATE_COUNT = "/rest/api/3/search/approximate-count";

    private static final String FIELDS = "/rest/api/3/field";

    private final JiraHttp http;

    private final EntityProperties properties;

    private final BulkPropertyTasks bulkProperties;

    private final AgileBoards agile;

    private final ProjectSearch projectSearch;

    private final PermissionChecks permissions;

    private final StoryPointsDiscovery storyPoints;

    private final Supplier<Optional<String>> storyPointsOverride;

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings, Sleeper sleeper, Ticker ticker,
            Supplier<Optional<String>> storyPointsOverride) {
        this(rest, Optional.of(addonKey), settings, sleeper, ticker, storyPointsOverride);
    }

    /**
     * {@code connectAddonKey} empty: the app's properties are a Forge app's
     * ({@code /rest/forge/1/app/properties}), otherwise the Connect add-on's of that key.
     */
    private RestJiraClient(RestTemplate rest, Optional<String> connectAddonKey, JiraClientSettings settings,
            Sleeper sleeper, Ticker ticker, Supplier<Optional<String>> storyPointsOverride) {
        this.http = new JiraHttp(rest);
        this.properties = new EntityProperties(http, connectAddonKey);
        this.bulkProperties = new BulkPropertyTasks(http, settings, sleeper);
        this.agile = new AgileBoards(http);
        this.projectSearch = new ProjectSearch(http);
        this.permissions = new PermissionChecks(http, settings.permissionCacheTtl(), ticker);
        this.storyPoints = new StoryPointsDiscovery(this::boardConfiguration, this::fields);
        this.storyPointsOverride = storyPointsOverride;
    }

    /** The client of a Forge installation: its app properties are the Forge app's. */
    static RestJiraClient forge(RestTemplate rest, JiraClientSettings settings,
            Supplier<Optional<String>> storyPointsOverride) {
        return new RestJiraClient(rest, Optional.empty(), settings, Sleeper.REAL, Ticker.systemTicker(),
                storyPointsOverride);
    }

    RestJiraClient(RestTemplate rest, String addonKey, JiraClientSettings settings, Sleeper sleeper, Ticker ticker) {
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
    public Map<String, String> findUsers(String query, int limit) {
        Checks.notBlank("query", query);
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit must be 1 to 50: " + limit);
        }
        Map<String, String> users = new LinkedHashMap<>();
        for (JsonNode user : http.get(USER_SEARCH, Map.of("query", query, "limit", limit))) {
            // apps and deactivated accounts cannot own anything
            if (user.path("active").asBoolean(true) && "atlassian".equals(user.path("accountType").asText())) {
                users.put(user.path("accountId").asText(), user.path("displayName").asText());
            }
        }
        return users;
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
        // the rules of a search's fields and properties apply (key always named, at most
        // 5 properties)
        return http
            .getIfFound(ISSUE + "?fields={fields}&properties={properties}",
                    Map.of("issue", issueIdOrKey, "fields", String.join(",", SearchRequest.checkedFields(fields)),
                            "properties", String.join(",", SearchRequest.checkedProperties(properties))))
            .map(JiraReaders::issue);
    }

    // --- entity properties ---

    @Override
    public Optional<PropertyValue> getProperty(PropertyTarget target, String propertyKey) {
        return properties.get(target, propertyKey);
    }

    @Override
    public void putProperty(PropertyTarget target, String propertyKey, PropertyValue value) {
        properties.put(target, propertyKey, value);
    }

    @Override
    public void deleteProperty(PropertyTarget target, String propertyKey) {
        properties.delete(target, propertyKey);
    }

    @Override
    public BulkPropertyResult putIssuePropertiesInBulk(List<IssuePropertyUpdate> updates) {
        return bulkProperties.put(updates);
    }

    // --- fields ---

    @Override
    public List<JiraField> fields() {
        return List.copyOf(JiraReaders.list(http.get(FIELDS, Map.of()), JiraReaders::field));
    }

    @Override
    public Optional<String> storyPointsFieldId(long boardId) {
        Checks.positive("board id", boardId);
        // an admin's explicit choice beats discovery, the board's estimation field
        // included
        return storyPointsOverride.get().or(() -> storyPoints.forBoard(boardId));
    }

    @Override
    public Optional<String> storyPointsFieldId() {
        return storyPointsOverride.get().or(storyPoints::siteWide);
    }

    // --- boards ---

    @Override
    public Stream<Board> boards(Optional<String> projectKeyOrId) {
        return agile.boards(projectKeyOrId);
    }

    @Override
    public Stream<Sprint> openSprints(long boardId) {
        return agile.openSprints(boardId);
    }

    @Override
    public BoardConfiguration boardConfiguration(long boardId) {
        return agile.configuration(boardId);
    }

    @Override
    public Stream<JiraIssue> backlog(BacklogRequest request) {
        return agile.backlog(request);
    }

    @Override
    public RankResult rank(RankRequest request) {
        return agile.rank(request);
    }

    // --- projects and permissions ---

    @Override
    public Stream<JiraProject> projects(Collection<String> keysOrIds) {
        return projectSearch.projects(keysOrIds, false);
    }

    @Override
    public Stream<JiraProject> projectsWithIssueCounts(Collection<String> keysOrIds) {
        return projectSearch.projects(keysOrIds, true);
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
