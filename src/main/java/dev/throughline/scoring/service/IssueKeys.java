package dev.throughline.scoring.service;

import dev.throughline.problems.InvalidInputException;

import java.util.regex.Pattern;

/** Jira issue keys: a project key (upper-case letter, then letters, digits or _) and a number. */
public final class IssueKeys {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}");

    private IssueKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static String require(String key) {
        if (!isValid(key)) {
            throw new InvalidInputException("issueKey", "must be an issue key such as WEB-12");
        }
        return key;
    }
}
