package dev.throughline.jira;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Throughline asks of one Jira Cloud site. Obtain one with
 * {@link JiraClients#forSite}. Every method may throw a {@link JiraException} subtype;
 * retries on 429/503 have already happened. Streams are lazy: the next page is fetched
 * only when the stream is consumed past the current one.
 */
public interface JiraClient {

    // --- search ---

    /** All issues matching the request, page by page as the stream is consumed. */
    Stream<JiraIssue> search(SearchRequest request);

    /**
     * One page: the first when {@code pageToken} is empty, else the page the token names.
     */
    SearchPage searchPage(SearchRequest request, Optional<String> pageToken);

    /** Jira's estimate of how many issues match (bounded JQL). */
    long approximateCount(Jql jql);

    /**
     * One issue with the named fields and (at most 5) properties; empty when it does not
     * exist or the app cannot see it (Jira answers 404 to both).
     */
    Optional<JiraIssue> issue(String issueIdOrKey, List<String> fields, List<String> properties);

    // --- entity properties (issues, projects, the app) ---

    /** Empty when the property (or its issue/project) does not exist. */
    Optional<PropertyValue> getProperty(PropertyTarget target, String propertyKey);

    void putProperty(PropertyTarget target, String propertyKey, PropertyValue value);

    /** Deleting a property that is not there is not an error. */
    void deleteProperty(PropertyTarget target, String propertyKey);

    /**
     * Sets properties on many issues in one Jira task and waits (bounded) until the task
     * completes.
     */
    BulkPropertyResult putIssuePropertiesInBulk(List<IssuePropertyUpdate> updates);

    // --- fields ---

    List<JiraField> fields();

    /**
     * The story points field of a board: its configured estimation field, else the field
     * of type jsw-story-points, else a field named "Story point estimate" or "Story
     * Points". Cached.
     */
    Optional<String> storyPointsFieldId(long boardId);

    /** The same discovery without a board (schema type, then name). Cached. */
    Optional<String> storyPointsFieldId();

    // --- boards ---

    /** Boards, all of them or only those of a project (key or id). */
    Stream<Board> boards(Optional<String> projectKeyOrId);

    BoardConfiguration boardConfiguration(long boardId);

    /** The board's active and future sprints, active first (Jira's order). */
    Stream<Sprint> openSprints(long boardId);

    Stream<JiraIssue> backlog(BacklogRequest request);

    /** Ranks issues; a partial success is reported per issue, never thrown. */
    RankResult rank(RankRequest request);

    /**
     * Display names by accountId (unknown or deleted accounts are left out); asked 100 at
     * a time.
     */
    Map<String, String> displayNames(Collection<String> accountIds);

    /**
     * Up to {@code limit} (1–50) active users whose name or email starts with the query
     * ({@code GET /rest/api/3/user/search}), accountId to display name, in Jira's order:
     * a user picker's choices.
     */
    Map<String, String> findUsers(String query, int limit);

    // --- projects and permissions (cached per accountId and question) ---

    /** Projects by key or id (all when empty). */
    Stream<JiraProject> projects(Collection<String> keysOrIds);

    /**
     * The same with each project's issue count ({@code expand=insight}; empty when Jira
     * does not say).
     */
    Stream<JiraProject> projectsWithIssueCounts(Collection<String> keysOrIds);

    /** Of the given project ids, those the user may browse. */
    Set<Long> browsableProjects(String accountId, Collection<Long> projectIds);

    /** Of the given issue ids, those the user may edit. */
    Set<Long> editableIssues(String accountId, Collection<Long> issueIds);

    /** Whether the user is a Jira administrator (global ADMINISTER). */
    boolean isAdministrator(String accountId);

    /**
     * The groups the user belongs to ({@code GET /rest/api/3/user/groups}); none for an
     * unknown account.
     */
    List<JiraGroup> groupsOf(String accountId);

    /** Whether the user may rank issues (SCHEDULE_ISSUES) in the project. */
    boolean canScheduleIssues(String accountId, long projectId);

}
