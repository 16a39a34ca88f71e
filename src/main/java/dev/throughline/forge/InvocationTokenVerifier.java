package dev.throughline.forge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RemoteJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Verifies a Forge Invocation Token with Nimbus JOSE: RS256 only (HS256, {@code none} and
 * any other algorithm are refused before a key is looked up), keys from the JWKS URL (a
 * {@code kid} not in the cached set makes Nimbus fetch the set once more, at most once
 * per {@code throughline.forge.jwks-min-refetch} ({@link ThrottledKeyRetriever}), then it
 * is refused), {@code iss = forge/invocation-token}, {@code aud} = our app id,
 * {@code exp} required and {@code exp}/{@code nbf} checked with a small clock skew.
 */
final class InvocationTokenVerifier {

    static final String ISSUER = "forge/invocation-token";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private final String appId;

    /**
     * Keys from the JWKS URL, resolved at the first verification (the sandbox run serves
     * its keys from the app's own port, known only once it listens).
     */
    InvocationTokenVerifier(Supplier<String> jwksUrl, Duration minRefetch, String appId, Duration clockSkew) {
        this(lazyRemoteKeys(jwksUrl, ThrottledKeyRetriever.of(minRefetch)), appId, clockSkew);
    }

    InvocationTokenVerifier(JWKSource<SecurityContext> keys, String appId, Duration clockSkew) {
        this.appId = appId;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(appId,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp", "app", "context"));
        claims.setMaxClockSkew(Math.toIntExact(clockSkew.toSeconds()));
        processor.setJWTClaimsSetVerifier(claims);
    }

    private static JWKSource<SecurityContext> lazyRemoteKeys(Supplier<String> jwksUrl, ResourceRetriever retriever) {
        AtomicReference<JWKSource<SecurityContext>> keys = new AtomicReference<>();
        return (selector, context) -> keys.updateAndGet(known -> known != null ? known : remote(jwksUrl, retriever))
            .get(selector, context);
    }

    private static JWKSource<SecurityContext> remote(Supplier<String> jwksUrl, ResourceRetriever retriever) {
        return new RemoteJWKSet<>(url(jwksUrl.get()), retriever);
    }

    static URL url(String jwksUrl) {
        try {
            return new URL(jwksUrl);
        }
        catch (MalformedURLException e) {
            throw new IllegalArgumentException("throughline.forge.jwks-url is not a URL: " + jwksUrl, e);
        }
    }

    /** The invocation the token describes, or why it is refused. */
    Invocation verify(String token) throws RefusedTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        }
        catch (ParseException e) {
            throw new RefusedTokenException("it is not a well-formed JWT.");
        }
        catch (BadJOSEException e) {
            throw new RefusedTokenException(e.getMessage());
        }
        catch (Exception e) {
            throw new RefusedTokenException(
                    "its signing keys could not be read (" + e.getClass().getSimpleName() + ").");
        }
        return invocation(claims);
    }

    private Invocation invocation(JWTClaimsSet claims) throws RefusedTokenException {
        try {
            Map<String, Object> app = claims.getJSONObjectClaim("app");
            Map<String, Object> context = claims.getJSONObjectClaim("context");
            Map<String, Object> module = nested(app, "module");
            String apiBaseUrl = text(app, "apiBaseUrl").orElseThrow(() -> missing("app.apiBaseUrl"));
            return new Invocation(text(app, "id").orElse(appId),
                    text(app, "installationId").orElseThrow(() -> missing("app.installationId")),
                    text(context, "cloudId").orElseThrow(() -> missing("context.cloudId")), new URI(apiBaseUrl),
                    text(module, "key").or(() -> text(context, "moduleKey")), principal(claims));
        }
        catch (ParseException | URISyntaxException | IllegalArgumentException e) {
            throw new RefusedTokenException("its app or context claim is malformed.");
        }
    }

    private static Optional<String> principal(JWTClaimsSet claims) throws ParseException {
        return Optional.ofNullable(claims.getStringClaim("principal")).filter(id -> !id.isBlank());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Optional<String> text(Map<String, Object> claims, String key) {
        Object value = claims == null ? null : claims.get(key);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private static IllegalArgumentException missing(String claim) {
        return new IllegalArgumentException("no " + claim);
    }

    /** Why a token is refused, in words that never quote it. */
    static final class RefusedTokenException extends Exception {

        RefusedTokenException(String reason) {
            super(reason);
        }

    }

}
