package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Expiry;
import dev.throughline.tenant.Site;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How long a site's cached rollups live: the site's own setting when an admin chose one,
 * else the app's {@code throughline.program.cache-ttl}. The setting is looked up when a
 * rollup is asked for ({@link #refresh}), never inside the cache, so expiry stays a map
 * lookup. A changed setting applies to rollups cached after it.
 */
final class SiteTtl {

    private final Duration fallback;

    private final Map<String, Duration> bySite = new ConcurrentHashMap<>();

    private volatile Function<Site, Optional<Duration>> lookup = site -> Optional.empty();

    SiteTtl(Duration fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    void lookUpWith(Function<Site, Optional<Duration>> siteSetting) {
        this.lookup = Objects.requireNonNull(siteSetting, "siteSetting");
    }

    /**
     * Reads the site's setting (cheap: the settings are cached) for the entries cached
     * next.
     */
    void refresh(Site site) {
        bySite.put(site.clientKey(), lookup.apply(site).orElse(fallback));
    }

    Duration of(String clientKey) {
        return bySite.getOrDefault(clientKey, fallback);
    }

    /**
     * Entries expire the site's time after they were written; reading them does not
     * extend it.
     */
    <K, V> Expiry<K, V> expiry(Function<K, String> clientKeyOf) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return of(clientKeyOf.apply(key)).toNanos();
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return expireAfterCreate(key, value, currentTime);
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

}
