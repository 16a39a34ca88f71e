package dev.throughline.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code throughline.web.*}: the limits every request meets at the door. Unset values
 * take the defaults below.
 *
 * @param maxRequestBody larger request bodies are refused 413 before they are read
 * (default 1 MB)
 * @param requestDeadline the time one user request may spend on Jira, retries and pauses
 * included (default 20 s, under Forge Remote's 25 s limit for UI calls)
 * @param frameAncestors who may frame our pages (CSP {@code frame-ancestors}): Jira
 * Cloud's own domains
 */
@ConstructorBinding
@ConfigurationProperties("throughline.web")
public record HttpEdgeSettings(DataSize maxRequestBody, Duration requestDeadline, String frameAncestors) {

    public HttpEdgeSettings {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
        if (maxRequestBody.toBytes() <= 0) {
            throw new IllegalArgumentException("throughline.web.max-request-body must be positive: " + maxRequestBody);
        }
        requestDeadline = requestDeadline == null ? Duration.ofSeconds(20) : requestDeadline;
        if (requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("throughline.web.request-deadline must be positive: " + requestDeadline);
        }
        frameAncestors = frameAncestors == null || frameAncestors.isBlank()
                ? "'self' https://*.atlassian.net https://*.jira.com" : frameAncestors.trim();
    }
}
