package dev.throughline.forgeplatform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The local Forge platform's signing key (one per JVM, so one Spring context of the tests
 * trusts it), and a stranger's key for the unknown-key test.
 */
public final class ForgeKeys {

    public static final RSAKey PLATFORM = generate("local-forge-platform-1");

    private ForgeKeys() {
    }

    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS document of the platform's public key. */
    public static String jwks() {
        return new JWKSet(PLATFORM.toPublicJWK()).toString();
    }

}
