package dev.throughline.theme.store;

import dev.throughline.catalog.CatalogFormat;
import dev.throughline.catalog.CatalogStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyValue;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeCodec;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Themes in Jira app properties, through the one {@link CatalogStore}:
 * {@code throughline.theme.<id>} holds each theme in full, and the index
 * ({@code throughline.themes.index} naming its shards
 * {@code throughline.themes.index.<n>}) holds every theme but its description, in board
 * order.
 */
@Component
public class ThemeJiraStore {

    /**
     * A theme in full in its own property; in the index, all but its description (lists
     * never show it).
     */
    private static final CatalogStore<Theme, Theme> STORE = new CatalogStore<>(
            new CatalogFormat<>("throughline.themes.index", "throughline.theme.", "themes", Theme::id,
                    ThemeCodec::toMap, ThemeCodec::fromMap, ThemeCodec::toIndexMap, ThemeCodec::fromMap));

    /** The site's catalog as Jira holds it now (kept between views by the service). */
    public ThemeCatalog catalog(JiraClient jira) {
        return new ThemeCatalog(STORE.entries(jira));
    }

    /** The full theme, description included. */
    public Optional<Theme> theme(JiraClient jira, String id) {
        return STORE.item(jira, id);
    }

    /**
     * Stores {@code saved} (new or changed) and re-writes the index for {@code all}
     * themes after the save.
     */
    public void save(JiraClient jira, Theme saved, List<Theme> all) {
        saveAll(jira, List.of(saved), all);
    }

    /** Stores several changed themes (a renumbered board column), then the index once. */
    public void saveAll(JiraClient jira, List<Theme> changed, List<Theme> all) {
        STORE.save(jira, changed, boardOrder(all));
    }

    public void delete(JiraClient jira, String id, List<Theme> remaining) {
        STORE.delete(jira, id, boardOrder(remaining));
    }

    /** The index shards of {@code themes}, in board order. */
    static List<PropertyValue> shard(List<Theme> themes) {
        return STORE.shard(boardOrder(themes));
    }

    private static List<Theme> boardOrder(List<Theme> themes) {
        return new ThemeCatalog(themes).themes();
    }

}
