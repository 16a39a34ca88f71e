package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.grooming.ModelChange;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.JiraKeys;
import dev.throughline.web.RequestJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/boards/{boardId}/model}: {@code {model, inputs?, items: [{issueKey,
 * version, inputs?}]}}, read into a {@link ModelChange}; every problem is reported at
 * once, named by field ({@code items[2].version}).
 */
public final class ModelChangeRequest {

    private static final Set<String> FIELDS = Set.of("model", "inputs", "items");

    private static final Set<String> ITEM_FIELDS = Set.of("issueKey", "version", "inputs");

    private ModelChangeRequest() {
    }

    public static ModelChange from(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode body = RequestJson.object(json, FIELDS, "is not a field of a model change", errors);
        JsonNode model = body.get("model");
        String modelId = model != null && model.isTextual() ? model.textValue().trim() : "";
        if (modelId.isEmpty()) {
            errors.add(new FieldError("model", "Model is required, e.g. \"WSJF\""));
        }
        Map<String, Object> shared = inputs(body.get("inputs"), "inputs", errors);
        List<ModelChange.Item> items = new ArrayList<>();
        JsonNode list = body.get("items");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > ModelChange.MAX_ITEMS) {
            errors.add(new FieldError("items", "Select 1 to " + ModelChange.MAX_ITEMS + " issues"));
        }
        else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Optional<ModelChange.Item> item = item(list.get(i), "items[" + i + "]", errors);
                if (item.isPresent() && !seen.add(item.get().issueKey())) {
                    errors.add(new FieldError("items[" + i + "].issueKey", item.get().issueKey() + " appears twice"));
                }
                else {
                    item.ifPresent(items::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ModelChange(modelId, shared, items);
    }

    private static Optional<ModelChange.Item> item(JsonNode value, String at, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError(at, "must be an object {issueKey, version, inputs}"));
            return Optional.empty();
        }
        int before = errors.size();
        RequestJson.unknownFields(value, ITEM_FIELDS, at + ".", "is not a field of a model change item", errors);
        JsonNode key = value.get("issueKey");
        if (key == null || !key.isTextual() || !JiraKeys.isIssueKey(key.textValue())) {
            errors.add(new FieldError(at + ".issueKey", "must be an issue key such as WEB-12"));
        }
        JsonNode version = value.get("version");
        if (!RequestJson.isWhole(version) || version.longValue() < 0) {
            errors.add(new FieldError(at + ".version",
                    "Version is required: the version you read, or 0 for an unscored issue"));
        }
        Map<String, Object> inputs = inputs(value.get("inputs"), at + ".inputs", errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ModelChange.Item(key.textValue(), version.longValue(), inputs));
    }

    private static Map<String, Object> inputs(JsonNode value, String field, List<FieldError> errors) {
        if (RequestJson.absent(value)) {
            return Map.of();
        }
        if (!value.isObject()) {
            errors.add(new FieldError(field, "Inputs must be an object of input name to number"));
            return Map.of();
        }
        return RequestJson.plainFields(value);
    }

}
