package dev.throughline.forge;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.throughline.forgeplatform.ForgeKeys;
import dev.throughline.forgeplatform.InvocationTokens;
import dev.throughline.forgeplatform.LocalForgePlatform;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claims a Forge Invocation Token is read for, and the clock skew at its edges. */
class InvocationTokenVerifierTest {

    private final InvocationTokenVerifier verifier = new InvocationTokenVerifier(
            new ImmutableJWKSet<>(new JWKSet(ForgeKeys.PLATFORM.toPublicJWK())), LocalForgePlatform.APP_ID,
            Duration.ofSeconds(30));

    private final InvocationTokens tokens = InvocationTokens.of(LocalForgePlatform.APP_ID, "install-1", "cloud-1",
            "https://api.atlassian.com/ex/jira/cloud-1");

    @Test
    void readsTheInvocationFromTheClaims() throws Exception {
        Invocation invocation = verifier.verify(tokens.sign("user-1", "roadmap", Map.of("type", "jira:globalPage")));

        assertThat(invocation.installationId()).isEqualTo("install-1");
        assertThat(invocation.cloudId()).isEqualTo("cloud-1");
        assertThat(invocation.apiBaseUrl()).isEqualTo(URI.create("https://api.atlassian.com/ex/jira/cloud-1"));
        assertThat(invocation.accountId()).contains("user-1");
        assertThat(invocation.moduleKey()).contains("roadmap");
        assertThat(verifier.verify(tokens.sign(null, "trigger", Map.of())).accountId()).isEqualTo(Optional.empty());
    }

    @Test
    void toleratesTheClockSkewAndNoMore() throws Exception {
        Instant now = Instant.now();
        verifier.verify(tokens.issuedAt(now.minusSeconds(80), Duration.ofSeconds(60)).sign("u", "m", Map.of()));
        verifier.verify(tokens.issuedAt(now.plusSeconds(20), Duration.ofSeconds(60)).sign("u", "m", Map.of()));

        assertThatThrownBy(() -> verifier
            .verify(tokens.issuedAt(now.minusSeconds(120), Duration.ofSeconds(60)).sign("u", "m", Map.of())))
            .hasMessageContaining("Expired");
        assertThatThrownBy(() -> verifier
            .verify(tokens.issuedAt(now.plusSeconds(90), Duration.ofSeconds(60)).sign("u", "m", Map.of())))
            .hasMessageContaining("before use time");
    }

    @Test
    void refusesWhatIsNotAJwt() {
        assertThatThrownBy(() -> verifier.verify("not-a-token")).hasMessageContaining("not a well-formed JWT");
    }

}
