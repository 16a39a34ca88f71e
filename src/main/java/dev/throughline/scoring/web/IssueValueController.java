package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.scoring.service.DisplayNames;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The scoring API the issue panel and backlog grooming call (context JWT, as every
 * /api/** endpoint).
 */
@RestController
class IssueValueController {

    private final IssueValueService values;

    private final DisplayNames people;

    IssueValueController(IssueValueService values, DisplayNames people) {
        this.values = values;
        this.people = people;
    }

    @GetMapping("/api/issues/{issueKey}/value")
    ValueJson.IssueValue read(Caller caller, @PathVariable String issueKey) {
        return ValueJson.IssueValue.of(values.read(caller, issueKey));
    }

    @PutMapping("/api/issues/{issueKey}/value")
    ValueJson.IssueValue write(Caller caller, @PathVariable String issueKey, @RequestBody JsonNode body) {
        return ValueJson.IssueValue.of(values.write(caller, ScoreRequest.from(body).write(issueKey)));
    }

    /**
     * Scores inputs without saving: the panel's live preview as the user types. A
     * half-filled draft is not an error here, so invalid inputs answer 200 with
     * {@code valid: false} and the field errors.
     */
    @PostMapping("/api/scoring/evaluate")
    Object evaluate(Caller caller, @RequestBody JsonNode body) {
        try {
            EvaluateRequest request = EvaluateRequest.from(body);
            return ValueJson.Evaluated.of(values.evaluate(caller, request.model(), request.inputs()));
        }
        catch (InvalidInputException e) {
            return new ValueJson.Invalid(false, e.errors());
        }
    }

    /**
     * Display names for the accountIds of a score history (the panel's Who column), asked
     * after the value so the value itself costs no extra Jira call.
     */
    @GetMapping("/api/people/names")
    ValueJson.Names names(Caller caller, @RequestParam(name = "accountId") List<String> accountIds) {
        return new ValueJson.Names(people.names(caller, accountIds));
    }

    @PostMapping("/api/value/bulk")
    ResponseEntity<ValueJson.Bulk> bulk(Caller caller, @RequestBody JsonNode body) {
        BulkValueResult result = values.writeAll(caller, ScoreRequest.bulkFrom(body));
        return ResponseEntity.status(result.httpStatus()).body(ValueJson.Bulk.of(result));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(ValueRecord.class).map(ValueJson.Value::of).orElse(null));
    }

}
