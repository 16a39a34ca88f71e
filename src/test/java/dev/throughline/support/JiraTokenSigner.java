package dev.throughline.support;

import com.atlassian.connect.spring.internal.request.jwt.JwtBuilder;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signs what Jira signs in Connect, for tests; it serves nothing (the sandbox plays the
 * Jira site). Signs lifecycle callbacks with RS256 the way Jira does ({@code kid} header,
 * {@code aud} = the app's baseUrl, {@code qsh} of the callback) and ordinary requests
 * with the site's shared secret (HS256), either request-bound or as a context token.
 */
public final class JiraTokenSigner {

    public static final String CONTEXT_QSH = "context-qsh";

    private final String clientKey;

    private final String baseUrl;

    private String sharedSecret;

    public JiraTokenSigner(String clientKey, String baseUrl) {
        this.clientKey = clientKey;
        this.baseUrl = baseUrl;
        this.sharedSecret = newSecret();
    }

    public String clientKey() {
        return clientKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String sharedSecret() {
        return sharedSecret;
    }

    /** A new shared secret, as Jira issues on every re-install (at least 32 bytes). */
    public void rotateSecret() {
        this.sharedSecret = newSecret();
    }

    public String lifecycleBody(String eventType) {
        return """
                {"key":"throughline","clientKey":"%s","sharedSecret":"%s","baseUrl":"%s","displayUrl":"%s",
                 "productType":"jira","description":"Atlassian JIRA at %s","eventType":"%s"}
                """.formatted(clientKey, sharedSecret, baseUrl, baseUrl, baseUrl, eventType);
    }

    /**
     * RS256 lifecycle token, signed by {@code key}, naming {@code kid}, for the app at
     * {@code audience}.
     */
    public String signedLifecycleToken(InstallKeys.Key key, String kid, String audience, String path) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientKey)
            .audience(audience)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(180)))
            .claim("qsh", queryHash("POST", path, ""))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.pair().getPrivate()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * A request-bound token (qsh of method, path and query), as Jira signs page and
     * webhook URLs.
     */
    public String requestToken(String method, String path, String query, String accountId) {
        return builder(Duration.ofMinutes(3), accountId).queryHash(queryHash(method, path, query)).build();
    }

    /**
     * A request-bound token for an already computed query string hash (the sandbox site
     * signs iframe URLs so).
     */
    public String requestTokenWithHash(String qsh, String accountId) {
        return builder(Duration.ofMinutes(3), accountId).queryHash(qsh).build();
    }

    /**
     * A context token (qsh "context-qsh"), as AP.context.getToken() hands to our iframes.
     */
    public String contextToken(String accountId) {
        return builder(Duration.ofMinutes(3), accountId).queryHash(CONTEXT_QSH).build();
    }

    public String expiredContextToken(String accountId) {
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        return new JwtBuilder().issuer(clientKey)
            .subject(accountId)
            .issuedAt(past - 180)
            .expirationTime(past)
            .queryHash(CONTEXT_QSH)
            .signature(sharedSecret)
            .build();
    }

    public String contextTokenSignedWith(String otherSecret, String accountId) {
        return new JwtBuilder(Duration.ofMinutes(3)).issuer(clientKey)
            .subject(accountId)
            .queryHash(CONTEXT_QSH)
            .signature(otherSecret)
            .build();
    }

    /** A context token issued at {@code issuedAt} that expires {@code lifetime} later. */
    public String contextTokenIssuedAt(Instant issuedAt, Duration lifetime, String accountId) {
        long iat = issuedAt.getEpochSecond();
        return new JwtBuilder().issuer(clientKey)
            .subject(accountId)
            .issuedAt(iat)
            .expirationTime(iat + lifetime.toSeconds())
            .queryHash(CONTEXT_QSH)
            .signature(sharedSecret)
            .build();
    }

    /**
     * A context token signed with the site's secret but naming no issuer ({@code iss}).
     */
    public String contextTokenWithoutIssuer(String accountId) {
        return new JwtBuilder(Duration.ofMinutes(3)).subject(accountId)
            .queryHash(CONTEXT_QSH)
            .signature(sharedSecret)
            .build();
    }

    public String tokenWithoutQsh(String accountId) {
        return builder(Duration.ofMinutes(3), accountId).build();
    }

    private JwtBuilder builder(Duration lifetime, String accountId) {
        JwtBuilder builder = new JwtBuilder(lifetime).issuer(clientKey).signature(sharedSecret);
        if (accountId != null) {
            // With the gdpr migration Jira names the user only in sub; ACSB 2.2.1 would
            // fail on a
            // context.user without the retired userKey.
            builder.subject(accountId);
        }
        return builder;
    }

    /** Connect's query string hash: SHA-256 of "METHOD&path&sorted-query". */
    public static String queryHash(String method, String path, String canonicalQuery) {
        String canonical = method.toUpperCase() + "&" + path + "&" + canonicalQuery;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newSecret() {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((UUID.randomUUID() + "-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    /** RSA key pairs standing in for Atlassian's install keys. */
    public static final class InstallKeys {

        public record Key(KeyPair pair) {
            public String publicPem() {
                String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPublic().getEncoded());
                return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----";
            }
        }

        private InstallKeys() {
        }

        public static Key generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new Key(generator.generateKeyPair());
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

    }

}
