package dev.throughline.program;

/** "blocker blocks blocked", whichever end reported it. */
record BlockingLink(String blockerKey, String blockedKey) {
}
