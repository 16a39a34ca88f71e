package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.IgnoreJwt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.forgeplatform.ForgeKeys;
import dev.throughline.forgeplatform.LocalForgePlatform;
import dev.throughline.support.AppUnderTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Forge platform's HTTP side in the sandbox run, on the app's own origin (so
 * the pages' Forge host calls it without CORS): its JWKS, and {@code invoke-remote},
 * which does what Forge does for a Custom UI page's {@code invokeRemote}
 * (docs/local-forge-platform.md).
 */
@IgnoreJwt
@RequestMapping
@ResponseBody
class ForgePlatformController {

    static final String JWKS = "/forge-platform/jwks.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PLATFORM_HEADERS = List.of("authorization", "x-forge-oauth-system",
            "x-forge-oauth-user", "host", "content-length", "connection");

    private final SandboxSiteRuntime runtime;

    ForgePlatformController(SandboxSiteRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping(value = JWKS, produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        return ForgeKeys.jwks();
    }

    @PostMapping(value = "/forge-platform/invoke-remote", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> invokeRemote(@RequestBody JsonNode call) {
        LocalForgePlatform forge = runtime.forge();
        String path = call.path("path").asText("");
        if (forge == null || !path.startsWith("/")) {
            ObjectNode refused = JSON.createObjectNode().put("status", forge == null ? 503 : 400);
            refused.put("body", forge == null ? "The sandbox site is still starting." : "path must start with /");
            return ResponseEntity.ok(refused);
        }
        JsonNode body = call.get("body");
        Map<String, String> headers = new LinkedHashMap<>();
        call.path("headers").fields().forEachRemaining(header -> {
            if (!PLATFORM_HEADERS.contains(header.getKey().toLowerCase())) {
                headers.put(header.getKey(), header.getValue().asText());
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> extension = JSON.convertValue(call.path("context").path("extension"), Map.class);
        AppUnderTest.Reply reply = forge.invoke(call.path("accountId").asText("admin"),
                call.path("method").asText("GET"), path, body == null || body.isNull() ? null : body.toString(),
                call.path("context").path("moduleKey").asText("throughline-page"),
                extension == null ? Map.of() : extension, headers);
        ObjectNode answer = JSON.createObjectNode().put("status", reply.status());
        ObjectNode answerHeaders = answer.putObject("headers");
        reply.headers().map().forEach((name, values) -> answerHeaders.put(name, String.join(", ", values)));
        answer.set("body", bodyOf(reply));
        return ResponseEntity.ok(answer);
    }

    private static JsonNode bodyOf(AppUnderTest.Reply reply) {
        if (reply.contentType().contains("json") && !reply.body().isEmpty()) {
            try {
                return JSON.readTree(reply.body());
            }
            catch (IOException e) {
                // not JSON after all: handed on as text
            }
        }
        return JSON.getNodeFactory().textNode(reply.body());
    }

}
