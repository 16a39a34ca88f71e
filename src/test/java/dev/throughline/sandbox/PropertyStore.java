package dev.throughline.sandbox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Entity properties of one kind (issue, project or app), keyed by entity id then property
 * key. Values are plain JSON trees (Map, List, String, Number, Boolean, null) so the
 * model stays free of any JSON library.
 */
public final class PropertyStore {

    /**
     * Told of every property set or deleted, whoever wrote it (as Jira's webhooks are).
     */
    public interface Listener {

        /** {@code value} is the value set, or empty when the property was deleted. */
        void changed(String entityId, String propertyKey, Optional<Object> value);

    }

    private final Map<String, Map<String, Object>> byEntity = new HashMap<>();

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * @return true when the property was created, false when an existing value was
     * replaced
     */
    public synchronized boolean put(String entityId, String propertyKey, Object value) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(propertyKey, "propertyKey");
        if (propertyKey.isEmpty() || propertyKey.length() > 255)
            throw new IllegalArgumentException("bad property key");
        Map<String, Object> props = byEntity.computeIfAbsent(entityId, k -> new LinkedHashMap<>());
        boolean created = !props.containsKey(propertyKey);
        props.put(propertyKey, value);
        listeners.forEach(l -> l.changed(entityId, propertyKey, Optional.of(value == null ? NULL_VALUE : value)));
        return created;
    }

    /**
     * Empty when absent; a stored JSON null is returned as
     * {@code Optional.of(NULL_VALUE)}.
     */
    public synchronized Optional<Object> get(String entityId, String propertyKey) {
        Map<String, Object> props = byEntity.get(entityId);
        if (props == null || !props.containsKey(propertyKey))
            return Optional.empty();
        Object value = props.get(propertyKey);
        return Optional.of(value == null ? NULL_VALUE : value);
    }

    public synchronized boolean delete(String entityId, String propertyKey) {
        Map<String, Object> props = byEntity.get(entityId);
        if (props == null || !props.containsKey(propertyKey))
            return false;
        props.remove(propertyKey);
        listeners.forEach(l -> l.changed(entityId, propertyKey, Optional.empty()));
        return true;
    }

    public synchronized List<String> keys(String entityId) {
        Map<String, Object> props = byEntity.get(entityId);
        return props == null ? List.of() : List.copyOf(props.keySet());
    }

    /** Stands for a stored JSON null, which Optional cannot hold. */
    public static final Object NULL_VALUE = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public static Object unwrap(Object value) {
        return value == NULL_VALUE ? null : value;
    }

}
