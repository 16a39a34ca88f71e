package dev.throughline.sandbox.http;

import dev.throughline.sandbox.SandboxGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox accepts Forge's app-system and app-user tokens as Jira does: only its own
 * and unexpired ones, a user token with that user's permissions, and nothing reaches the
 * site's model when a token is refused.
 */
class BearerTokenTest {

    private static final String PROPERTY = "/rest/api/3/issue/WEB-1/properties/throughline.test";

    private final JiraSandbox jira = JiraSandbox.start(SandboxGenerator.demo());

    @AfterEach
    void stop() {
        jira.stop();
    }

    private SandboxHttp.Reply put(String token) {
        return new SandboxHttp(jira, "Bearer " + token).put(PROPERTY, "{\"a\":1}");
    }

    @Test
    void aSystemTokenActsAsTheApp() {
        assertThat(put(jira.bearerTokens().issueSystemToken(Duration.ofMinutes(1))).status()).isEqualTo(201);
    }

    @Test
    void unknownExpiredAndOtherSitesTokensAreRefused() {
        try (JiraSandbox other = JiraSandbox.start(SandboxGenerator.demo())) {
            assertThat(put("made-up").status()).isEqualTo(401);
            assertThat(put(jira.bearerTokens().issueSystemToken(Duration.ZERO)).status()).isEqualTo(401);
            assertThat(put(other.bearerTokens().issueSystemToken(Duration.ofMinutes(1))).status()).isEqualTo(401);
        }
        assertThat(jira.site().issueProperty(jira.site().requireIssue("WEB-1").id(), "throughline.test")).isEmpty();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isZero();
    }

    @Test
    void aUserTokenHasItsUsersPermissions() {
        jira.site().addUser("reader", "Reader");
        jira.site().addUser("editor", "Editor");
        jira.site().grant("reader", "WEB", "BROWSE_PROJECTS");
        jira.site().grant("editor", "WEB", "BROWSE_PROJECTS").grant("editor", "WEB", "EDIT_ISSUES");

        assertThat(put(jira.bearerTokens().issueUserToken("reader", Duration.ofMinutes(1))).status()).isEqualTo(403);
        assertThat(put(jira.bearerTokens().issueUserToken("editor", Duration.ofMinutes(1))).status()).isEqualTo(201);
        String stranger = jira.bearerTokens().issueUserToken("nobody", Duration.ofMinutes(1));
        assertThat(new SandboxHttp(jira, "Bearer " + stranger).get(PROPERTY).status()).isEqualTo(403);
    }

}
