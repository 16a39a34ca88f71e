package dev.throughline.sandbox;

import java.time.LocalDate;
import java.util.Objects;

/** A project version used as a fix version. */
public record SandboxVersion(long id, long projectId, String name, boolean released, LocalDate releaseDate) {
    public SandboxVersion {
        if (id <= 0 || projectId <= 0)
            throw new IllegalArgumentException("ids must be positive");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(releaseDate, "releaseDate");
    }
}
