package dev.throughline.support;

import dev.throughline.sandbox.SandboxSite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The app's clock set to the sandbox's own "now" ({@link SandboxSite#DEFAULT_NOW}) and
 * ticking from there, so answers that depend on today (progress status, burn-up weeks,
 * forecast dates) are the same on every day a pinning test runs. Tests that import it
 * ({@code @Import}) share one Spring context. Deliberately no {@code @Configuration}: the
 * app's component scan (the sandbox site, a second instance) must not find it.
 */
public class SandboxDayClock {

    @Bean
    @Primary
    Clock sandboxDayClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SandboxSite.DEFAULT_NOW));
    }

}
