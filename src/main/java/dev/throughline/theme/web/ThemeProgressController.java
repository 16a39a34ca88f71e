package dev.throughline.theme.web;

import dev.throughline.tenant.Caller;
import dev.throughline.theme.service.ThemeProgressService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
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
    ThemeProgressJson.Board board(Caller caller, @RequestParam Optional<String> projectKey) {
        return new ThemeProgressJson.Board(
                progress.board(caller, projectKey).stream().map(ThemeProgressJson::of).toList());
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

}
