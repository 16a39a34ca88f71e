package dev.throughline.jira;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PropertiesTest extends JiraWireMockTest {

    private static final String MULTI = "/rest/api/3/issue/properties/multi";

    private static final String TASK = "/rest/api/3/task/1001";

    @Test
    void putSendsTheValueItselfAsTheBody() {
        stub(put(urlPathEqualTo(Verbs.ISSUE_PROPERTY)).willReturn(okJson("{}")));

        client.putProperty(PropertyTarget.issue("TL-1"), "throughline.value",
                PropertyValue.ofMap(Map.of("score", 3, "tags", List.of("a"))));

        jira.verify(putRequestedFor(urlPathEqualTo(Verbs.ISSUE_PROPERTY))
            .withRequestBody(equalToJson(q("{'score':3,'tags':['a']}"))));
    }

    @Test
    void issuesCanBeAddressedByNumericId() {
        stub(get(urlPathEqualTo("/rest/api/3/issue/10001/properties/throughline.value"))
            .willReturn(okJson(q("{'key':'throughline.value','value':[1,2]}"))));

        assertThat(client.getProperty(PropertyTarget.issue("10001"), "throughline.value"))
            .contains(PropertyValue.ofJson("[1, 2]"));
    }

    @Test
    void appPropertiesLiveUnderTheAddonKey() {
        stub(get(urlPathEqualTo(Verbs.APP_PROPERTY))
            .willReturn(okJson(q("{'key':'site.settings','value':{'theme':'dark'}}"))));

        Optional<PropertyValue> value = client.getProperty(PropertyTarget.app(), "site.settings");

        assertThat(value.orElseThrow().asMap()).containsEntry("theme", "dark");
    }

    @Test
    void propertyKeysAreEncodedInThePath() {
        stub(get(urlPathEqualTo("/rest/api/3/project/TL/properties/odd%20key%2Fwith%20slash"))
            .willReturn(okJson(q("{'key':'odd key/with slash','value':true}"))));

        assertThat(client.getProperty(PropertyTarget.project("TL"), "odd key/with slash"))
            .contains(PropertyValue.ofJson("true"));
    }

    @Test
    void bulkPropertyTaskIsFollowedToComplete() {
        stub(post(urlPathEqualTo(MULTI))
            .withRequestBody(
                    equalToJson(q("{'issues':[{'issueID':10001,'properties':{'throughline.value':{'score':3}}},"
                            + "{'issueID':10002,'properties':{'throughline.value':{'score':5}}}]}")))
            .willReturn(aResponse().withStatus(303).withHeader("Location", "https://example.atlassian.net" + TASK)));
        stubTask("RUNNING", "RUNNING", "COMPLETE");

        BulkPropertyResult result = client.putIssuePropertiesInBulk(List.of(
                new IssuePropertyUpdate(10001, Map.of("throughline.value", PropertyValue.ofJson("{\"score\":3}"))),
                new IssuePropertyUpdate(10002, Map.of("throughline.value", PropertyValue.ofJson("{\"score\":5}")))));

        assertThat(result.taskId()).isEqualTo("1001");
        assertThat(result.message()).contains("done");
        jira.verify(exactly(3), getRequestedFor(urlPathEqualTo(TASK)));
        assertThat(sleeper.waits()).containsExactly(settings.taskPollInterval(), settings.taskPollInterval());
    }

    @Test
    void bulkPropertyTaskThatFailsThrowsWithJirasMessage() {
        stub(post(urlPathEqualTo(MULTI)).willReturn(aResponse().withStatus(303).withHeader("Location", TASK)));
        stubTask("ENQUEUED", "FAILED");

        JiraTaskFailedException e = catchThrowableOfType(
                () -> client.putIssuePropertiesInBulk(
                        List.of(new IssuePropertyUpdate(10001, Map.of("k", PropertyValue.ofJson("1"))))),
                JiraTaskFailedException.class);

        assertThat(e.taskId()).isEqualTo("1001");
        assertThat(e.taskStatus()).isEqualTo("FAILED");
        assertThat(e).hasMessageContaining("FAILED: ended FAILED");
    }

    @Test
    void bulkPropertyTaskThatNeverEndsStopsAtTheTaskTimeout() {
        stub(post(urlPathEqualTo(MULTI)).willReturn(aResponse().withStatus(303).withHeader("Location", TASK)));
        stub(get(urlPathEqualTo(TASK)).willReturn(okJson(task("RUNNING"))));

        JiraTaskFailedException e = catchThrowableOfType(
                () -> client.putIssuePropertiesInBulk(
                        List.of(new IssuePropertyUpdate(10001, Map.of("k", PropertyValue.ofJson("1"))))),
                JiraTaskFailedException.class);

        assertThat(e.taskStatus()).isEqualTo("TIMED_OUT");
        Duration waited = sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isEqualTo(settings.taskTimeout());
    }

    @Test
    void bulkPropertyTaskStillRunningAtTheRequestDeadlineSaysTheWritesMayHaveBeenApplied() {
        stub(post(urlPathEqualTo(MULTI)).willReturn(aResponse().withStatus(303).withHeader("Location", TASK)));
        stub(get(urlPathEqualTo(TASK)).willReturn(okJson(task("RUNNING")).withFixedDelay(SLOWER_THAN_READ_TIMEOUT)));

        JiraDeadlineException e;
        try (RequestDeadline ignored = RequestDeadline.start(Duration.ofMillis(300))) {
            e = catchThrowableOfType(
                    () -> client.putIssuePropertiesInBulk(
                            List.of(new IssuePropertyUpdate(10001, Map.of("k", PropertyValue.ofJson("1"))))),
                    JiraDeadlineException.class);
        }

        assertThat(e).as("the poll Jira did not answer ends at the deadline").isNotNull();
        assertThat(e.mayHaveWritten()).isTrue();
    }

    @Test
    void bulkPropertyTaskWhoseProgressCannotBeReadIsReportedAsAcceptedWithAnUnknownOutcome() {
        stub(post(urlPathEqualTo(MULTI)).willReturn(aResponse().withStatus(303).withHeader("Location", TASK)));
        stub(get(urlPathEqualTo(TASK)).willReturn(aResponse().withStatus(503)));

        JiraTaskFailedException e = catchThrowableOfType(
                () -> client.putIssuePropertiesInBulk(
                        List.of(new IssuePropertyUpdate(10001, Map.of("k", PropertyValue.ofJson("1"))))),
                JiraTaskFailedException.class);

        assertThat(e.taskId()).isEqualTo("1001");
        assertThat(e.taskStatus()).isEqualTo("UNFOLLOWED");
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e).hasMessageContaining("accepted task 1001 but its outcome is unknown");
        assertThat(e.getCause()).isInstanceOf(JiraUnavailableException.class);
    }

    @Test
    void bulkUpdateNeedsAtLeastOneIssueAndOneProperty() {
        assertThatThrownBy(() -> client.putIssuePropertiesInBulk(List.of()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuePropertyUpdate(10001, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuePropertyUpdate(0, Map.of("k", PropertyValue.ofJson("1"))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private void stubTask(String... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i + 1 < statuses.length ? "poll-" + (i + 1) : state;
            stub(get(urlPathEqualTo(TASK)).inScenario("task")
                .whenScenarioStateIs(state)
                .willReturn(okJson(task(statuses[i])))
                .willSetStateTo(next));
            state = next;
        }
    }

    private static String task(String status) {
        String message = status.equals("FAILED") ? "ended FAILED" : "done";
        return q("{'self':'https://example.atlassian.net/rest/api/3/task/1001','id':'1001','status':'" + status + "',"
                + "'message':'" + message + "','progress':50,'elapsedRuntime':120,'submitted':1700000000000,"
                + "'submittedBy':10000,'lastUpdate':1700000000120}");
    }

}
