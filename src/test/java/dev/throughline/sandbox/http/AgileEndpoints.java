package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxBoard;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.SandboxSprint;
import dev.throughline.sandbox.jql.JqlMatcher;
import dev.throughline.sandbox.jql.JqlParser;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Jira Software: boards, their sprints, board configuration, backlog in rank order and
 * PUT issue/rank.
 */
final class AgileEndpoints {

    static final int MAX_RANK_ISSUES = 50;

    /** Jira Software writes sprint dates as 2015-04-11T15:22:00.000+10:00. */
    private static final DateTimeFormatter AGILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
        .withZone(ZoneOffset.UTC);

    private final SandboxSite site;

    AgileEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/agile/1.0/board", this::boards);
        routes.add("GET", "/rest/agile/1.0/board/{boardId}/configuration", this::configuration);
        routes.add("GET", "/rest/agile/1.0/board/{boardId}/sprint", this::sprints);
        routes.add("GET", "/rest/agile/1.0/board/{boardId}/backlog", this::backlog);
        routes.add("PUT", "/rest/agile/1.0/issue/rank", this::rank);
    }

    private SandboxResponse boards(SandboxRequest r) {
        Optional<String> projectFilter = r.queryParameter("projectKeyOrId");
        Optional<String> typeFilter = r.queryParameter("type");
        Optional<Long> projectId = projectFilter.map(k -> site.project(k).map(SandboxProject::id).orElse(-1L));
        List<SandboxBoard> boards = site.boards()
            .stream()
            .filter(b -> projectId.isEmpty() || projectId.get() == b.projectId())
            .filter(b -> typeFilter.isEmpty() || typeFilter.get().equals("scrum"))
            .toList();
        return page(r, boards, (board, node) -> {
            SandboxProject project = site.projectById(board.projectId());
            node.put("id", board.id())
                .put("self", r.baseUrl() + "/rest/agile/1.0/board/" + board.id())
                .put("name", board.name())
                .put("type", "scrum");
            node.putObject("location")
                .put("projectId", project.id())
                .put("displayName", project.name() + " (" + project.key() + ")")
                .put("projectName", project.name())
                .put("projectKey", project.key())
                .put("projectTypeKey", "software")
                .put("name", project.name() + " (" + project.key() + ")");
        });
    }

    /**
     * One page of {@code all} as Jira Software pages its lists: startAt, maxResults (at
     * most 50), total and isLast, each value written by {@code write}.
     */
    private static <T> SandboxResponse page(SandboxRequest r, List<T> all, BiConsumer<T, ObjectNode> write) {
        int startAt = Math.max(0, r.intParameter("startAt", 0));
        int maxResults = Math.max(1, Math.min(50, r.intParameter("maxResults", 50)));
        int end = Math.min(all.size(), startAt + maxResults);
        ObjectNode body = JiraJson.object()
            .put("maxResults", maxResults)
            .put("startAt", startAt)
            .put("total", all.size())
            .put("isLast", end >= all.size());
        ArrayNode values = body.putArray("values");
        for (T item : all.subList(Math.min(startAt, end), end)) {
            write.accept(item, values.addObject());
        }
        return JiraJson.ok(body);
    }

    /**
     * startAt/maxResults/isLast paging; "state" a comma-separated list of closed, active,
     * future (all when absent); dates in Jira's agile format with a colon in the offset.
     */
    private SandboxResponse sprints(SandboxRequest r) {
        Optional<SandboxBoard> board = boardRef(r);
        if (board.isEmpty())
            return boardNotFound(r);
        List<String> states = r.queryParameter("state").map(s -> List.of(s.split(","))).orElse(List.of());
        List<SandboxSprint> sprints = site.sprints(board.get().id())
            .stream()
            .filter(s -> states.isEmpty() || states.contains(s.state()))
            .toList();
        return page(r, sprints, (sprint, node) -> {
            node.put("id", sprint.id())
                .put("self", r.baseUrl() + "/rest/agile/1.0/sprint/" + sprint.id())
                .put("state", sprint.state())
                .put("name", sprint.name());
            sprint.start().ifPresent(t -> node.put("startDate", AGILE_TIME.format(t)));
            sprint.end().ifPresent(t -> node.put("endDate", AGILE_TIME.format(t)));
            node.put("originBoardId", sprint.boardId());
        });
    }

    private SandboxResponse configuration(SandboxRequest r) {
        Optional<SandboxBoard> board = boardRef(r);
        if (board.isEmpty())
            return boardNotFound(r);
        SandboxProject project = site.projectById(board.get().projectId());
        String self = r.baseUrl() + "/rest/agile/1.0/board/" + board.get().id();
        ObjectNode body = JiraJson.object()
            .put("id", board.get().id())
            .put("name", board.get().name())
            .put("type", "scrum")
            .put("self", self + "/configuration");
        body.putObject("location").put("type", "project").put("projectKeyOrId", project.key());
        body.putObject("filter")
            .put("id", String.valueOf(board.get().filterId()))
            .put("self", r.baseUrl() + "/rest/api/3/filter/" + board.get().filterId());
        body.putObject("subQuery").put("query", "fixVersion in unreleasedVersions() OR fixVersion is EMPTY");
        ObjectNode columnConfig = body.putObject("columnConfig");
        ArrayNode columns = columnConfig.putArray("columns");
        for (IssueStatus status : IssueStatus.values()) {
            ObjectNode column = columns.addObject().put("name", status.displayName());
            column.putArray("statuses")
                .addObject()
                .put("id", status.id())
                .put("self", r.baseUrl() + "/rest/api/3/status/" + status.id());
        }
        columnConfig.put("constraintType", "issueCount");
        ObjectNode estimation = body.putObject("estimation").put("type", "field");
        estimation.putObject("field")
            .put("fieldId", site.storyPointsFieldId())
            .put("displayName", "Story point estimate");
        body.putObject("ranking")
            .put("rankCustomFieldId", Long.parseLong(site.rankFieldId().substring("customfield_".length())));
        return JiraJson.ok(body);
    }

    /**
     * startAt/maxResults/total paging; optional "jql" narrows the backlog; "fields"
     * defaults to all.
     */
    private SandboxResponse backlog(SandboxRequest r) {
        Optional<SandboxBoard> board = boardRef(r);
        if (board.isEmpty())
            return boardNotFound(r);
        int startAt = Math.max(0, r.intParameter("startAt", 0));
        int maxResults = Math.max(1, Math.min(1000, r.intParameter("maxResults", 50)));
        Predicate<SandboxIssue> filter = r.queryParameter("jql")
            .filter(j -> !j.isBlank())
            .map(j -> JqlMatcher.filter(site, JqlParser.parse(j)))
            .orElse(i -> true);
        List<SandboxIssue> backlog = site.backlog(board.get().id()).stream().filter(filter).toList();
        FieldSelection selection = FieldSelection.of(r.queryList("fields"), List.of("*navigable"));
        IssueRenderer renderer = new IssueRenderer(site, r.baseUrl());
        int end = Math.min(backlog.size(), startAt + maxResults);
        ObjectNode body = JiraJson.object()
            .put("expand", "schema,names")
            .put("startAt", startAt)
            .put("maxResults", maxResults)
            .put("total", backlog.size());
        ArrayNode issues = body.putArray("issues");
        for (SandboxIssue issue : backlog.subList(Math.min(startAt, end), end)) {
            issues.add(renderer.issue(issue, selection, null).put("expand", ""));
        }
        return JiraJson.ok(body);
    }

    /**
     * Ranks the valid issues and reports the rest: 204 when all were ranked, 207 with one
     * entry per issue otherwise. Unknown issues get 404, epics and sub-tasks 400 (they
     * are not on the backlog), issues made unrankable with {@link SandboxSite#refuseRank}
     * the status and error given there.
     */
    private SandboxResponse rank(SandboxRequest r) {
        ObjectNode body = JiraJson.parseObject(r.body());
        JsonNode issues = body.get("issues");
        if (issues == null || !issues.isArray() || issues.isEmpty())
            throw new SandboxRequest.BadRequest("At least one issue must be given.");
        if (issues.size() > MAX_RANK_ISSUES) {
            throw new SandboxRequest.BadRequest("Only " + MAX_RANK_ISSUES + " issues can be ranked at once.");
        }
        boolean before = body.hasNonNull("rankBeforeIssue");
        if (before == body.hasNonNull("rankAfterIssue")) {
            throw new SandboxRequest.BadRequest("Exactly one of rankBeforeIssue and rankAfterIssue must be given.");
        }
        String anchorRef = body.get(before ? "rankBeforeIssue" : "rankAfterIssue").asText();
        SandboxIssue anchor = site.issue(anchorRef)
            .orElseThrow(() -> new SandboxRequest.BadRequest("Issue '" + anchorRef + "' does not exist."));

        List<Long> toRank = new ArrayList<>();
        ArrayNode entries = JiraJson.array();
        boolean allRanked = true;
        for (JsonNode ref : issues) {
            Optional<SandboxIssue> issue = site.issue(ref.asText());
            ObjectNode entry = entries.addObject();
            issue.ifPresent(i -> entry.put("issueId", i.id()).put("issueKey", i.key()));
            Optional<SandboxSite.RankRefusal> refusal = issue.flatMap(i -> site.rankRefusal(i.id()));
            String error = issue.isEmpty() ? "Issue does not exist or you do not have permission to see it."
                    : issue.get().type() == IssueType.EPIC ? "Epics cannot be ranked on the backlog."
                            : issue.get().type().subtask() ? "Sub-tasks are ranked with their parent."
                                    : issue.get().id() == anchor.id() ? "An issue cannot be ranked relative to itself."
                                            : refusal.map(SandboxSite.RankRefusal::error).orElse(null);
            if (error == null) {
                entry.put("status", 200);
                if (!toRank.contains(issue.get().id()))
                    toRank.add(issue.get().id());
            }
            else {
                allRanked = false;
                if (issue.isEmpty())
                    entry.put("issueKey", ref.asText());
                entry.put("status", issue.isEmpty() ? 404 : refusal.map(SandboxSite.RankRefusal::status).orElse(400));
                entry.putArray("errors").add(error);
            }
        }
        if (!toRank.isEmpty())
            site.rank(toRank, anchor.id(), before);
        if (allRanked)
            return SandboxResponse.empty(204);
        ObjectNode partial = JiraJson.object();
        partial.set("entries", entries);
        return JiraJson.respond(207, partial);
    }

    private Optional<SandboxBoard> boardRef(SandboxRequest r) {
        try {
            return site.board(Long.parseLong(r.pathVariable("boardId")));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SandboxResponse boardNotFound(SandboxRequest r) {
        return JiraJson.errors(404, "Board does not exist or you do not have permission to see it.");
    }

}
