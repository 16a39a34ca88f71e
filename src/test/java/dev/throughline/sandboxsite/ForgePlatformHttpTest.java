package dev.throughline.sandboxsite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Forge platform's HTTP contract in the sandbox run
 * (docs/local-forge-platform.md): its JWKS on the app's origin, and invoke-remote calling
 * the app through the Forge door for a sandbox user, with the sandbox's demo data (copied
 * from the Connect install). Same context as the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "throughline.sandbox.enabled=true")
@ActiveProfiles("test")
class ForgePlatformHttpTest {

    @LocalServerPort
    int port;

    private AppUnderTest app() {
        return new AppUnderTest(port);
    }

    @Test
    void servesItsKeys() {
        AppUnderTest.Reply jwks = app().get(ForgePlatformController.JWKS, null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").path(0).path("kid").asText()).isEqualTo("local-forge-platform-1");
        assertThat(jwks.json().path("keys").path(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void invokesTheRemoteAsForgeDoes() {
        AppUnderTest.Reply reply = app().post("/forge-platform/invoke-remote", """
                {"path":"/api/themes","method":"GET","headers":{"Accept":"application/json"},
                 "context":{"moduleKey":"roadmap-themes","extension":{"type":"jira:globalPage"}},
                 "accountId":"admin"}
                """, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.path("body").path("themes").size()).as("the demo's themes").isPositive();
        assertThat(answer.path("headers").has("content-type")).isTrue();
    }

    @Test
    void writesThroughTheForgeDoor() {
        AppUnderTest.Reply reply = app().post("/forge-platform/invoke-remote", """
                {"path":"/api/settings","method":"GET","accountId":"admin"}
                """, null);
        JsonNode settings = reply.json().path("body");
        assertThat(reply.json().path("status").asInt()).as(reply.body()).isEqualTo(200);

        String body = "{\"path\":\"/api/settings\",\"method\":\"PUT\",\"accountId\":\"admin\",\"body\":{\"staleDays\":60,"
                + "\"planners\":" + settings.path("planners") + ",\"version\":" + settings.path("version") + "}}";
        AppUnderTest.Reply saved = app().post("/forge-platform/invoke-remote", body, null);

        assertThat(saved.json().path("status").asInt()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("body").path("staleDays").asInt()).isEqualTo(60);
    }

}
