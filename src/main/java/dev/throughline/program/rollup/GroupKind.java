package dev.throughline.program.rollup;

/** The ways issues are grouped. */
public enum GroupKind {

    PROGRAM, PROJECT, EPIC, THEME, FIX_VERSION

}
