package dev.throughline.readmodel;

import java.time.Instant;
import java.util.Objects;

/**
 * How fresh the read model holds one project of a site.
 *
 * @param syncedAt when the last read of the project from Jira started (a full read, then
 * each refresh)
 * @param pointsField the story-points field the facts were read with ("" for none): a
 * site that changes it reads the project in full again
 * @param stale an event the read model could not apply (e.g. a link between issues it
 * does not hold) asks for a refresh at the next view
 */
public record ProjectSync(String projectKey, Instant syncedAt, String pointsField, boolean stale) {

    public ProjectSync {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(syncedAt, "syncedAt");
        Objects.requireNonNull(pointsField, "pointsField");
    }

}
