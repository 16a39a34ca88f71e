package dev.throughline.planning.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.throughline.planning.service.PlanDeletion;
import dev.throughline.web.PartialAnswer;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /api/programs/{id}/plans/{planId}}: 204 when the plan and its commit
 * snapshots are gone; 207 with the shared partial fields ({@link PartialAnswer}: the app
 * properties deleted in {@code applied}, those left in {@code notApplied}) when Jira
 * stopped the deletion half way.
 */
record PlanDeletionAnswer(String message, @JsonAnyGetter Map<String, Object> partialFields) {

    static ResponseEntity<PlanDeletionAnswer> of(PlanDeletion deletion) {
        if (deletion.complete()) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(PartialAnswer.STATUS)
            .body(new PlanDeletionAnswer(deletion.message(), PartialAnswer.fields(deletion.deleted(),
                    deletion.notDeleted(), List.of(), deletion.reason().orElseThrow())));
    }

}
