package dev.throughline.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the claims of the request's Connect JWT; we read them ourselves because ACSB's
 * claim types are internal. {@link #of} is called after ACSB's filters verified the
 * signature, so its claims can be trusted; {@link #decode} also serves
 * {@link TokenPrecheck}, which only ever refuses on what it reads.
 */
final class TokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HEADER_PREFIX = "JWT ";

    private TokenClaims() {
    }

    static Optional<Map<String, Object>> of(HttpServletRequest request) {
        return rawToken(request).flatMap(TokenClaims::decode);
    }

    static Optional<String> rawToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(HEADER_PREFIX)) {
            return Optional.of(header.substring(HEADER_PREFIX.length()).trim());
        }
        return Optional.ofNullable(request.getParameter("jwt")).filter(jwt -> !jwt.isBlank());
    }

    /**
     * The claims of a compact JWS ({@code header.payload.signature}), unverified; empty
     * when it is not one.
     */
    static Optional<Map<String, Object>> decode(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return Optional.ofNullable(JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
            }));
        }
        catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

}
