package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program without open epics plans its open issues (README, Program planning): the
 * sandbox's PLAT project is closed, then three stories without an epic parent are
 * created, scored with RICE through the value API, one blocking another.
 */
class PlanIssuesApiTest extends InstalledSiteTest {

    private static final String PM = "plan-pm";

    private final List<String> stories = new ArrayList<>();

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "PLAT", "BROWSE_PROJECTS").grant(PM, "PLAT", "EDIT_ISSUES");
        site.issues()
            .stream()
            .filter(i -> i.projectKey().equals("PLAT") && !i.status().done())
            .forEach(i -> site.transition(i.key(), IssueStatus.DONE));
        SandboxIssue blocker = site.create("PLAT", IssueType.STORY, 0);
        SandboxIssue blocked = site.create("PLAT", IssueType.STORY, 0);
        SandboxIssue unscored = site.create("PLAT", IssueType.BUG, 0);
        site.addLink(LinkType.BLOCKS, blocker.id(), blocked.id());
        stories.addAll(List.of(blocker.key(), blocked.key(), unscored.key()));
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
    }

    private void score(String key, int reach) {
        String item = "{\"issueKey\":\"%s\",\"model\":\"RICE\",\"version\":0,\"inputs\":".formatted(key)
                + "{\"reach\":%d,\"impact\":1,\"confidence\":100,\"effort\":1}}".formatted(reach);
        AppUnderTest.Reply scored = app().post("/api/value/bulk", "{\"items\":[" + item + "]}",
                connect.contextToken(PM));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
    }

    @Test
    void theCandidatesOfAProgramWithoutEpicsAreItsOpenIssues() {
        score(stories.get(0), 100);
        score(stories.get(1), 300);
        AppUnderTest.Reply created = app().post("/api/programs", "{\"name\":\"Platform\",\"projects\":[\"PLAT\"]}",
                connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String base = "/api/programs/" + created.json().path("id").asText() + "/plans";
        AppUnderTest.Reply reply = app().get(base + "/inputs?quarters=2", connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode inputs = reply.json();
        assertThat(inputs.path("candidateKind").asText()).isEqualTo("issues");
        assertThat(inputs.path("model").asText()).isEqualTo("RICE");
        JsonNode candidates = inputs.path("candidates");
        assertThat(candidates.findValuesAsText("key")).containsExactlyInAnyOrder(stories.get(0), stories.get(1));
        assertThat(candidates.findValuesAsText("team")).containsOnly("PLAT");
        assertThat(item(candidates, stories.get(0)).path("value").asDouble()).isEqualTo(100);
        assertThat(item(candidates, stories.get(1)).path("value").asDouble()).isEqualTo(300);
        assertThat(candidates.findValues("effort")).allMatch(effort -> effort.asDouble() == 1);
        assertThat(item(candidates, stories.get(0)).path("blockers").size()).isZero();
        assertThat(item(candidates, stories.get(1)).path("blockers").toString())
            .isEqualTo("[\"" + stories.get(0) + "\"]");
        assertThat(inputs.path("apart").findValuesAsText("key")).containsExactly(stories.get(2));
        assertThat(inputs.path("apart").get(0).path("reason").asText()).isEqualTo("not scored");
        assertThat(inputs.path("prompt").asText()).startsWith("Score these issues with RICE");

        AppUnderTest.Reply solved = app().post(base + "/solve", reply.body(), connect.contextToken(PM));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        JsonNode items = solved.json().path("items");
        List<String> periods = List.of(inputs.path("periods").get(0).asText(), inputs.path("periods").get(1).asText());
        int blocker = periods.indexOf(item(items, stories.get(0)).path("period").asText());
        int blocked = periods.indexOf(item(items, stories.get(1)).path("period").asText());
        assertThat(blocker).isNotNegative();
        assertThat(blocked).isGreaterThanOrEqualTo(blocker);
    }

    @Test
    void aRefinedProgramWithoutEpicsPlansOnlyTheIssuesItsRefinementMatches() {
        score(stories.get(0), 100);
        AppUnderTest.Reply created = app().post("/api/programs",
                "{\"name\":\"Platform stories\",\"projects\":[\"PLAT\"],\"jql\":\"issuetype = Story\"}",
                connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        AppUnderTest.Reply reply = app().get(
                "/api/programs/" + created.json().path("id").asText() + "/plans/inputs?quarters=2",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode inputs = reply.json();
        assertThat(inputs.path("candidateKind").asText()).isEqualTo("issues");
        assertThat(inputs.path("candidates").findValuesAsText("key")).containsExactly(stories.get(0));
        // the unscored bug is not the program's: the refinement leaves it out
        assertThat(inputs.path("apart").findValuesAsText("key")).containsExactly(stories.get(1));
    }

    private static JsonNode item(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.path("key").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError(key + " not in " + items);
    }

}
