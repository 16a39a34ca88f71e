package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.PropertyStore;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code issue.property[key].a.b op value}: walks the stored JSON tree. Numbers compare
 * numerically, date-typed aliases as dates ({@link #epochSecond}), everything else as
 * strings; an array matches when any element does (and != when none is equal). Like Jira,
 * every operator except IS EMPTY skips issues where the property or path is absent.
 */
final class PropertyTerm {

    private final SandboxSite site;

    private final String propertyKey;

    private final String[] path;

    private final Term term;

    PropertyTerm(SandboxSite site, String propertyKey, String dottedPath, Term term) {
        this.site = site;
        this.propertyKey = propertyKey;
        this.path = dottedPath.isEmpty() ? new String[0] : dottedPath.substring(1).split("\\.");
        this.term = term;
    }

    Predicate<SandboxIssue> predicate() {
        Operator op = term.operator();
        return issue -> {
            Object value = resolve(issue);
            boolean empty = value == null || value instanceof List<?> l && l.isEmpty();
            if (op == Operator.IS_EMPTY)
                return empty;
            if (op == Operator.IS_NOT_EMPTY)
                return !empty;
            if (empty)
                return false;
            List<?> elements = value instanceof List<?> list ? list : List.of(value);
            return switch (op) {
                case NOT_EQUALS, NOT_IN -> elements.stream().noneMatch(this::equalsAnyValue);
                case EQUALS, IN -> elements.stream().anyMatch(this::equalsAnyValue);
                default -> elements.stream().anyMatch(e -> ordered(e, term.value(), op));
            };
        };
    }

    /**
     * The value as a date indexed by Jira ({@code 2026-11-23T10:15:30}, UTC unless it
     * names its offset, or {@code 2026-11-23}) in epoch seconds; 0 (empty) when absent or
     * not a date.
     */
    long epochSecond(SandboxIssue issue) {
        if (!(resolve(issue) instanceof String text))
            return 0;
        try {
            if (text.length() <= 10)
                return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed).toEpochSecond()
                    : LocalDateTime.from(parsed).toEpochSecond(ZoneOffset.UTC);
        }
        catch (DateTimeException e) {
            return 0;
        }
    }

    private Object resolve(SandboxIssue issue) {
        Optional<Object> stored = site.issueProperty(issue.id(), propertyKey);
        if (stored.isEmpty())
            return null;
        Object node = PropertyStore.unwrap(stored.get());
        for (String segment : path) {
            if (!(node instanceof Map<?, ?> map))
                return null;
            node = map.get(segment);
        }
        return node;
    }

    private boolean equalsAnyValue(Object element) {
        return term.values().stream().anyMatch(v -> compare(element, v) == 0);
    }

    private static boolean ordered(Object element, Value value, Operator op) {
        int c = compare(element, value);
        if (c == Integer.MIN_VALUE)
            return false;
        return switch (op) {
            case GREATER -> c > 0;
            case GREATER_OR_EQUAL -> c >= 0;
            case LESS -> c < 0;
            default -> c <= 0;
        };
    }

    /** Integer.MIN_VALUE when a number is compared with a non-number (no match). */
    private static int compare(Object element, Value value) {
        if (element instanceof Number number) {
            BigDecimal query = number(value.text());
            if (query == null)
                return Integer.MIN_VALUE;
            return Integer.signum(new BigDecimal(number.toString()).compareTo(query));
        }
        if (element instanceof Map<?, ?> || element instanceof List<?>)
            return Integer.MIN_VALUE;
        return Integer.signum(String.valueOf(element).compareTo(value.text()));
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

}
