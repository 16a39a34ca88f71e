package dev.throughline.theme.web;

import dev.throughline.pacing.LastGood;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.service.ThemeProgressService;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;
import dev.throughline.web.StaleJson;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Themes with live progress from Jira, as JSON for the roadmap pages and as CSV for
 * stakeholders.
 */
@RestController
class ThemeProgressController {

    /** A viewer's own last board: what they may see, nothing more. */
    private record Viewer(String clientKey, Optional<String> accountId, Optional<String> projectKey) {
    }

    /** A board as read from Jira, and when. */
    private record Read(List<ThemeRow> rows, Instant at) {
    }

    private final ThemeProgressService progress;

    private final Clock clock;

    private final LastGood<Viewer, Read> lastGood = new LastGood<>(500, Read::at);

    ThemeProgressController(ThemeProgressService progress) {
        this.progress = progress;
        this.clock = Clock.systemUTC(); // the age shown is real time, not the app's day
    }

    /**
     * While Jira's points quota is used up, the viewer's last board with its age
     * ({@code stale}) instead of an error.
     */
    @GetMapping("/api/themes/progress")
    ThemeProgressJson.Board board(Caller caller, @RequestParam Optional<String> projectKey,
            @RequestParam(defaultValue = "false") boolean refresh) {
        LastGood.Answer<Read> answer = lastGood.get(
                new Viewer(caller.site().clientKey(), caller.accountId(), projectKey),
                () -> new Read(progress.board(caller, projectKey, refresh), clock.instant()));
        return new ThemeProgressJson.Board(answer.value().rows().stream().map(ThemeProgressJson::of).toList(),
                answer.stale()
                    .map(why -> StaleJson.of(why.asOf(), why.reason(), why.refreshAfter(), why.message()))
                    .orElse(null));
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
