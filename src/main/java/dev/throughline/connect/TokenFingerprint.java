package dev.throughline.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a token may appear in logs and answers: never itself (within its 15 minutes it is a
 * key to the site), only a short hash to tell tokens apart and its {@code iss} and
 * {@code exp}.
 */
final class TokenFingerprint {

    /**
     * Three base64url runs joined by dots: anything that looks like a JWT inside a
     * message.
     */
    private static final Pattern JWT_LIKE = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    private TokenFingerprint() {
    }

    /**
     * {@code sha256:1a2b3c4d, iss <clientKey>, exp <instant>} (iss and exp as the token
     * claims them).
     */
    static String of(String rawToken, Map<String, Object> claims) {
        StringBuilder text = new StringBuilder("sha256:").append(shortHash(rawToken));
        if (claims.get("iss") instanceof String issuer) {
            text.append(", iss ").append(issuer);
        }
        if (claims.get("exp") instanceof Number expires) {
            text.append(", exp ").append(Instant.ofEpochSecond(expires.longValue()));
        }
        return text.toString();
    }

    /**
     * {@code text} with every JWT-looking part replaced, for messages of libraries that
     * quote the token.
     */
    static String scrub(String text) {
        return text == null ? "" : JWT_LIKE.matcher(text).replaceAll("[token]");
    }

    private static String shortHash(String rawToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
