package dev.throughline.sandbox;

/** Builds readable summaries from a small code so issues need not store their text. */
final class SummaryWords {

    private static final String[] VERBS = { "Add", "Improve", "Fix", "Refactor", "Support", "Remove", "Speed up",
            "Document", "Migrate", "Validate", "Localise", "Simplify" };

    private static final String[] THINGS = { "checkout flow", "invoice export", "login page", "search results",
            "user onboarding", "billing webhooks", "audit log", "mobile navigation", "report builder",
            "notification settings", "API rate limits", "dashboard widgets", "CSV import", "team permissions",
            "password reset", "dark mode", "order history", "shipping rates", "SSO configuration", "data retention" };

    private static final String[] EPIC_THEMES = { "Self-service onboarding", "Enterprise readiness", "Payments v2",
            "Mobile parity", "Performance at scale", "Reporting overhaul", "Partner integrations", "Compliance 2026" };

    private static final String[] BUG_SYMPTOMS = { "fails on empty input", "shows wrong totals", "times out",
            "loses unsaved changes", "breaks in Safari", "returns 500", "duplicates entries", "ignores timezone" };

    private SummaryWords() {
    }

    static String summaryFor(IssueType type, int code) {
        int c = Math.abs(code);
        return switch (type) {
            case EPIC -> EPIC_THEMES[c % EPIC_THEMES.length] + " (" + (1 + c / EPIC_THEMES.length % 9) + ")";
            case BUG ->
                capitalise(THINGS[c % THINGS.length]) + " " + BUG_SYMPTOMS[c / THINGS.length % BUG_SYMPTOMS.length];
            case SUBTASK -> "Write tests for " + THINGS[c % THINGS.length];
            default -> VERBS[c % VERBS.length] + " " + THINGS[c / VERBS.length % THINGS.length];
        };
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
