package dev.throughline.scoring.web;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.JiraKeys;
import dev.throughline.scoring.ScorecardDefinition;
import dev.throughline.scoring.ScoringSettingsCodec;
import dev.throughline.scoring.service.ScoringModelsService;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
class ScoringModelsController {

    private final ScoringModelsService models;

    ScoringModelsController(ScoringModelsService models) {
        this.models = models;
    }

    @GetMapping("/api/scoring/models")
    ValueJson.Models models(Caller caller) {
        return new ValueJson.Models(models.models(caller).stream().map(ValueJson.Model::of).toList());
    }

    @PutMapping("/api/projects/{projectKey}/scoring")
    ValueJson.DefaultModel setDefaultModel(Caller caller, @PathVariable String projectKey,
            @RequestBody Map<String, Object> body) {
        JiraKeys.requireProjectKey("projectKey", projectKey);
        if (!(body.get("defaultModel") instanceof String modelId) || body.size() != 1) {
            throw new InvalidInputException("defaultModel", "Send exactly {\"defaultModel\": \"<model id>\"}");
        }
        return new ValueJson.DefaultModel(projectKey, models.setDefaultModel(caller, projectKey, modelId));
    }

    @PutMapping("/api/scoring/scorecards/{id}")
    Map<String, Object> saveScorecard(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        return ScoringSettingsCodec
            .scorecardToMap(models.saveScorecard(caller, id, ScorecardDefinition.parse(id, body)));
    }

}
