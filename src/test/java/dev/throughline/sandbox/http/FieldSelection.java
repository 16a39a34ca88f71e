package dev.throughline.sandbox.http;

import dev.throughline.sandbox.SiteFields;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which issue fields a response carries, from Jira's "fields" list: ids, "*all",
 * "*navigable", "-field" to exclude. Unknown field ids are ignored, as Jira does.
 */
final class FieldSelection {

    /** Every field the sandbox renders, in Jira's usual order. */
    static final List<String> RENDERED = List.of("summary", "issuetype", "status", "project", "parent", "created",
            "updated", "resolutiondate", "duedate", "fixVersions", "timeoriginalestimate", "issuelinks", "priority",
            "resolution", "labels", "components", SiteFields.STORY_POINTS, SiteFields.OLD_STORY_POINTS, SiteFields.RANK,
            SiteFields.SPRINT, SiteFields.EPIC_LINK);

    private final Set<String> fields;

    private final boolean onlyIdOrKey;

    private final boolean key;

    private FieldSelection(Set<String> fields, boolean onlyIdOrKey, boolean key) {
        this.fields = fields;
        this.onlyIdOrKey = onlyIdOrKey;
        this.key = key;
    }

    /**
     * @param requested null for the default
     */
    static FieldSelection of(List<String> requested, List<String> defaultFields) {
        List<String> list = requested == null || requested.isEmpty() ? defaultFields : requested;
        Set<String> selected = new LinkedHashSet<>();
        Set<String> excluded = new HashSet<>();
        boolean onlyIdOrKey = true;
        boolean key = false;
        for (String f : list) {
            if (f.equals("*all") || f.equals("*navigable")) {
                selected.addAll(RENDERED);
                onlyIdOrKey = false;
            }
            else if (f.startsWith("-")) {
                excluded.add(f.substring(1));
            }
            else if (f.equals("key")) {
                key = true;
            }
            else if (!f.equals("id")) {
                selected.add(f);
                onlyIdOrKey = false;
            }
        }
        selected.removeAll(excluded);
        selected.retainAll(RENDERED);
        return new FieldSelection(selected, onlyIdOrKey, key || !onlyIdOrKey);
    }

    /**
     * True when only id and/or key were asked for: Jira then allows pages of up to 5000.
     */
    boolean onlyIdOrKey() {
        return onlyIdOrKey;
    }

    boolean includesKey() {
        return key;
    }

    Set<String> fields() {
        return fields;
    }

}
