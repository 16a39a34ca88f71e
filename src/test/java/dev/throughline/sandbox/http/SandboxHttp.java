package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A minimal test client for the sandbox (the app's own Jira client is deliberately not
 * used).
 */
final class SandboxHttp {

    static final String AUTHORIZATION = "JWT test-token";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final String authorization;

    SandboxHttp(JiraSandbox sandbox) {
        this(sandbox, AUTHORIZATION);
    }

    /** A client sending its own Authorization header (e.g. a Forge Bearer token). */
    SandboxHttp(JiraSandbox sandbox, String authorization) {
        this.baseUrl = sandbox.baseUrl();
        this.authorization = authorization;
    }

    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method,
                        text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
                .build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), response, json);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
