package dev.throughline.settings;

import java.util.Objects;

/** A number field of the site, as the settings page offers it for story points. */
public record NumberField(String id, String name, boolean custom) {

    public NumberField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
