package dev.throughline.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a Connect JWT must say about itself before it is worth verifying: an issuer, and a
 * short life that has begun. Jira signs page and webhook tokens for 3 minutes and
 * {@code AP.context.getToken()} for 15, so a longer life means a token minted elsewhere
 * (or a leaked secret at work); a small clock skew is allowed.
 */
final class TokenLifetimeRule {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenLifetimeRule() {
    }

    /** Why the claims are refused, or empty when they pass. */
    static Optional<String> refusal(Map<String, Object> claims, Instant now) {
        if (!(claims.get("iss") instanceof String issuer) || issuer.isBlank()) {
            return Optional.of("the JWT names no issuer (iss).");
        }
        if (!(claims.get("iat") instanceof Number issuedAt) || !(claims.get("exp") instanceof Number expires)) {
            return Optional.of("the JWT lacks its issue time (iat) or expiry (exp).");
        }
        if (expires.longValue() - issuedAt.longValue() > MAX_LIFETIME.toSeconds()) {
            return Optional.of("the JWT's lifetime (exp - iat) is over " + MAX_LIFETIME.toMinutes() + " minutes.");
        }
        if (issuedAt.longValue() > now.plus(CLOCK_SKEW).getEpochSecond()) {
            return Optional
                .of("the JWT was issued in the future (iat more than " + CLOCK_SKEW.toSeconds() + " s ahead).");
        }
        return Optional.empty();
    }

}
