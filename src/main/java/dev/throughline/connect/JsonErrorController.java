package dev.throughline.connect;

import com.atlassian.connect.spring.IgnoreJwt;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error answers JSON: {@code {status, error, message, timeStamp}}. Replaces ACSB 2.2.1's error
 * controller, which calls an {@code AbstractErrorController} method that Spring Boot 2.5 removed and so fails
 * on every error under Boot 2.7 (see {@link ConnectErrorControllerReplacement}). Authentication failures are
 * always 401, whatever status annotation ACSB put on its exception.
 */
@RestController
class JsonErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    JsonErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @IgnoreJwt
    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Map<String, Object> attributes = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", messageOf(request, attributes, status));
        body.put("timeStamp", Instant.now().toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException) {
            return HttpStatus.UNAUTHORIZED;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String messageOf(HttpServletRequest request, Map<String, Object> attributes, HttpStatus status) {
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            return "The Connect JWT was refused: " + e.getMessage();
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
