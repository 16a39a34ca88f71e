package dev.throughline.contract;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every exchange a WireMock server saw (the client's request and the stub's
 * response) against Jira's OpenAPI specs via {@link JiraContract}. Use from an
 * {@code @AfterEach}:
 * {@code WireMockContract.assertAllMatch(wireMock.getAllServeEvents())}.
 */
public final class WireMockContract {

    private WireMockContract() {
    }

    public static void assertAllMatch(List<ServeEvent> events) {
        List<String> violations = violations(events);
        if (!violations.isEmpty()) {
            throw new AssertionError("Jira contract violated by " + violations.size() + " message(s):\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * Unmatched requests are left to WireMock's failOnUnmatchedRequests; they have no
     * stubbed response.
     */
    public static List<String> violations(List<ServeEvent> events) {
        List<String> violations = new ArrayList<>();
        for (ServeEvent event : events) {
            if (event.getWasMatched() && event.getResponse() != null && event.getResponse().getFault() == null) {
                violations.addAll(JiraContract.violations(exchange(event.getRequest(), event.getResponse())));
            }
        }
        return violations;
    }

    static JiraContract.Exchange exchange(LoggedRequest request, LoggedResponse response) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        Map<String, List<String>> query = question < 0 ? Map.of() : query(url.substring(question + 1));
        return new JiraContract.Exchange(request.getMethod().getName(), path, query, headers(request.getHeaders()),
                request.getBodyAsString(), response.getStatus(), headers(response.getHeaders()),
                response.getBodyAsString());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (headers != null) {
            for (HttpHeader header : headers.all()) {
                map.put(header.key(), header.values());
            }
        }
        return map;
    }

}
