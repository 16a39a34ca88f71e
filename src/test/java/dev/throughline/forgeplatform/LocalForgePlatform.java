package dev.throughline.forgeplatform;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local stand-in for the Forge platform in front of one sandbox Jira site: it signs
 * Forge Invocation Tokens with its own key ({@link ForgeKeys}, JWKS served by
 * {@link ForgeKeyServer} or the sandbox site), issues app-system and app-user tokens the
 * sandbox accepts as {@code Authorization: Bearer}, and calls the remote (the app) as
 * Forge does: invocations from the pages ({@link #invoke}), product events
 * ({@link #event}) and the app's own life cycle ({@link #install}, {@link #uninstall}).
 * The installation's {@code apiBaseUrl} is the sandbox's base URL. Paths on the remote:
 * docs/local-forge-platform.md.
 */
public final class LocalForgePlatform {

    /** The app id the tests' app trusts ({@code throughline.forge.app-id}). */
    public static final String APP_ID = "ari:cloud:ecosystem::app/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static final String SYSTEM_TOKEN_HEADER = "x-forge-oauth-system";

    public static final String USER_TOKEN_HEADER = "x-forge-oauth-user";

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JiraSandbox jira;

    private final String remoteBaseUrl;

    private final String installationId = UUID.randomUUID().toString();

    private final String cloudId = UUID.randomUUID().toString();

    public LocalForgePlatform(JiraSandbox jira, String remoteBaseUrl) {
        this.jira = jira;
        this.remoteBaseUrl = remoteBaseUrl;
    }

    public String installationId() {
        return installationId;
    }

    public String cloudId() {
        return cloudId;
    }

    /** The signer of this installation's FITs, to spoil one claim in a test. */
    public InvocationTokens tokens() {
        return InvocationTokens.of(APP_ID, installationId, cloudId, jira.baseUrl());
    }

    /** Sends the app's installed event (avi:forge:installed:app) to the remote. */
    public AppUnderTest.Reply install() {
        return lifecycle("installed");
    }

    /** Sends the app's uninstalled event (avi:forge:uninstalled:app) to the remote. */
    public AppUnderTest.Reply uninstall() {
        return lifecycle("uninstalled");
    }

    private AppUnderTest.Reply lifecycle(String what) {
        String body = """
                {"eventType":"avi:forge:%s:app","id":"%s","installerAccountId":"admin",
                 "app":{"id":"%s","version":"1"},"environment":{"id":"local-environment"}}
                """.formatted(what, installationId, APP_ID);
        return send("POST", "/forge/lifecycle/" + what, body, tokens().sign(null, "lifecycle", Map.of()),
                jira.bearerTokens().issueSystemToken(TOKEN_LIFETIME), null);
    }

    /**
     * A Jira product event (e.g. {@code avi:jira:updated:issue}) sent by the manifest's
     * trigger to the remote, with a system token.
     */
    public AppUnderTest.Reply event(String eventType, String payloadFields) {
        String body = "{\"eventType\":\"" + eventType + "\"" + (payloadFields.isBlank() ? "" : "," + payloadFields)
                + "}";
        return send("POST", "/forge/events/jira", body, tokens().sign(null, "trigger", Map.of()),
                jira.bearerTokens().issueSystemToken(TOKEN_LIFETIME), null);
    }

    /**
     * What {@code invokeRemote} from a page does: a FIT for {@code accountId} and this
     * installation, the system and user tokens, then {@code method path} on the remote.
     */
    public AppUnderTest.Reply invoke(String accountId, String method, String path, String body) {
        return invoke(accountId, method, path, body, "throughline-page", Map.of());
    }

    public AppUnderTest.Reply invoke(String accountId, String method, String path, String body, String moduleKey,
            Map<String, Object> extension) {
        return send(method, path, body, tokens().sign(accountId, moduleKey, extension),
                jira.bearerTokens().issueSystemToken(TOKEN_LIFETIME),
                jira.bearerTokens().issueUserToken(accountId, TOKEN_LIFETIME));
    }

    /**
     * One call to the remote with exactly these credentials (null: header left out).
     */
    public AppUnderTest.Reply send(String method, String path, String body, String fit, String systemToken,
            String userToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (fit != null) {
            headers.put("Authorization", "Bearer " + fit);
        }
        if (systemToken != null) {
            headers.put(SYSTEM_TOKEN_HEADER, systemToken);
        }
        if (userToken != null) {
            headers.put(USER_TOKEN_HEADER, userToken);
        }
        return call(method, path, body, headers);
    }

    private AppUnderTest.Reply call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(remoteBaseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, publisher);
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        if (body != null) {
            pairs.add("Content-Type");
            pairs.add("application/json");
        }
        if (!pairs.isEmpty()) {
            request.headers(pairs.toArray(String[]::new));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new AppUnderTest.Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
