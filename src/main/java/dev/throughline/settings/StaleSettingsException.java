package dev.throughline.settings;

/** A save carried an old version of the settings: another admin saved first. Nothing was stored. */
public class StaleSettingsException extends RuntimeException {

    private final transient SiteSettings current;

    public StaleSettingsException(SiteSettings current, long expected) {
        super("Someone else changed Throughline's settings (you had version " + expected + ", they are now version "
                + current.version() + "); reload and try again.");
        this.current = current;
    }

    public SiteSettings current() {
        return current;
    }
}
