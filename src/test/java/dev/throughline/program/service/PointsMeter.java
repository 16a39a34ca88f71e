package dev.throughline.program.service;

import dev.throughline.jira.PointCost;
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

    final AtomicLong points = new AtomicLong();

    final AtomicLong requests = new AtomicLong();

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        byte[] answer = response.getBody().readAllBytes();
        requests.incrementAndGet();
        points.addAndGet(cost(String.valueOf(request.getMethod()), request.getURI().getPath(),
                response.getRawStatusCode(), answer));
        return new Replayed(response, answer);
    }

    void reset() {
        points.set(0);
        requests.set(0);
    }

    /**
     * Priced by the app's own rule ({@link PointCost}), so the benchmark and the ledger
     * never disagree.
     */
    static long cost(String method, String path, int status, byte[] answer) {
        boolean read = method.equals("GET") || path.endsWith("/search/jql") || path.endsWith("/permissions/check")
                || path.endsWith("/approximate-count");
        return PointCost.of(!read, path, status, answer);
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
