package dev.throughline.jira;

/** The app has no installed host for this site, so it cannot call its Jira. */
public class SiteNotInstalledException extends RuntimeException {

    public SiteNotInstalledException(String clientKey) {
        super("Throughline is not installed on the site with clientKey " + clientKey);
    }

}
