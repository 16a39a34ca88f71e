package dev.throughline.tenant;

import java.util.Objects;

/**
 * The door a site came in through, and how that door names it: a Connect install's
 * clientKey, or a Forge installation's id and the cloudId of its Jira site. The rest of
 * the app uses only {@link Site#clientKey()} (the site's key for locks, caches and the
 * change feed); the door tells the Jira client how to authenticate its calls.
 */
public sealed interface Door {

    /** The key every other part of the app files the site under. */
    String siteKey();

    /** A Connect install (ACSB's host, signed with its shared secret). */
    record Connect(String clientKey) implements Door {

        public Connect {
            Objects.requireNonNull(clientKey, "clientKey");
        }

        @Override
        public String siteKey() {
            return clientKey;
        }
    }

    /**
     * A Forge installation; its key is prefixed so it can never collide with a Connect
     * clientKey.
     */
    record Forge(String installationId, String cloudId) implements Door {

        public static final String KEY_PREFIX = "forge:";

        public Forge {
            if (installationId == null || installationId.isBlank()) {
                throw new IllegalArgumentException("installationId must not be blank");
            }
            if (cloudId == null || cloudId.isBlank()) {
                throw new IllegalArgumentException("cloudId must not be blank");
            }
        }

        @Override
        public String siteKey() {
            return KEY_PREFIX + installationId;
        }
    }

}
