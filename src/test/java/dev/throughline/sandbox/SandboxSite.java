package dev.throughline.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.UUID;

/**
 * An in-memory Jira Cloud site: projects, issues, links, boards with a maintained rank
 * order, fields, entity properties, users and permissions. Plain Java so it can later
 * move to main code. Mutators are synchronized on the site; the HTTP layer holds the same
 * lock for a whole request.
 */
public final class SandboxSite {

    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-23T12:00:00Z");

    public static final String ADMIN = "admin";

    private volatile Instant now;

    private final Set<Long> deleted = new HashSet<>();

    private final List<SandboxProject> projects;

    private final List<SandboxVersion> versions;

    private final List<SandboxBoard> boards;

    private final Map<Long, List<SandboxSprint>> sprints = new HashMap<>();

    private final List<SandboxIssue> issues; // index = id - firstIssueId; ids are
                                             // contiguous

    private final long firstIssueId;

    private final Map<String, Integer> indexByKey;

    private final Map<Long, List<IssueLink>> linksByIssue = new HashMap<>();

    private final Map<Long, IssueLink> links = new LinkedHashMap<>();

    private long nextLinkId;

    private final List<Long> rankOrder;

    private int[] rankPositionByIndex; // null when stale

    private final Map<Long, RankRefusal> rankRefusals = new HashMap<>();

    private final Map<Long, Integer> timesRanked = new HashMap<>();

    private final Map<String, SandboxUser> users = new LinkedHashMap<>();

    private final SandboxPermissions permissions = new SandboxPermissions();

    private final Map<String, Set<String>> groupsByUser = new HashMap<>(); // group names,
                                                                           // in the order
                                                                           // joined

    private final PropertyStore issueProperties = new PropertyStore();

    private final PropertyStore projectProperties = new PropertyStore();

    private final PropertyStore appProperties = new PropertyStore();

    SandboxSite(Instant now, List<SandboxProject> projects, List<SandboxVersion> versions, List<SandboxBoard> boards,
            List<SandboxIssue> issues, List<IssueLink> initialLinks, List<Long> rankOrder, List<SandboxUser> users) {
        this.now = now;
        this.projects = List.copyOf(projects);
        this.versions = List.copyOf(versions);
        this.boards = new ArrayList<>(boards);
        this.issues = new ArrayList<>(issues);
        this.firstIssueId = issues.isEmpty() ? 1 : issues.get(0).id();
        this.indexByKey = new HashMap<>(issues.size() * 2);
        for (int i = 0; i < issues.size(); i++) {
            SandboxIssue issue = issues.get(i);
            if (issue.id() != firstIssueId + i)
                throw new IllegalArgumentException("issue ids must be contiguous");
            indexByKey.put(issue.key(), i);
        }
        if (rankOrder.size() != issues.size() || new LinkedHashSet<>(rankOrder).size() != issues.size()) {
            throw new IllegalArgumentException("rank order must hold every issue once");
        }
        this.rankOrder = new ArrayList<>(rankOrder);
        long maxLink = 10000;
        for (IssueLink link : initialLinks) {
            index(link);
            maxLink = Math.max(maxLink, link.id());
        }
        this.nextLinkId = maxLink + 1;
        users.forEach(u -> this.users.put(u.accountId(), u));
        permissions.grantAll(ADMIN);
    }

    // ---- site-wide
    // -------------------------------------------------------------------------------------------

    /** The "now" every date of the site is relative to (fixed unless advanced). */
    public Instant now() {
        return now;
    }

    /** The site's "now" as a clock, for an app under test that must agree with it. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    /**
     * Moves the site's clock on (edits are stamped with it, relative JQL dates follow).
     */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public List<SandboxField> fields() {
        return SiteFields.ALL;
    }

    public String storyPointsFieldId() {
        return SiteFields.STORY_POINTS;
    }

    public String rankFieldId() {
        return SiteFields.RANK;
    }

    // ---- projects, versions, boards
    // --------------------------------------------------------------------------

    public List<SandboxProject> projects() {
        return projects;
    }

    /** By key (any case) or numeric id. */
    public Optional<SandboxProject> project(String keyOrId) {
        return projects.stream()
            .filter(p -> p.key().equalsIgnoreCase(keyOrId) || String.valueOf(p.id()).equals(keyOrId))
            .findFirst();
    }

