package dev.throughline.program.rollup;

/**
 * How much an accumulator holds: everything here grows with groups or links, nothing with
 * plain issues.
 */
record RetainedSizes(int projects, int fixVersions, int childBuckets, int containers, int dependencyEnds, int links) {
}
