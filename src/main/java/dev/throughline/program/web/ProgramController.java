package dev.throughline.program.web;

import dev.throughline.problems.StaleVersionException;
import dev.throughline.program.ProgramCodec;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.service.ProgramRollupService;
import dev.throughline.program.service.ProgramService;
import dev.throughline.tenant.Caller;
import dev.throughline.web.ApiExceptionHandler;
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

import java.util.Map;

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
    Map<String, Object> list(Caller caller) {
        return Map.of("programs", programs.list(caller).stream().map(ProgramCodec::toIndexMap).toList());
    }

    @GetMapping("/api/programs/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return ProgramCodec.toMap(programs.get(caller, id));
    }

    @PostMapping("/api/programs")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(ProgramCodec.toMap(programs.create(caller, ProgramDraft.parse(body, false))));
    }

    @PutMapping("/api/programs/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        return ProgramCodec.toMap(programs.update(caller, id, ProgramDraft.parse(body, true)));
    }

    @DeleteMapping("/api/programs/{id}")
    Map<String, Object> delete(Caller caller, @PathVariable String id) {
        programs.delete(caller, id);
        rollups.forget(caller, id);
        return Map.of("deleted", true);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(ProgramDefinition.class).map(ProgramCodec::toMap).orElse(null));
    }

}
