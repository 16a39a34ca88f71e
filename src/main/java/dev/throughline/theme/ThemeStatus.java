package dev.throughline.theme;

public enum ThemeStatus {

    PROPOSED, ACTIVE, DONE, ARCHIVED

}
