package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large program reports how far its rollup has got while it is computed ("12,400 of
 * ~40,000 issues").
 */
class ProgramProgressTest extends InstalledSiteTest {

    @Override
    protected JiraSandbox startSandbox() {
        return JiraSandbox.start(SandboxGenerator.demo()).withLatency(Duration.ofMillis(150));
    }

    @Override
    protected void seed(SandboxSite site) {
        ProgramManagerSandbox.seed(site, "pgm");
    }

    @Test
    void progressCountsIssuesReadAgainstJirasApproximateTotalWhileComputing() throws Exception {
        String id = app()
            .post("/api/programs", "{\"name\":\"Big\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"]}",
                    connect.contextToken("pgm"))
            .json()
            .path("id")
            .asText();
        String path = "/api/programs/" + id + "/rollup";

        CompletableFuture<AppUnderTest.Reply> rollup = CompletableFuture
            .supplyAsync(() -> app().get(path, connect.contextToken("pgm")));
        List<JsonNode> seen = new ArrayList<>();
        while (!rollup.isDone()) {
            seen.add(app().get(path + "/progress", connect.contextToken("pgm")).json());
            Thread.sleep(100);
        }

        assertThat(rollup.get().status()).isEqualTo(200);
        JsonNode during = seen.stream()
            .filter(p -> p.path("computing").asBoolean() && p.path("approximateTotal").asLong() > 0)
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("no progress seen: " + seen));
        assertThat(during.path("approximateTotal").asLong()).isEqualTo(jira.site().issues().size());
        assertThat(during.path("read").asLong()).isBetween(0L, (long) jira.site().issues().size());
        assertThat(app().get(path + "/progress", connect.contextToken("pgm")).json().path("computing").asBoolean())
            .isFalse();
    }

}
