package dev.throughline.program.rollup;

/**
 * How the rollup treats an issue type: epics are containers, sub-tasks are optional work
 * items.
 */
public enum IssueKind {

    EPIC, STANDARD, SUBTASK

}
