package dev.throughline.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the running app over real HTTP, so every request passes through the real filter
 * chain.
 */
public final class AppUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String root;

    public AppUnderTest(int port) {
        this.root = "http://localhost:" + port;
    }

    public Reply get(String pathAndQuery, String jwtOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).GET();
        if (jwtOrNull != null) {
            request.header("Authorization", "JWT " + jwtOrNull);
        }
        return send(request);
    }

    public Reply delete(String pathAndQuery, String jwtOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).DELETE();
        if (jwtOrNull != null) {
            request.header("Authorization", "JWT " + jwtOrNull);
        }
        return send(request);
    }

    public Reply post(String path, String json, String jwtOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (jwtOrNull != null) {
            request.header("Authorization", "JWT " + jwtOrNull);
        }
        return send(request);
    }

    public Reply put(String path, String json, String jwtOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (jwtOrNull != null) {
            request.header("Authorization", "JWT " + jwtOrNull);
        }
        return send(request);
    }

    /**
     * Any method and body, e.g. a streamed (chunked) one; {@code headers} are name, value
     * pairs.
     */
    public Reply send(String method, String pathAndQuery, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String body, String contentType, HttpHeaders headers) {

        /** The first value of the answer's header, or "" when it has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }
    }

}
