package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgileEndpointTest extends DemoSandboxTest {

    @Test
    void listsOneScrumBoardPerProjectAndFiltersByProject() {
        JsonNode all = http.get("/rest/agile/1.0/board").json();
        assertThat(all.get("values")).hasSize(3);
        assertThat(all.get("isLast").asBoolean()).isTrue();
        JsonNode mob = http.get("/rest/agile/1.0/board?projectKeyOrId=MOB").json().get("values");
        assertThat(mob).hasSize(1);
        assertThat(mob.get(0).get("type").asText()).isEqualTo("scrum");
        assertThat(mob.get(0).get("location").get("projectKey").asText()).isEqualTo("MOB");
        JsonNode page = http.get("/rest/agile/1.0/board?startAt=1&maxResults=1").json();
        assertThat(page.get("values")).hasSize(1);
        assertThat(page.get("isLast").asBoolean()).isFalse();
    }

    @Test
    void sprintsOfABoardAreTwoWeekSprintsFilteredByStateTheLastFutureOneUndated() {
        JsonNode all = http.get("/rest/agile/1.0/board/1/sprint").json().get("values");
        assertThat(all.findValuesAsText("state")).containsExactly("closed", "active", "future", "future", "future",
                "future", "future");
        JsonNode open = http.get("/rest/agile/1.0/board/1/sprint?state=active,future&maxResults=2").json();
        assertThat(open.get("values").findValuesAsText("name")).containsExactly("WEB Sprint 2", "WEB Sprint 3");
        assertThat(open.get("isLast").asBoolean()).isFalse();
        // the active sprint started on the site's Monday at 09:00 and lasts two weeks
        assertThat(open.get("values").get(0).get("startDate").asText()).isEqualTo("2026-11-23T09:00:00.000+00:00");
        assertThat(open.get("values").get(0).get("endDate").asText()).isEqualTo("2026-12-07T09:00:00.000+00:00");
        assertThat(all.get(6).has("startDate")).isFalse();
        assertThat(http.get("/rest/agile/1.0/board/99/sprint").status()).isEqualTo(404);
    }

    @Test
    void configurationNamesTheStoryPointFieldAndTheRankField() {
        JsonNode config = http.get("/rest/agile/1.0/board/1/configuration").json();
        assertThat(config.get("estimation").get("field").get("fieldId").asText()).isEqualTo("customfield_10028");
        assertThat(config.get("ranking").get("rankCustomFieldId").asLong()).isEqualTo(10019);
        assertThat(config.get("location").get("projectKeyOrId").asText()).isEqualTo("WEB");
        assertThat(http.get("/rest/agile/1.0/board/99/configuration").status()).isEqualTo(404);
    }

    @Test
    void backlogHoldsOpenStandardIssuesInRankOrder() {
        JsonNode backlog = http
            .get("/rest/agile/1.0/board/1/backlog?maxResults=1000&fields=status,issuetype,"
                    + sandbox.site().rankFieldId())
            .json();
        List<String> keys = keys(backlog);
        assertThat(keys).isNotEmpty();
        assertThat(backlog.get("total").asInt()).isEqualTo(keys.size());
        assertThat(keys).containsExactlyElementsOf(sandbox.site().backlog(1).stream().map(SandboxIssue::key).toList());
        List<String> ranks = new ArrayList<>();
        for (JsonNode issue : backlog.get("issues")) {
            assertThat(issue.get("fields").get("status").get("statusCategory").get("key").asText())
                .isNotEqualTo("done");
            assertThat(issue.get("fields").get("issuetype").get("hierarchyLevel").asInt()).isZero();
            ranks.add(issue.get("fields").get("customfield_10019").asText());
        }
        List<String> sorted = new ArrayList<>(ranks);
        Collections.sort(sorted);
        assertThat(ranks).isEqualTo(sorted);
    }

    @Test
    void rankMovesIssuesBeforeTheAnchorInTheGivenOrder() {
        List<String> before = keys(http.get("/rest/agile/1.0/board/1/backlog?maxResults=1000&fields=summary").json());
        String first = before.get(0);
        String x = before.get(10);
        String y = before.get(20);
        SandboxHttp.Reply reply = http.put("/rest/agile/1.0/issue/rank",
                Map.of("issues", List.of(y, x), "rankBeforeIssue", first));
        assertThat(reply.status()).isEqualTo(204);
        List<String> after = keys(http.get("/rest/agile/1.0/board/1/backlog?maxResults=1000&fields=summary").json());
        assertThat(after.subList(0, 3)).containsExactly(y, x, first);

        String last = after.get(after.size() - 1);
        assertThat(http.put("/rest/agile/1.0/issue/rank", Map.of("issues", List.of(first), "rankAfterIssue", last))
            .status()).isEqualTo(204);
        List<String> moved = keys(http.get("/rest/agile/1.0/board/1/backlog?maxResults=1000&fields=summary").json());
        assertThat(moved.get(moved.size() - 1)).isEqualTo(first);
        assertThat(http.post("/rest/api/3/search/jql",
                Map.of("jql",
                        "project = WEB AND statusCategory != done AND issuetype in (Story, Task, Bug) ORDER BY Rank",
                        "fields", List.of("key"), "maxResults", 1000))
            .json()
            .get("issues")
            .get(0)
            .get("key")
            .asText()).isEqualTo(y);
    }

    @Test
    void rankReports207ForUnknownIssuesAndEpicsWhileRankingTheRest() {
        List<String> backlog = keys(http.get("/rest/agile/1.0/board/1/backlog?maxResults=1000&fields=summary").json());
        String epic = sandbox.site()
            .issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC)
            .findFirst()
            .orElseThrow()
            .key();
        String good = backlog.get(5);
        SandboxHttp.Reply reply = http.put("/rest/agile/1.0/issue/rank",
                Map.of("issues", List.of(good, "WEB-99999", epic), "rankBeforeIssue", backlog.get(0)));
        assertThat(reply.status()).isEqualTo(207);
        JsonNode entries = reply.json().get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(entries.get(0).get("issueKey").asText()).isEqualTo(good);
        assertThat(entries.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(entries.get(1).get("errors")).hasSize(1);
        assertThat(entries.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(entries.get(2).get("issueId").asLong()).isEqualTo(sandbox.site().requireIssue(epic).id());
        assertThat(keys(http.get("/rest/agile/1.0/board/1/backlog?maxResults=1&fields=summary").json()))
            .containsExactly(good);
    }

    @Test
    void rankRejectsMoreThanFiftyIssuesAndMissingAnchors() {
        List<String> many = sandbox.site().backlog(1).stream().limit(51).map(SandboxIssue::key).toList();
        assertThat(many).hasSize(51);
        assertThat(http.put("/rest/agile/1.0/issue/rank", Map.of("issues", many, "rankBeforeIssue", "MOB-1")).status())
            .isEqualTo(400);
        assertThat(http.put("/rest/agile/1.0/issue/rank", Map.of("issues", List.of("WEB-1"))).status()).isEqualTo(400);
        assertThat(http
            .put("/rest/agile/1.0/issue/rank", Map.of("issues", List.of("WEB-1"), "rankBeforeIssue", "WEB-99999"))
            .status()).isEqualTo(400);
    }

    private static List<String> keys(JsonNode backlog) {
        List<String> keys = new ArrayList<>();
        backlog.get("issues").forEach(i -> keys.add(i.get("key").asText()));
        return keys;
    }

}
