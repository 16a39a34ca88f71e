package dev.throughline.scoring;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ValueRecord} ↔ the JSON object stored in the {@code throughline.value} issue
 * property, as plain maps and lists. Dates are written as {@code 2026-11-23T10:15:30} in
 * UTC, the form Jira's entity-property date index documents, so {@code valueUpdated}
 * works in JQL.
 */
public final class ValueRecordCodec {

    public static final String PROPERTY_KEY = "throughline.value";

    private static final DateTimeFormatter INDEXED_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ValueRecordCodec() {
    }

    public static Map<String, Object> toMap(ValueRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", record.model());
        map.put("modelVersion", record.modelVersion());
        map.put("inputs", new LinkedHashMap<>(record.inputs()));
        map.put("score", record.score());
        map.put("updatedAt", format(record.updatedAt()));
        map.put("updatedBy", record.updatedBy());
        map.put("version", record.version());
        map.put("history", record.history().stream().map(ValueRecordCodec::historyToMap).toList());
        return map;
    }

    /**
     * The stored property read tolerantly: a Marketplace app meets data written by other
     * tools and older versions, so anything that is not a complete record is
     * {@link StoredValue#unreadable} instead of an error.
     */
    public static StoredValue read(Object stored) {
        if (!(stored instanceof Map<?, ?> map)) {
            return StoredValue.unreadable("stored value is not a JSON object", 0);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> object = (Map<String, ?>) map;
        try {
            return StoredValue.of(fromMap(object));
        }
        catch (IllegalArgumentException | DateTimeException | NullPointerException | ClassCastException e) {
            Object version = map.get("version");
            long stated = version instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    ? number.longValue() : 0;
            return StoredValue.unreadable(e.getMessage() == null ? "stored value is incomplete" : e.getMessage(),
                    stated);
        }
    }

    /**
     * The record in a stored property, or an {@link IllegalArgumentException} saying what
     * is malformed.
     */
    public static ValueRecord fromMap(Map<String, ?> map) {
        List<HistoryEntry> history = new ArrayList<>();
        if (map.get("history") instanceof List<?> entries) {
            for (Object entry : entries) {
                history.add(historyFromMap(asMap(entry, "history entry")));
            }
        }
        return new ValueRecord(text(map, "model"), (int) number(map, "modelVersion").longValue(),
                numbers(asMap(map.get("inputs"), "inputs")), number(map, "score"), parse(text(map, "updatedAt")),
                text(map, "updatedBy"), number(map, "version").longValue(), history);
    }

    private static Map<String, Object> historyToMap(HistoryEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", format(entry.at()));
        map.put("by", entry.by());
        map.put("model", entry.model());
        map.put("modelVersion", entry.modelVersion());
        map.put("inputs", new LinkedHashMap<>(entry.inputs()));
        map.put("score", entry.score());
        return map;
    }

    private static HistoryEntry historyFromMap(Map<String, ?> map) {
        return new HistoryEntry(parse(text(map, "at")), text(map, "by"), text(map, "model"),
                (int) number(map, "modelVersion").longValue(), numbers(asMap(map.get("inputs"), "inputs")),
                number(map, "score"));
    }

    /**
     * How the property writes a time, and the API answers {@code updatedAt}: UTC, to the
     * second.
     */
    public static String format(Instant instant) {
        return INDEXED_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    static Instant parse(String text) {
        return LocalDateTime.parse(text, INDEXED_DATE).toInstant(ZoneOffset.UTC);
    }

    private static Map<String, BigDecimal> numbers(Map<String, ?> map) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(key, toDecimal(value, key)));
        return values;
    }

    private static String text(Map<String, ?> map, String key) {
        if (map.get(key) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("stored value has no text " + key);
    }

    private static BigDecimal number(Map<String, ?> map, String key) {
        return toDecimal(map.get(key), key);
    }

    private static BigDecimal toDecimal(Object value, String key) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException("stored value has no number " + key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw new IllegalArgumentException("stored value has no object " + what);
    }

}
