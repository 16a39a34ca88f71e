package dev.throughline.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The five issue types every sandbox project uses, with Jira Cloud's ids and hierarchy
 * levels.
 */
public enum IssueType {

    EPIC("10000", "Epic", 1, false), STORY("10001", "Story", 0, false), TASK("10002", "Task", 0, false),
    BUG("10003", "Bug", 0, false), SUBTASK("10004", "Sub-task", -1, true);

    private final String id;

    private final String displayName;

    private final int hierarchyLevel;

    private final boolean subtask;

    IssueType(String id, String displayName, int hierarchyLevel, boolean subtask) {
        this.id = id;
        this.displayName = displayName;
        this.hierarchyLevel = hierarchyLevel;
        this.subtask = subtask;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public int hierarchyLevel() {
        return hierarchyLevel;
    }

    public boolean subtask() {
        return subtask;
    }

    /** Standard issues sit at level 0: stories, tasks and bugs. */
    public boolean standard() {
        return hierarchyLevel == 0;
    }

    /** Matches JQL values: the name in any case ("sub-task", "Subtask") or the id. */
    public static Optional<IssueType> fromJql(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (IssueType t : values()) {
            if (t.id.equals(v) || t.displayName.toLowerCase(Locale.ROOT).equals(v)
                    || t.displayName.replace("-", "").toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

}
