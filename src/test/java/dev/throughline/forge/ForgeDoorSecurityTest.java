package dev.throughline.forge;

import dev.throughline.forgeplatform.ForgeKeyServer;
import dev.throughline.forgeplatform.ForgeKeys;
import dev.throughline.forgeplatform.InvocationTokens;
import dev.throughline.forgeplatform.LocalForgePlatform;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Forge door refuses every token it should (issue 14, item 6), each with a 401 JSON
 * answer, and nothing reaches the sandbox's Jira: the request is a score write that would
 * otherwise be saved (the control case shows it is).
 */
class ForgeDoorSecurityTest extends InstalledSiteTest {

    private static final String SCORE = "{\"model\":\"RICE\",\"inputs\":{\"reach\":500,\"impact\":2,\"confidence\":80,"
            + "\"effort\":4},\"version\":0}";

    private static final String PATH = "/api/issues/WEB-11/value";

    private LocalForgePlatform platform;

    @BeforeEach
    void installForge() {
        platform = forge();
        jira.resetTraffic();
    }

    private AppUnderTest.Reply write(String fit) {
        return platform.send("PUT", PATH, SCORE, fit, jira.bearerTokens().issueSystemToken(Duration.ofMinutes(5)),
                jira.bearerTokens().issueUserToken("admin", Duration.ofMinutes(5)));
    }

    private String fit(InvocationTokens tokens) {
        return tokens.sign("admin", "throughline-page", Map.of());
    }

    private void assertRefusedAndNothingReachedJira(AppUnderTest.Reply reply, String reason) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
        assertThat(reply.json().path("message").asText()).contains(reason);
        assertThat(jira.recentRequests()).as("requests that reached Jira").isEmpty();
        assertThat(site.issueProperty(site.requireIssue("WEB-11").id(), "throughline.value")).isEmpty();
    }

    @Test
    void aValidInvocationWrites() {
        AppUnderTest.Reply reply = write(fit(platform.tokens()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(site.issueProperty(site.requireIssue("WEB-11").id(), "throughline.value")).isPresent();
    }

    @Test
    void wrongAudienceIsRefused() {
        assertRefusedAndNothingReachedJira(write(fit(platform.tokens().audience("ari:cloud:ecosystem::app/other"))),
                "audience");
    }

    @Test
    void wrongIssuerIsRefused() {
        assertRefusedAndNothingReachedJira(write(fit(platform.tokens().issuer("someone-else"))), "iss");
    }

    @Test
    void hs256IsRefused() {
        assertRefusedAndNothingReachedJira(write(platform.tokens().signHs256("admin")), "refused");
    }

    @Test
    void algNoneIsRefused() {
        assertRefusedAndNothingReachedJira(write(platform.tokens().unsigned("admin")), "refused");
    }

    @Test
    void expiredIsRefused() {
        InvocationTokens expired = platform.tokens().issuedAt(Instant.now().minusSeconds(600), Duration.ofMinutes(1));
        assertRefusedAndNothingReachedJira(write(fit(expired)), "Expired");
    }

    @Test
    void anUnknownKeyIsRefusedAfterOneRefetchOfTheKeys() {
        platform.invoke("admin", "GET", "/api/themes", null); // the keys are in the app's
                                                              // cache now
        jira.resetTraffic();
        int fetchesBefore = ForgeKeyServer.fetches();

        AppUnderTest.Reply reply = write(fit(platform.tokens().signedBy(ForgeKeys.generate("stranger-key"))));

        assertRefusedAndNothingReachedJira(reply, "refused");
        assertThat(ForgeKeyServer.fetches() - fetchesBefore).as("JWKS fetched again for the unknown kid").isEqualTo(1);
    }

    @Test
    void siteATokenForSiteBIsRefused() {
        try (JiraSandbox other = JiraSandbox.start(SandboxGenerator.demo())) {
            LocalForgePlatform siteB = new LocalForgePlatform(other, port);
            assertThat(siteB.install().status()).isEqualTo(204);
            other.resetTraffic();

            // A's installation naming B's site
            InvocationTokens mixed = new InvocationTokens(ForgeKeys.PLATFORM, InvocationTokens.ISSUER,
                    LocalForgePlatform.APP_ID, platform.installationId(), siteB.cloudId(), other.baseUrl(),
                    Instant.now(), Duration.ofMinutes(1));
            assertRefusedAndNothingReachedJira(write(fit(mixed)), "another site");

            // A's invocation carrying B's Jira token: A's Jira does not know it, nothing
            // is written anywhere
            AppUnderTest.Reply withOthersToken = platform.send("PUT", PATH, SCORE, fit(platform.tokens()),
                    other.bearerTokens().issueSystemToken(Duration.ofMinutes(5)), null);
            assertThat(withOthersToken.status()).as(withOthersToken.body()).isGreaterThanOrEqualTo(400);
            assertThat(site.issueProperty(site.requireIssue("WEB-11").id(), "throughline.value")).isEmpty();
            assertThat(other.recentRequests()).isEmpty();
            assertThat(other.site().issueProperty(other.site().requireIssue("WEB-11").id(), "throughline.value"))
                .isEmpty();
        }
    }

    @Test
    void anUninstalledSiteIsRefused() {
        assertThat(platform.uninstall().status()).isEqualTo(204);

        assertRefusedAndNothingReachedJira(write(fit(platform.tokens())), "not installed");
    }

    @Test
    void aMissingSystemTokenIsRefused() {
        AppUnderTest.Reply reply = platform.send("PUT", PATH, SCORE, fit(platform.tokens()), null,
                jira.bearerTokens().issueUserToken("admin", Duration.ofMinutes(5)));

        assertRefusedAndNothingReachedJira(reply, "system token");
    }

    @Test
    void forgePathsNeedAnInvocationToken() {
        AppUnderTest.Reply reply = platform.send("POST", "/forge/lifecycle/uninstalled", "{}", null, null, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.json().path("message").asText()).contains("Forge Invocation Token");
        assertThat(platform.invoke("admin", "GET", "/api/themes", null).status()).isEqualTo(200);
    }

}
