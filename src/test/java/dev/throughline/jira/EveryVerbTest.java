package dev.throughline.jira;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The behaviour every verb shares: success, Jira's 400/401/404 as typed exceptions
 * carrying Jira's messages, 429 retried after Retry-After, 503 and read timeouts retried
 * (only where re-sending is safe).
 */
class EveryVerbTest extends JiraWireMockTest {

    static List<Verb> verbs() {
        return Verbs.all();
    }

    @Test
    void theMatrixCoversEveryMethodOfJiraClient() {
        Set<String> methods = Arrays.stream(JiraClient.class.getMethods())
            .map(m -> m.getName())
            .collect(Collectors.toSet());
        Set<String> covered = Verbs.names()
            .stream()
            .map(n -> n.replaceAll("(Issue|Project|App)Property", "Property").replace("OfBoard", ""))
            .collect(Collectors.toSet());
        assertThat(covered).containsAll(methods);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void succeeds(Verb verb) {
        stubSuccess(verb);
        verb.checkSuccess().accept(verb.call().apply(client));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void badRequestIsThrownWithJirasMessages(Verb verb) {
        stub(verb.first()
            .willReturn(verb.connectApi() ? verb.error(400, "The value is wrong.")
                    : json(400, q("{'errorMessages':['The value is wrong.'],'errors':{'jql':'bad'}}"))));
        JiraBadRequestException e = catchThrowableOfType(() -> verb.call().apply(client),
                JiraBadRequestException.class);
        assertThat(e).isNotNull();
        assertThat(e.errorMessages()).containsExactly("The value is wrong.");
        if (!verb.connectApi()) {
            assertThat(e.errors()).containsEntry("jql", "bad");
        }
        assertThat(e.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void unauthorizedIsThrown(Verb verb) {
        stub(verb.first().willReturn(verb.error(401, "You are not authenticated.")));
        assertThatThrownBy(() -> verb.call().apply(client)).isInstanceOf(JiraUnauthorizedException.class)
            .hasMessageContaining("You are not authenticated.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void notFoundIsThrownOrMeansAbsent(Verb verb) {
        stub(verb.first().willReturn(verb.error(404, "Not found.")));
        if (verb.onNotFound() == null) {
            JiraNotFoundException e = catchThrowableOfType(() -> verb.call().apply(client),
                    JiraNotFoundException.class);
            assertThat(e).isNotNull();
            assertThat(e.errorMessages()).containsExactly("Not found.");
        }
        else {
            verb.onNotFound().accept(verb.call().apply(client));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void rateLimitIsRetriedAfterRetryAfterThenSucceeds(Verb verb) {
        failFirstThenSucceed(verb, verb.error(429, "Rate limit exceeded.").withHeader("Retry-After", "3"));
        verb.checkSuccess().accept(verb.call().apply(client));
        jira.verify(exactly(2), verb.requested());
        assertThat(sleeper.waits()).startsWith(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void serviceUnavailableIsRetriedWhereSafe(Verb verb) {
        failFirstThenSucceed(verb, verb.error(503, "Try again later."));
        if (verb.repeatable()) {
            verb.checkSuccess().accept(verb.call().apply(client));
            jira.verify(exactly(2), verb.requested());
        }
        else {
            assertThatThrownBy(() -> verb.call().apply(client)).isInstanceOf(JiraUnavailableException.class);
            jira.verify(exactly(1), verb.requested());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void readTimeoutIsRetriedWhereSafe(Verb verb) {
        useShortReadTimeout();
        failFirstThenSucceed(verb, verb.success().get().withFixedDelay(SLOWER_THAN_READ_TIMEOUT));
        if (verb.repeatable()) {
            verb.checkSuccess().accept(verb.call().apply(client));
            awaitJournaled(verb, 2); // WireMock may journal the timed-out request only
                                     // once its delay is over
            jira.verify(exactly(2), verb.requested());
        }
        else {
            assertThatThrownBy(() -> verb.call().apply(client)).isInstanceOf(JiraUnavailableException.class)
                .hasMessageContaining("timed out");
            jira.verify(exactly(1), verb.requested());
        }
    }

    private static void awaitJournaled(Verb verb, int requests) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (jira.findAll(verb.requested()).size() < requests && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stubSuccess(Verb verb) {
        stub(verb.first().willReturn(verb.success().get()));
        verb.otherStubs().forEach(s -> stub(s.get()));
    }

    private void failFirstThenSucceed(Verb verb, ResponseDefinitionBuilder failure) {
        stub(verb.first()
            .inScenario(verb.name())
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(failure)
            .willSetStateTo("recovered"));
        stub(verb.first().inScenario(verb.name()).whenScenarioStateIs("recovered").willReturn(verb.success().get()));
        verb.otherStubs().forEach(s -> stub(s.get()));
    }

}
