package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.JiraKeys;
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
    ValueJson.DefaultModel setDefaultModel(Caller caller, @PathVariable String projectKey, @RequestBody JsonNode body) {
        JiraKeys.requireProjectKey("projectKey", projectKey);
        String modelId = DefaultModelRequest.from(body).defaultModel();
        return new ValueJson.DefaultModel(projectKey, models.setDefaultModel(caller, projectKey, modelId));
    }

    @PutMapping("/api/scoring/scorecards/{id}")
    Map<String, Object> saveScorecard(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return ScoringSettingsCodec.scorecardToMap(models.saveScorecard(caller, id, ScorecardRequest.from(id, body)));
    }

}
