package dev.throughline.scoring.web;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.scoring.service.ValueWrite;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import dev.throughline.web.PartialAnswer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scoring API the issue panel and backlog grooming call (context JWT, as every /api/** endpoint). */
@RestController
class IssueValueController {

    private final IssueValueService values;

    IssueValueController(IssueValueService values) {
        this.values = values;
    }

    @GetMapping("/api/issues/{issueKey}/value")
    Map<String, Object> read(Caller caller, @PathVariable String issueKey) {
        return ValueJson.view(values.read(caller, issueKey));
    }

    @PutMapping("/api/issues/{issueKey}/value")
    Map<String, Object> write(Caller caller, @PathVariable String issueKey, @RequestBody Map<String, Object> body) {
        return ValueJson.view(values.write(caller, ValueWrite.parse(issueKey, body)));
    }

    /**
     * Scores inputs without saving: the panel's live preview as the user types. A half-filled draft is not an
     * error here, so invalid inputs answer 200 with {@code valid: false} and the field errors.
     */
    @PostMapping("/api/scoring/evaluate")
    Map<String, Object> evaluate(Caller caller, @RequestBody Map<String, Object> body) {
        try {
            if (!(body.get("model") instanceof String model)) {
                throw new InvalidInputException("model", "Model is required, e.g. \"RICE\"");
            }
            if (!(body.get("inputs") instanceof Map<?, ?> inputs)) {
                throw new InvalidInputException("inputs", "Inputs must be an object of input name to number");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) inputs;
            Map<String, Object> json = new LinkedHashMap<>(ValueJson.score(values.evaluate(caller, model, typed)));
            json.put("valid", true);
            return json;
        } catch (InvalidInputException e) {
            return Map.of("valid", false, "errors", e.errors());
        }
    }

    @PostMapping("/api/value/bulk")
    ResponseEntity<Map<String, Object>> bulk(Caller caller, @RequestBody Map<String, Object> body) {
        BulkValueResult result = values.writeAll(caller, ValueWrite.parseBulk(body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("written", result.written());
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
            entry.put("value", item.value().map(ValueJson::value).orElse(null));
            return entry;
        }).toList());
        return ResponseEntity.status(result.httpStatus()).body(json);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(ValueRecord.class).map(ValueJson::value).orElse(null));
    }
}
