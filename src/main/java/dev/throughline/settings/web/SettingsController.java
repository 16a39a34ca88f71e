package dev.throughline.settings.web;

import dev.throughline.problems.FieldError;
import dev.throughline.scoring.ScoringSettingsCodec;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.SiteSettingsCodec;
import dev.throughline.settings.StaleSettingsException;
import dev.throughline.settings.service.SettingsView;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site settings API: anyone reads the values (but the planners), Jira administrators change them. See README
 * "Site settings".
 */
@RestController
class SettingsController {

    private final SiteSettingsService settings;
    private final Duration appRollupCacheTtl;

    SettingsController(SiteSettingsService settings,
                       @Value("${throughline.program.cache-ttl:10m}") Duration appRollupCacheTtl) {
        this.settings = settings;
        this.appRollupCacheTtl = appRollupCacheTtl;
    }

    @GetMapping("/api/settings")
    Map<String, Object> read(Caller caller) {
        return view(settings.view(caller));
    }

    @PutMapping("/api/settings")
    Map<String, Object> save(Caller caller, @RequestBody Map<String, Object> body) {
        // the page keeps the field choices it already has; no need to read Jira's fields again
        return view(new SettingsView(settings.save(caller, SiteSettings.parse(body)), true, Optional.empty()));
    }

    @GetMapping("/api/settings/projects")
    Map<String, Object> projects(Caller caller, @RequestParam(defaultValue = "0") int offset,
                                 @RequestParam(defaultValue = "50") int limit) {
        SiteSettingsService.ProjectPage page = settings.projects(caller, offset, limit);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offset", page.offset());
        json.put("more", page.more());
        json.put("projects", page.projects().stream().map(p -> {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("key", p.key());
            project.put("name", p.name());
            project.put("defaultModel", p.defaultModel().orElse(null));
            return project;
        }).toList());
        return json;
    }

    @GetMapping("/api/settings/scoring")
    Map<String, Object> scoring(Caller caller) {
        SiteSettingsService.ScoringSetup setup = settings.scoring(caller);
        return Map.of(
                "models", setup.models().stream().map(m -> Map.of("id", m.id(), "name", m.name())).toList(),
                "scorecards", setup.settings().scorecards().stream().map(ScoringSettingsCodec::scorecardToMap).toList());
    }

    @ExceptionHandler(StaleSettingsException.class)
    ResponseEntity<Map<String, Object>> stale(StaleSettingsException e) {
        Map<String, Object> body = new LinkedHashMap<>(ApiExceptionHandler.answer(HttpStatus.CONFLICT, e.getMessage(),
                List.of(new FieldError("version", "is not the current version"))).getBody());
        body.put("current", SiteSettingsCodec.toMap(e.current()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private Map<String, Object> view(SettingsView view) {
        Map<String, Object> json = SiteSettingsCodec.toMap(view.settings());
        json.put("effectiveRollupCacheTtlMinutes", view.settings().rollupCacheTtlMinutes()
                .orElse((int) Math.max(1, appRollupCacheTtl.toMinutes())));
        json.put("defaults", Map.of("staleDays", SiteSettings.DEFAULT_STALE_DAYS,
                "rollupCacheTtlMinutes", Math.max(1, appRollupCacheTtl.toMinutes())));
        json.put("editable", view.editable());
        if (!view.editable()) {
            json.remove("planners"); // who the planners are is the admins' business
        }
        view.storyPoints().ifPresent(choice -> {
            Map<String, Object> points = new LinkedHashMap<>();
            points.put("detected", choice.detected().orElse(null));
            points.put("overrideMissing", choice.overrideMissing());
            points.put("candidates", choice.candidates().stream().map(f -> Map.of(
                    "id", f.id(), "name", f.name(), "custom", f.custom())).toList());
            json.put("storyPoints", points);
        });
        return json;
    }
}
