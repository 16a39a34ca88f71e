package dev.throughline.connect;

import com.atlassian.connect.spring.IgnoreJwt;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import javax.servlet.DispatcherType;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error answers JSON: {@code {status, error, message, timeStamp}}. Replaces ACSB
 * 2.2.1's error controller, which calls an {@code AbstractErrorController} method that
 * Spring Boot 2.5 removed and so fails on every error under Boot 2.7 (see
 * {@link ConnectErrorControllerReplacement}). Authentication failures are always 401,
 * whatever status annotation ACSB put on its exception, and never quote the token.
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    private final ErrorAttributes errorAttributes;

    JsonErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @IgnoreJwt
    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        // replaces whatever the failed request had set (a static asset's year-long
        // caching, say)
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException refused) {
            logRefusal(request, refused);
        }
        Map<String, Object> attributes = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", messageOf(request, attributes, status));
        body.put("timeStamp", Instant.now().toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * ACSB's own log of a refusal quotes the token, so it is off; this line names it by
     * its fingerprint.
     */
    private static void logRefusal(HttpServletRequest request, AuthenticationException refused) {
        String token = TokenClaims.rawToken(request).orElse("");
        log.info("Refused a Connect JWT ({}) on {} {}: {}",
                TokenFingerprint.of(token, TokenClaims.decode(token).orElse(Map.of())), request.getMethod(),
                failedPath(request), TokenFingerprint.scrub(refused.getMessage()));
    }

    /**
     * ACSB forwards a refused request to /error; the container's own errors arrive as an
     * error dispatch.
     */
    private static Object failedPath(HttpServletRequest request) {
        Object errorPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object forwardedPath = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return errorPath != null ? errorPath : forwardedPath != null ? forwardedPath : request.getRequestURI();
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException) {
            return HttpStatus.UNAUTHORIZED;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && request.getDispatcherType() != DispatcherType.ERROR) {
            return HttpStatus.NOT_FOUND; // /error asked for directly: there is no error
                                         // to report
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String messageOf(HttpServletRequest request, Map<String, Object> attributes, HttpStatus status) {
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            return "The Connect JWT was refused: " + TokenFingerprint.scrub(e.getMessage());
        }
        Object message = attributes.get("message");
        if (message instanceof String text && !text.isBlank() && !"No message available".equals(text)
                && status != HttpStatus.INTERNAL_SERVER_ERROR) {
            return text;
        }
        return switch (status) {
            case UNAUTHORIZED -> "A valid Connect JWT is required.";
            case NOT_FOUND -> "No such page or API.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; the error is logged.";
            default -> status.getReasonPhrase();
        };
    }

}
