package dev.throughline.program.service;

import java.time.LocalDate;

/**
 * One fetch of a program: the app reads a program once per (site, program, version, day).
 */
record FetchKey(String clientKey, String programId, long version, LocalDate today) {
}
