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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts Jira points the way Atlassian meters an app (Rate limiting, from 2 March 2026)
 * from what the sandbox answered: a read costs 1 plus 1 per issue or project it returns
 * and 2 per user, group or permission object; a write costs 1. Placed where the
 * benchmark's recorder sits, it reads each answer's body once and hands it on unchanged.
 */
final class PointsMeter implements ClientHttpRequestInterceptor {

    final AtomicLong points = new AtomicLong();

    final AtomicLong requests = new AtomicLong();

    /**
     * Points and requests since the last reset by kind of call (method, path and a
     * search's JQL, its numbers and id lists elided), to say which searches cost what.
     */
    private final Map<String, long[]> byCall = new ConcurrentHashMap<>();

    // unrolled ("normal* (special normal*)*", possessive): an alternation inside a loop
    // recurses once per character and overflowed the stack on a JQL listing thousands
    // of ids
    private static final Pattern JQL = Pattern.compile("\"jql\"\\s*:\\s*\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        byte[] answer = response.getBody().readAllBytes();
        requests.incrementAndGet();
        long cost = cost(String.valueOf(request.getMethod()), request.getURI().getPath(), response.getRawStatusCode(),
                answer);
        points.addAndGet(cost);
        long[] kind = byCall.computeIfAbsent(kind(request, body), k -> new long[2]);
        synchronized (kind) {
            kind[0] += cost;
            kind[1]++;
        }
        return new Replayed(response, answer);
    }

    void reset() {
        points.set(0);
        requests.set(0);
        byCall.clear();
    }

    /** The calls since the last reset, one line per kind: points, requests, call. */
    String breakdown() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byCall).forEach((call, n) -> out
            .append(String.format(Locale.ROOT, "%,8d points %5d requests  %s%n", n[0], n[1], call)));
        return out.toString();
    }

    private static String kind(HttpRequest request, byte[] body) {
        String call = request.getMethod() + " " + request.getURI().getPath();
        Matcher jql = JQL.matcher(new String(body, StandardCharsets.UTF_8));
        if (jql.find()) {
            call += " " + jql.group(1).replaceAll("\\([^()]*\\)", "(…)").replaceAll("\\d+", "N");
        }
        return call;
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
