package dev.throughline.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one collection is stored in app properties: where ({@code indexKey}, its shards
 * {@code <indexKey>.<n>} and each item's {@code <itemPrefix><id>}) and how its items
 * ({@code T}, in full) and index entries ({@code E}, what a list shows) read and write as
 * JSON objects. {@code entriesField} lists the entries in a shard (and in an index stored
 * before shards). A feature declares one per collection; {@link CatalogStore} does the
 * rest.
 */
public record CatalogFormat<T, E>(String indexKey, String itemPrefix, String entriesField, Function<T, String> id,
        Function<T, Map<String, Object>> toItem, Function<Map<String, ?>, T> fromItem,
        Function<E, Map<String, Object>> toEntry, Function<Map<String, ?>, E> fromEntry) {

    public CatalogFormat {
        for (String key : new String[] { indexKey, itemPrefix, entriesField }) {
            if (key == null || !key.matches("[a-z][a-z.]*")) {
                throw new IllegalArgumentException("not an app property name part: " + key);
            }
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(toItem, "toItem");
        Objects.requireNonNull(fromItem, "fromItem");
        Objects.requireNonNull(toEntry, "toEntry");
        Objects.requireNonNull(fromEntry, "fromEntry");
    }
}
