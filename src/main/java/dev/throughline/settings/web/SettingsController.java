package dev.throughline.settings.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.SiteSettingsCodec;
import dev.throughline.settings.service.SettingsView;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Site settings API: anyone reads the values (but the planners), Jira administrators
 * change them. See README "Site settings".
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
    SettingsJson.Settings save(Caller caller, @RequestBody JsonNode body) {
        // the page keeps the field choices it already has; no need to read Jira's fields
        // again
        SettingsView saved = new SettingsView(settings.save(caller, SettingsRequest.from(body)), true,
                Optional.empty());
        return SettingsJson.Settings.of(saved, appRollupCacheTtlMinutes());
    }

    @GetMapping("/api/settings/projects")
    SettingsJson.Projects projects(Caller caller, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return SettingsJson.Projects.of(settings.projects(caller, offset, limit));
    }

    /**
     * How many issues have an estimate in a number field (admins; before a field change).
     */
    @GetMapping("/api/settings/story-points/estimates")
    SettingsJson.Estimates estimates(Caller caller, @RequestParam String fieldId) {
        return new SettingsJson.Estimates(fieldId, settings.issuesWithValueIn(caller, fieldId));
    }

    @GetMapping("/api/settings/scoring")
    SettingsJson.Scoring scoring(Caller caller) {
        return SettingsJson.Scoring.of(settings.scoring(caller));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(SiteSettings.class).map(SiteSettingsCodec::toMap).orElse(null));
    }

    private int appRollupCacheTtlMinutes() {
        return (int) Math.max(1, appRollupCacheTtl.toMinutes());
    }

}
