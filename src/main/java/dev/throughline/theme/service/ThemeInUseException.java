package dev.throughline.theme.service;

/**
 * A theme still linked to issues cannot be deleted unless the caller asks to unlink them
 * first.
 */
public class ThemeInUseException extends RuntimeException {

    private final long linkedIssues;

    public ThemeInUseException(String themeName, long linkedIssues) {
        super("\"" + themeName + "\" is linked to " + linkedIssues
                + " issue(s); delete with ?unlink=true to remove those links first.");
        this.linkedIssues = linkedIssues;
    }

    public long linkedIssues() {
        return linkedIssues;
    }

}
