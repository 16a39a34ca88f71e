package dev.throughline.problems;

import java.util.regex.Pattern;

/**
 * The one check of Jira issue and project keys in requests: a project key is an
 * upper-case letter followed by letters, digits or _; an issue key is a project key, a
 * dash and a number. Bad keys are refused naming the field before anything asks Jira.
 */
public final class JiraKeys {

    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");

    private static final Pattern ISSUE = Pattern.compile("[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}");

    private JiraKeys() {
    }

    public static boolean isIssueKey(Object key) {
        return key instanceof String text && ISSUE.matcher(text).matches();
    }

    public static boolean isProjectKey(Object key) {
        return key instanceof String text && PROJECT.matcher(text).matches();
    }

    public static String requireIssueKey(String field, String key) {
        if (!isIssueKey(key)) {
            throw new InvalidInputException(field, "must be an issue key such as WEB-12");
        }
        return key;
    }

    public static String requireProjectKey(String field, String key) {
        if (!isProjectKey(key)) {
            throw new InvalidInputException(field, "must be a project key such as WEB");
        }
        return key;
    }

}
