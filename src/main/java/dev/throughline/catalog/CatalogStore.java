package dev.throughline.catalog;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection of versioned items in Jira app properties (themes, programs, and any that
 * comes next): each item in full in {@code <itemPrefix><id>}, and an index of every
 * item's entry (what lists show) in shards {@code <indexKey>.<n>} of at most
 * {@link #SHARD_BUDGET} bytes, named by {@code <indexKey>} = {@code {shards: n}}, so no
 * property passes Jira's 32 KB and listing hundreds of items reads a handful of
 * properties. A save writes the item first, then the shards that changed, then the shard
 * count if it changed; a delete the index first, then the item; so a reader never finds
 * an index entry whose item is missing. Version checks and the lock around
 * read-check-write are the caller's (the feature's catalog knows what a conflict means).
 *
 * <p>
 * An index stored before shards ({@code <indexKey>} = {@code {<entriesField>: [...]}}, as
 * programs were) still reads, and the next save replaces it with shards.
 */
public final class CatalogStore<T, E> {

    /**
     * Room under 32,768 bytes for the shard's wrapper and for an entry that grows on its
     * next save.
     */
    public static final int SHARD_BUDGET = 28_000;

    private final CatalogFormat<T, E> format;

    public CatalogStore(CatalogFormat<T, E> format) {
        this.format = format;
    }

    /** Every entry, in the order last saved. */
    public List<E> entries(JiraClient jira) {
        List<E> entries = new ArrayList<>();
        Optional<Map<String, Object>> index = jira.getProperty(PropertyTarget.app(), format.indexKey())
            .map(PropertyValue::asMap);
        if (index.isPresent() && index.get().containsKey(format.entriesField())) {
            addEntries(index.get(), entries); // the unsharded index of an older version
            return entries;
        }
        int shards = index.map(CatalogStore::shardCount).orElse(0);
        for (int shard = 0; shard < shards; shard++) {
            jira.getProperty(PropertyTarget.app(), shardKey(shard))
                .ifPresent(value -> addEntries(value.asMap(), entries));
        }
        return entries;
    }

    /** One item in full. */
    public Optional<T> item(JiraClient jira, String id) {
        return jira.getProperty(PropertyTarget.app(), format.itemPrefix() + id)
            .map(value -> format.fromItem().apply(value.asMap()));
    }

    /**
     * Stores the {@code changed} items (new or changed), then the index of {@code all}
     * entries after the change.
     */
    public void save(JiraClient jira, List<T> changed, List<E> all) {
        for (T item : changed) {
            jira.putProperty(PropertyTarget.app(), format.itemPrefix() + format.id().apply(item),
                    PropertyValue.ofMap(format.toItem().apply(item)));
        }
        writeIndex(jira, all);
    }

    /**
     * Removes item {@code id}: the index of the {@code remaining} entries first, then the
     * item.
     */
    public void delete(JiraClient jira, String id, List<E> remaining) {
        writeIndex(jira, remaining);
        jira.deleteProperty(PropertyTarget.app(), format.itemPrefix() + id);
    }

    /**
     * The entries in the order given, packed greedily into shards of at most
     * {@link #SHARD_BUDGET} bytes.
     */
    public List<PropertyValue> shard(List<E> entries) {
        List<PropertyValue> shards = new ArrayList<>();
        List<Map<String, Object>> current = new ArrayList<>();
        int size = 0;
        for (E entry : entries) {
            Map<String, Object> map = format.toEntry().apply(entry);
            int entrySize = PropertyValue.ofMap(map).json().getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && size + entrySize > SHARD_BUDGET) {
                shards.add(shardValue(current));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(map);
            size += entrySize;
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(shardValue(current));
        }
        return shards;
    }

    private void writeIndex(JiraClient jira, List<E> entries) {
        List<PropertyValue> shards = shard(entries);
        Optional<Map<String, Object>> index = jira.getProperty(PropertyTarget.app(), format.indexKey())
            .map(PropertyValue::asMap);
        boolean unsharded = index.map(map -> map.containsKey(format.entriesField())).orElse(false);
        int before = index.map(CatalogStore::shardCount).orElse(0);
        for (int i = 0; i < shards.size(); i++) {
            PropertyValue shard = shards.get(i);
            boolean unchanged = i < before
                    && jira.getProperty(PropertyTarget.app(), shardKey(i)).map(shard::equals).orElse(false);
            if (!unchanged) {
                jira.putProperty(PropertyTarget.app(), shardKey(i), shard);
            }
        }
        if (shards.size() != before || unsharded) {
            jira.putProperty(PropertyTarget.app(), format.indexKey(),
                    PropertyValue.ofMap(Map.of("shards", shards.size())));
        }
        for (int i = shards.size(); i < before; i++) {
            jira.deleteProperty(PropertyTarget.app(), shardKey(i));
        }
    }

    private PropertyValue shardValue(List<Map<String, Object>> entries) {
        return PropertyValue.ofMap(Map.of(format.entriesField(), entries));
    }

    private void addEntries(Map<String, Object> holder, List<E> entries) {
        if (holder.get(format.entriesField()) instanceof List<?> list) {
            for (Object entry : list) {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) entry;
                entries.add(format.fromEntry().apply(map));
            }
        }
    }

    private String shardKey(int shard) {
        return format.indexKey() + "." + shard;
    }

    private static int shardCount(Map<String, Object> index) {
        return index.get("shards") instanceof Number n ? n.intValue() : 0;
    }

}
