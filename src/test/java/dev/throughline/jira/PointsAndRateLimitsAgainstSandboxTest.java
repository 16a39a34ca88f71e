package dev.throughline.jira;

import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.SettableClock;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The metered client against the sandbox, which answers as Jira does: each call's points
 * from its real answer, the quota Jira reports, and what each 429 reason does.
 */
class PointsAndRateLimitsAgainstSandboxTest {

    private static final PropertyTarget WEB_1 = PropertyTarget.issue("WEB-1");

    private JiraSandbox sandbox;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T14:05:00Z"));

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private final List<JiraCall> calls = new CopyOnWriteArrayList<>();

    private RateLimits limits;

    private JiraClient client;

    private final Site site = new Site("site-a", URI.create("https://a.atlassian.net"));

    @BeforeEach
    void start() {
        sandbox = JiraSandbox.start(SandboxGenerator.demo());
        Sleeper sleeper = wait -> {
            waits.add(wait);
            clock.move(wait);
        };
        limits = new RateLimits(clock, sleeper);
        JiraClientSettings settings = new JiraClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(100), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60),
                Duration.ofMillis(5), Duration.ofSeconds(5));
        RetryInterceptor retry = new RetryInterceptor(settings, sleeper, () -> 0.5,
                new CallMeter(site, limits, (s, call) -> calls.add(call)));
        client = new RestJiraClient(JiraRestTemplates.create(JiraRestTemplates.requestFactory(settings),
                sandbox.baseUrl(), List.of(), retry), "throughline", settings);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private long points() {
        return calls.stream().mapToLong(JiraCall::points).sum();
    }

    @Test
    void aSearchCostsItsPagesPlusTheIssuesReturned() {
        List<JiraIssue> issues = client
            .search(new SearchRequest(Jql.projectIs("WEB"), List.of("summary"), List.of(), 37))
            .toList();

        int pages = sandbox.servedCount(JiraSandbox.SEARCH);
        assertThat(pages).isGreaterThan(1);
        assertThat(points()).isEqualTo(pages + issues.size());
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.endpoint()).isEqualTo("POST /rest/api/3/search/jql");
            assertThat(call.write()).isFalse();
        });
    }

    @Test
    void oneIssueTwoPointsAWriteOneAProjectListOnePlusItsProjects() {
        client.issue("WEB-1", List.of("summary"), List.of());
        assertThat(points()).isEqualTo(2);
        calls.clear();
        client.putProperty(WEB_1, "throughline.test", PropertyValue.ofMap(Map.of("a", 1)));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.write()).isTrue();
            assertThat(call.points()).isEqualTo(1);
            assertThat(call.endpoint()).isEqualTo("PUT /rest/api/3/issue/*/properties/*");
        });
        calls.clear();
        List<JiraProject> projects = client.projects(List.of("WEB", "MOB", "PLAT")).toList();
        assertThat(points()).isEqualTo(calls.size() + projects.size());
    }

    @Test
    void permissionObjectsAndGroupsCostTwoEach() {
        String user = sandbox.site().users().get(0).accountId();
        client.groupsOf(user);
        long groups = sandbox.site().groupsOf(user).size();
        assertThat(points()).isEqualTo(1 + 2 * groups);
    }

    @Test
    void callsAreBookedToTheirFeatureAndKind() {
        try (JiraCallContext ignored = JiraCallContext.user(CallFeature.THEME)) {
            client.fields();
        }
        client.fields();

        assertThat(calls).extracting(JiraCall::feature, JiraCall::userWaiting)
            .containsExactly(tuple(CallFeature.THEME, true), tuple(CallFeature.BACKGROUND, false));
    }

    @Test
    void theQuotaJiraReportsIsHeard() {
        sandbox.reportQuota(65000, 64000, 1800);

        client.fields();

        assertThat(calls.get(0).quota())
            .contains(new QuotaReport(64000, 65000, Optional.of(clock.instant().plusSeconds(1800))));
    }

    @Test
    void aBurst429SlowsThatEndpointOnly() {
        sandbox.rateLimitNext(JiraSandbox.SEARCH, 1, "jira-burst-based", 2);

        client.approximateCount(Jql.projectIs("WEB"));
        client.search(new SearchRequest(Jql.projectIs("WEB"), List.of("summary"), List.of(), 100)).findFirst();
        assertThat(waits).containsExactly(Duration.ofSeconds(2)); // the retry, after
                                                                  // Retry-After
        assertThat(calls.get(1).refusedFor()).contains(RateLimitReason.BURST);

        sandbox.rateLimitNext(JiraSandbox.SEARCH, 1, "jira-burst-based", 5);
        waits.clear();
        client.search(new SearchRequest(Jql.projectIs("WEB"), List.of("summary"), List.of(), 100)).findFirst();
        waits.clear();
        clock.move(Duration.ofSeconds(-4)); // the pause is not over yet
        client.approximateCount(Jql.projectIs("MOB"));
        assertThat(waits).isEmpty();
        client.search(new SearchRequest(Jql.projectIs("MOB"), List.of("summary"), List.of(), 100)).findFirst();
        assertThat(waits).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void aPerIssueWrite429SpacesWritesToThatIssueOnly() {
        sandbox.rateLimitNext(JiraSandbox.ISSUE_PROPERTY_PUT, 1, "jira-per-issue-on-write", 2);
        client.putProperty(WEB_1, "throughline.test", PropertyValue.ofMap(Map.of("a", 1)));
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        waits.clear();

        client.putProperty(PropertyTarget.issue("WEB-2"), "throughline.test", PropertyValue.ofMap(Map.of("a", 2)));
        assertThat(waits).isEmpty();
        client.putProperty(WEB_1, "throughline.test", PropertyValue.ofMap(Map.of("a", 3)));
        client.putProperty(WEB_1, "throughline.test", PropertyValue.ofMap(Map.of("a", 4)));
        // the retried write took the first slot: each later one waits its turn
        assertThat(waits).containsExactly(RateLimits.ISSUE_SPACING, RateLimits.ISSUE_SPACING);
        long id = sandbox.site().issue("WEB-1").orElseThrow().id();
        assertThat(sandbox.site().issueProperty(id, "throughline.test").orElseThrow().toString()).contains("4");
    }

    @Test
    void aTenantQuota429StopsBackgroundCallsOfThatSiteUntilTheReset() {
        sandbox.rateLimitNext(JiraSandbox.SEARCH, 1, "jira-quota-tenant-based", 3300);

        assertThatThrownBy(() -> client
            .searchPage(new SearchRequest(Jql.projectIs("WEB"), List.of("summary"), List.of(), 100), Optional.empty()))
            .isInstanceOfSatisfying(JiraQuotaExhaustedException.class, e -> {
                assertThat(e.reason()).isEqualTo(RateLimitReason.QUOTA_TENANT);
                assertThat(e.until()).isAfter(Instant.now().plusSeconds(3200));
            });
        assertThat(sandbox.requestCount(JiraSandbox.SEARCH)).isEqualTo(1); // never
                                                                           // retried
        assertThat(limits.quotaStop("site-a"))
            .hasValueSatisfying(stop -> assertThat(stop.until()).isEqualTo(clock.instant().plusSeconds(3300)));
        assertThat(limits.quotaStop("site-b")).isEmpty();

        assertThatThrownBy(() -> client.approximateCount(Jql.projectIs("WEB")))
            .isInstanceOf(JiraQuotaExhaustedException.class);
        assertThat(sandbox.requestCount(JiraSandbox.APPROXIMATE_COUNT)).isZero(); // background:
                                                                                  // not
                                                                                  // sent
        try (JiraCallContext ignored = JiraCallContext.user(CallFeature.PROGRAM)) {
            assertThat(client.approximateCount(Jql.projectIs("WEB"))).isPositive(); // a
                                                                                    // user's
                                                                                    // call
                                                                                    // is
                                                                                    // sent
        }
        assertThat(sandbox.requestCount(JiraSandbox.APPROXIMATE_COUNT)).isEqualTo(1);

        clock.move(Duration.ofSeconds(3301));
        assertThat(limits.quotaStop("site-a")).isEmpty();
        assertThat(client.approximateCount(Jql.projectIs("WEB"))).isPositive();
    }

    @Test
    void aGlobalQuota429StopsEverySitesBackgroundCalls() {
        sandbox.rateLimitNext(JiraSandbox.APPROXIMATE_COUNT, 1, "jira-quota-global-based", 600);

        assertThatThrownBy(() -> client.approximateCount(Jql.projectIs("WEB")))
            .isInstanceOf(JiraQuotaExhaustedException.class);

        assertThat(limits.quotaStop("site-b")).hasValueSatisfying(stop -> {
            assertThat(stop.reason()).isEqualTo(RateLimitReason.QUOTA_GLOBAL);
            assertThat(stop.until()).isEqualTo(clock.instant().plusSeconds(600));
        });
    }

}
