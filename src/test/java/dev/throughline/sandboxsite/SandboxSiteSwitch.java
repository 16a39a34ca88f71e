package dev.throughline.sandboxsite;

import org.springframework.core.env.Environment;

import java.util.Arrays;

/**
 * One rule for "is the sandbox site on": only when {@code throughline.sandbox.enabled} is
 * true (the {@code spring-boot:run} configuration sets it) and never under the
 * {@code production} profile.
 */
final class SandboxSiteSwitch {

    static final String ENABLED = "throughline.sandbox.enabled";

    private SandboxSiteSwitch() {
    }

    static boolean on(Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            return false;
        }
        return environment.getProperty(ENABLED, Boolean.class, false);
    }

}