    public SandboxProject projectById(long id) {
        return projects.stream()
            .filter(p -> p.id() == id)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no project " + id));
    }

    public List<SandboxVersion> versions() {
        return versions;
    }

    public Optional<SandboxVersion> version(long id) {
        return versions.stream().filter(v -> v.id() == id).findFirst();
    }

    public synchronized List<SandboxBoard> boards() {
        return List.copyOf(boards);
    }

    public synchronized Optional<SandboxBoard> board(long id) {
        return boards.stream().filter(b -> b.id() == id).findFirst();
    }

    /**
     * Adds a board located in {@code projectKey} whose filter shows {@code filterJql}'s
     * issues (a board of part of a project, e.g. one team's epics).
     */
    public synchronized SandboxBoard addBoard(String name, String projectKey, String filterJql) {
        long id = boards.stream().mapToLong(SandboxBoard::id).max().orElse(0) + 1;
        SandboxProject project = project(projectKey).orElseThrow(() -> new IllegalArgumentException(projectKey));
        SandboxBoard board = new SandboxBoard(id, name, project.id(), Objects.requireNonNull(filterJql, "filterJql"));
        boards.add(board);
        return board;
    }

    /** The JQL of the filter with this id (a board's), when there is one. */
    public synchronized Optional<String> filterJql(long filterId) {
        return board(filterId - SandboxBoard.FILTER_OFFSET)
            .map(b -> b.filterJql() != null ? b.filterJql() : "project = " + projectById(b.projectId()).key());
    }

    /**
     * The board's sprints in Jira's order (closed, active, future): the demo's
     * ({@link SandboxSprint#demo}) until a test replaces them.
     */
    public synchronized List<SandboxSprint> sprints(long boardId) {
        return sprints.computeIfAbsent(boardId,
                id -> board(id).map(b -> SandboxSprint.demo(b, projectById(b.projectId()).key(), now))
                    .orElse(List.of()));
    }

    /** Replaces the board's sprints (a sprint closed, dates removed, …). */
    public synchronized void setSprints(long boardId, List<SandboxSprint> replaced) {
        sprints.put(boardId, List.copyOf(replaced));
    }

    // ---- issues
    // ----------------------------------------------------------------------------------------------

    /** All issues ordered by id (deleted ones left out). */
    public List<SandboxIssue> issues() {
        if (deleted.isEmpty()) {
            return Collections.unmodifiableList(issues);
        }
        synchronized (this) {
            return issues.stream().filter(i -> !deleted.contains(i.id())).toList();
        }
    }

    public Optional<SandboxIssue> issueById(long id) {
        long index = id - firstIssueId;
        return index < 0 || index >= issues.size() || deleted.contains(id) ? Optional.empty()
                : Optional.of(issues.get((int) index));
    }

    /** By key (any case) or numeric id, as Jira's {issueIdOrKey}. */
    public Optional<SandboxIssue> issue(String idOrKey) {
        Integer index = indexByKey.get(idOrKey.toUpperCase(Locale.ROOT));
        if (index != null)
            return deleted.contains(issues.get(index).id()) ? Optional.empty() : Optional.of(issues.get(index));
        if (!idOrKey.isEmpty() && idOrKey.chars().allMatch(Character::isDigit) && idOrKey.length() < 18) {
            return issueById(Long.parseLong(idOrKey));
        }
        return Optional.empty();
    }

    public SandboxIssue requireIssue(String idOrKey) {
        return issue(idOrKey).orElseThrow(() -> new IllegalArgumentException("no issue " + idOrKey));
    }

    public List<SandboxIssue> children(long parentId) {
        return issues().stream().filter(i -> i.parentId() == parentId).toList();
    }

    /**
     * Replaces an issue by an edited copy stamped {@code updated} now (what any edit in
     * Jira does); the edit may change anything but the id, key and project.
     */
    public synchronized SandboxIssue edit(String idOrKey, UnaryOperator<SandboxIssue> change) {
        SandboxIssue i = change.apply(requireIssue(idOrKey));
        return put(new SandboxIssue(i.id(), i.key(), i.projectId(), i.type(), i.status(), i.parentId(), i.summaryCode(),
                i.storyPoints(), i.createdEpochSecond(), Math.max(now.getEpochSecond(), i.createdEpochSecond()),
                i.resolvedEpochSecond(), i.originalEstimateSeconds(), i.dueEpochDay(), i.fixVersionId()));
    }

