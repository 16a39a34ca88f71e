package dev.throughline.jira;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries, their caps, and which requests may be repeated. */
class ResilienceTest extends JiraWireMockTest {

    private static final String FIELDS = "/rest/api/3/field";

    /** The one POST that writes: Jira may have applied it when it did not answer. */
    private static final String BULK_WRITE = "/rest/api/3/issue/properties/multi";

    private static final List<IssuePropertyUpdate> A_BULK_WRITE = List
        .of(new IssuePropertyUpdate(10001, Map.of("throughline.value", PropertyValue.ofJson("{\"score\":3}"))));

    private void stubFieldsAlways(ResponseDefinitionBuilder answer) {
        stub(get(urlPathEqualTo(FIELDS)).willReturn(answer));
    }

    private void stubThenSucceed(MappingBuilder first, ResponseDefinitionBuilder failure, MappingBuilder second,
            ResponseDefinitionBuilder success) {
        stub(first.inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(failure).willSetStateTo("ok"));
        stub(second.inScenario("s").whenScenarioStateIs("ok").willReturn(success));
    }

    @Test
    void postIsNotRetriedAfter503() {
        stub(post(urlPathEqualTo(BULK_WRITE)).willReturn(jiraError(503, "Unavailable")));

        assertThatThrownBy(() -> client.putIssuePropertiesInBulk(A_BULK_WRITE))
            .isInstanceOf(JiraUnavailableException.class);
        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(BULK_WRITE)));
    }

    @Test
    void postIsNotRetriedAfterReadTimeout() {
        useShortReadTimeout();
        stub(post(urlPathEqualTo(BULK_WRITE)).willReturn(aResponse().withStatus(303)
            .withHeader("Location", "https://example.atlassian.net" + Verbs.TASK)
            .withFixedDelay(SLOWER_THAN_READ_TIMEOUT)));

        assertThatThrownBy(() -> client.putIssuePropertiesInBulk(A_BULK_WRITE))
            .isInstanceOf(JiraUnavailableException.class);
        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(BULK_WRITE)));
    }

    @Test
    void postIsRetriedAfter429BecauseJiraDidNotApplyIt() {
        stubThenSucceed(post(urlPathEqualTo(BULK_WRITE)), jiraError(429, "Slow down").withHeader("Retry-After", "2"),
                post(urlPathEqualTo(BULK_WRITE)),
                aResponse().withStatus(303).withHeader("Location", "https://example.atlassian.net" + Verbs.TASK));
        stub(get(urlPathEqualTo(Verbs.TASK)).willReturn(okJson(Verbs.completedTask())));

        client.putIssuePropertiesInBulk(A_BULK_WRITE);

        jira.verify(exactly(2), postRequestedFor(urlPathEqualTo(BULK_WRITE)));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void readOnlyPostIsRetriedAfter503LikeAGet() {
        String count = "/rest/api/3/search/approximate-count";
        stubThenSucceed(post(urlPathEqualTo(count)), jiraError(503, "Unavailable"), post(urlPathEqualTo(count)),
                okJson("{\"count\":1}"));

        assertThat(client.approximateCount(Jql.projectIs("TL"))).isEqualTo(1L);
        jira.verify(exactly(2), postRequestedFor(urlPathEqualTo(count)));
    }

    @Test
    void attemptsCapIsHonoured() {
        stubFieldsAlways(jiraError(503, "Unavailable"));

        JiraUnavailableException e = catchThrowableOfType(() -> client.fields(), JiraUnavailableException.class);

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.errorMessages()).containsExactly("Unavailable");
        jira.verify(exactly(settings.maxAttempts()), getRequestedFor(urlPathEqualTo(FIELDS)));
        assertThat(sleeper.waits()).hasSize(settings.maxAttempts() - 1);
    }

    @Test
    void timeoutsAfterTheAttemptsCapBecomeUnavailable() {
        useShortReadTimeout();
        stubFieldsAlways(okJson("[]").withFixedDelay(SLOWER_THAN_READ_TIMEOUT));

        assertThatThrownBy(() -> client.fields()).isInstanceOf(JiraUnavailableException.class)
            .hasMessageContaining("timed out");
        jira.verify(exactly(settings.maxAttempts()), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void rateLimitAfterTheCapCarriesTheLastRetryAfter() {
        stubFieldsAlways(jiraError(429, "Rate limited").withHeader("Retry-After", "1"));

        JiraRateLimitedException e = catchThrowableOfType(() -> client.fields(), JiraRateLimitedException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        jira.verify(exactly(settings.maxAttempts()), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void totalWaitCapStopsARetryAfterThatIsTooLong() {
        stubFieldsAlways(jiraError(429, "Rate limited").withHeader("Retry-After", "30"));

        JiraRateLimitedException e = catchThrowableOfType(() -> client.fields(), JiraRateLimitedException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(FIELDS)));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void totalWaitCapIsHonouredAcrossAttempts() {
        stubFieldsAlways(jiraError(429, "Rate limited").withHeader("Retry-After", "4"));

        assertThatThrownBy(() -> client.fields()).isInstanceOf(JiraRateLimitedException.class);

        // 4 s + 4 s fit in the 10 s budget; a third wait would not.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        jira.verify(exactly(3), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void withoutRetryAfterTheBackoffIsExponentialWithFullJitterUpToTheMaximum() {
        JiraClientSettings sixAttempts = new JiraClientSettings(Duration.ofSeconds(2), READ_TIMEOUT, 6,
                Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(60),
                Duration.ofMillis(5), Duration.ofMillis(50));
        stubFieldsAlways(jiraError(503, "Unavailable"));

        JiraClient highestJitter = clientWith(sixAttempts, sleeper, () -> 1.0);
        assertThatThrownBy(highestJitter::fields).isInstanceOf(JiraUnavailableException.class);
        assertThat(sleeper.waits()).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 40L, 40L);

        RecordingSleeper halfJitter = RecordingSleeper.instant();
        assertThatThrownBy(clientWith(sixAttempts, halfJitter, () -> 0.5)::fields)
            .isInstanceOf(JiraUnavailableException.class);
        assertThat(halfJitter.waits()).extracting(Duration::toMillis).containsExactly(5L, 10L, 20L, 20L, 20L);
    }

    @Test
    void aRealOneSecondRetryAfterIsWaitedFor() {
        stubThenSucceed(get(urlPathEqualTo(FIELDS)), jiraError(429, "Rate limited").withHeader("Retry-After", "1"),
                get(urlPathEqualTo(FIELDS)), okJson("[]"));
        JiraClient realClient = clientWith(settings, RecordingSleeper.real());

        long start = System.nanoTime();
        assertThat(realClient.fields()).isEmpty();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void internalServerErrorIsNotRetried() {
        stubFieldsAlways(jiraError(500, "Boom"));

        JiraUnavailableException e = catchThrowableOfType(() -> client.fields(), JiraUnavailableException.class);

        assertThat(e.status()).isEqualTo(500);
        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void forbiddenIsThrownWithJirasMessage() {
        stubFieldsAlways(jiraError(403, "You may not."));

        assertThatThrownBy(() -> client.fields()).isInstanceOf(JiraForbiddenException.class)
            .hasMessageContaining("You may not.");
    }

    @Test
    void otherClientErrorsAreJiraExceptionsWithTheirStatus() {
        stubFieldsAlways(jiraError(409, "Conflict"));

        JiraException e = catchThrowableOfType(() -> client.fields(), JiraException.class);

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getClass()).isEqualTo(JiraException.class);
    }

    @Test
    void aGatewayErrorPageBecomesTheMessage() {
        stub(get(urlPathEqualTo(FIELDS)).willReturn(aResponse().withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody("<html>Bad gateway</html>")));

        JiraUnavailableException e = catchThrowableOfType(() -> client.fields(), JiraUnavailableException.class);

        assertThat(e.errorMessages()).containsExactly("<html>Bad gateway</html>");
        jira.verify(exactly(settings.maxAttempts()), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void anUnreachableJiraIsUnavailable() {
        JiraClientSettings quick = new JiraClientSettings(Duration.ofMillis(200), READ_TIMEOUT, 2,
                Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(2), null, null, null);
        RetryInterceptor retry = new RetryInterceptor(quick, sleeper, () -> 0.5);
        JiraClient unreachable = new RestJiraClient(JiraRestTemplates.create(JiraRestTemplates.requestFactory(quick),
                "http://127.0.0.1:9", List.of(), retry), ADDON_KEY, quick, sleeper, ticker);

        assertThatThrownBy(() -> unreachable.boards(Optional.empty()).toList())
            .isInstanceOf(JiraUnavailableException.class);
        assertThat(sleeper.waits()).hasSize(1);
    }

}
