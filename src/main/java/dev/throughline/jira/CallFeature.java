package dev.throughline.jira;

import java.util.Locale;

/**
 * Which part of the app made a Jira call, so its points are booked to it: the five
 * features, work without a user waiting ({@link #BACKGROUND}), and anything else a user
 * waits on ({@link #OTHER}: pages, the descriptor's own calls).
 */
public enum CallFeature {

    SCORING, THEME, PROGRAM, GROOMING, SETTINGS, BACKGROUND, OTHER;

    /** The name shown to admins and used as a metric tag: {@code scoring}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

}
