package dev.throughline.grooming.web;

import dev.throughline.problems.JiraKeys;
import dev.throughline.grooming.ModelChange;
import dev.throughline.grooming.ProposalOptions;
import dev.throughline.grooming.ScoreRanks;
import dev.throughline.grooming.service.ApplyResult;
import dev.throughline.grooming.service.BacklogChangedException;
import dev.throughline.grooming.service.BacklogRow;
import dev.throughline.grooming.service.BacklogSnapshot;
import dev.throughline.grooming.service.GroomingService;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import dev.throughline.web.PartialAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

/** Backlog grooming API (context JWT, as every /api/** endpoint). See docs/grooming-api.md. */
@RestController
class GroomingController {

    private final GroomingService grooming;

    GroomingController(GroomingService grooming) {
        this.grooming = grooming;
    }

    @GetMapping("/api/projects/{projectKey}/boards")
    Map<String, Object> boards(Caller caller, @PathVariable String projectKey) {
        return Map.of("boards", grooming.boards(caller, projectKey).stream()
                .map(b -> Map.of("id", b.id(), "name", b.name())).toList());
    }

    @GetMapping("/api/boards/{boardId}/backlog")
    Map<String, Object> backlog(Caller caller, @PathVariable long boardId,
                                @RequestParam(defaultValue = "0") int offset,
                                @RequestParam(defaultValue = "100") int limit,
                                @RequestParam(name = "staleDays") Optional<Integer> requestedStaleDays,
                                @RequestParam(defaultValue = "false") boolean refresh) {
        int staleDays = grooming.staleDays(caller, requestedStaleDays);
        if (offset < 0 || limit < 1 || limit > GroomingService.MAX_PAGE) {
            throw new InvalidInputException(List.of(new FieldError("limit",
                    "offset must be ≥ 0 and limit 1 to " + GroomingService.MAX_PAGE)));
        }
        BacklogSnapshot snapshot = grooming.backlog(caller, boardId, staleDays, refresh);
        List<BacklogRow> rows = snapshot.rows();
        List<BacklogRow> page = rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("boardId", boardId);
        json.put("total", rows.size());
        json.put("offset", offset);
        json.put("limit", limit);
        json.put("staleDays", staleDays);
        json.put("readAt", snapshot.readAt().toString());
        json.put("flagCounts", snapshot.flagCounts());
        Map<String, ScoreRanks.Rank> ranks = snapshot.scoreRanks();
        json.put("items", page.stream().map(row -> {
            Map<String, Object> item = row(row);
            ScoreRanks.Rank rank = ranks.get(row.key());
            item.put("scoreRank", rank == null ? null : Map.of("rank", rank.rank(), "of", rank.of()));
            return item;
        }).toList());
        return json;
    }

    @PostMapping("/api/boards/{boardId}/proposal")
    Map<String, Object> proposal(Caller caller, @PathVariable long boardId, @RequestBody Map<String, Object> body) {
        List<String> pinned = keys(body, "pinned", false);
        ProposalOptions options = new ProposalOptions(flag(body, "dependencyAware", true),
                flag(body, "unscoredLast", true));
        GroomingService.Proposal proposal = grooming.propose(caller, boardId, pinned, options);
        Map<String, BacklogRow> byKey = new HashMap<>();
        proposal.current().rows().forEach(r -> byKey.put(r.key(), r));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("boardId", boardId);
        json.put("current", proposal.current().keys());
        json.put("order", proposal.proposed().order());
        json.put("items", proposal.proposed().moves().stream().map(move -> {
            BacklogRow row = byKey.get(move.key());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", move.key());
            item.put("summary", row.summary());
            item.put("score", row.score().orElse(null));
            item.put("pinned", pinned.contains(move.key()));
            item.put("from", move.from());
            item.put("to", move.to());
            item.put("move", move.direction().name());
            item.put("by", move.positions());
            return item;
        }).toList());
        json.put("changesAnything", proposal.proposed().changesAnything());
        json.put("calls", proposal.plan().calls());
        json.put("moved", proposal.plan().movedKeys().size());
        json.put("dependencyCycles", proposal.proposed().dependencyCycles());
        json.put("unmetDependencies", proposal.proposed().unmetDependencies());
        return json;
    }

    @PostMapping("/api/boards/{boardId}/apply")
    ResponseEntity<Map<String, Object>> apply(Caller caller, @PathVariable long boardId,
                                              @RequestBody Map<String, Object> body) {
        List<String> order = keys(body, "order", true);
        List<String> expected = keys(body, "expectedCurrent", true);
        return answer(grooming.apply(caller, boardId, order, expected));
    }