    /** Sets (NaN: clears) the issue's story points, stamped now. */
    public SandboxIssue setStoryPoints(String idOrKey, double storyPoints) {
        return edit(idOrKey, i -> copy(i, i.parentId(), storyPoints));
    }

    /** Moves the issue under another parent (0: none), stamped now. */
    public SandboxIssue setParent(String idOrKey, long parentId) {
        return edit(idOrKey, i -> copy(i, parentId, i.storyPoints()));
    }

    private static SandboxIssue copy(SandboxIssue i, long parentId, double storyPoints) {
        return new SandboxIssue(i.id(), i.key(), i.projectId(), i.type(), i.status(), parentId, i.summaryCode(),
                storyPoints, i.createdEpochSecond(), i.updatedEpochSecond(), i.resolvedEpochSecond(),
                i.originalEstimateSeconds(), i.dueEpochDay(), i.fixVersionId());
    }

    /** A new issue in the project, created now: the next key number, the next id. */
    public synchronized SandboxIssue create(String projectKey, IssueType type, long parentId) {
        SandboxProject project = project(projectKey).orElseThrow();
        long id = firstIssueId + issues.size();
        SandboxIssue created = new SandboxIssue(id, projectKey + "-" + nextNumber(projectKey), project.id(), type,
                IssueStatus.values()[0], parentId, 1, Double.NaN, now.getEpochSecond(), now.getEpochSecond(), 0, 0,
                SandboxIssue.NO_DUE_DATE, 0);
        issues.add(created);
        indexByKey.put(created.key(), issues.size() - 1);
        rankOrder.add(id);
        rankPositionByIndex = null;
        return created;
    }

    /** Deletes the issue (its key and id are no longer found; its links go). */
    public synchronized void delete(String idOrKey) {
        SandboxIssue i = requireIssue(idOrKey);
        List.copyOf(linksOf(i.id())).forEach(link -> removeLink(link.id()));
        deleted.add(i.id());
    }

    /**
     * Moves the issue to another project: a new key there (the old one still finds it, as
     * in Jira), the same id, stamped now.
     */
    public synchronized SandboxIssue move(String idOrKey, String projectKey) {
        SandboxIssue i = requireIssue(idOrKey);
        SandboxProject project = project(projectKey).orElseThrow();
        SandboxIssue moved = new SandboxIssue(i.id(), projectKey + "-" + nextNumber(projectKey), project.id(), i.type(),
                i.status(), i.parentId(), i.summaryCode(), i.storyPoints(), i.createdEpochSecond(),
                Math.max(now.getEpochSecond(), i.createdEpochSecond()), i.resolvedEpochSecond(),
                i.originalEstimateSeconds(), i.dueEpochDay(), i.fixVersionId());
        put(moved);
        indexByKey.put(moved.key(), (int) (i.id() - firstIssueId));
        return moved;
    }

    private SandboxIssue put(SandboxIssue issue) {
        issues.set((int) (issue.id() - firstIssueId), issue);
        return issue;
    }

    /**
     * As Jira, never a key the project had before (a moved issue's old key still finds
     * it).
     */
    private int nextNumber(String projectKey) {
        return indexByKey.keySet()
            .stream()
            .filter(key -> key.startsWith(projectKey + "-"))
            .mapToInt(key -> Integer.parseInt(key.substring(projectKey.length() + 1)))
            .max()
            .orElse(0) + 1;
    }

    /**
     * Moves an issue to another status, keeping resolution date and updated consistent.
     */
    public synchronized SandboxIssue transition(String idOrKey, IssueStatus status) {
        SandboxIssue i = requireIssue(idOrKey);
        long stamp = Math.max(now.getEpochSecond(), i.createdEpochSecond());
        SandboxIssue moved = new SandboxIssue(i.id(), i.key(), i.projectId(), i.type(), status, i.parentId(),
                i.summaryCode(), i.storyPoints(), i.createdEpochSecond(), stamp, status.done() ? stamp : 0,
                i.originalEstimateSeconds(), i.dueEpochDay(), i.fixVersionId());
        issues.set((int) (i.id() - firstIssueId), moved);
        return moved;
    }

    // ---- links
    // -----------------------------------------------------------------------------------------------

    public synchronized List<IssueLink> links() {
        return List.copyOf(links.values());
    }

