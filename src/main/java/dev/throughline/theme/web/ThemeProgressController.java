package dev.throughline.theme.web;

import dev.throughline.tenant.Caller;
import dev.throughline.theme.ThemeCodec;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.service.ThemeProgressService;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Themes with live progress from Jira, as JSON for the roadmap pages and as CSV for
 * stakeholders.
 */
@RestController
class ThemeProgressController {

    private final ThemeProgressService progress;

    ThemeProgressController(ThemeProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/api/themes/progress")
    Map<String, Object> board(Caller caller, @RequestParam Optional<String> projectKey) {
        return Map.of("themes", progress.board(caller, projectKey).stream().map(ThemeProgressController::row).toList());
    }

    @GetMapping(value = "/api/themes/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(Caller caller, @RequestParam Optional<String> projectKey) {
        byte[] body = ThemeCsv.of(progress.board(caller, projectKey)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename("throughline-themes" + projectKey.map(k -> "-" + k).orElse("") + ".csv")
                        .build()
                        .toString())
            .body(body);
    }

    private static Map<String, Object> row(ThemeRow row) {
        Map<String, Object> json = new LinkedHashMap<>(ThemeCodec.toIndexMap(row.theme()));
        ThemeProgress p = row.progress();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("itemsDone", p.itemsDone());
        progress.put("itemsTotal", p.itemsTotal());
        progress.put("pointsDone", p.pointsDone());
        progress.put("pointsTotal", p.pointsTotal());
        progress.put("valueDone", p.valueDone());
        progress.put("valueTotal", p.valueTotal());
        progress.put("overdue", p.overdue());
        progress.put("hiddenItems", p.hiddenItems());
        progress.put("status", p.status().name());
        progress.put("reason", p.reason());
        progress.put("noLinkedWork", p.noLinkedWork());
        progress.put("stale", p.stale());
        json.put("progress", progress);
        json.put("linkedEpics", row.linkedEpics());
        json.put("ownerName", row.ownerName().orElse(null));
        return json;
    }

}
