package dev.throughline.catalog;

import java.util.Map;

/**
 * How one collection is stored in app properties: where ({@code <indexKey>}, {@code <indexKey>.<n>} and
 * {@code <itemPrefix><id>}) and how its items ({@code T}, in full) and index entries ({@code E}, what a list shows)
 * read and write as JSON objects. A feature implements it once per collection; {@link CatalogStore} does the rest.
 */
public interface CatalogFormat<T, E> {

    /** The index property, e.g. {@code throughline.themes.index}; its shards are {@code <indexKey>.<n>}. */
    String indexKey();

    /** The prefix of each item's own property, e.g. {@code throughline.theme.}. */
    String itemPrefix();

    /** The field of a shard (or of an unsharded index stored before shards) that lists the entries. */
    String entriesField();

    String id(T item);

    Map<String, Object> toItem(T item);

    T fromItem(Map<String, ?> map);

    Map<String, Object> toEntry(E entry);

    E fromEntry(Map<String, ?> map);
}
