package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.JiraKeys;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.scoring.service.ValueWrite;
import dev.throughline.web.RequestJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /api/issues/{issueKey}/value}: {@code {model, inputs, version}}, and each
 * item of {@code POST /api/value/bulk} ({@code {items: [{issueKey, model, inputs,
 * version}]}}), every field checked and every problem named at once.
 */
public record ScoreRequest(String model, Map<String, Object> inputs, long version) {

    private static final Set<String> FIELDS = Set.of("model", "inputs", "version");

    private static final Set<String> BULK_FIELDS = Set.of("issueKey", "model", "inputs", "version");

    public ScoreRequest {
        inputs = Map.copyOf(inputs);
    }

    public static ScoreRequest from(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ScoreRequest> request = read(RequestJson.object(body), "", FIELDS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return request.orElseThrow();
    }

    public ValueWrite write(String issueKey) {
        return new ValueWrite(issueKey, model, inputs, version);
    }

    /**
     * {@code {items: [{issueKey, model, inputs, version}, ...]}}, 1 to 100 items, every
     * field checked.
     */
    public static List<ValueWrite> bulkFrom(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode object = RequestJson.object(body, Set.of("items"), "is not a field of a bulk request", errors);
        JsonNode items = object.get("items");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > IssueValueService.MAX_BULK) {
            errors.add(new FieldError("items", "Send a list of 1 to " + IssueValueService.MAX_BULK + " items"));
            throw new InvalidInputException(errors);
        }
        List<ValueWrite> writes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            bulkItem(items.get(i), "items[" + i + "]", errors).ifPresent(writes::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return writes;
    }

    private static Optional<ValueWrite> bulkItem(JsonNode item, String at, List<FieldError> errors) {
        if (!item.isObject()) {
            errors.add(new FieldError(at, "must be an object"));
            return Optional.empty();
        }
        JsonNode key = item.get("issueKey");
        if (key == null || !key.isTextual() || !JiraKeys.isIssueKey(key.textValue())) {
            errors.add(new FieldError(at + ".issueKey", "must be an issue key such as WEB-12"));
            return Optional.empty();
        }
        return read(item, at + ".", BULK_FIELDS, errors).map(request -> request.write(key.textValue()));
    }

    private static Optional<ScoreRequest> read(JsonNode body, String at, Set<String> allowed, List<FieldError> errors) {
        int before = errors.size();
        RequestJson.unknownFields(body, allowed, at, "is not a field of a score", errors);
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual()) {
            errors.add(new FieldError(at + "model", "Model is required, e.g. \"RICE\""));
        }
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isObject()) {
            errors.add(new FieldError(at + "inputs", "Inputs must be an object of input name to number"));
        }
        JsonNode version = body.get("version");
        if (!RequestJson.isWhole(version) || version.longValue() < 0) {
            errors.add(new FieldError(at + "version",
                    "Version is required: the version you read, or 0 for an unscored issue"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ScoreRequest(model.textValue(), RequestJson.plainFields(inputs), version.longValue()));
    }

}
