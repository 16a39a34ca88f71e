package dev.throughline.program.rollup;

/** "blocker blocks blocked", whichever end reported it. */
record BlockingLink(String blockerKey, String blockedKey) {
}
