package dev.throughline.forge;

import com.nimbusds.jose.util.Resource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown key ids cannot make the app fetch the keys more than once per interval. */
class ThrottledKeyRetrieverTest {

    private Instant now = Instant.parse("2026-11-29T12:00:00Z");

    private final AtomicInteger fetches = new AtomicInteger();

    private final ThrottledKeyRetriever retriever = new ThrottledKeyRetriever(
            url -> new Resource("{\"keys\":[],\"n\":" + fetches.incrementAndGet() + "}", "application/json"),
            Duration.ofSeconds(10), new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }
            });

    @Test
    void fetchesAtMostOncePerInterval() throws Exception {
        URL url = new URL("https://keys.example.test/jwks.json");

        assertThat(retriever.retrieveResource(url).getContent()).contains("\"n\":1");
        now = now.plusSeconds(9);
        assertThat(retriever.retrieveResource(url).getContent()).as("within the interval").contains("\"n\":1");
        now = now.plusSeconds(1);
        assertThat(retriever.retrieveResource(url).getContent()).as("after it").contains("\"n\":2");
        assertThat(fetches).hasValue(2);
    }

}
