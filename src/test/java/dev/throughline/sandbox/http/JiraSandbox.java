package dev.throughline.sandbox.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running fake Jira Cloud site on a dynamic port, answering from a {@link SandboxSite}.
 * Endpoints are named "METHOD /template", e.g. {@code "POST /rest/api/3/search/jql"}; see
 * {@link #endpoints()}.
 */
public final class JiraSandbox implements AutoCloseable {

    public static final String SEARCH = "POST /rest/api/3/search/jql";

    public static final String APPROXIMATE_COUNT = "POST /rest/api/3/search/approximate-count";

    public static final String ISSUE_PROPERTY_PUT = "PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}";

    public static final String ISSUE_PROPERTIES_MULTI = "POST /rest/api/3/issue/properties/multi";

    public static final String RANK = "PUT /rest/agile/1.0/issue/rank";

    public static final String BACKLOG = "GET /rest/agile/1.0/board/{boardId}/backlog";

    public static final String TASK = "GET /rest/api/3/task/{taskId}";

    /**
     * The owner the Forge app's properties are kept under in the site's app property
     * store.
     */
    public static final String FORGE_APP_OWNER = PropertyEndpoints.FORGE_APP_OWNER;

    public static final String PERMISSIONS_CHECK = "POST /rest/api/3/permissions/check";

    private final SandboxSite site;

    private final JiraRoutes routes;

    private final SandboxTraffic traffic = new SandboxTraffic();

    private final SandboxBearerTokens bearerTokens = new SandboxBearerTokens();

    private final JiraSandboxTransformer transformer;

    private final WireMockServer server;

    private SandboxWebhooks webhooks;

    private final SearchEndpoints searches;

    private JiraSandbox(SandboxSite site) {
        this.site = site;
        this.searches = new SearchEndpoints(site);
        this.routes = new JiraRoutes();
        searches.register(routes);
        new PropertyEndpoints(site).register(routes);
        new IssueEndpoints(site).register(routes);
        new MetadataEndpoints(site).register(routes);
        new AgileEndpoints(site).register(routes);
        new PermissionEndpoints(site).register(routes);
        new UserEndpoints(site).register(routes);
        this.transformer = new JiraSandboxTransformer(site, routes, traffic, bearerTokens);
        this.server = new WireMockServer(WireMockConfiguration.options()
            .dynamicPort()
            .bindAddress("127.0.0.1")
            .containerThreads(16)
            .disableRequestJournal() // the sandbox keeps its own bounded record
            .gzipDisabled(true)
            .extensions(transformer));
    }

    /**
     * Starts a server answering from the site; stop it with {@link #stop()} (or
     * try-with-resources).
     */
    public static JiraSandbox start(SandboxSite site) {
        JiraSandbox sandbox = new JiraSandbox(site);
        sandbox.server.start();
        sandbox.webhooks = new SandboxWebhooks(site, sandbox.baseUrl());
        sandbox.server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200)));
        return sandbox;
    }

    public static JiraSandbox startDemo() {
        return start(SandboxGenerator.demo());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public SandboxSite site() {
        return site;
    }

    /**
     * The webhooks the site sends (issue property set / deleted), off until a test turns
     * them on.
     */
    public SandboxWebhooks webhooks() {
        return webhooks;
    }

    /** The Bearer tokens (Forge's app-system and app-user tokens) this site accepts. */
    public SandboxBearerTokens bearerTokens() {
        return bearerTokens;
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Adds a fixed delay to every response, for benchmarks; Duration.ZERO turns it off.
     */
    public JiraSandbox withLatency(Duration latency) {
        transformer.latencyMillis(Math.toIntExact(latency.toMillis()));
        return this;
    }

    /**
     * The next {@code times} requests to the endpoint fail with the status (e.g. 429 or
     * 503) and, when given, a Retry-After header; they never reach the model, so a
     * retried write is applied once.
     */
    public JiraSandbox failNext(String endpoint, int times, int status, Integer retryAfterSeconds) {
        if (!routes.endpointNames().contains(endpoint))
            throw new IllegalArgumentException("unknown endpoint " + endpoint);
        traffic.failNext(endpoint, times, new SandboxTraffic.Fault(status, retryAfterSeconds));
        return this;
    }

    /**
     * Like {@link #failNext}, after the next {@code passing} requests to the endpoint are
     * served normally: the second of two writes fails (the score is saved, its label is
     * not; batch 2 of a bulk link fails).
     */
    public JiraSandbox failAfter(String endpoint, int passing, int times, int status) {
        if (!routes.endpointNames().contains(endpoint))
            throw new IllegalArgumentException("unknown endpoint " + endpoint);
        traffic.failAfter(endpoint, passing, times, new SandboxTraffic.Fault(status, null));
        return this;
    }

    /**
     * The next {@code times} requests to the endpoint are refused as Jira refuses them
     * for {@code reason} ({@code RateLimit-Reason}: {@code jira-burst-based},
     * {@code jira-per-issue-on-write}, {@code jira-quota-global-based},
     * {@code jira-quota-tenant-based}): 429 with {@code Retry-After},
     * {@code RateLimit-Reset} (when the limit resets) and, for a quota, the
     * {@code Beta-RateLimit} headers saying none is left.
     */
    public JiraSandbox rateLimitNext(String endpoint, int times, String reason, int retryAfterSeconds) {
        if (!routes.endpointNames().contains(endpoint))
            throw new IllegalArgumentException("unknown endpoint " + endpoint);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Reason", reason);
        headers.put("RateLimit-Reset", Instant.now().plusSeconds(retryAfterSeconds).toString());
        if (reason.startsWith("jira-quota-")) {
            String policy = reason.equals("jira-quota-global-based") ? "global-app-quota" : "tenant-app-quota";
            headers.put("Beta-RateLimit", "\"" + policy + "\";r=0;t=" + retryAfterSeconds);
            headers.put("Beta-RateLimit-Policy", "\"" + policy + "\";q=65000;w=3600");
        }
        traffic.failNext(endpoint, times, new SandboxTraffic.Fault(429, retryAfterSeconds, headers));
        return this;
    }

    /**
     * Every answer from now on reports the quota as Jira does ({@code Beta-RateLimit}:
     * {@code remaining} of {@code limit} points, resetting in {@code resetSeconds}).
     */
    public JiraSandbox reportQuota(long limit, long remaining, int resetSeconds) {
        transformer
            .quotaHeaders(() -> Map.of("Beta-RateLimit", "\"global-app-quota\";r=" + remaining + ";t=" + resetSeconds,
                    "Beta-RateLimit-Policy", "\"global-app-quota\";q=" + limit + ";w=3600"));
        return this;
    }

    public List<String> endpoints() {
        return routes.endpointNames();
    }

    /** Requests received by the endpoint, injected failures included. */
    public int requestCount(String endpoint) {
        return traffic.received(endpoint);
    }

    /** Requests the model actually handled (injected failures excluded). */
    /** The JQL of every search served so far (including refused pages), in order. */
    public List<String> searchedJql() {
        return searches.searched();
    }

    public int servedCount(String endpoint) {
        return traffic.served(endpoint);
    }

    /**
     * Received requests per endpoint; requests matching no endpoint count under
     * "UNMATCHED".
     */
    public Map<String, Integer> requestCounts() {
        return traffic.receivedCounts();
    }

    public int pendingFaults(String endpoint) {
        return traffic.pendingFaults(endpoint);
    }

    /** The Authorization header of the last request to the endpoint, or null. */
    public String lastAuthorization(String endpoint) {
        return traffic.lastAuthorization(endpoint);
    }

    /** The Authorization header of the last request to any endpoint, or null. */
    public String lastAuthorization() {
        return traffic.lastAuthorization("*");
    }

    /** The most recent requests (at most 10,000), oldest first. */
    public List<SandboxTraffic.RecordedRequest> recentRequests() {
        return traffic.recent();
    }

    /** Clears counters, recorded requests and pending faults (not the site). */
    public void resetTraffic() {
        traffic.reset();
    }

}
