package dev.throughline.settings.service;

import dev.throughline.settings.NumberField;
import dev.throughline.settings.SiteSettings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings as a caller sees them. Everyone may read the values (other pages need the
 * stale days); only administrators get {@code storyPoints}, what the page needs to offer
 * an override.
 */
public record SettingsView(SiteSettings settings, boolean editable, Optional<StoryPointsChoice> storyPoints) {

    public SettingsView {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(storyPoints, "storyPoints");
    }

    /**
     * @param detected what discovery finds among the site's fields, ignoring the override
     * @param candidates the site's number fields, the choices for an override
     * @param overrideMissing the saved override names a field that is no longer a number
     * field of the site
     */
    public record StoryPointsChoice(Optional<String> detected, List<NumberField> candidates, boolean overrideMissing) {

        public StoryPointsChoice {
            Objects.requireNonNull(detected, "detected");
            candidates = List.copyOf(candidates);
        }
    }
}
