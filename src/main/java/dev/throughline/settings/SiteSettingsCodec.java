package dev.throughline.settings;

import dev.throughline.problems.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings as the app property {@code throughline.settings} stores them and the API
 * answers them.
 */
public final class SiteSettingsCodec {

    public static final String PROPERTY_KEY = "throughline.settings";

    private SiteSettingsCodec() {
    }

    public static Map<String, Object> toMap(SiteSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", settings.version());
        map.put("storyPointsFieldId", settings.storyPointsFieldId().orElse(null));
        map.put("staleDays", settings.staleDays());
        map.put("rollupCacheTtlMinutes", settings.rollupCacheTtlMinutes().orElse(null));
        map.put("planners", settings.planners().toMap());
        return map;
    }

    /**
     * Reads a stored property. A value someone broke by hand falls back to the defaults
     * field by field, keeping its version so the next save still works; settings stored
     * before planners existed (or broken ones) name none.
     */
    public static SiteSettings fromMap(Map<String, ?> map) {
        long version = map.get("version") instanceof Number n ? Math.max(0, n.longValue()) : 0;
        Optional<String> field = map.get("storyPointsFieldId") instanceof String text ? Optional.of(text)
                : Optional.empty();
        int staleDays = map.get("staleDays") instanceof Number n ? n.intValue() : SiteSettings.DEFAULT_STALE_DAYS;
        Optional<Integer> ttl = map.get("rollupCacheTtlMinutes") instanceof Number n ? Optional.of(n.intValue())
                : Optional.empty();
        Planners planners = planners(map.get("planners"));
        try {
            return new SiteSettings(field, staleDays, ttl, planners, version);
        }
        catch (IllegalArgumentException broken) {
            return new SiteSettings(Optional.empty(), SiteSettings.DEFAULT_STALE_DAYS, Optional.empty(), planners,
                    version);
        }
    }

    private static Planners planners(Object stored) {
        List<FieldError> errors = new ArrayList<>();
        Planners planners = Planners.parse(stored, errors);
        return errors.isEmpty() ? planners : Planners.NONE;
    }

}
