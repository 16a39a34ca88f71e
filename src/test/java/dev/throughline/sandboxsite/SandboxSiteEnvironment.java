package dev.throughline.sandboxsite;

import dev.throughline.forgeplatform.LocalForgePlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * With the sandbox site on, pages load the sandbox's {@code AP} bridge instead of
 * Connect's all.js from Jira's CDN, and {@code /} is the sandbox home page instead of
 * ACSB's redirect to the descriptor. The Forge door trusts the sandbox's local Forge
 * platform (its keys are served by the app itself, {@link ForgePlatformController}).
 */
public class SandboxSiteEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!SandboxSiteSwitch.on(environment)) {
            return;
        }
        environment.getPropertySources()
            .addFirst(new MapPropertySource("throughline-sandbox-site",
                    Map.of("throughline.connect.all-js-url", "/sandbox/all.js",
                            "atlassian.connect.redirect-root-to-descriptor", "false", "throughline.forge.jwks-url",
                            "http://localhost:${local.server.port}" + ForgePlatformController.JWKS,
                            "throughline.forge.app-id", LocalForgePlatform.APP_ID)));
    }

    @Override
    public int getOrder() {
        // After the config data (application*.properties, profiles) is loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }

}
