package dev.throughline.web;

import dev.throughline.jira.CallFeature;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which feature a request's Jira calls are booked to, from its path (the first match
 * wins): the points ledger shows admins what each feature spends.
 */
final class CallFeatures {

    private static final List<Map.Entry<Pattern, CallFeature>> BY_PATH = List.of(
            Map.entry(Pattern.compile("/api/issues/[^/]+/themes.*|/api/themes.*|/pages/roadmap.*"), CallFeature.THEME),
            Map.entry(Pattern.compile("/api/issues/.*|/api/value/.*|/api/scoring/.*|/api/projects/[^/]+/scoring"
                    + "|/panels/issue-value.*"), CallFeature.SCORING),
            Map.entry(Pattern.compile("/api/programs.*|/pages/programs.*"), CallFeature.PROGRAM),
            Map.entry(Pattern.compile("/api/boards/.*|/api/projects/[^/]+/boards|/pages/grooming.*"),
                    CallFeature.GROOMING),
            Map.entry(Pattern.compile("/api/settings.*|/api/permissions/.*|/admin/settings.*"), CallFeature.SETTINGS));

    private CallFeatures() {
    }

    static CallFeature of(String path) {
        String p = path == null ? "" : path;
        return BY_PATH.stream()
            .filter(entry -> entry.getKey().matcher(p).matches())
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(CallFeature.OTHER);
    }

    /** Jira's webhooks: nobody waits on what they cause. */
    static boolean isWebhook(String path) {
        return path != null && path.startsWith("/webhooks/");
    }

}
