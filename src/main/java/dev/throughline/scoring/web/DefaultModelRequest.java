package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.web.RequestJson;

/** {@code PUT /api/projects/{projectKey}/scoring}: exactly {@code {defaultModel}}. */
record DefaultModelRequest(String defaultModel) {

    static DefaultModelRequest from(JsonNode body) {
        JsonNode object = RequestJson.object(body);
        JsonNode model = object.get("defaultModel");
        if (model == null || !model.isTextual() || object.size() != 1) {
            throw new InvalidInputException("defaultModel", "Send exactly {\"defaultModel\": \"<model id>\"}");
        }
        return new DefaultModelRequest(model.textValue());
    }

}
