package dev.throughline.tenant;

import java.net.URI;
import java.util.Objects;

/**
 * One installed Jira site (a tenant), whichever door it came through. Everything the app
 * reads or writes is scoped to exactly one site, so a request can only ever reach the
 * site its token was signed for. {@code clientKey} is the site's key throughout the app
 * (a Connect clientKey, or {@code forge:<installationId>}); {@code baseUrl} is where its
 * Jira REST API is called (the site for Connect, the token's {@code apiBaseUrl} for
 * Forge).
 */
public record Site(String clientKey, URI baseUrl, Door door) {

    public Site {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(door, "door");
        if (clientKey.isBlank()) {
            throw new IllegalArgumentException("clientKey must not be blank");
        }
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("baseUrl must be absolute: " + baseUrl);
        }
        if (!door.siteKey().equals(clientKey)) {
            throw new IllegalArgumentException("clientKey " + clientKey + " is not the door's key " + door.siteKey());
        }
    }

    /** A site installed through Connect. */
    public Site(String clientKey, URI baseUrl) {
        this(clientKey, baseUrl, new Door.Connect(clientKey));
    }

    /** A site installed through Forge, reached at the invocation's {@code apiBaseUrl}. */
    public static Site forge(String installationId, String cloudId, URI apiBaseUrl) {
        Door.Forge door = new Door.Forge(installationId, cloudId);
        return new Site(door.siteKey(), apiBaseUrl, door);
    }

    public boolean isForge() {
        return door instanceof Door.Forge;
    }

}
