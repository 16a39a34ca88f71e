package dev.throughline.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.anyOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContains;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusTypeIs;

/**
 * Validates a request/response pair against Atlassian's published OpenAPI specs of Jira
 * Cloud: the platform spec for {@code /rest/api/3} and {@code /rest/atlassian-connect/1},
 * the software (agile) spec for {@code /rest/agile/1.0}. The specs are parsed once per
 * JVM (the platform spec is 2.4 MB).
 * <p>
 * Strict by default: unknown paths and methods, undocumented success statuses, request
 * bodies and parameters, and response bodies of documented statuses are all checked;
 * deprecated operations are flagged too. {@link #levels()} and {@link #knownSpecGaps()}
 * list, each with its reason, the only things let through.
 */
public final class JiraContract {

    private JiraContract() {
    }

    /** One HTTP exchange as the client saw it; header values are lists as on the wire. */
    public record Exchange(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> requestHeaders, String requestBody, int status,
            Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** Validation messages (empty when the exchange matches the spec). */
    public static List<String> violations(Exchange exchange) {
        Spec spec = specFor(exchange.path());
        ValidationReport report = spec.validator().validate(toRequest(exchange), toResponse(exchange));
        String call = exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": ";
        List<String> violations = report.getMessages()
            .stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(m -> call + m.getKey() + ": " + m.getMessage())
            .collect(Collectors.toCollection(ArrayList::new));
        spec.deprecated()
            .stream()
            .filter(op -> op.matches(exchange.method(), exchange.path()))
            .forEach(op -> violations.add(call + "deprecated operation " + op.method() + " " + op.template()
                    + " (Jira removes these; e.g. /rest/api/3/search is gone since 2025-05-01)"));
        return violations;
    }

    /**
     * Throws an AssertionError listing the validator's messages when the exchange breaks
     * the contract.
     */
    public static void assertMatches(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("Jira contract violated:\n  " + String.join("\n  ", violations));
        }
    }

    private static Spec specFor(String path) {
        if (path.startsWith("/rest/agile/1.0/")) {
            return SoftwareSpec.SPEC;
        }
        if (path.startsWith("/rest/api/3/") || path.startsWith("/rest/atlassian-connect/1/")) {
            return PlatformSpec.SPEC;
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

    /**
     * A parsed spec: its validator and its operations marked deprecated (which the
     * validator accepts).
     */
    private record Spec(OpenApiInteractionValidator validator, List<DeprecatedOperation> deprecated) {
    }

    private record DeprecatedOperation(String method, String template, Pattern path) {

        boolean matches(String requestMethod, String requestPath) {
            return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    private static Spec load(String file) {
        quietParserLogs();
        Path spec = sharedDir().resolve("jira").resolve(file);
        if (!Files.isReadable(spec)) {
            throw new IllegalStateException("Jira spec not found: " + spec + " (set -Dthroughline.shared-dir)");
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForSpecificationUrl(spec.toUri().toString())
            .withLevelResolver(levels())
            .withWhitelist(knownSpecGaps())
            .build();
        return new Spec(validator, deprecatedOperations(spec));
    }

    private static List<DeprecatedOperation> deprecatedOperations(Path spec) {
        List<DeprecatedOperation> deprecated = new ArrayList<>();
        try {
            JsonNode paths = new ObjectMapper().readTree(spec.toFile()).path("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (op.getValue().path("deprecated").asBoolean(false)) {
                    String regex = Arrays.stream(path.getKey().split("\\{[^}]+}", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("[^/]+"));
                    deprecated.add(new DeprecatedOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            Pattern.compile(regex)));
                }
            }));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(deprecated);
    }

    /**
     * The swagger parser logs every $ref it resolves at DEBUG; test runs have no logback
     * config to stop it.
     */
    private static void quietParserLogs() {
        for (String name : List.of("io.swagger", "com.atlassian.oai")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /**
     * Everything the validator finds is an error, except what the specs cannot express.
     */
    private static LevelResolver levels() {
        return LevelResolver.create()
            .withDefaultLevel(ValidationReport.Level.ERROR)
            // Connect apps authenticate with a JWT Authorization header, which the specs
            // do not describe
            // (they know only OAuth 2.0 and basic auth).
            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
            .build();
    }

    /**
     * Narrow exceptions for what Jira really does but its specs do not say; each rule
     * names its reason.
     */
    private static ValidationErrorsWhitelist knownSpecGaps() {
        return ValidationErrorsWhitelist.create()
            .withRule("Any operation may answer 429 (rate limit), 5xx (unavailable), 401 (expired JWT), "
                    + "400 or 404; the specs document these per operation only in part. An undocumented "
                    + "2xx/3xx status is still an error, and documented statuses still have their bodies checked",
                    allOf(messageHasKey("validation.response.status.unknown"),
                            anyOf(responseStatusTypeIs(StatusType.CLIENT_ERROR),
                                    responseStatusTypeIs(StatusType.SERVER_ERROR))))
            .withRule(
                    "Many 4xx answers are documented without content, but Jira sends its ErrorCollection "
                            + "{errorMessages, errors} body with them",
                    allOf(messageHasKey("validation.response.body.unexpected"),
                            responseStatusTypeIs(StatusType.CLIENT_ERROR)))
            .withRule(
                    "Spec bug: bulk issue properties model each property value as Jackson's JsonNode bean "
                            + "(isArray, bigDecimal, ... with additionalProperties false), so no real JSON value "
                            + "validates; the value is arbitrary JSON",
                    allOf(isRequest(), pathContains("/rest/api/3/issue/properties/multi"),
                            messageContainsRegexp("\\[Path '/issues/[0-9]+/properties/[^/']+")))
            .withRule(
                    "Spec bug (agile 2022 copy): the backlog's 'fields' query parameter is typed as an array "
                            + "of objects; Jira takes field ids (comma-separated)",
                    allOf(isRequest(), pathContainsRegexp("/rest/agile/1\\.0/board/[^/]+/backlog"),
                            messageHasKey("validation.request.parameter.schema.invalidJson")))
            .withRule("Spec bug (agile 2022 copy): a board's sprints' 'state' query parameter is typed as an "
                    + "object; Jira takes states, comma-separated (state=active,future), as its description says",
                    allOf(isRequest(), pathContainsRegexp("/rest/agile/1\\.0/board/[^/]+/sprint"),
                            messageHasKey("validation.request.parameter.schema.invalidJson")));
    }

    private static final class PlatformSpec {

        static final Spec SPEC = load("jira-platform-openapi.json");

    }

    private static final class SoftwareSpec {

        static final Spec SPEC = load("jira-software-openapi.json");

    }

}
