package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's rollup cache time (site settings) replaces the app's cache-ttl for that site
 * only.
 */
class SiteTtlTest {

    private static final Site SHORT = new Site("short-site", URI.create("https://short.atlassian.net"));

    private static final Site PLAIN = new Site("plain-site", URI.create("https://plain.atlassian.net"));

    private final AtomicLong nanos = new AtomicLong();

    private final SiteTtl ttl = new SiteTtl(Duration.ofMinutes(10));

    private final Cache<String, String> cache = Caffeine.newBuilder()
        .ticker(nanos::get)
        .expireAfter(ttl.<String, String>expiry(key -> key))
        .build();

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aSiteWithItsOwnCacheTimeExpiresThenWhileOthersKeepTheAppDefault() {
        ttl.lookUpWith(site -> site.equals(SHORT) ? Optional.of(Duration.ofMinutes(1)) : Optional.empty());
        ttl.refresh(SHORT);
        ttl.refresh(PLAIN);
        cache.put(SHORT.clientKey(), "rollup");
        cache.put(PLAIN.clientKey(), "rollup");

        advance(Duration.ofMinutes(2));

        assertThat(cache.getIfPresent(SHORT.clientKey())).isNull();
        assertThat(cache.getIfPresent(PLAIN.clientKey())).isEqualTo("rollup");
        advance(Duration.ofMinutes(9));
        assertThat(cache.getIfPresent(PLAIN.clientKey())).isNull();
    }

    @Test
    void aLongerSiteCacheTimeKeepsRollupsPastTheAppDefault() {
        ttl.lookUpWith(site -> Optional.of(Duration.ofHours(2)));
        ttl.refresh(SHORT);
        cache.put(SHORT.clientKey(), "rollup");

        advance(Duration.ofMinutes(90));

        assertThat(cache.getIfPresent(SHORT.clientKey())).isEqualTo("rollup");
    }

    @Test
    void readingACachedRollupDoesNotExtendItsLife() {
        ttl.refresh(PLAIN);
        cache.put(PLAIN.clientKey(), "rollup");
        advance(Duration.ofMinutes(9));
        assertThat(cache.getIfPresent(PLAIN.clientKey())).isEqualTo("rollup");

        advance(Duration.ofMinutes(2));

        assertThat(cache.getIfPresent(PLAIN.clientKey())).isNull();
    }

    @Test
    void withoutASettingsLookupEverySiteUsesTheAppDefault() {
        ttl.refresh(SHORT);

        assertThat(ttl.of(SHORT.clientKey())).isEqualTo(Duration.ofMinutes(10));
        assertThat(ttl.of("never-seen")).isEqualTo(Duration.ofMinutes(10));
    }

}
