package dev.throughline.forge;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fetches the JWKS at most once per {@code minInterval}: Nimbus fetches the set again for
 * every token whose {@code kid} it does not know, so without this anyone could make the
 * app fetch Atlassian's keys once per request. Within the interval the last set is
 * answered again, and a token of an unknown key is refused without a fetch.
 */
final class ThrottledKeyRetriever implements ResourceRetriever {

    private final ResourceRetriever delegate;

    private final Duration minInterval;

    private final Clock clock;

    private Resource last;

    private Instant lastFetched = Instant.MIN;

    ThrottledKeyRetriever(ResourceRetriever delegate, Duration minInterval, Clock clock) {
        this.delegate = delegate;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    static ThrottledKeyRetriever of(Duration minInterval) {
        return new ThrottledKeyRetriever(new DefaultResourceRetriever(5000, 5000, 512 * 1024), minInterval,
                Clock.systemUTC());
    }

    @Override
    public synchronized Resource retrieveResource(URL url) throws IOException {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastFetched.plus(minInterval))) {
            return last;
        }
        last = delegate.retrieveResource(url);
        lastFetched = now;
        return last;
    }

}