    /** Links in which the issue is source or target, oldest first. */
    public synchronized List<IssueLink> linksOf(long issueId) {
        return List.copyOf(linksByIssue.getOrDefault(issueId, List.of()));
    }

    public synchronized IssueLink addLink(LinkType type, long sourceIssueId, long targetIssueId) {
        if (issueById(sourceIssueId).isEmpty() || issueById(targetIssueId).isEmpty()) {
            throw new IllegalArgumentException("both issues must exist");
        }
        IssueLink link = new IssueLink(nextLinkId++, type, sourceIssueId, targetIssueId);
        index(link);
        return link;
    }

    public synchronized boolean removeLink(long linkId) {
        IssueLink link = links.remove(linkId);
        if (link == null)
            return false;
        linksByIssue.get(link.sourceIssueId()).remove(link);
        linksByIssue.get(link.targetIssueId()).remove(link);
        return true;
    }

    private void index(IssueLink link) {
        links.put(link.id(), link);
        linksByIssue.computeIfAbsent(link.sourceIssueId(), k -> new ArrayList<>(2)).add(link);
        linksByIssue.computeIfAbsent(link.targetIssueId(), k -> new ArrayList<>(2)).add(link);
    }

    // ---- rank
    // ------------------------------------------------------------------------------------------------

    /**
     * 0-based position of the issue in the site-wide rank order (Jira's rank is global,
     * like LexoRank).
     */
    public synchronized int rankPosition(long issueId) {
        if (rankPositionByIndex == null) {
            int[] positions = new int[issues.size()];
            for (int p = 0; p < rankOrder.size(); p++)
                positions[(int) (rankOrder.get(p) - firstIssueId)] = p;
            rankPositionByIndex = positions;
        }
        return rankPositionByIndex[(int) (issueId - firstIssueId)];
    }

    /** A LexoRank-looking value that sorts like the rank order. */
    public String rankValue(long issueId) {
        String base36 = Integer.toString(rankPosition(issueId) + 1000, 36);
        return "0|i" + "0".repeat(Math.max(0, 5 - base36.length())) + base36 + ":";
    }

    /**
     * Why Jira refuses to rank one issue: the per-issue status and error of a 207 entry.
     */
    public record RankRefusal(int status, String error) {
    }

    /**
     * From now on PUT issue/rank refuses this issue (its 207 entry carries {@code status}
     * and {@code error}) while ranking the others of the same call - as Jira does for an
     * issue the board's filter no longer shows, or when Jira Software cannot rank it at
     * the moment (the spec's example: 503). {@link #allowRank} lifts it.
     */
    public synchronized SandboxSite refuseRank(String issueIdOrKey, int status, String error) {
        rankRefusals.put(requireIssue(issueIdOrKey).id(), new RankRefusal(status, error));
        return this;
    }

    public SandboxSite refuseRank(String issueIdOrKey, String error) {
        return refuseRank(issueIdOrKey, 400, error);
    }

    public synchronized SandboxSite allowRank(String issueIdOrKey) {
        rankRefusals.remove(requireIssue(issueIdOrKey).id());
        return this;
    }

    public synchronized Optional<RankRefusal> rankRefusal(long issueId) {
        return Optional.ofNullable(rankRefusals.get(issueId));
    }

    /**
     * How many successful rank calls have moved the issue (to check that nothing is
     * ranked twice).
     */
    public synchronized int timesRanked(String issueIdOrKey) {
        return timesRanked.getOrDefault(requireIssue(issueIdOrKey).id(), 0);
    }

    /**
     * Moves the issues, in the given order, to just before (or after) the anchor issue.
     */
    public synchronized void rank(List<Long> issueIds, long anchorIssueId, boolean before) {
        if (issueIds.contains(anchorIssueId))
            throw new IllegalArgumentException("cannot rank an issue relative to itself");
        issueIds.forEach(id -> timesRanked.merge(id, 1, Integer::sum));
        rankOrder.removeAll(new LinkedHashSet<>(issueIds));
        int anchor = rankOrder.indexOf(anchorIssueId);
        if (anchor < 0)
            throw new IllegalArgumentException("no anchor issue " + anchorIssueId);
        rankOrder.addAll(before ? anchor : anchor + 1, issueIds);
        rankPositionByIndex = null;
    }

