package dev.throughline.sandboxsite;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * With the sandbox site on, pages load the sandbox's {@code AP} bridge instead of
 * Connect's all.js from Jira's CDN, and {@code /} is the sandbox home page instead of
 * ACSB's redirect to the descriptor.
 */
public class SandboxSiteEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!SandboxSiteSwitch.on(environment)) {
            return;
        }
        environment.getPropertySources()
            .addFirst(new MapPropertySource("throughline-sandbox-site", Map.of("throughline.connect.all-js-url",
                    "/sandbox/all.js", "atlassian.connect.redirect-root-to-descriptor", "false")));
    }

    @Override
    public int getOrder() {
        // After the config data (application*.properties, profiles) is loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }

}
