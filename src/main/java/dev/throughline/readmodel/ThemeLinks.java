package dev.throughline.readmodel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code throughline.themes} issue property: the themes an issue is linked to and
 * when they were last written, {@code {themeIds: [...], updatedAt:
 * "2026-11-23T10:15:30"}}. The date (UTC, the form Jira's entity-property date index
 * documents) is indexed as {@code themesUpdated}, so the reconciliation finds links
 * another tool changed; records written before it carry none and read the same.
 */
public record ThemeLinks(List<String> themeIds) {

    public static final String PROPERTY_KEY = "throughline.themes";

    public static final int MAX_THEMES_PER_ISSUE = 50;

    private static final DateTimeFormatter INDEXED_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public ThemeLinks {
        themeIds = List.copyOf(new LinkedHashSet<>(themeIds));
        if (themeIds.size() > MAX_THEMES_PER_ISSUE) {
            throw new IllegalArgumentException("an issue can be linked to at most " + MAX_THEMES_PER_ISSUE + " themes");
        }
    }

    public static ThemeLinks none() {
        return new ThemeLinks(List.of());
    }

    public static ThemeLinks fromMap(Optional<Map<String, Object>> stored) {
        List<String> ids = new ArrayList<>();
        stored.map(map -> map.get("themeIds"))
            .filter(List.class::isInstance)
            .ifPresent(list -> ((List<?>) list).stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .forEach(ids::add));
        return new ThemeLinks(ids);
    }

    /** The property as written at {@code updatedAt}. */
    public Map<String, Object> toMap(Instant updatedAt) {
        return Map.of("themeIds", themeIds, "updatedAt",
                INDEXED_DATE.format(LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC)));
    }

    public boolean contains(String themeId) {
        return themeIds.contains(themeId);
    }

    public ThemeLinks with(String themeId) {
        List<String> ids = new ArrayList<>(themeIds);
        ids.add(themeId);
        return new ThemeLinks(ids);
    }

    public ThemeLinks without(String themeId) {
        Set<String> ids = new LinkedHashSet<>(themeIds);
        ids.remove(themeId);
        return new ThemeLinks(List.copyOf(ids));
    }
}
