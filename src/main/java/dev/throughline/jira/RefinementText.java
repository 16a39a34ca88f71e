package dev.throughline.jira;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check of a user's JQL condition before {@link Jql#refinement} parenthesises it: its
 * parentheses and quotes must balance outside string literals (so it cannot reach outside
 * the parentheses it is put in) and it must carry no ORDER BY.
 */
final class RefinementText {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    private RefinementText() {
    }

    /**
     * Why {@code text} cannot be a refinement, in words for the user; empty when it can.
     */
    static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("JQL must not be blank");
        }
        StringBuilder outsideStrings = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // Jira reads \x as one escaped character, also outside quotes: never
                     // a parenthesis or quote
                outsideStrings.append(' ');
            }
            else if (c == '"' || c == '\'') {
                int end = closingQuote(text, i);
                if (end < 0) {
                    return Optional.of("JQL has a quoted string that is not closed");
                }
                i = end;
                outsideStrings.append(' ');
            }
            else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    return Optional
                        .of("JQL closes a parenthesis it did not open; a refinement can only narrow the search");
                }
                outsideStrings.append(c);
            }
        }
        if (depth > 0) {
            return Optional.of("JQL leaves a parenthesis open");
        }
        if (ORDER_BY.matcher(outsideStrings).find()) {
            return Optional.of("leave out ORDER BY: the condition is ANDed to Throughline's own search");
        }
        return Optional.empty();
    }

    /**
     * The index of the quote closing the string opened at {@code open}, skipping escapes;
     * -1 when none does.
     */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

}
