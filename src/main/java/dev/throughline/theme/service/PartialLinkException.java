package dev.throughline.theme.service;

/**
 * Deleting a theme stopped because Jira unlinked only part of its issues; the theme is
 * kept.
 */
public class PartialLinkException extends RuntimeException {

    private final transient LinkResult result;

    public PartialLinkException(LinkResult result) {
        super(result.linked() + " of " + result.attempted()
                + " issues unlinked before Jira failed; the theme was kept.");
        this.result = result;
    }

    public LinkResult result() {
        return result;
    }

}
