package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.web.RequestJson;

import java.util.Map;

/**
 * {@code POST /api/scoring/evaluate}: {@code {model, inputs}}, the panel's draft; the
 * first missing part is reported alone, as the preview shows one hint at a time.
 */
record EvaluateRequest(String model, Map<String, Object> inputs) {

    static EvaluateRequest from(JsonNode body) {
        JsonNode object = RequestJson.object(body);
        JsonNode model = object.get("model");
        if (model == null || !model.isTextual()) {
            throw new InvalidInputException("model", "Model is required, e.g. \"RICE\"");
        }
        JsonNode inputs = object.get("inputs");
        if (inputs == null || !inputs.isObject()) {
            throw new InvalidInputException("inputs", "Inputs must be an object of input name to number");
        }
        return new EvaluateRequest(model.textValue(), RequestJson.plainFields(inputs));
    }

}
