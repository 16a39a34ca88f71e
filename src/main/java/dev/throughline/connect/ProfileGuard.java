package dev.throughline.connect;

import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.List;

/** Refuses to start a real deployment with the development leniencies switched on. */
final class ProfileGuard {

    private ProfileGuard() {
    }

    static void check(Environment environment) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (active.contains("production") && active.contains("dev")) {
            throw new IllegalStateException(
                    "The 'dev' profile allows unsigned installs and must not be active with 'production'.");
        }
        if (active.contains("production") && environment
            .getProperty("atlassian.connect.allow-symmetric-auth-install-callback", Boolean.class, false)) {
            throw new IllegalStateException(
                    "atlassian.connect.allow-symmetric-auth-install-callback must be false in production.");
        }
    }

}
