package dev.throughline.forge;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified Forge Invocation Token says about the call: the app, the installation
 * and its site ({@code context.cloudId}), where the site's APIs are
 * ({@code app.apiBaseUrl}), the module that called and the user, if any
 * ({@code principal}).
 */
record Invocation(String appId, String installationId, String cloudId, URI apiBaseUrl, Optional<String> moduleKey,
        Optional<String> accountId) {

    Invocation {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(moduleKey, "moduleKey");
        Objects.requireNonNull(accountId, "accountId");
        if (!apiBaseUrl.isAbsolute()) {
            throw new IllegalArgumentException("apiBaseUrl must be absolute: " + apiBaseUrl);
        }
    }

}
