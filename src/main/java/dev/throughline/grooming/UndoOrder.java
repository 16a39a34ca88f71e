package dev.throughline.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compact text form of a backlog order for the undo point, so a large backlog fits
 * Jira's 32 KB property limit: keys separated by spaces, and a key of the same project as
 * the previous key written as its number only. {@code WEB-7 WEB-3 MOB-2 MOB-9} becomes
 * {@code "WEB-7 3 MOB-2 9"} (about 5 bytes an issue, so ~6,000 issues fit).
 */
public final class UndoOrder {

    private static final Pattern KEY = Pattern.compile("([A-Z][A-Z0-9_]*)-([0-9]+)");

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private UndoOrder() {
    }

    public static String encode(List<String> keys) {
        StringBuilder text = new StringBuilder();
        String project = null;
        for (String key : keys) {
            var match = KEY.matcher(key);
            if (!match.matches()) {
                throw new IllegalArgumentException("not an issue key: " + key);
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            if (match.group(1).equals(project)) {
                text.append(match.group(2));
            }
            else {
                text.append(key);
                project = match.group(1);
            }
        }
        return text.toString();
    }

    public static List<String> decode(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        String project = null;
        for (String token : text.trim().split(" +")) {
            var match = KEY.matcher(token);
            if (match.matches()) {
                project = match.group(1);
                keys.add(token);
            }
            else if (project != null && NUMBER.matcher(token).matches()) {
                keys.add(project + "-" + token);
            }
            else {
                throw new IllegalArgumentException("not a saved order: " + token);
            }
        }
        return keys;
    }

}
