package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardsTest extends JiraWireMockTest {

    static final String BOARD = "{'id':7,'name':'TL board','type':'scrum','location':{'projectId':10000,'projectKey':'TL'}}";
    static final String CONFIGURATION = "{'id':7,'name':'TL board','type':'scrum',"
            + "'estimation':{'type':'field','field':{'fieldId':'customfield_10016','displayName':'Story point estimate'}},"
            + "'ranking':{'rankCustomFieldId':10019}}";

    private static final String BOARDS = "/rest/agile/1.0/board";

    private static final String BACKLOG = "/rest/agile/1.0/board/7/backlog";

    private static final String RANK = "/rest/agile/1.0/issue/rank";

    private static String board(int id) {
        return "{'id':" + id + ",'name':'Board " + id + "','type':'kanban'}";
    }

    @Test
    void boardsFollowStartAtAcrossPagesUntilIsLast() {
        stub(get(urlPathEqualTo(BOARDS)).withQueryParam("startAt", equalTo("0"))
            .willReturn(okJson(
                    q("{'startAt':0,'maxResults':2,'isLast':false,'values':[" + board(1) + "," + board(2) + "]}"))));
        stub(get(urlPathEqualTo(BOARDS)).withQueryParam("startAt", equalTo("2"))
            .willReturn(okJson(
                    q("{'startAt':2,'maxResults':2,'isLast':false,'values':[" + board(3) + "," + board(4) + "]}"))));
        stub(get(urlPathEqualTo(BOARDS)).withQueryParam("startAt", equalTo("4"))
            .willReturn(okJson(q("{'startAt':4,'maxResults':2,'isLast':true,'values':[" + board(5) + "]}"))));

        assertThat(client.boards(Optional.empty()).map(Board::id)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void boardsCanBeFilteredByProject() {
        stub(get(urlPathEqualTo(BOARDS)).withQueryParam("projectKeyOrId", equalTo("TL"))
            .willReturn(okJson(q("{'startAt':0,'maxResults':50,'isLast':true,'values':[" + BOARD + "]}"))));

        assertThat(client.boards(Optional.of("TL")).toList())
            .containsExactly(new Board(7, "TL board", "scrum", Optional.of(10000L), Optional.of("TL")));
    }

    @Test
    void openSprintsAskActiveAndFutureAndReadDatesWithEitherOffsetForm() {
        stub(get(urlPathEqualTo("/rest/agile/1.0/board/7/sprint")).withQueryParam("state", equalTo("active,future"))
            .willReturn(okJson(q("{'startAt':0,'maxResults':50,'isLast':true,'values':["
                    + "{'id':37,'state':'active','name':'TL 1','startDate':'2027-01-04T09:00:00.000+10:00',"
                    + "'endDate':'2027-01-18T09:00:00.000+0000'},{'id':38,'state':'future','name':'TL 2'}]}"))));

        assertThat(client.openSprints(7).toList()).containsExactly(
                new Sprint(37, "TL 1", "active", Optional.of(Instant.parse("2027-01-03T23:00:00Z")),
                        Optional.of(Instant.parse("2027-01-18T09:00:00Z"))),
                new Sprint(38, "TL 2", "future", Optional.empty(), Optional.empty()));
    }

    @Test
    void boardConfigurationGivesEstimationAndRankFields() {
        stub(get(urlPathEqualTo("/rest/agile/1.0/board/7/configuration")).willReturn(okJson(q(CONFIGURATION))));

        assertThat(client.boardConfiguration(7))
            .isEqualTo(new BoardConfiguration(7, "TL board", Optional.of("customfield_10016"), Optional.of(10019L)));
    }

    @Test
    void boardConfigurationGivesTheBoardsFilter() {
        stub(get(urlPathEqualTo("/rest/agile/1.0/board/7/configuration")).willReturn(okJson(q(
                "{'id':7,'name':'TL board','type':'scrum','filter':{'id':'10012','self':'https://x/rest/api/3/filter/10012'},"
                        + "'ranking':{'rankCustomFieldId':10019}}"))));

        assertThat(client.boardConfiguration(7).filterId()).contains(10012L);
    }

    @Test
    void backlogPagesByStartAtUntilTotalAndSendsJqlEncoded() {
        String jql = "labels = \"a&b\" AND summary ~ \"x+y\"";
        stub(get(urlPathEqualTo(BACKLOG)).withQueryParam("startAt", equalTo("0"))
            .withQueryParam("jql", equalTo("(" + jql + ")"))
            .withQueryParam("fields", equalTo("summary,key"))
            .willReturn(okJson(q("{'startAt':0,'maxResults':2,'total':3,'issues':[" + Verbs.ISSUE_JSON
                    + ",{'id':'10002','key':'TL-2','fields':{}}]}"))));
        stub(get(urlPathEqualTo(BACKLOG)).withQueryParam("startAt", equalTo("2"))
            .withQueryParam("jql", equalTo("(" + jql + ")"))
            .willReturn(okJson(q("{'startAt':2,'maxResults':2,'total':3,'issues':[{'id':'10003','key':'TL-3'}]}"))));

        List<String> keys = client
            .backlog(new BacklogRequest(7, Optional.of(Jql.refinement(jql)), List.of("summary"), 2))
            .map(JiraIssue::key)
            .toList();

        assertThat(keys).containsExactly("TL-1", "TL-2", "TL-3");
        jira.verify(exactly(2), getRequestedFor(urlPathEqualTo(BACKLOG)));
    }

    @Test
    void backlogFetchesTheSecondPageOnlyWhenNeeded() {
        stub(get(urlPathEqualTo(BACKLOG)).withQueryParam("startAt", equalTo("0"))
            .willReturn(okJson(q("{'startAt':0,'maxResults':1,'total':2,'issues':[" + Verbs.ISSUE_JSON + "]}"))));

        assertThat(client.backlog(new BacklogRequest(7, Optional.empty(), List.of(), 1)).findFirst()).isPresent();
        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(BACKLOG)));
    }

    @Test
    void rankAnswered204ReportsEveryIssueRanked() {
        stub(put(urlPathEqualTo(RANK))
            .withRequestBody(equalToJson(q("{'issues':['TL-2','TL-3'],'rankAfterIssue':'TL-1'}")))
            .willReturn(aResponse().withStatus(204)));

        RankResult result = client.rank(RankRequest.after("TL-1", List.of("TL-2", "TL-3")));

        assertThat(result.allRanked()).isTrue();
        assertThat(result.outcomes()).extracting(RankOutcome::issueKey).containsExactly("TL-2", "TL-3");
    }

    @Test
    void rankAnswered207ReportsEachIssueWithoutThrowing() {
        stub(put(urlPathEqualTo(RANK))
            .withRequestBody(equalToJson(q("{'issues':['TL-2','TL-3'],'rankBeforeIssue':'TL-1'}")))
            .willReturn(json(207, q("{'entries':[{'issueId':10002,'issueKey':'TL-2','status':200},"
                    + "{'issueId':10003,'issueKey':'TL-3','status':403,'errors':['You cannot rank this issue.']}]}"))));

        RankResult result = client.rank(RankRequest.before("TL-1", List.of("TL-2", "TL-3")));

        assertThat(result.allRanked()).isFalse();
        assertThat(result.outcomes()).containsExactly(new RankOutcome("TL-2", Optional.of("10002"), true, List.of()),
                new RankOutcome("TL-3", Optional.of("10003"), false, List.of("You cannot rank this issue.")));
        assertThat(result.failures()).extracting(RankOutcome::issueKey).containsExactly("TL-3");
    }

    @Test
    void rankRequestTakesOneToFiftyDistinctIssuesOtherThanTheAnchor() {
        List<String> fiftyOne = IntStream.rangeClosed(2, 52).mapToObj(i -> "TL-" + i).toList();
        assertThatThrownBy(() -> RankRequest.before("TL-1", fiftyOne)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankRequest.before("TL-1", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankRequest.before("TL-1", List.of("TL-1")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankRequest.before("TL-1", List.of("TL-2", "TL-2")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankRequest.before("TL-1", List.of("not a key")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(RankRequest.before("TL-1", fiftyOne.subList(0, 50)).issueKeys()).hasSize(50);
    }

}
