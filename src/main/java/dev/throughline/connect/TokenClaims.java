package dev.throughline.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the claims of the request's Connect JWT. Only called after ACSB's filters verified the token's
 * signature, so the claims can be trusted; we read them ourselves because ACSB's claim types are internal.
 */
final class TokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER_PREFIX = "JWT ";

    private TokenClaims() {
    }

    static Optional<Map<String, Object>> of(HttpServletRequest request) {
        return rawToken(request).flatMap(TokenClaims::decodePayload);
    }

    static Optional<String> rawToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(HEADER_PREFIX)) {
            return Optional.of(header.substring(HEADER_PREFIX.length()).trim());
        }
        return Optional.ofNullable(request.getParameter("jwt")).filter(jwt -> !jwt.isBlank());
    }

    private static Optional<Map<String, Object>> decodePayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return Optional.of(JSON.readValue(payload, new TypeReference<Map<String, Object>>() { }));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
