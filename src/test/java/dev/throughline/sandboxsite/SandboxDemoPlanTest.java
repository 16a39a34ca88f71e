package dev.throughline.sandboxsite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's demo plan compares one model (RICE, WEB's): the other projects' WSJF and
 * ICE epics are listed apart with their reason, never mixed into the plan; its two
 * scenarios solve.
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
    }

}
