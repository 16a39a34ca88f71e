package dev.throughline.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Status, headers and a (usually JSON) body produced by an endpoint. */
public record SandboxResponse(int status, Map<String, String> headers, String body) {
    public SandboxResponse {
        if (status < 100 || status > 599)
            throw new IllegalArgumentException("bad status " + status);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json;charset=UTF-8"), json);
    }

    static SandboxResponse empty(int status) {
        return new SandboxResponse(status, Map.of(), "");
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, copy, body);
    }
}
