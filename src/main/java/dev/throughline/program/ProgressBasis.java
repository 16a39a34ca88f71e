package dev.throughline.program;

/** What "% complete" is measured in. */
public enum ProgressBasis {

    ISSUE_COUNT, STORY_POINTS, ORIGINAL_ESTIMATE

}
