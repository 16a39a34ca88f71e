package dev.throughline.theme;

/** A save carried an old version of the theme: someone else saved first. Nothing was stored. */
public class StaleThemeException extends RuntimeException {

    private final transient Theme current;

    public StaleThemeException(Theme current, long expected) {
        super("The theme \"" + current.name() + "\" was changed by someone else (you had version " + expected
                + ", it is now version " + current.version() + "); reload and try again.");
        this.current = current;
    }

    public Theme current() {
        return current;
    }
}