    /** Bulk "set model" on selected rows; see {@link GroomingService#setModel} and docs/grooming-api.md. */
    @PostMapping("/api/boards/{boardId}/model")
    ResponseEntity<Map<String, Object>> setModel(Caller caller, @PathVariable long boardId,
                                                 @RequestBody Map<String, Object> body) {
        ModelChange change = ModelChange.parse(body);
        BulkValueResult result = grooming.setModel(caller, boardId, change);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("written", result.written());
        json.put("model", change.model());
        json.put("message", result.written()
                ? result.items().size() + " issue(s) now scored with " + change.model() + "."
                : "Nothing was written: " + result.items().stream()
                        .filter(i -> i.outcome() == result.failure()).map(BulkValueResult.Item::message)
                        .collect(Collectors.joining("; ")) + ".");
        if (result.jiraReason().isPresent() && !result.written()) {
            json.putAll(PartialAnswer.fields(result.keys(BulkValueResult.Outcome.WRITTEN),
                    result.keys(BulkValueResult.Outcome.NOT_WRITTEN), result.keys(BulkValueResult.Outcome.UNKNOWN),
                    result.jiraReason().get()));
            json.put("message", result.afterFailedTaskMessage());
        }
        json.put("results", result.items().stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("issueKey", item.issueKey());
            entry.put("outcome", item.outcome().name());
            entry.put("message", item.message());
            entry.put("model", item.value().map(ValueRecord::model).orElse(null));
            entry.put("score", item.value().map(ValueRecord::score).orElse(null));
            entry.put("version", item.value().map(ValueRecord::version).orElse(0L));
            return entry;
        }).toList());
        return ResponseEntity.status(result.httpStatus()).body(json);
    }

    @PostMapping("/api/boards/{boardId}/undo")
    ResponseEntity<Map<String, Object>> undo(Caller caller, @PathVariable long boardId) {
        return answer(grooming.undo(caller, boardId));
    }

    @ExceptionHandler(BacklogChangedException.class)
    ResponseEntity<Map<String, Object>> changed(BacklogChangedException e) {
        Map<String, Object> body = new LinkedHashMap<>(ApiExceptionHandler.answer(HttpStatus.CONFLICT, e.getMessage(),
                List.of(new FieldError("expectedCurrent", "is not the backlog's current order"))).getBody());
        body.put("current", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private static ResponseEntity<Map<String, Object>> answer(ApplyResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        HttpStatus status = result.interrupted().isPresent() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
        json.put("status", status.value());
        json.put("complete", result.complete());
        json.put("message", result.interrupted()
                .map(m -> "Jira stopped answering part way (" + m + "). Send the same request again to finish; "
                        + "issues already moved are not moved again.")
                .orElse(result.complete() ? "The backlog is in the requested order."
                        : "Some issues are not where they should be; see misplaced and failures."));
        json.put("resumed", result.resumed());
        // an interrupted run is resumed by the same request (the journal says where it got to); anything else re-reads
        json.put("action", result.interrupted().isPresent() ? "resume" : result.complete() ? "none" : "reread");
        json.put("calls", result.calls());
        json.put("movedCount", result.movedCount());
        json.put("moved", result.moved());
        json.put("notMoved", result.notMoved());
        json.put("failures", result.failures().stream().map(f -> Map.of("issueKey", f.issueKey(),
                "errors", f.errors())).toList());
        json.put("steps", result.steps().stream().map(step -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.step());
            entry.put("issueKeys", step.issueKeys());
            entry.put("position", step.position());
            entry.put("anchor", step.anchorKey());
            entry.put("outcome", step.outcome());
            entry.put("failures", step.failures().stream().map(f -> Map.of("issueKey", f.issueKey(),
                    "errors", f.errors())).toList());
            return entry;
        }).toList());
        json.put("verified", result.misplaced().isPresent());
        json.put("misplaced", result.misplaced().orElse(null));
        json.put("undoSaved", result.undoSaved());
        json.put("order", result.target());
        return ResponseEntity.status(status).body(json);
    }

    private static Map<String, Object> row(BacklogRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", row.key());
        json.put("summary", row.summary());
        json.put("type", row.type());
        json.put("status", row.status());
        json.put("score", row.score().orElse(null));
        json.put("model", row.model().orElse(null));
        json.put("themeIds", row.themeIds());
        json.put("inheritedThemeIds", row.inheritedThemeIds());
        json.put("themesFrom", row.themesFrom().orElse(null));
        json.put("storyPoints", row.storyPoints().orElse(null));
        json.put("ageDays", row.ageDays().orElse(null));
        json.put("updated", row.updated().map(Object::toString).orElse(null));
        json.put("flags", row.flags().stream().sorted().map(Enum::name).toList());
        json.put("blockedBy", row.openBlockers());
        json.put("version", row.valueVersion());
        json.put("inputs", row.valueInputs());
        return json;
    }

    private static List<String> keys(Map<String, Object> body, String field, boolean required) {
        Object value = body.get(field);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(JiraKeys::isIssueKey)) {
            throw new InvalidInputException(field, "Give a list of issue keys such as [\"WEB-1\", \"WEB-2\"]");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static boolean flag(Map<String, Object> body, String field, boolean fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new InvalidInputException(field, "Must be true or false");
        }
        return b;
    }
}
