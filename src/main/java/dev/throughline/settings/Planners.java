package dev.throughline.settings;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The users and groups a site's admin named in Throughline settings who, besides Jira
 * administrators, may change the site-wide themes and programs. Account ids are kept once
 * each; group names once ignoring case, as Jira compares them.
 */
public record Planners(List<String> accountIds, List<String> groups) {

    public static final int MAX_ACCOUNT_IDS = 100;

    public static final int MAX_GROUPS = 20;

    /** Jira's limit on a group's name. */
    public static final int MAX_GROUP_NAME = 255;

    public static final Planners NONE = new Planners(List.of(), List.of());

    /**
     * Atlassian account ids: 5b10ac8d82e05b22cc7d4ef5, 557058:f58131cb-…, qm:… (at most
     * 128 characters).
     */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_-]{0,127}");

    private static final String ACCOUNT_ID_RULE = "must be an Atlassian accountId such as 5b10ac8d82e05b22cc7d4ef5"
            + " or 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    private static final String GROUP_RULE = "must be a Jira group name of 1 to " + MAX_GROUP_NAME
            + " characters without line breaks";

    public Planners {
        Objects.requireNonNull(accountIds, "accountIds");
        Objects.requireNonNull(groups, "groups");
        List<FieldError> errors = new ArrayList<>();
        check(accountIds, "planners.accountIds", MAX_ACCOUNT_IDS, "accountIds", Planners::isAccountId, ACCOUNT_ID_RULE,
                errors);
        check(groups, "planners.groups", MAX_GROUPS, "group names", Planners::isGroupName, GROUP_RULE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        accountIds = List.copyOf(new LinkedHashSet<>(accountIds));
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        groups.forEach(g -> byLowerCase.putIfAbsent(g.toLowerCase(Locale.ROOT), g));
        groups = List.copyOf(byLowerCase.values());
    }

    /**
     * The {@code planners} of a settings body: {@code {accountIds: [...], groups:
     * [...]}}, either list may be left out; null or absent means nobody. Problems go to
     * {@code errors}, each naming its field.
     */
    public static Planners parse(Object value, List<FieldError> errors) {
        if (value == null) {
            return NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError("planners", "must be {accountIds: [...], groups: [...]}"));
            return NONE;
        }
        map.keySet()
            .stream()
            .map(String::valueOf)
            .filter(k -> !k.equals("accountIds") && !k.equals("groups"))
            .sorted()
            .forEach(k -> errors.add(new FieldError("planners." + k, "is not a field; send accountIds and groups")));
        List<String> accountIds = texts(map.get("accountIds"), "planners.accountIds", MAX_ACCOUNT_IDS, "accountIds",
                errors);
        List<String> groups = texts(map.get("groups"), "planners.groups", MAX_GROUPS, "group names", errors);
        try {
            return new Planners(accountIds, groups);
        }
        catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
            return NONE;
        }
    }

    public boolean names(String accountId) {
        return accountIds.contains(accountId);
    }

    /** Group names compare ignoring case, as in Jira. */
    public boolean namesGroup(String groupName) {
        return groups.stream().anyMatch(g -> g.equalsIgnoreCase(groupName));
    }

    public boolean hasGroups() {
        return !groups.isEmpty();
    }

    public Map<String, Object> toMap() {
        return Map.of("accountIds", accountIds, "groups", groups);
    }

    private static boolean isAccountId(String text) {
        return ACCOUNT_ID.matcher(text).matches();
    }

    private static boolean isGroupName(String text) {
        return !text.isBlank() && text.length() <= MAX_GROUP_NAME && text.equals(text.strip())
                && text.chars().noneMatch(Character::isISOControl);
    }

    private static void check(List<String> values, String field, int max, String what, Predicate<String> valid,
            String rule, List<FieldError> errors) {
        if (values.size() > max) {
            errors.add(new FieldError(field, "at most " + max + " " + what));
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !valid.test(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", rule));
            }
        }
    }

    /**
     * A JSON list of strings, each stripped; anything else is an error on {@code field}.
     */
    private static List<String> texts(Object value, String field, int max, String what, List<FieldError> errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            errors.add(new FieldError(field, "must be a list of at most " + max + " " + what));
            return List.of();
        }
        return list.stream().map(String.class::cast).map(String::strip).toList();
    }
}
