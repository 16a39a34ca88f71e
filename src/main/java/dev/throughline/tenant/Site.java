package dev.throughline.tenant;

import java.net.URI;
import java.util.Objects;

/**
 * One installed Jira site (a tenant). Everything the app reads or writes is scoped to
 * exactly one site, so a request can only ever reach the site its token was signed for.
 */
public record Site(String clientKey, URI baseUrl) {

    public Site {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (clientKey.isBlank()) {
            throw new IllegalArgumentException("clientKey must not be blank");
        }
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("baseUrl must be absolute: " + baseUrl);
        }
    }
}
