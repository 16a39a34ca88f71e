package dev.throughline.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An HTTP request as the sandbox's endpoints see it, independent of WireMock. */
public record SandboxRequest(String method, String path, Map<String, List<String>> query, String body,
        String authorization, String baseUrl, Map<String, String> pathVariables) {

    public SandboxRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        body = body == null ? "" : body;
        Objects.requireNonNull(baseUrl, "baseUrl");
        pathVariables = Map.copyOf(pathVariables);
    }

    /** Splits "/path?a=1&b=2" into path and decoded query parameters. */
    static SandboxRequest of(String method, String url, String body, String authorization, String baseUrl) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.isEmpty())
                    continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new SandboxRequest(method, decodePath(path), query, body, authorization, baseUrl, Map.of());
    }

    SandboxRequest withPathVariables(Map<String, String> variables) {
        return new SandboxRequest(method, path, query, body, authorization, baseUrl, variables);
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null)
            throw new IllegalStateException("no path variable " + name);
        return value;
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * All values, each split on commas, as Jira accepts both "fields=a,b" and
     * "fields=a&fields=b".
     */
    public List<String> queryList(String name) {
        List<String> result = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String part : value.split(","))
                if (!part.isBlank())
                    result.add(part.trim());
        }
        return result;
    }

    public int intParameter(String name, int defaultValue) {
        String value = queryParameter(name).orElse(null);
        if (value == null || value.isBlank())
            return defaultValue;
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new BadRequest("Parameter '" + name + "' must be a number.");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Thrown by endpoints for a 400 answered with Jira's error collection. */
    public static final class BadRequest extends RuntimeException {

        public BadRequest(String message) {
            super(message);
        }

    }
}
