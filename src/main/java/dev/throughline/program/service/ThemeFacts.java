package dev.throughline.program.service;

import java.time.LocalDate;
import java.util.Map;

/**
 * Theme end dates (for conflicts) and names (for the report's theme rows), from one
 * catalog read.
 */
record ThemeFacts(Map<String, LocalDate> ends, Map<String, String> names) {
}