    /** The board's backlog: eligible issues of its project in rank order. */
    public synchronized List<SandboxIssue> backlog(long boardId) {
        SandboxBoard board = board(boardId).orElseThrow(() -> new IllegalArgumentException("no board " + boardId));
        List<SandboxIssue> backlog = new ArrayList<>();
        for (long id : rankOrder) {
            SandboxIssue issue = issues.get((int) (id - firstIssueId));
            if (issue.projectId() == board.projectId() && issue.backlogEligible())
                backlog.add(issue);
        }
        return backlog;
    }

    // ---- properties
    // ------------------------------------------------------------------------------------------

    /** Issue properties keyed by issue id (as a decimal string). */
    public PropertyStore issueProperties() {
        return issueProperties;
    }

    /** Project properties keyed by project id (as a decimal string). */
    public PropertyStore projectProperties() {
        return projectProperties;
    }

    /** App (add-on) properties keyed by addon key. */
    public PropertyStore appProperties() {
        return appProperties;
    }

    public void setIssueProperty(String issueIdOrKey, String propertyKey, Object value) {
        issueProperties.put(String.valueOf(requireIssue(issueIdOrKey).id()), propertyKey, value);
    }

    public Optional<Object> issueProperty(long issueId, String propertyKey) {
        return issueProperties.get(String.valueOf(issueId), propertyKey);
    }

    // ---- users and permissions
    // -------------------------------------------------------------------------------

    public synchronized List<SandboxUser> users() {
        return List.copyOf(users.values());
    }

    public synchronized SandboxUser addUser(String accountId, String displayName) {
        SandboxUser user = new SandboxUser(accountId, displayName);
        users.put(accountId, user);
        return user;
    }

    /**
     * Puts a known user into a group (created on first use); Jira's group names ignore
     * case.
     */
    public synchronized SandboxSite addToGroup(String accountId, String groupName) {
        if (!users.containsKey(accountId))
            throw new IllegalArgumentException("no user " + accountId);
        groupsByUser.computeIfAbsent(accountId, a -> new LinkedHashSet<>()).add(groupName.toLowerCase(Locale.ROOT));
        return this;
    }

    public synchronized SandboxSite removeFromGroup(String accountId, String groupName) {
        groupsByUser.getOrDefault(accountId, new LinkedHashSet<>()).remove(groupName.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * The user's group names (empty for unknown users); each group's id is
     * {@link #groupId}.
     */
    public synchronized List<String> groupsOf(String accountId) {
        return List.copyOf(groupsByUser.getOrDefault(accountId, Set.of()));
    }

    /** A stable id per group name, in Jira's UUID form. */
    public static String groupId(String groupName) {
        return UUID.nameUUIDFromBytes(groupName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public synchronized SandboxSite grant(String accountId, String projectKeyOrId, String permission) {
        permissions.grantProject(accountId, requireProject(projectKeyOrId).id(), permission);
        return this;
    }

    public synchronized SandboxSite revoke(String accountId, String projectKeyOrId, String permission) {
        permissions.revokeProject(accountId, requireProject(projectKeyOrId).id(), permission);
        return this;
    }

    public synchronized SandboxSite grantGlobal(String accountId, String permission) {
        permissions.grantGlobal(accountId, permission);
        return this;
    }

    public synchronized SandboxSite revokeGlobal(String accountId, String permission) {
        permissions.revokeGlobal(accountId, permission);
        return this;
    }

    /** Every permission everywhere, like the default "admin". */
    public synchronized SandboxSite grantEverything(String accountId) {
        permissions.grantAll(accountId);
        return this;
    }

    public synchronized SandboxSite revokeEverything(String accountId) {
        permissions.revokeAll(accountId);
        return this;
    }

    public synchronized boolean hasGlobalPermission(String accountId, String permission) {
        return permissions.hasGlobal(accountId, permission);
    }

    public synchronized boolean hasProjectPermission(String accountId, long projectId, String permission) {
        return permissions.hasProject(accountId, projectId, permission);
    }

    public static boolean isGlobalPermission(String permission) {
        return SandboxPermissions.GLOBAL.contains(permission);
    }

    public static boolean isProjectPermission(String permission) {
        return SandboxPermissions.PROJECT.contains(permission);
    }

    public static Set<String> projectPermissionNames() {
        return SandboxPermissions.PROJECT;
    }

    private SandboxProject requireProject(String keyOrId) {
        return project(keyOrId).orElseThrow(() -> new IllegalArgumentException("no project " + keyOrId));
    }

}
