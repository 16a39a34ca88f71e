package dev.throughline.sandboxsite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxBoard;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's demo plan compares one model (RICE, WEB's): the other projects' WSJF and
 * ICE epics are listed apart with their reason, never mixed into the plan; its two
 * scenarios solve; its board team (a MOB board showing two MOB epics) is a team.
 */
class SandboxDemoPlanTest extends InstalledSiteTest {

    @Test
    void theDemoPlanComparesRiceOnlyAndKeepsItsTwoScenarios() {
        SandboxSeeder.Seeded seeded = new SandboxSeeder(app(), connect, site).seed();
        String token = connect.contextToken(SandboxSite.ADMIN);
        JsonNode plans = app().get("/api/programs/" + seeded.programId() + "/plans", token).json();
        String plan = plans.get(0).path("id").asText();
        AppUnderTest.Reply solved = app().post("/api/programs/" + seeded.programId() + "/plans/" + plan + "/solve",
                "{}", token);
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        JsonNode answer = solved.json();
        assertThat(answer.path("model").asText()).isEqualTo("RICE");
        assertThat(answer.path("items").findValuesAsText("team")).isNotEmpty().containsOnly("WEB");
        for (JsonNode apart : answer.path("apart")) {
            assertThat(apart.path("reason").asText())
                .matches("not scored|scored with (WSJF|ICE); this plan compares RICE");
        }
        assertThat(answer.path("apart").findValuesAsText("team")).contains("MOB", "PLAT");
        assertThat(answer.path("prompt").asText()).startsWith("Score these epics with RICE");
        assertThat(answer.path("scenarios").findValuesAsText("name")).containsExactly("Delay costs less",
                "Pull in the partner integration");
        // its board team: a MOB board whose filter shows two MOB epics (and their
        // children), which are its work; the rest of MOB stays MOB's
        SandboxBoard board = site.boards()
            .stream()
            .filter(b -> b.name().equals(SandboxSeeder.DEMO_BOARD))
            .findFirst()
            .orElseThrow();
        String team = "board-" + board.id();
        assertThat(answer.path("teams").findValuesAsText("id")).contains(team, "WEB", "MOB", "PLAT");
        assertThat(answer.path("teams").findValuesAsText("name")).contains(SandboxSeeder.DEMO_BOARD);
        List<String> boardEpics = new ArrayList<>();
        answer.path("apart").forEach(a -> {
            if (a.path("team").asText().equals(team)) {
                boardEpics.add(a.path("key").asText());
            }
        });
        assertThat(boardEpics).hasSize(2).allMatch(key -> key.startsWith("MOB-"));
    }

}
