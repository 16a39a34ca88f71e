package dev.throughline.theme.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linking 250 issues takes three bulk tasks of 100; Jira failing part way is reported
 * exactly, never as "HTTP 0".
 */
class ThemeLinkBatchesTest extends InstalledSiteTest {

    private static final String PM = "pm-1";

    private String themeId;

    private List<String> keys;

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Product Manager");
        for (String project : List.of("WEB", "MOB", "PLAT")) {
            site.grant(PM, project, "BROWSE_PROJECTS").grant(PM, project, "EDIT_ISSUES");
        }
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
        AppUnderTest.Reply created = post("/api/themes",
                "{\"name\":\"Checkout\",\"horizon\":\"now\",\"color\":\"teal\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        themeId = created.json().path("id").asText();
        keys = site.issues().stream().limit(250).map(SandboxIssue::key).toList();
    }

    private AppUnderTest.Reply post(String path, String body) {
        return app().post(path, body, connect.contextToken(PM));
    }

    private AppUnderTest.Reply linkAll() {
        return post("/api/themes/" + themeId + "/links", "{\"issueKeys\":[\"" + String.join("\",\"", keys) + "\"]}");
    }

    @SuppressWarnings("unchecked")
    private List<String> linkedInJira() {
        List<String> linked = new ArrayList<>();
        for (String key : keys) {
            site.issueProperty(site.requireIssue(key).id(), "throughline.themes")
                .filter(value -> ((List<String>) ((Map<String, Object>) value).get("themeIds")).contains(themeId))
                .ifPresent(value -> linked.add(key));
        }
        return linked;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void aFailureInTheSecondBatchReportsTheFirstBatchLinkedAndTheRestNotLinkedWithJirasReason() {
        jira.failAfter(JiraSandbox.ISSUE_PROPERTIES_MULTI, 1, 1, 503);

        AppUnderTest.Reply reply = linkAll();

        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        JsonNode body = reply.json();
        assertThat(body.path("partial").asBoolean()).isTrue();
        assertThat(body.path("action").asText()).isEqualTo("reread");
        assertThat(body.path("linked").asInt()).isEqualTo(100);
        assertThat(body.path("applied").path("count").asInt()).isEqualTo(100);
        assertThat(body.path("notApplied").path("count").asInt()).isEqualTo(150);
        assertThat(body.path("unknown").path("count").asInt()).isZero();
        assertThat(texts(body.path("applied").path("keys"))).containsExactlyInAnyOrderElementsOf(linkedInJira());
        assertThat(body.path("reason").asText()).isNotBlank().doesNotContain("HTTP 0");
        assertThat(body.path("message").asText()).startsWith("100 of 250 issues linked; 150 not linked: Jira failed")
            .endsWith("Reload to see the current state.");
        assertThat(linkedInJira()).hasSize(100);
        assertThat(jira.requestCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isEqualTo(2); // the
                                                                                        // third
                                                                                        // batch
                                                                                        // is
                                                                                        // not
                                                                                        // sent
    }

    @Test
    void aBatchWhoseTaskCannotBeFollowedIsReReadAndCountedAsLinkedWhenJiraAppliedIt() {
        jira.failAfter(JiraSandbox.TASK, 1, 4, 503); // the 2nd batch's task: every
                                                     // attempt to read its progress

        AppUnderTest.Reply reply = linkAll();

        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        assertThat(reply.json().path("linked").asInt()).isEqualTo(200);
        assertThat(reply.json().path("notApplied").path("count").asInt()).isEqualTo(50);
        assertThat(reply.json().path("reason").asText()).contains("outcome is unknown");
        assertThat(linkedInJira()).hasSize(200);
    }

    @Test
    void allBatchesWrittenAnswer200WithTheCount() {
        AppUnderTest.Reply reply = linkAll();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("linked").asInt()).isEqualTo(250);
        assertThat(reply.json().has("partial")).isFalse();
        assertThat(jira.requestCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void linksAreWrittenWithTheirDateForTheReconciliationsThemesUpdatedSearch() {
        assertThat(linkAll().status()).isEqualTo(200);

        for (String key : keys) {
            Map<String, Object> links = (Map<String, Object>) site
                .issueProperty(site.requireIssue(key).id(), "throughline.themes")
                .orElseThrow();
            assertThat(links.get("updatedAt")).as(key).asString().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        }
    }

}
