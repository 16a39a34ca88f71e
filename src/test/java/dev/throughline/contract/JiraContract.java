package dev.throughline.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates a request/response pair against Atlassian's published OpenAPI specs of Jira Cloud:
 * the platform spec for {@code /rest/api/3} and {@code /rest/atlassian-connect/1},
 * the software (agile) spec for {@code /rest/agile/1.0}.
 * The specs are parsed once per JVM (the platform spec is 2.4 MB).
 */
public final class JiraContract {

    private JiraContract() {
    }

    /** One HTTP exchange as the client saw it; header values are lists as on the wire. */
    public record Exchange(String method, String path, Map<String, List<String>> query,
                           Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** Validation messages (empty when the exchange matches the spec). */
    public static List<String> violations(Exchange exchange) {
        OpenApiInteractionValidator validator = validatorFor(exchange.path());
        ValidationReport report = validator.validate(toRequest(exchange), toResponse(exchange));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": "
                        + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    /** Throws an AssertionError listing the validator's messages when the exchange breaks the contract. */
    public static void assertMatches(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("Jira contract violated:\n  " + String.join("\n  ", violations));
        }
    }

    private static OpenApiInteractionValidator validatorFor(String path) {
        if (path.startsWith("/rest/agile/1.0/")) {
            return SoftwareSpec.VALIDATOR;
        }
        if (path.startsWith("/rest/api/3/") || path.startsWith("/rest/atlassian-connect/1/")) {
            return PlatformSpec.VALIDATOR;
        }
        throw new AssertionError("No Jira spec covers " + path);
    }

    private static Request toRequest(Exchange e) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(e.method(), e.path());
        e.query().forEach(builder::withQueryParam);
        e.requestHeaders().forEach(builder::withHeader);
        if (e.requestBody() != null && !e.requestBody().isEmpty()) {
            builder.withBody(e.requestBody());
        }
        return builder.build();
    }

    private static Response toResponse(Exchange e) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(e.status());
        e.responseHeaders().forEach(builder::withHeader);
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            builder.withBody(e.responseBody());
        }
        return builder.build();
    }

    static Path sharedDir() {
        String dir = System.getProperty("throughline.shared-dir", "../shared");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    private static OpenApiInteractionValidator load(String file) {
        Path spec = sharedDir().resolve("jira").resolve(file);
        if (!Files.isReadable(spec)) {
            throw new IllegalStateException("Jira spec not found: " + spec + " (set -Dthroughline.shared-dir)");
        }
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                .withLevelResolver(levels())
                .build();
    }

    /** What the specs cannot express; everything else is an error. */
    private static LevelResolver levels() {
        return LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                // Connect apps authenticate with a JWT Authorization header; the specs only describe OAuth2/basic.
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                // 429 (rate limit) and 503 are answered by every operation but documented by few.
                .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                .build();
    }

    private static final class PlatformSpec {
        static final OpenApiInteractionValidator VALIDATOR = load("jira-platform-openapi.json");
    }

    private static final class SoftwareSpec {
        static final OpenApiInteractionValidator VALIDATOR = load("jira-software-openapi.json");
    }
}
