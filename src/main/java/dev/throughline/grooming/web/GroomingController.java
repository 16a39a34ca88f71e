package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.grooming.ModelChange;
import dev.throughline.grooming.service.ApplyResult;
import dev.throughline.grooming.service.BacklogChangedException;
import dev.throughline.grooming.service.BacklogSnapshot;
import dev.throughline.grooming.service.GroomingService;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backlog grooming API (context JWT, as every /api/** endpoint). See
 * docs/grooming-api.md.
 */
@RestController
class GroomingController {

    private final GroomingService grooming;

    GroomingController(GroomingService grooming) {
        this.grooming = grooming;
    }

    @GetMapping("/api/projects/{projectKey}/boards")
    BoardsAnswer boards(Caller caller, @PathVariable String projectKey) {
        return BoardsAnswer.of(grooming.boards(caller, projectKey));
    }

    @GetMapping("/api/boards/{boardId}/backlog")
    BacklogPageAnswer backlog(Caller caller, @PathVariable long boardId, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(name = "staleDays") Optional<Integer> requestedStaleDays,
            @RequestParam(defaultValue = "false") boolean refresh) {
        int staleDays = grooming.staleDays(caller, requestedStaleDays);
        if (offset < 0 || limit < 1 || limit > GroomingService.MAX_PAGE) {
            throw new InvalidInputException(
                    List.of(new FieldError("limit", "offset must be ≥ 0 and limit 1 to " + GroomingService.MAX_PAGE)));
        }
        BacklogSnapshot snapshot = grooming.backlog(caller, boardId, staleDays, refresh);
        return BacklogPageAnswer.of(boardId, offset, limit, staleDays, snapshot);
    }

    @PostMapping("/api/boards/{boardId}/proposal")
    ProposalAnswer proposal(Caller caller, @PathVariable long boardId, @RequestBody ProposalRequest body) {
        ProposalRequest.Checked request = body.check();
        return ProposalAnswer.of(boardId, request.pinned(),
                grooming.propose(caller, boardId, request.pinned(), request.options()));
    }

    @PostMapping("/api/boards/{boardId}/apply")
    ResponseEntity<ApplyAnswer> apply(Caller caller, @PathVariable long boardId, @RequestBody ApplyRequest body) {
        ApplyRequest.Checked request = body.check();
        return answer(grooming.apply(caller, boardId, request.order(), request.expectedCurrent()));
    }

    /**
     * Bulk "set model" on selected rows; see {@link GroomingService#setModel} and
     * docs/grooming-api.md.
     */
    @PostMapping("/api/boards/{boardId}/model")
    ResponseEntity<ModelChangeAnswer> setModel(Caller caller, @PathVariable long boardId, @RequestBody JsonNode body) {
        ModelChange change = ModelChangeRequest.from(body);
        BulkValueResult result = grooming.setModel(caller, boardId, change);
        return ResponseEntity.status(result.httpStatus()).body(ModelChangeAnswer.of(change.model(), result));
    }

    @PostMapping("/api/boards/{boardId}/undo")
    ResponseEntity<ApplyAnswer> undo(Caller caller, @PathVariable long boardId) {
        return answer(grooming.undo(caller, boardId));
    }

    @ExceptionHandler(BacklogChangedException.class)
    ResponseEntity<Map<String, Object>> changed(BacklogChangedException e) {
        Map<String, Object> body = new LinkedHashMap<>(ApiExceptionHandler
            .answer(HttpStatus.CONFLICT, e.getMessage(),
                    List.of(new FieldError("expectedCurrent", "is not the backlog's current order")))
            .getBody());
        body.put("current", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private static ResponseEntity<ApplyAnswer> answer(ApplyResult result) {
        ApplyAnswer answer = ApplyAnswer.of(result);
        return ResponseEntity.status(answer.status()).body(answer);
    }

}
