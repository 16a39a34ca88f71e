package dev.throughline.connect;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token rules Throughline adds to ACSB's: a bounded lifetime, no tokens from the
 * future, no token without an issuer, and a refused token is never written to the log or
 * echoed in the answer.
 */
class TokenRulesTest extends ConnectedAppTest {

    private static final String API = "/api/probe/whoami";

    private JiraTokenSigner site;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    private final Logger acsb = (Logger) LoggerFactory.getLogger("com.atlassian.connect");

    private Level rootLevel;

    private Level acsbLevel;

    @BeforeEach
    void installSiteAndListenToTheLogAsProductionDoes() {
        site = installNewSite("tokens");
        // production logs INFO and above; the test configuration silences ACSB, so undo
        // that for these tests
        rootLevel = root.getLevel();
        acsbLevel = acsb.getLevel();
        root.setLevel(Level.INFO);
        acsb.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("com.atlassian.connect.spring")).setLevel(null);
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
        root.setLevel(rootLevel);
        acsb.setLevel(acsbLevel);
        ((Logger) LoggerFactory.getLogger("com.atlassian.connect.spring")).setLevel(Level.OFF);
    }

    @Test
    void tokenLivingTenYearsIsRefused() {
        String token = site.contextTokenIssuedAt(Instant.now(), Duration.ofDays(3650), "account-1");

        assertRefused(app().get(API, token), token, "lifetime");
    }

    @Test
    void tokenLivingJustOverFifteenMinutesIsRefused() {
        String token = site.contextTokenIssuedAt(Instant.now(), Duration.ofMinutes(15).plusSeconds(1), "account-1");

        assertRefused(app().get(API, token), token, "lifetime");
    }

    @Test
    void contextTokenLivingFifteenMinutesLikeAPContextGetTokenIsAccepted() {
        String token = site.contextTokenIssuedAt(Instant.now(), Duration.ofMinutes(15), "account-1");

        AppUnderTest.Reply reply = app().get(API, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        String token = site.contextTokenIssuedAt(Instant.now().plusSeconds(600), Duration.ofMinutes(3), "account-1");

        assertRefused(app().get(API, token), token, "future");
    }

    @Test
    void tokenIssuedWithinTheClockSkewIsAccepted() {
        String token = site.contextTokenIssuedAt(Instant.now().plusSeconds(30), Duration.ofMinutes(3), "account-1");

        assertThat(app().get(API, token).status()).isEqualTo(200);
    }

    @Test
    void tokenWithoutIssuerGets401NotA500() {
        String token = site.contextTokenWithoutIssuer("account-1");

        assertRefused(app().get(API, token), token, "iss");
    }

    @Test
    void tokenThatIsNotAJwtGets401() {
        String token = "not-a-jwt-but-secret-looking-0123456789abcdef";

        assertRefused(app().get(API, token), token, "");
    }

    @Test
    void tokenWithAForgedSignatureIsRefusedWithoutBeingLoggedOrEchoed() {
        String token = site.contextTokenSignedWith(JiraTokenSigner.newSecret(), "account-1");

        assertRefused(app().get(API, token), token, "");
    }

    @Test
    void expiredTokenIsRefusedWithoutBeingLoggedOrEchoed() {
        String token = site.expiredContextToken("account-1");

        assertRefused(app().get(API, token), token, "");
    }

    @Test
    void refusalIsLoggedWithAShortHashAndTheIssuer() {
        String token = site.contextTokenIssuedAt(Instant.now(), Duration.ofDays(3650), "account-1");

        app().get(API, token);

        assertThat(logLines())
            .anySatisfy(line -> assertThat(line).contains(site.clientKey()).containsPattern("sha256:[0-9a-f]{8}"));
    }

    private void assertRefused(AppUnderTest.Reply reply, String token, String reasonWord) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(reply.json().path("message").asText()).contains(reasonWord);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(reply.body()).doesNotContain(token).doesNotContain(signature);
        assertThat(logLines()).allSatisfy(line -> assertThat(line).doesNotContain(token).doesNotContain(signature));
    }

    private List<String> logLines() {
        return logged.list.stream()
            .map(event -> event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
            .toList();
    }

}
