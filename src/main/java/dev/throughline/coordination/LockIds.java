package dev.throughline.coordination;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A lock's identity in the database: a 64-bit hash of site and key (PostgreSQL's advisory
 * locks take one bigint). SHA-256 rather than {@code hashCode}, so that two different
 * keys share a lock (and merely wait for each other) with a chance of about one in 2^64
 * per pair, never by a pattern in the keys.
 */
final class LockIds {

    private LockIds() {
    }

    /**
     * The distinct ids of the keys, ascending: the one order every instance takes them
     * in.
     */
    static List<Long> of(String siteKey, Collection<String> keys) {
        Objects.requireNonNull(siteKey, "siteKey");
        return keys.stream().map(key -> id(siteKey, Objects.requireNonNull(key, "key"))).distinct().sorted().toList();
    }

    static long id(String siteKey, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((siteKey + '\n' + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
