package dev.throughline.settings.web;

import dev.throughline.problems.FieldError;
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
    SettingsJson.Settings read(Caller caller) {
        return SettingsJson.Settings.of(settings.view(caller), appRollupCacheTtlMinutes());
    }

    @PutMapping("/api/settings")
    SettingsJson.Settings save(Caller caller, @RequestBody Map<String, Object> body) {
        // the page keeps the field choices it already has; no need to read Jira's fields again
        SettingsView saved = new SettingsView(settings.save(caller, SiteSettings.parse(body)), true, Optional.empty());
        return SettingsJson.Settings.of(saved, appRollupCacheTtlMinutes());
    }

    @GetMapping("/api/settings/projects")
    SettingsJson.Projects projects(Caller caller, @RequestParam(defaultValue = "0") int offset,
                                   @RequestParam(defaultValue = "50") int limit) {
        return SettingsJson.Projects.of(settings.projects(caller, offset, limit));
    }

    @GetMapping("/api/settings/scoring")
    SettingsJson.Scoring scoring(Caller caller) {
        return SettingsJson.Scoring.of(settings.scoring(caller));
    }

    @ExceptionHandler(StaleSettingsException.class)
    ResponseEntity<Map<String, Object>> stale(StaleSettingsException e) {
        Map<String, Object> body = new LinkedHashMap<>(ApiExceptionHandler.answer(HttpStatus.CONFLICT, e.getMessage(),
                List.of(new FieldError("version", "is not the current version"))).getBody());
        body.put("current", SiteSettingsCodec.toMap(e.current()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    private int appRollupCacheTtlMinutes() {
        return (int) Math.max(1, appRollupCacheTtl.toMinutes());
    }
}
