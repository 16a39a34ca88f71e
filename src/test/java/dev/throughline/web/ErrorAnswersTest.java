package dev.throughline.web;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the server answers is JSON, Tomcat's own included; malformed requests never get a 500. */
class ErrorAnswersTest extends ConnectedAppTest {

    @Test
    void sessionIdInThePathGets400Json() {
        assertJson(app().get("/api/themes;jsessionid=ABC123", null), 400);
    }

    @Test
    void encodedCrlfInThePathGets400Json() {
        assertJson(app().get("/api/themes%0d%0aSet-Cookie:x=1", null), 400);
    }

    @Test
    void encodedSlashInThePathGets400Json() {
        assertJson(app().get("/api/themes%2Fx", null), 400);
    }

    @Test
    void encodedNulInThePathGets400Json() {
        assertJson(app().get("/api/themes%00x", null), 400);
    }

    @Test
    void errorPathCalledDirectlyGets404Json() {
        assertJson(app().get("/error", null), 404);
    }

    @Test
    void unknownPathGets401Or404JsonNotHtml() {
        AppUnderTest.Reply reply = app().get("/no/such/page", null);

        assertThat(reply.status()).isIn(401, 404);
        assertThat(reply.contentType()).contains("application/json");
    }

    private static void assertJson(AppUnderTest.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).contains("application/json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("message").asText()).isNotBlank();
    }
}
