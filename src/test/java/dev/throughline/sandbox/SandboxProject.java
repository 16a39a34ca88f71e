package dev.throughline.sandbox;

import java.util.Objects;

/** A Jira project: numeric id, key such as "ACME" and display name. */
public record SandboxProject(long id, String key, String name) {
    public SandboxProject {
        if (id <= 0)
            throw new IllegalArgumentException("project id must be positive: " + id);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (!key.matches("[A-Z][A-Z0-9]{1,9}"))
            throw new IllegalArgumentException("bad project key: " + key);
    }
}
