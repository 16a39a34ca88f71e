package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * A system or custom field; {@code schemaCustom} is the custom field type key (e.g.
 * jsw-story-points).
 */
public record JiraField(String id, String name, boolean custom, Optional<String> schemaType,
        Optional<String> schemaCustom) {

    public JiraField {
        Checks.notBlank("field id", id);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schemaType, "schemaType");
        Objects.requireNonNull(schemaCustom, "schemaCustom");
    }

    /**
     * Whether the field holds a number (story points fields do; so does the original
     * estimate).
     */
    public boolean isNumber() {
        return schemaType.filter("number"::equals).isPresent();
    }
}
