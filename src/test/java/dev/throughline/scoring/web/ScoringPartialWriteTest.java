package dev.throughline.scoring.web;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes Jira applied in part, through the sandbox's fault injection: a score saved whose
 * sidebar label was not, the same save sent again, and a bulk write whose Jira task could
 * not be followed.
 */
class ScoringPartialWriteTest extends InstalledSiteTest {

    static final String OWNER = "po-1";
    static final String LABEL = "com.atlassian.jira.issue:throughline:value-context:status";
    static final String RICE_200 = ScoringApiTest.RICE_200;

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.grant(OWNER, "WEB", "BROWSE_PROJECTS").grant(OWNER, "WEB", "EDIT_ISSUES");
    }

    AppUnderTest.Reply put(String issueKey, String body) {
        return app().put("/api/issues/" + issueKey + "/value", body, connect.contextToken(OWNER));
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> stored(String issueKey, String propertyKey) {
        return site.issueProperty(site.requireIssue(issueKey).id(), propertyKey)
            .map(value -> (Map<String, Object>) value);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScoreSavedWhoseLabelJiraDidNotTakeIsAnsweredAsSavedAndTheNextReadRepairsTheLabel() {
        jira.failAfter(JiraSandbox.ISSUE_PROPERTY_PUT, 1, 4, 503); // the score passes;
                                                                   // the label's 4
                                                                   // attempts fail

        AppUnderTest.Reply saved = put("WEB-41", RICE_200);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("value").path("version").asLong()).isEqualTo(1);
        assertThat(saved.json().path("note").asText()).contains("Score saved").contains("sidebar label");
        assertThat(stored("WEB-41", "throughline.value")).isPresent();
        assertThat(stored("WEB-41", LABEL)).isEmpty();

        AppUnderTest.Reply read = app().get("/api/issues/WEB-41/value", connect.contextToken(OWNER));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("note")).isFalse();
        assertThat((Map<String, Object>) stored("WEB-41", LABEL).orElseThrow().get("value")).containsEntry("label",
                "RICE 200");
        // a label that agrees is not written again
        int puts = jira.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT);
        app().get("/api/issues/WEB-41/value", connect.contextToken(OWNER));
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isEqualTo(puts);
    }

    @Test
    void theSameSaveSentAgainWithItsOldVersionIsAnsweredAsSavedNotAsAConflict() {
        assertThat(put("WEB-42", RICE_200).status()).isEqualTo(200);

        AppUnderTest.Reply again = put("WEB-42", RICE_200);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("value").path("version").asLong()).isEqualTo(1);
        assertThat(again.json().path("value").path("history")).hasSize(1);
        // a different save with the old version is still a conflict
        AppUnderTest.Reply other = put("WEB-42", RICE_200.replace("\"reach\":500", "\"reach\":600"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("current").path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aBulkWriteWhoseTaskCannotBeFollowedIsReReadAndReportedWrittenNotLost() {
        jira.failNext(JiraSandbox.TASK, 4, 503, null); // every attempt to read the task's
                                                       // progress

        AppUnderTest.Reply reply = app().post("/api/value/bulk",
                "{\"items\":[" + ScoringApiTest.item("WEB-43", 0) + "," + ScoringApiTest.item("WEB-44", 0) + "]}",
                connect.contextToken(OWNER));

        // the sandbox applied the task at once: the re-read finds both written
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("written").asBoolean()).isTrue();
        assertThat(reply.json().path("results").findValuesAsText("outcome")).containsExactly("WRITTEN", "WRITTEN");
        assertThat(reply.json().path("message").asText()).doesNotContain("nothing was lost");
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isEqualTo(1);
    }

    @Test
    void aBulkWriteWhoseTaskAndReReadBothFailIsAnsweredPartialWithTheOutcomeUnknown() {
        jira.failNext(JiraSandbox.TASK, 4, 503, null);
        jira.failAfter(JiraSandbox.SEARCH, 1, 4, 503); // the lookup before the write
                                                       // passes; the re-read fails

        AppUnderTest.Reply reply = app().post("/api/value/bulk",
                "{\"items\":[" + ScoringApiTest.item("WEB-45", 0) + "," + ScoringApiTest.item("WEB-46", 0) + "]}",
                connect.contextToken(OWNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        assertThat(reply.json().path("written").asBoolean()).isFalse();
        assertThat(reply.json().path("partial").asBoolean()).isTrue();
        assertThat(reply.json().path("action").asText()).isEqualTo("reread");
        assertThat(reply.json().path("unknown").path("count").asInt()).isEqualTo(2);
        assertThat(reply.json().path("applied").path("count").asInt()).isZero();
        assertThat(reply.json().path("reason").asText()).contains("outcome is unknown");
        assertThat(reply.json().path("message").asText()).contains("0 of 2 scores written; 2 unknown")
            .contains("Reload")
            .doesNotContain("nothing was lost");
        assertThat(reply.json().path("results").findValuesAsText("outcome")).containsExactly("UNKNOWN", "UNKNOWN");
    }

}
