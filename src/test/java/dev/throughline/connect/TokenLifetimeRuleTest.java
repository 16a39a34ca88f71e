package dev.throughline.connect;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The claims a Connect JWT must carry before ACSB is asked to verify it. */
class TokenLifetimeRuleTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private static final long T = NOW.getEpochSecond();

    @Test
    void jiraTokenOfThreeMinutesPasses() {
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T, "exp", T + 180), NOW)).isEmpty();
    }

    @Test
    void lifetimeOfExactlyFifteenMinutesPassesAndOneSecondMoreIsRefused() {
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T, "exp", T + 900), NOW)).isEmpty();
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T, "exp", T + 901), NOW))
            .hasValueSatisfying(reason -> assertThat(reason).contains("lifetime"));
    }

    @Test
    void issueTimeUpToSixtySecondsAheadPassesAndLaterIsRefused() {
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T + 60, "exp", T + 240), NOW)).isEmpty();
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T + 61, "exp", T + 241), NOW))
            .hasValueSatisfying(reason -> assertThat(reason).contains("future"));
    }

    @Test
    void missingIssuerIssueTimeOrExpiryIsRefused() {
        assertThat(TokenLifetimeRule.refusal(Map.of("iat", T, "exp", T + 180), NOW))
            .hasValueSatisfying(r -> assertThat(r).contains("iss"));
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", " ", "iat", T, "exp", T + 180), NOW)).isPresent();
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "exp", T + 180), NOW))
            .hasValueSatisfying(r -> assertThat(r).contains("iat"));
        assertThat(TokenLifetimeRule.refusal(Map.of("iss", "site", "iat", T), NOW))
            .hasValueSatisfying(r -> assertThat(r).contains("exp"));
    }

    @Test
    void fingerprintNamesHashIssuerAndExpiryButNeverTheToken() {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzaXRlIn0.c2lnbmF0dXJlLXNlY3JldA";

        String fingerprint = TokenFingerprint.of(token, Map.of("iss", "site", "exp", T));

        assertThat(fingerprint).matches("sha256:[0-9a-f]{8}, iss site, exp 2027-03-01T10:00:00Z");
        assertThat(TokenFingerprint.scrub("JWT signature verification failed: " + token))
            .isEqualTo("JWT signature verification failed: [token]");
    }

}
