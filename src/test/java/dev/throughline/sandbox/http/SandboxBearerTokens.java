package dev.throughline.sandbox.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth tokens this sandbox site accepts as {@code Authorization: Bearer}, as Jira
 * accepts the app-system and app-user tokens Forge hands a remote: issued by the local
 * Forge platform for this site only (another sandbox never knows them), each until it
 * expires. A system token acts as the app's user; a user token as that user.
 */
public final class SandboxBearerTokens {

    /** Who a token acts as: the app ({@code accountId} empty) or one user. */
    public record Grant(Optional<String> accountId, Instant expires) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private final Clock clock = Clock.systemUTC();

    /** A new app-system token. */
    public String issueSystemToken(Duration lifetime) {
        return issue(Optional.empty(), lifetime);
    }

    /** A new app-user token acting as {@code accountId}. */
    public String issueUserToken(String accountId, Duration lifetime) {
        return issue(Optional.of(accountId), lifetime);
    }

    private String issue(Optional<String> accountId, Duration lifetime) {
        String token = "sandbox-" + (accountId.isEmpty() ? "system" : "user") + "-" + UUID.randomUUID();
        grants.put(token, new Grant(accountId, clock.instant().plus(lifetime)));
        return token;
    }

    /** The grant of a known, unexpired token; empty otherwise (Jira answers 401). */
    public Optional<Grant> check(String token) {
        Grant grant = grants.get(token);
        return grant == null || !clock.instant().isBefore(grant.expires()) ? Optional.empty() : Optional.of(grant);
    }

}
