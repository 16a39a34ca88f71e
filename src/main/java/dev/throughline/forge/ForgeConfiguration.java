package dev.throughline.forge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The Forge door (README, "How requests are authenticated"): Forge Invocation Tokens are
 * verified against {@code throughline.forge.jwks-url} for the app
 * {@code throughline.forge.app-id}. ACSB keeps the only SecurityFilterChain; the door is
 * a servlet filter beside ACSB's JWT filters.
 */
@Configuration
class ForgeConfiguration {

    /** Before connect/'s token precheck and ACSB's JWT filters (+ 188 and later). */
    private static final int FORGE_DOOR_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 187;

    @Bean
    InvocationTokenVerifier invocationTokenVerifier(Environment environment,
            @Value("${throughline.forge.app-id}") String appId,
            @Value("${throughline.forge.clock-skew:30s}") Duration clockSkew,
            @Value("${throughline.forge.jwks-min-refetch:10s}") Duration minRefetch) {
        return new InvocationTokenVerifier(() -> environment.getRequiredProperty("throughline.forge.jwks-url"),
                minRefetch, appId, clockSkew);
    }

    @Bean
    FilterRegistrationBean<ForgeDoorFilter> forgeDoor(InvocationTokenVerifier verifier,
            ForgeInstallations installations) {
        FilterRegistrationBean<ForgeDoorFilter> registration = new FilterRegistrationBean<>(
                new ForgeDoorFilter(verifier, installations));
        registration.setOrder(FORGE_DOOR_ORDER);
        return registration;
    }

}
