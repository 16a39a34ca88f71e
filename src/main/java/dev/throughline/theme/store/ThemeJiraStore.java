package dev.throughline.theme.store;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeCodec;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Themes in Jira app properties: {@code throughline.theme.<id>} holds each theme in full, and the index
 * ({@code throughline.themes.index} naming its shards {@code throughline.themes.index.<n>}) holds every theme but
 * its description, split so no property passes Jira's 32 KB. Listing 500 themes reads a handful of shards,
 * never 500 properties. A save writes the theme first, then the shards that changed.
 */
@Component
public class ThemeJiraStore {

    static final String INDEX = "throughline.themes.index";
    static final String THEME_PREFIX = "throughline.theme.";
    /** Room under 32,768 bytes for the shard's wrapper and for a theme that grows on its next save. */
    static final int SHARD_BUDGET = 28_000;

    public ThemeCatalog catalog(JiraClient jira) {
        int shards = shardCount(jira);
        List<Theme> themes = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            jira.getProperty(PropertyTarget.app(), INDEX + "." + shard).ifPresent(value -> {
                for (Object entry : (List<?>) value.asMap().get("themes")) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> map = (Map<String, ?>) entry;
                    themes.add(ThemeCodec.fromMap(map));
                }
            });
        }
        return new ThemeCatalog(themes);
    }

    /** The full theme, description included. */
    public Optional<Theme> theme(JiraClient jira, String id) {
        return jira.getProperty(PropertyTarget.app(), THEME_PREFIX + id).map(value -> ThemeCodec.fromMap(value.asMap()));
    }

    /** Stores {@code saved} (new or changed) and re-writes the index for {@code all} themes after the save. */
    public void save(JiraClient jira, Theme saved, List<Theme> all) {
        jira.putProperty(PropertyTarget.app(), THEME_PREFIX + saved.id(), PropertyValue.ofMap(ThemeCodec.toMap(saved)));
        writeIndex(jira, all);
    }

    /** Stores several changed themes (a renumbered board column), then the index once. */
    public void saveAll(JiraClient jira, List<Theme> changed, List<Theme> all) {
        for (Theme theme : changed) {
            jira.putProperty(PropertyTarget.app(), THEME_PREFIX + theme.id(), PropertyValue.ofMap(ThemeCodec.toMap(theme)));
        }
        writeIndex(jira, all);
    }

    public void delete(JiraClient jira, String id, List<Theme> remaining) {
        writeIndex(jira, remaining);
        jira.deleteProperty(PropertyTarget.app(), THEME_PREFIX + id);
    }

    private void writeIndex(JiraClient jira, List<Theme> themes) {
        List<PropertyValue> shards = shard(themes);
        int before = shardCount(jira);
        for (int i = 0; i < shards.size(); i++) {
            String key = INDEX + "." + i;
            PropertyValue shard = shards.get(i);
            boolean unchanged = i < before && jira.getProperty(PropertyTarget.app(), key).map(shard::equals).orElse(false);
            if (!unchanged) {
                jira.putProperty(PropertyTarget.app(), key, shard);
            }
        }
        if (shards.size() != before) {
            jira.putProperty(PropertyTarget.app(), INDEX, PropertyValue.ofMap(Map.of("shards", shards.size())));
        }
        for (int i = shards.size(); i < before; i++) {
            jira.deleteProperty(PropertyTarget.app(), INDEX + "." + i);
        }
    }

    /** Themes in catalog order, packed greedily into shards of at most {@link #SHARD_BUDGET} bytes. */
    static List<PropertyValue> shard(List<Theme> themes) {
        List<PropertyValue> shards = new ArrayList<>();
        List<Map<String, Object>> current = new ArrayList<>();
        int size = 0;
        for (Theme theme : new ThemeCatalog(themes).themes()) {
            Map<String, Object> entry = ThemeCodec.toIndexMap(theme);
            int entrySize = PropertyValue.ofMap(entry).json().getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && size + entrySize > SHARD_BUDGET) {
                shards.add(PropertyValue.ofMap(Map.of("themes", current)));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(entry);
            size += entrySize;
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(PropertyValue.ofMap(Map.of("themes", current)));
        }
        return shards;
    }

    private static int shardCount(JiraClient jira) {
        return jira.getProperty(PropertyTarget.app(), INDEX)
                .map(value -> value.asMap().get("shards"))
                .filter(Number.class::isInstance)
                .map(n -> ((Number) n).intValue())
                .orElse(0);
    }
}
