package dev.throughline.program;

/** A save carried an old version of the program: someone else saved first. Nothing was stored. */
public class StaleProgramException extends RuntimeException {

    private final transient ProgramDefinition current;

    public StaleProgramException(ProgramDefinition current, long expected) {
        super("The program \"" + current.name() + "\" was changed by someone else (you had version " + expected
                + ", it is now version " + current.version() + "); reload and try again.");
        this.current = current;
    }

    public ProgramDefinition current() {
        return current;
    }
}
