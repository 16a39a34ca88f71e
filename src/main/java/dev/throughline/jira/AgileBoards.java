package dev.throughline.jira;

import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Jira Software's agile API: boards, their sprints, configuration and backlog, and rank.
 */
final class AgileBoards {

    private static final String BOARDS = "/rest/agile/1.0/board";

    private static final String BOARD_CONFIGURATION = "/rest/agile/1.0/board/{boardId}/configuration";

    private static final String SPRINTS = "/rest/agile/1.0/board/{boardId}/sprint";

    private static final String BACKLOG = "/rest/agile/1.0/board/{boardId}/backlog";

    private static final String RANK = "/rest/agile/1.0/issue/rank";

    private static final int BOARD_PAGE_SIZE = 50;

    private final JiraHttp http;

    AgileBoards(JiraHttp http) {
        this.http = http;
    }

    Stream<Board> boards(Optional<String> projectKeyOrId) {
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

    /**
     * The board's active and future sprints, in Jira's order (active first, then the
     * backlog's).
     */
    Stream<Sprint> openSprints(long boardId) {
        Checks.positive("board id", boardId);
        String template = SPRINTS + "?startAt={startAt}&maxResults={maxResults}&state={state}";
        return LazyPages.<Integer, Sprint>stream(cursor -> {
            int startAt = cursor.orElse(0);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("boardId", boardId);
            vars.put("startAt", startAt);
            vars.put("maxResults", BOARD_PAGE_SIZE);
            vars.put("state", "active,future");
            return JiraReaders.startAtPage(http.get(template, vars), "values", startAt, JiraReaders::sprint);
        });
    }

    BoardConfiguration configuration(long boardId) {
        Checks.positive("board id", boardId);
        return JiraReaders.boardConfiguration(boardId, http.get(BOARD_CONFIGURATION, Map.of("boardId", boardId)));
    }

    Stream<JiraIssue> backlog(BacklogRequest request) {
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

    /**
     * Jira answers 204 when every issue moved and 207 with an entry per issue when some
     * did not.
     */
    RankResult rank(RankRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issues", request.issueKeys());
        body.put(request.position() == RankRequest.Position.BEFORE ? "rankBeforeIssue" : "rankAfterIssue",
                request.anchorIssueKey());
        JiraHttp.Answer answer = http.send(HttpMethod.PUT, RANK, body, Map.of());
        if (answer.status() == 207) {
            return new RankResult(JiraReaders.list(answer.body().path("entries"), JiraReaders::rankEntry));
        }
        return new RankResult(request.issueKeys()
            .stream()
            .map(key -> new RankOutcome(key, Optional.empty(), true, List.of()))
            .toList());
    }

}
