package dev.throughline.program.web;

import dev.throughline.pacing.LastGood;
import dev.throughline.program.service.ProgramRollup;
import dev.throughline.program.service.ProgramRollupService;
import dev.throughline.program.service.StillReadingException;
import dev.throughline.tenant.Caller;
import dev.throughline.web.StaleJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A program's rollup for the calling user, as JSON or CSV (context JWT). A rollup whose
 * fetch outlasts the request's deadline answers 503 with {@link StillReading} and
 * {@code Retry-After}: the fetch goes on and a later request answers from it.
 */
@RestController
class ProgramRollupController {

    /** A viewer's own last rollup of a program: what they may see, nothing more. */
    private record Viewer(String clientKey, String accountId, String programId) {
    }

    private final ProgramRollupService rollups;

    private final LastGood<Viewer, ProgramRollup> lastGood = new LastGood<>(200, ProgramRollup::fetchedAt);

    ProgramRollupController(ProgramRollupService rollups) {
        this.rollups = rollups;
    }

    /**
     * While Jira's points quota is used up, the viewer's last rollup with its age
     * ({@code stale}) instead of an error.
     */
    @GetMapping("/api/programs/{id}/rollup")
    ProgramResultJson rollup(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean refresh) {
        LastGood.Answer<ProgramRollup> answer = lastGood.get(
                new Viewer(caller.site().clientKey(), caller.requireAccountId(), id),
                () -> rollups.rollup(caller, id, refresh));
        ProgramResultJson json = ProgramResultJson.of(answer.value());
        return answer.stale()
            .map(why -> json.stale(StaleJson.of(why.asOf(), why.reason(), why.refreshAfter(), why.message())))
            .orElse(json);
    }

    /**
     * While a rollup is computed: {@code {computing, read, approximateTotal}} (-1 when
     * Jira gave no estimate).
     */
    @GetMapping("/api/programs/{id}/rollup/progress")
    RollupProgress progress(Caller caller, @PathVariable String id) {
        ProgramRollupService.Progress progress = rollups.progress(caller, id);
        return new RollupProgress(progress.computing(), progress.read(), progress.approximateTotal());
    }

    @GetMapping(value = "/api/programs/{id}/rollup.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean refresh) {
        ProgramRollup rollup = rollups.rollup(caller, id, refresh);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"program-" + rollup.program().id() + ".csv\"")
            .body(ProgramCsv.of(rollup).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 503, not 202: the answer is not the resource asked for, and a client that knows
     * nothing of it (a script fetching the CSV) must not take it for one;
     * {@code Retry-After} says when to ask again.
     */
    @ExceptionHandler(StillReadingException.class)
    ResponseEntity<StillReading> stillReading(StillReadingException e) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        long retryAfter = e.retryAfter().toSeconds();
        return ResponseEntity.status(status)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
            .contentType(MediaType.APPLICATION_JSON)
            .body(new StillReading(status.value(), status.getReasonPhrase(), e.getMessage(), Instant.now().toString(),
                    e.progress().computing(), e.progress().read(), e.progress().approximateTotal(), retryAfter));
    }

    record RollupProgress(boolean computing, long read, long approximateTotal) {
    }

    /**
     * The rollup is still being read: the error fields every API answer has, plus the
     * progress endpoint's numbers and the seconds to wait before asking again.
     */
    record StillReading(int status, String error, String message, String timeStamp, boolean computing, long read,
            long approximateTotal, long retryAfter) {
    }

}
