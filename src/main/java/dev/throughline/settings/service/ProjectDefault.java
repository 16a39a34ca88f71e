package dev.throughline.settings.service;

import java.util.Objects;
import java.util.Optional;

/**
 * A project with the model its unscored issues start with (the project property
 * {@code throughline.scoring}).
 */
public record ProjectDefault(String key, String name, Optional<String> defaultModel) {

    public ProjectDefault {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultModel, "defaultModel");
    }
}
