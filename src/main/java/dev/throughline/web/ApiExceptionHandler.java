package dev.throughline.web;

import dev.throughline.jira.JiraDeadlineException;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraForbiddenException;
import dev.throughline.jira.JiraNotFoundException;
import dev.throughline.jira.JiraRateLimitedException;
import dev.throughline.jira.JiraTaskFailedException;
import dev.throughline.jira.JiraUnavailableException;
import dev.throughline.jira.NoSiteTokenException;
import dev.throughline.jira.SiteNotInstalledException;
import dev.throughline.problems.BusyException;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns problems into the JSON every API answers with: {@code {status, error, message,
 * errors?}}. Field errors list {@code {field, message}} so a form can show each next to
 * its field; Jira failures say so plainly.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return answer(HttpStatus.BAD_REQUEST, "Some input is not valid; nothing was saved.", e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (BodyTooLargeException.causedBy(e)) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, e.getMostSpecificCause().getMessage() + "; nothing was saved.",
                    List.of());
        }
        return answer(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON (numbers must be finite); nothing was saved.",
                List.of(new FieldError("body", "must be valid JSON")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler({ NotAllowedException.class, Caller.NoUserInTokenException.class })
    ResponseEntity<Map<String, Object>> notAllowed(RuntimeException e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(NoSiteTokenException.class)
    ResponseEntity<Map<String, Object>> noSiteToken(NoSiteTokenException e) {
        return answer(HttpStatus.UNAUTHORIZED, e.getMessage(), List.of());
    }

    @ExceptionHandler(SiteNotInstalledException.class)
    ResponseEntity<Map<String, Object>> notInstalled(SiteNotInstalledException e) {
        return answer(HttpStatus.UNAUTHORIZED, "Throughline is not installed on this Jira site.", List.of());
    }

    @ExceptionHandler(JiraNotFoundException.class)
    ResponseEntity<Map<String, Object>> jiraNotFound(JiraNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "Jira could not find it: " + jiraMessage(e), List.of());
    }

    @ExceptionHandler(JiraForbiddenException.class)
    ResponseEntity<Map<String, Object>> jiraForbidden(JiraForbiddenException e) {
        return answer(HttpStatus.FORBIDDEN, "Jira did not allow it: " + jiraMessage(e), List.of());
    }

    @ExceptionHandler(JiraRateLimitedException.class)
    ResponseEntity<Map<String, Object>> rateLimited(JiraRateLimitedException e) {
        ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.SERVICE_UNAVAILABLE,
                "Jira is rate-limiting Throughline right now; nothing was lost, try again shortly.", List.of());
        return ResponseEntity.status(answer.getStatusCode())
            .header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, e.retryAfter().map(d -> d.toSeconds()).orElse(30L))))
            .body(answer.getBody());
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<Map<String, Object>> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "1")
            .body(answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of()).getBody());
    }

    @ExceptionHandler(JiraDeadlineException.class)
    ResponseEntity<Map<String, Object>> outOfTime(JiraDeadlineException e) {
        return answer(HttpStatus.GATEWAY_TIMEOUT,
                "Jira did not answer within the time this request may take; " + (e.mayHaveWritten()
                        ? "the last change sent to Jira may or may not have been applied: reload before trying again."
                        : "nothing was written."),
                List.of());
    }

    @ExceptionHandler(JiraUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(JiraUnavailableException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE,
                "Jira did not answer in time; nothing was lost, try again shortly.", List.of());
    }

    /**
     * A Jira task that was accepted may have done any part of its work: never "nothing
     * was lost".
     */
    @ExceptionHandler(JiraTaskFailedException.class)
    ResponseEntity<Map<String, Object>> taskFailed(JiraTaskFailedException e) {
        log.warn("A Jira task did not complete: {}", e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>(answer(HttpStatus.BAD_GATEWAY,
                e.getMessage() + ". Part of the change may be written; reload to see the current state.", List.of())
            .getBody());
        body.put("action", "reread");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
    }

    @ExceptionHandler(JiraException.class)
    ResponseEntity<Map<String, Object>> jiraFailed(JiraException e) {
        log.warn("Jira refused a request: {}", e.getMessage());
        return answer(HttpStatus.BAD_GATEWAY, "Jira refused the request: " + jiraMessage(e), List.of());
    }

    static String jiraMessage(JiraException e) {
        List<String> messages = new ArrayList<>(e.errorMessages());
        e.errors().forEach((field, message) -> messages.add(field + ": " + message));
        if (!messages.isEmpty()) {
            return String.join("; ", messages);
        }
        // no answer from Jira (a task's end, a timeout): what the client saw, never a
        // bare "HTTP 0"
        return e.status() == 0 ? e.getMessage() : "HTTP " + e.status();
    }

    public static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message,
            List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.put("timeStamp", Instant.now().toString());
        return ResponseEntity.status(status).body(body);
    }

    /**
     * The 409 of a stale save: the usual error body naming {@code version}, plus
     * {@code current}, the stored thing as the feature's own JSON ({@code null} when
     * nothing is stored any more).
     */
    public static ResponseEntity<Map<String, Object>> stale(StaleVersionException e, Object current) {
        Map<String, Object> body = new LinkedHashMap<>(answer(HttpStatus.CONFLICT, e.getMessage(),
                List.of(new FieldError("version", "is not the current version")))
            .getBody());
        body.put("current", current);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

}
