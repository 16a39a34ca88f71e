package dev.throughline.jira;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.throughline.contract.WireMockContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A client against a WireMock "Jira" on a dynamic port. Unmatched requests fail the test,
 * and after each test every request the client sent and every response it got are
 * validated against Jira's OpenAPI specs.
 */
abstract class JiraWireMockTest {

    static final String ADDON_KEY = "throughline";

    /** Generous, so a loaded CI machine never times out a test that does not mean to. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Very low, for the timeout tests ({@link #useShortReadTimeout}): stubs delayed by
     * {@link #SLOWER_THAN_READ_TIMEOUT} time out.
     */
    static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(600);
    static final int SLOWER_THAN_READ_TIMEOUT = 1_500;

    @RegisterExtension
    static final WireMockExtension jira = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().containerThreads(20))
        .failOnUnmatchedRequests(true)
        .build();

    final AtomicLong nanos = new AtomicLong();

    final Ticker ticker = nanos::get;

    RecordingSleeper sleeper;

    JiraClientSettings settings;

    JiraClient client;

    boolean checkContract = true;

    /**
     * A cold JVM can take longer than the short read timeout for its first exchange: warm
     * up first.
     */
    @BeforeAll
    static void warmUp() {
        RestTemplate warmUp = new RestTemplate(JiraRestTemplates.requestFactory(JiraClientSettings.defaults()));
        for (int i = 0; i < 3; i++) {
            warmUp.getForObject(jira.baseUrl() + "/__admin/mappings", String.class);
        }
    }

    @BeforeEach
    void createClient() {
        createClient(READ_TIMEOUT);
    }

    /** For tests that want Jira to be slower than the read timeout. */
    void useShortReadTimeout() {
        createClient(SHORT_READ_TIMEOUT);
    }

    private void createClient(Duration readTimeout) {
        settings = new JiraClientSettings(Duration.ofSeconds(2), readTimeout, 4, Duration.ofSeconds(10),
                Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(60), Duration.ofMillis(5),
                Duration.ofMillis(50));
        sleeper = RecordingSleeper.instant();
        client = clientWith(settings, sleeper);
    }

    JiraClient clientWith(JiraClientSettings settings, Sleeper sleeper) {
        return clientWith(settings, sleeper, () -> 0.5);
    }

    JiraClient clientWith(JiraClientSettings settings, Sleeper sleeper, DoubleSupplier random) {
        RetryInterceptor retry = new RetryInterceptor(settings, sleeper, random);
        return new RestJiraClient(
                JiraRestTemplates.create(JiraRestTemplates.requestFactory(settings), jira.baseUrl(), List.of(), retry),
                ADDON_KEY, settings, sleeper, ticker);
    }

    @AfterEach
    void everyExchangeMatchesJirasSpec() {
        if (checkContract) {
            WireMockContract.assertAllMatch(jira.getAllServeEvents());
        }
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder okJson(String body) {
        return json(200, body);
    }

    static ResponseDefinitionBuilder jiraError(int status, String message) {
        return json(status, "{\"errorMessages\":[\"" + message + "\"],\"errors\":{}}");
    }

    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    void stub(MappingBuilder mapping) {
        jira.stubFor(mapping);
    }

}
