package dev.throughline.sandbox;

import java.util.Objects;

/** A Jira user identified by accountId. */
public record SandboxUser(String accountId, String displayName) {
    public SandboxUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(displayName, "displayName");
        if (accountId.isBlank())
            throw new IllegalArgumentException("blank accountId");
    }
}
