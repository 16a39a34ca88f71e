package dev.throughline.web;

import java.time.Instant;

/**
 * The {@code stale} field of a page's answer served from its last good read because
 * Jira's points quota is used up: when the data was read, why it is not fresher, when it
 * will be, and the sentence a page shows. Absent from fresh answers.
 */
public record StaleJson(String asOf, String reason, String refreshAfter, String message) {

    public static StaleJson of(Instant asOf, String reason, Instant refreshAfter, String message) {
        return new StaleJson(asOf.toString(), reason, refreshAfter.toString(), message);
    }

}
