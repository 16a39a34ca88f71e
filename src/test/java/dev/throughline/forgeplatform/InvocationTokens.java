package dev.throughline.forgeplatform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs Forge Invocation Tokens with the claim layout Forge uses ({@code iss
 * forge/invocation-token}, {@code aud} the app's ARI, {@code app.id},
 * {@code app.installationId}, {@code app.apiBaseUrl}, {@code app.environment},
 * {@code app.module}, {@code context.cloudId}, {@code context.moduleKey},
 * {@code context.extension}, {@code principal}). Each setter returns a changed copy, so
 * the security tests can spoil exactly one thing.
 */
public record InvocationTokens(RSAKey key, String issuer, String audience, String installationId, String cloudId,
        String apiBaseUrl, Instant issuedAt, Duration lifetime) {

    public static final String ISSUER = "forge/invocation-token";

    public static InvocationTokens of(String appId, String installationId, String cloudId, String apiBaseUrl) {
        return new InvocationTokens(ForgeKeys.PLATFORM, ISSUER, appId, installationId, cloudId, apiBaseUrl,
                Instant.now(), Duration.ofMinutes(1));
    }

    public InvocationTokens signedBy(RSAKey other) {
        return new InvocationTokens(other, issuer, audience, installationId, cloudId, apiBaseUrl, issuedAt, lifetime);
    }

    public InvocationTokens issuer(String other) {
        return new InvocationTokens(key, other, audience, installationId, cloudId, apiBaseUrl, issuedAt, lifetime);
    }

    public InvocationTokens audience(String other) {
        return new InvocationTokens(key, issuer, other, installationId, cloudId, apiBaseUrl, issuedAt, lifetime);
    }

    public InvocationTokens issuedAt(Instant when, Duration life) {
        return new InvocationTokens(key, issuer, audience, installationId, cloudId, apiBaseUrl, when, life);
    }

    /**
     * An RS256 FIT for a call of {@code moduleKey} by {@code accountId} (null: no user).
     */
    public String sign(String accountId, String moduleKey, Map<String, Object> extension) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims(accountId, moduleKey, extension));
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The same claims signed HS256 with a secret anyone could pick. */
    public String signHs256(String accountId) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(accountId, "module", Map.of()));
        try {
            jwt.sign(new MACSigner(UUID.randomUUID() + "-" + UUID.randomUUID()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The same claims unsigned ({@code alg: none}). */
    public String unsigned(String accountId) {
        return new PlainJWT(claims(accountId, "module", Map.of())).serialize();
    }

    private JWTClaimsSet claims(String accountId, String moduleKey, Map<String, Object> extension) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("id", audience);
        app.put("version", "1");
        app.put("installationId", installationId);
        app.put("apiBaseUrl", apiBaseUrl);
        app.put("environment", Map.of("type", "DEVELOPMENT", "id", "local-environment"));
        app.put("module", Map.of("type", "xen:macro", "key", moduleKey));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cloudId", cloudId);
        context.put("moduleKey", moduleKey);
        context.put("extension", extension);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("app", app)
            .claim("context", context);
        if (accountId != null) {
            claims.claim("principal", accountId);
        }
        return claims.build();
    }

}
