package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over the site's RestTemplate: sends bodies as UTF-8 JSON, parses answers, and
 * turns every failure into a {@link JiraException}. URIs are templates relative to the
 * site (the template's URI handler or ACSB's signing interceptor makes them absolute);
 * variables are strictly encoded.
 */
final class JiraHttp {

    /** A successful answer. */
    record Answer(int status, JsonNode body, Optional<URI> location) {
    }

    private final RestTemplate rest;

    JiraHttp(RestTemplate rest) {
        this.rest = rest;
    }

    JsonNode get(String uriTemplate, Map<String, ?> vars) {
        return send(HttpMethod.GET, uriTemplate, null, vars).body();
    }

    /** Empty on 404. */
    Optional<JsonNode> getIfFound(String uriTemplate, Map<String, ?> vars) {
        try {
            return Optional.of(get(uriTemplate, vars));
        }
        catch (JiraNotFoundException e) {
            return Optional.empty();
        }
    }

    JsonNode post(String uriTemplate, Object body, Map<String, ?> vars) {
        return send(HttpMethod.POST, uriTemplate, body, vars).body();
    }

    /**
     * The answer's body as Jira sent it, for readers that do not want a whole tree
     * (search pages).
     */
    byte[] postForBytes(String uriTemplate, Object body, Map<String, ?> vars) {
        return exchange(HttpMethod.POST, uriTemplate, body, vars).getBody();
    }

    /**
     * {@code body} is a {@link PropertyValue}, a JsonNode, plain Java values, or null for
     * none.
     */
    Answer send(HttpMethod method, String uriTemplate, Object body, Map<String, ?> vars) {
        ResponseEntity<byte[]> response = exchange(method, uriTemplate, body, vars);
        return new Answer(response.getStatusCodeValue(), Json.parse(response.getBody()),
                Optional.ofNullable(response.getHeaders().getLocation()));
    }

    private ResponseEntity<byte[]> exchange(HttpMethod method, String uriTemplate, Object body, Map<String, ?> vars) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        byte[] bytes = null;
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            String json = body instanceof PropertyValue value ? value.json() : Json.write(body);
            bytes = json.getBytes(StandardCharsets.UTF_8);
        }
        String what = method + " " + uriTemplate;
        try {
            return rest.exchange(uriTemplate, method, new HttpEntity<>(bytes, headers), byte[].class, vars);
        }
        catch (RestClientResponseException e) {
            throw JiraErrors.of(what, e.getRawStatusCode(), e.getResponseHeaders(), e.getResponseBodyAsByteArray());
        }
        catch (ResourceAccessException e) {
            if (e.getCause() instanceof DeadlinePassedException late) {
                throw new JiraDeadlineException(what + ": " + late.getMessage(), late.mayHaveWritten(), e);
            }
            throw new JiraUnavailableException(what + " got no answer: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

}
