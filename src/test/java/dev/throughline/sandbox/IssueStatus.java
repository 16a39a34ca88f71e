package dev.throughline.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * One workflow status per status category, as a simple Jira Cloud team-managed workflow
 * has.
 */
public enum IssueStatus {

    TO_DO("10000", "To Do", StatusCategory.TO_DO), IN_PROGRESS("10001", "In Progress", StatusCategory.IN_PROGRESS),
    DONE("10002", "Done", StatusCategory.DONE);

    private final String id;

    private final String displayName;

    private final StatusCategory category;

    IssueStatus(String id, String displayName, StatusCategory category) {
        this.id = id;
        this.displayName = displayName;
        this.category = category;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public StatusCategory category() {
        return category;
    }

    public boolean done() {
        return category == StatusCategory.DONE;
    }

    /** Jira's three fixed status categories: ids 2/4/3, keys new/indeterminate/done. */
    public enum StatusCategory {

        TO_DO(2, "new", "To Do", "blue-gray"), IN_PROGRESS(4, "indeterminate", "In Progress", "yellow"),
        DONE(3, "done", "Done", "green");

        private final int id;

        private final String key;

        private final String displayName;

        private final String colorName;

        StatusCategory(int id, String key, String displayName, String colorName) {
            this.id = id;
            this.key = key;
            this.displayName = displayName;
            this.colorName = colorName;
        }

        public int id() {
            return id;
        }

        public String key() {
            return key;
        }

        public String displayName() {
            return displayName;
        }

        public String colorName() {
            return colorName;
        }

        /** JQL accepts the name, the key or the id, in any case. */
        public static Optional<StatusCategory> fromJql(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (StatusCategory c : values()) {
                if (c.key.equals(v) || c.displayName.toLowerCase(Locale.ROOT).equals(v)
                        || String.valueOf(c.id).equals(v)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

    }

}
