package dev.throughline.sandbox;

import java.util.List;
import java.util.Objects;

/** A field as GET /rest/api/3/field lists it. */
public record SandboxField(String id, String name, boolean custom, boolean orderable, boolean navigable,
        boolean searchable, List<String> clauseNames, Schema schema) {

    public SandboxField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        clauseNames = List.copyOf(clauseNames);
        Objects.requireNonNull(schema, "schema");
        if (custom != id.startsWith("customfield_"))
            throw new IllegalArgumentException("custom flag must match id: " + id);
    }

    /**
     * Field schema: system fields name {@code system}; custom fields name {@code custom}
     * and {@code customId}.
     */
    public record Schema(String type, String items, String system, String custom, Long customId) {
        public Schema {
            Objects.requireNonNull(type, "type");
            if ((system == null) == (custom == null))
                throw new IllegalArgumentException("exactly one of system/custom");
        }

        static Schema system(String type, String system) {
            return new Schema(type, null, system, null, null);
        }

        static Schema systemArray(String items, String system) {
            return new Schema("array", items, system, null, null);
        }

        static Schema custom(String type, String items, String custom, long customId) {
            return new Schema(type, items, null, custom, customId);
        }
    }

    static SandboxField system(String id, String name, Schema schema, boolean navigable, String... clauseNames) {
        return new SandboxField(id, name, false, true, navigable, true, List.of(clauseNames), schema);
    }

    static SandboxField custom(String id, String name, Schema schema) {
        String cf = "cf[" + id.substring("customfield_".length()) + "]";
        return new SandboxField(id, name, true, true, true, true, List.of(cf, name), schema);
    }
}
