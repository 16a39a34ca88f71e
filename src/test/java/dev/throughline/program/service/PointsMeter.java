package dev.throughline.program.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts Jira points the way Atlassian meters an app (Rate limiting, from 2 March 2026)
 * from what the sandbox answered: a read costs 1 plus 1 per issue or project it returns
 * and 2 per user, group or permission object; a write costs 1. Placed where the
 * benchmark's recorder sits, it reads each answer's body once and hands it on unchanged.
 */
final class PointsMeter implements ClientHttpRequestInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLong points = new AtomicLong();

    final AtomicLong requests = new AtomicLong();

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        byte[] answer = response.getBody().readAllBytes();
        requests.incrementAndGet();
        points.addAndGet(cost(String.valueOf(request.getMethod()), request.getURI().getPath(), answer));
        return new Replayed(response, answer);
    }

    void reset() {
        points.set(0);
        requests.set(0);
    }

    static long cost(String method, String path, byte[] answer) {
        boolean read = method.equals("GET") || path.endsWith("/search/jql") || path.endsWith("/permissions/check")
                || path.endsWith("/approximate-count");
        if (!read) {
            return 1;
        }
        JsonNode node;
        try {
            node = answer.length == 0 ? JSON.missingNode() : JSON.readTree(answer);
        }
        catch (IOException e) {
            return 1;
        }
        long objects = node.path("issues").size() + node.path("values").size();
        // a bare array is a user's groups: 2 each, as permission objects
        long principals = node.isArray() ? node.size() : 0;
        long permissions = node.path("projectPermissions").size() + node.path("globalPermissions").size();
        return 1 + objects + 2 * (principals + permissions);
    }

    /** The answer with its body read once and served again from memory. */
    private record Replayed(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatus getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public int getRawStatusCode() throws IOException {
            return response.getRawStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

    }

}
