package dev.throughline.sandbox.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The WireMock side of the sandbox: every request goes through here (the extension
 * applies globally to one catch-all stub), is routed to an endpoint and answered from the
 * site model. The whole request runs under the site's lock. The optional latency is how
 * long the simulated Jira takes to answer, its own work included: WireMock waits out what
 * is left of it after the answer is computed (outside the lock). The sandbox runs in the
 * same JVM and on the same cores as the app, which real Jira does not, so its work must
 * not add to the simulated latency.
 */
final class JiraSandboxTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "jira-sandbox";
    static final String UNMATCHED = "UNMATCHED";

    private final SandboxSite site;

    private final JiraRoutes routes;

    private final SandboxTraffic traffic;

    private final SandboxBearerTokens bearerTokens;

    private volatile int latencyMillis;

    JiraSandboxTransformer(SandboxSite site, JiraRoutes routes, SandboxTraffic traffic,
            SandboxBearerTokens bearerTokens) {
        this.site = site;
        this.routes = routes;
        this.traffic = traffic;
        this.bearerTokens = bearerTokens;
    }

    void latencyMillis(int millis) {
        this.latencyMillis = millis;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        long started = System.nanoTime();
        Request wire = serveEvent.getRequest();
        String method = wire.getMethod().getName();
        String authorization = wire.getHeader("Authorization");
        SandboxRequest request = SandboxRequest.of(method, wire.getUrl(), wire.getBodyAsString(), authorization,
                baseUrl(wire.getAbsoluteUrl()));
        Optional<JiraRoutes.Match> match = routes.match(method, request.path());
        String endpoint = match.map(m -> m.route().name()).orElse(UNMATCHED);
        SandboxTraffic.Fault fault = traffic.receive(endpoint, authorization);
        SandboxResponse response;
        if (fault != null) {
            response = faultResponse(fault);
        }
        else if (refusedBearer(authorization)) {
            response = JiraJson.errors(401, "Unauthorized; the Bearer token is unknown to this site or expired.");
        }
        else if (match.isEmpty()) {
            response = JiraJson.errors(404, "The sandbox has no endpoint " + method + " " + request.path());
        }
        else {
            response = userTokenRefusal(authorization, match.get()).orElseGet(() -> handle(match.get(), request));
        }
        traffic.record(
                new SandboxTraffic.RecordedRequest(endpoint, method, wire.getUrl(), authorization, response.status()),
                fault == null && match.isPresent() && response.status() != 401);
        return toWireMock(response, started);
    }

    /**
     * A Bearer token (Forge's app-system or app-user token) must be one this site issued
     * and unexpired; other credentials (Connect's JWT) are not checked here.
     */
    private boolean refusedBearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && bearerTokens.check(authorization.substring("Bearer ".length())).isEmpty();
    }

    /**
     * A user token acts as its user, with that user's permissions, where the app could
     * act as a user: an issue's properties are read only by a user who may browse its
     * project and written only by one who may edit its issues (403 otherwise, as Jira
     * answers). A system token acts as the app, as a Connect JWT does.
     */
    private Optional<SandboxResponse> userTokenRefusal(String authorization, JiraRoutes.Match match) {
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !match.route().template().startsWith("/rest/api/3/issue/{issueIdOrKey}/properties")) {
            return Optional.empty();
        }
        Optional<String> user = bearerTokens.check(authorization.substring("Bearer ".length()))
            .flatMap(SandboxBearerTokens.Grant::accountId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String permission = match.route().method().equals("GET") ? "BROWSE_PROJECTS" : "EDIT_ISSUES";
        synchronized (site) {
            boolean allowed = site.issue(match.variables().get("issueIdOrKey"))
                .map(issue -> site.hasProjectPermission(user.get(), issue.projectId(), permission))
                .orElse(true); // unknown issues: the endpoint answers 404 itself
            return allowed ? Optional.empty()
                    : Optional.of(JiraJson.errors(403, "You do not have permission to do this as " + user.get()));
        }
    }

    private SandboxResponse handle(JiraRoutes.Match match, SandboxRequest request) {
        try {
            synchronized (site) {
                return match.route().handler().apply(request.withPathVariables(match.variables()));
            }
        }
        catch (SandboxRequest.BadRequest | JqlException e) {
            return JiraJson.errors(400, e.getMessage());
        }
        catch (RuntimeException e) {
            return JiraJson.errors(500, "Sandbox failure: " + e);
        }
    }

    private static SandboxResponse faultResponse(SandboxTraffic.Fault fault) {
        String message = fault.status() == 429 ? "Rate limit exceeded." : "Injected failure " + fault.status() + ".";
        SandboxResponse response = JiraJson.errors(fault.status(), message);
        return fault.retryAfterSeconds() == null ? response
                : response.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
    }

    private ResponseDefinition toWireMock(SandboxResponse response, long started) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
            .withStatus(response.status());
        for (Map.Entry<String, String> h : response.headers().entrySet())
            builder.withHeader(h.getKey(), h.getValue());
        if (!response.body().isEmpty())
            builder.withBody(response.body());
        long remaining = latencyMillis - (System.nanoTime() - started) / 1_000_000;
        if (latencyMillis > 0 && remaining > 0)
            builder.withFixedDelay(Math.toIntExact(remaining));
        return builder.build();
    }

    private static String baseUrl(String absoluteUrl) {
        URI uri = URI.create(absoluteUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

}
