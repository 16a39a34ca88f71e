package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTest extends JiraWireMockTest {

    private static final String SEARCH = "/rest/api/3/search/jql";

    private static final SearchRequest REQUEST = SearchRequest
        .of(Jql.projectIs("TL").orderedBy("rank"), List.of("summary"))
        .withPageSize(2);

    private static String issue(int n) {
        return "{'id':'" + (10000 + n) + "','key':'TL-" + n + "','fields':{'summary':'Issue " + n + "'}}";
    }

    private void stubPage(String token, String nextToken, String... issues) {
        String body = "{'issues':[" + String.join(",", issues) + "],"
                + (nextToken == null ? "'isLast':true}" : "'nextPageToken':'" + nextToken + "','isLast':false}");
        stub(post(urlPathEqualTo(SEARCH))
            .withRequestBody(token == null ? notContaining("nextPageToken")
                    : matchingJsonPath("$.nextPageToken", equalTo(token)))
            .willReturn(okJson(q(body))));
    }

    @Test
    void searchFollowsNextPageTokenAcrossThreePages() {
        stubPage(null, "p2", issue(1), issue(2));
        stubPage("p2", "p3", issue(3), issue(4));
        stubPage("p3", null, issue(5));

        List<String> keys = client.search(REQUEST).map(JiraIssue::key).toList();

        assertThat(keys).containsExactly("TL-1", "TL-2", "TL-3", "TL-4", "TL-5");
        jira.verify(exactly(3), postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void lazyStreamFetchesPage2OnlyWhenConsumedPastPage1() {
        stubPage(null, "p2", issue(1), issue(2));
        stubPage("p2", null, issue(3));

        Iterator<JiraIssue> issues = client.search(REQUEST).iterator();
        jira.verify(exactly(0), postRequestedFor(urlPathEqualTo(SEARCH)));
        issues.next();
        issues.next();
        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(issues.next().key()).isEqualTo("TL-3");
        jira.verify(exactly(2), postRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(issues.hasNext()).isFalse();
    }

    @Test
    void limitingTheStreamNeverFetchesLaterPages() {
        stubPage(null, "p2", issue(1), issue(2));

        assertThat(client.search(REQUEST).limit(2).toList()).hasSize(2);
        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void searchSendsJqlFieldsPropertiesAndPageSize() {
        stub(post(urlPathEqualTo(SEARCH))
            .withRequestBody(equalToJson(q("{'jql':'project = \\\"TL\\\"','fields':['summary','status','key'],"
                    + "'properties':['throughline.value'],'maxResults':50}")))
            .willReturn(okJson(q("{'issues':[],'isLast':true}"))));

        SearchRequest request = SearchRequest.of(Jql.projectIs("TL"), List.of("summary", "status"))
            .withProperties(List.of("throughline.value"))
            .withPageSize(50);
        assertThat(client.search(request)).isEmpty();
    }

    @Test
    void searchPageReportsTheTokenOfTheNextPage() {
        stubPage(null, "p2", issue(1), issue(2));
        stubPage("p2", null, issue(3));

        SearchPage first = client.searchPage(REQUEST, Optional.empty());
        assertThat(first.isLast()).isFalse();
        SearchPage second = client.searchPage(REQUEST, first.nextPageToken());
        assertThat(second.isLast()).isTrue();
        assertThat(second.issues()).extracting(JiraIssue::key).containsExactly("TL-3");
    }

    @Test
    void issueFieldsAndPropertiesAreReadAsTypedValues() {
        String blocks = "'type':{'id':'10000','name':'Blocks','inward':'is blocked by','outward':'blocks'}";
        stub(post(urlPathEqualTo(SEARCH)).willReturn(okJson(q("{'isLast':true,'issues':[{'id':'10001','key':'TL-1',"
                + "'fields':{'summary':'Ship it',"
                + "'status':{'name':'In Progress','statusCategory':{'key':'indeterminate','name':'In Progress'}},"
                + "'issuetype':{'name':'Sub-task','subtask':true},'parent':{'id':'10009','key':'TL-9'},"
                + "'created':'2024-03-01T10:15:30.000+0000','resolutiondate':null,'duedate':'2024-04-01',"
                + "'timeoriginalestimate':7200,'fixVersions':[{'id':'1','name':'1.0'},{'id':'2','name':'1.1'}],"
                + "'issuelinks':[{'id':'10500'," + blocks + ",'outwardIssue':{'id':'10002','key':'TL-2'}},"
                + "{'id':'10501'," + blocks + ",'inwardIssue':{'id':'10003','key':'TL-3'}}],"
                + "'customfield_10016':5.0,'customfield_10020':{'id':'1','value':'Gold'}},"
                + "'properties':{'throughline.value':{'score':3}}}]}"))));

        JiraIssue issue = client
            .search(SearchRequest.of(Jql.projectIs("TL"), List.of("*all")).withProperties(List.of("throughline.value")))
            .findFirst()
            .orElseThrow();

        IssueFields fields = issue.fields();
        assertThat(fields.summary()).contains("Ship it");
        assertThat(fields.statusName()).contains("In Progress");
        assertThat(fields.statusCategory()).contains(StatusCategory.INDETERMINATE);
        assertThat(fields.issueTypeName()).contains("Sub-task");
        assertThat(fields.isSubtask()).contains(true);
        assertThat(fields.parentKey()).contains("TL-9");
        assertThat(fields.created()).contains(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC));
        assertThat(fields.resolutionDate()).isEmpty();
        assertThat(fields.dueDate()).contains(LocalDate.of(2024, 4, 1));
        assertThat(fields.originalEstimateSeconds()).contains(7200L);
        assertThat(fields.fixVersionNames()).containsExactly("1.0", "1.1");
        assertThat(fields.issueLinks()).containsExactly(
                new IssueLinkRef("10500", "Blocks", Optional.empty(), Optional.of("TL-2")),
                new IssueLinkRef("10501", "Blocks", Optional.of("TL-3"), Optional.empty()));
        assertThat(fields.number("customfield_10016")).contains(5.0);
        assertThat(fields.string("customfield_10020")).contains("Gold");
        assertThat(fields.number("customfield_99999")).isEmpty();
        assertThat(issue.property("throughline.value")).contains(PropertyValue.ofJson("{\"score\": 3}"));
    }

    @Test
    void approximateCountPostsTheJqlAndReadsTheCount() {
        stub(post(urlPathEqualTo("/rest/api/3/search/approximate-count"))
            .withRequestBody(equalToJson(q("{'jql':'project = \\\"TL\\\"'}")))
            .willReturn(okJson(q("{'count':1234}"))));

        assertThat(client.approximateCount(Jql.projectIs("TL"))).isEqualTo(1234L);
    }

    @Test
    void unboundedJqlIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> SearchRequest.of(Jql.refinement("ORDER BY created DESC"), List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ORDER BY");
        assertThatThrownBy(() -> client.approximateCount(Jql.refinement("  ")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchRequest.of(null, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void searchRequestTakesAtMostFiveProperties() {
        assertThatThrownBy(() -> SearchRequest.of(Jql.projectIs("TL"), List.of())
            .withProperties(List.of("a", "b", "c", "d", "e", "f"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at most 5");
    }

    @Test
    void searchRequestAlwaysAsksForTheKey() {
        assertThat(SearchRequest.of(Jql.projectIs("TL"), List.of()).fields()).containsExactly("key");
    }

    @Test
    void searchRequestRefusesPageSizesJiraRejects() {
        assertThatThrownBy(() -> SearchRequest.of(Jql.projectIs("TL"), List.of()).withPageSize(0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchRequest.of(Jql.projectIs("TL"), List.of()).withPageSize(5001))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
