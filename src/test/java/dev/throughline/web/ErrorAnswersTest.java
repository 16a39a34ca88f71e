package dev.throughline.web;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the server answers is JSON, Tomcat's own included; malformed requests never
 * get a 500.
 */
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

    @Test
    void malformedRequestLineGets400Json() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                .write("GET /api/the{mes HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/json").contains("\"status\":400");
        }
    }

    private static void assertJson(AppUnderTest.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).contains("application/json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("message").asText()).isNotBlank();
    }

}
