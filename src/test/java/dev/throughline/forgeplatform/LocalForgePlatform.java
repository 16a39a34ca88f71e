package dev.throughline.forgeplatform;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;

import java.net.http.HttpRequest;
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
 * sandbox accepts as {@code Authorization: Bearer}, and calls the remote (the app, on
 * this machine's {@code remotePort}) as Forge does: invocations from the pages
 * ({@link #invoke}), product events ({@link #event}) and the app's own life cycle
 * ({@link #install}, {@link #uninstall}). The installation's {@code apiBaseUrl} is the
 * sandbox's base URL. Paths on the remote: docs/local-forge-platform.md.
 */
public final class LocalForgePlatform {

    /** The app id the tests' app trusts ({@code throughline.forge.app-id}). */
    public static final String APP_ID = "ari:cloud:ecosystem::app/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static final String SYSTEM_TOKEN_HEADER = "x-forge-oauth-system";

    public static final String USER_TOKEN_HEADER = "x-forge-oauth-user";

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final JiraSandbox jira;

    private final AppUnderTest remote;

    private final String installationId = UUID.randomUUID().toString();

    private final String cloudId = UUID.randomUUID().toString();

    public LocalForgePlatform(JiraSandbox jira, int remotePort) {
        this.jira = jira;
        this.remote = new AppUnderTest(remotePort);
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
        return invoke(accountId, method, path, body, moduleKey, extension, Map.of());
    }

    /** An invocation with the page's own headers too (e.g. {@code Accept}). */
    public AppUnderTest.Reply invoke(String accountId, String method, String path, String body, String moduleKey,
            Map<String, Object> extension, Map<String, String> pageHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(pageHeaders);
        headers.putAll(credentials(tokens().sign(accountId, moduleKey, extension),
                jira.bearerTokens().issueSystemToken(TOKEN_LIFETIME),
                jira.bearerTokens().issueUserToken(accountId, TOKEN_LIFETIME)));
        return call(method, path, body, headers);
    }

    /**
     * One call to the remote with exactly these credentials (null: header left out).
     */
    public AppUnderTest.Reply send(String method, String path, String body, String fit, String systemToken,
            String userToken) {
        return call(method, path, body, credentials(fit, systemToken, userToken));
    }

    private static Map<String, String> credentials(String fit, String systemToken, String userToken) {
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
        return headers;
    }

    private AppUnderTest.Reply call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            pairs.add("Content-Type");
            pairs.add("application/json");
        }
        return remote.send(method, path, publisher, pairs.toArray(String[]::new));
    }

}
