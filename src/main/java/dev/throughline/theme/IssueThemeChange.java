package dev.throughline.theme;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.readmodel.ThemeLinks;

import java.util.List;
import java.util.Map;

/**
 * Themes to add to and remove from one issue: {@code {add: [ids], remove: [ids]}}, each
 * at most {@link ThemeLinks#MAX_THEMES_PER_ISSUE} theme ids.
 */
public record IssueThemeChange(List<String> add, List<String> remove) {

    public IssueThemeChange {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    /**
     * The first broken rule is a 400 naming its field (add, remove, or an unknown one).
     */
    public static IssueThemeChange parse(Map<String, ?> body) {
        List<String> add = ids(body, "add");
        List<String> remove = ids(body, "remove");
        body.keySet().stream().filter(k -> !k.equals("add") && !k.equals("remove")).findFirst().ifPresent(k -> {
            throw new InvalidInputException(k, "is not a field; send add and/or remove");
        });
        return new IssueThemeChange(add, remove);
    }

    private static List<String> ids(Map<String, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > ThemeLinks.MAX_THEMES_PER_ISSUE
                || !list.stream().allMatch(id -> id instanceof String text && text.matches("[a-z0-9]{1,32}"))) {
            throw new InvalidInputException(field, "must be a list of theme ids");
        }
        return list.stream().map(String.class::cast).toList();
    }

}
