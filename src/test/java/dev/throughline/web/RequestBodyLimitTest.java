package dev.throughline.web;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies above 1 MB are refused with 413 JSON, whether declared up front or
 * streamed in chunks.
 */
class RequestBodyLimitTest extends ConnectedAppTest {

    private static final String PROPERTY = "/api/probe/issues/WEB-1/properties/throughline.big";

    private static final int OVER_THE_LIMIT = 1024 * 1024 + 1;

    private JiraTokenSigner site;

    @BeforeEach
    void installSite() {
        site = installNewSite("bodies");
    }

    @Test
    void declaredOversizeBodyIsRefusedBeforeASingleByteOfItIsSent() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + PROPERTY + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: JWT " + site.contextToken("account-1") + "\r\n"
                    + "Content-Length: 10485760\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            String statusLine = in.readLine();
            StringBuilder headers = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.append(line).append('\n');
            }

            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat(headers.toString()).containsIgnoringCase("Content-Type: application/json");
        }
    }

    @Test
    void declaredOversizeBodyGets413Json() {
        AppUnderTest.Reply reply = app().send("PUT", PROPERTY,
                HttpRequest.BodyPublishers.ofByteArray(jsonOf(OVER_THE_LIMIT)), "Content-Type", "application/json",
                "Authorization", "JWT " + site.contextToken("account-1"));

        assertTooLarge(reply);
    }

    @Test
    void chunkedOversizeBodyGets413JsonOnceItPassesTheLimit() {
        byte[] body = jsonOf(OVER_THE_LIMIT);
        AppUnderTest.Reply reply = app().send("PUT", PROPERTY,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "Content-Type",
                "application/json", "Authorization", "JWT " + site.contextToken("account-1"));

        assertTooLarge(reply);
    }

    private static void assertTooLarge(AppUnderTest.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(413);
        assertThat(reply.json().path("message").asText()).contains("larger than");
    }

    /** A JSON string value of {@code size} bytes in all. */
    private static byte[] jsonOf(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        body[0] = '"';
        body[size - 1] = '"';
        return body;
    }

}
