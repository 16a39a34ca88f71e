package dev.throughline.program.web;

import dev.throughline.problems.StaleVersionException;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.service.ProgramRollupService;
import dev.throughline.program.service.ProgramService;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.throughline.web.RequestJson.plainFields;

/** The program API (context JWT, as every /api/** endpoint). */
@RestController
class ProgramController {

    private final ProgramService programs;

    private final ProgramRollupService rollups;

    ProgramController(ProgramService programs, ProgramRollupService rollups) {
        this.programs = programs;
        this.rollups = rollups;
    }

    @GetMapping("/api/programs")
    ProgramJson.Programs list(Caller caller) {
        return new ProgramJson.Programs(programs.list(caller).stream().map(ProgramJson.Listed::of).toList());
    }

    @GetMapping("/api/programs/{id}")
    ProgramJson get(Caller caller, @PathVariable String id) {
        return ProgramJson.of(programs.get(caller, id));
    }

    @PostMapping("/api/programs")
    ResponseEntity<ProgramJson> create(Caller caller, @RequestBody ObjectNode body) {
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(ProgramJson.of(programs.create(caller, ProgramDraft.parse(plainFields(body), false))));
    }

    @PutMapping("/api/programs/{id}")
    ProgramJson update(Caller caller, @PathVariable String id, @RequestBody ObjectNode body) {
        return ProgramJson.of(programs.update(caller, id, ProgramDraft.parse(plainFields(body), true)));
    }

    /**
     * The form's "matches about n issues" before saving: the draft checked as a save
     * checks it (400 naming each field), nothing saved. The version an edit carries is
     * left out: it matters only to the save.
     */
    @PostMapping("/api/programs/check")
    ProgramJson.Matches check(Caller caller, @RequestBody ObjectNode body) {
        Map<String, Object> fields = new LinkedHashMap<>(plainFields(body));
        fields.remove("version");
        return new ProgramJson.Matches(programs.matches(caller, ProgramDraft.parse(fields, false)));
    }

    @DeleteMapping("/api/programs/{id}")
    ProgramJson.Deleted delete(Caller caller, @PathVariable String id) {
        programs.delete(caller, id);
        rollups.forget(caller, id);
        return new ProgramJson.Deleted(true);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(ProgramDefinition.class).map(ProgramJson::of).orElse(null));
    }

}
