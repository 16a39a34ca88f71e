package dev.throughline.theme.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;

/**
 * A theme as the API answers it: in full (one theme, create, update, placement, a stale
 * save's {@code current}) or, without {@code description}, as listed (lists, boards, an
 * issue's themes). The same fields as the stored form ({@code ThemeCodec}), enums in
 * upper case, absent as null.
 */
record ThemeJson(String id, String name, String color, String status, String horizon, String startQuarter,
        String endQuarter, String outcome, String owner, int sortOrder, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description) {

    static ThemeJson full(Theme theme) {
        return of(theme, theme.description());
    }

    static ThemeJson listed(Theme theme) {
        return of(theme, null);
    }

    private static ThemeJson of(Theme theme, String description) {
        return new ThemeJson(theme.id(), theme.name(), theme.color().name(), theme.status().name(),
                theme.horizon().name(), theme.startQuarter().map(Quarter::toString).orElse(null),
                theme.endQuarter().map(Quarter::toString).orElse(null), theme.outcome(), theme.owner().orElse(null),
                theme.sortOrder(), theme.version(), description);
    }

}
