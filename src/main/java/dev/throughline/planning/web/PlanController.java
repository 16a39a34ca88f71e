package dev.throughline.planning.web;

import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.SprintHorizon;
import dev.throughline.planning.service.PlanWriteBack;
import dev.throughline.planning.service.PlanningService;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.tenant.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planning API (context JWT, as every /api/** endpoint): solve a program's plan with
 * its scenarios, as JSON or as CSV. Solving changes nothing, so any user who may read the
 * program may ask.
 */
@RestController
class PlanController {

    private final PlanningService planning;

    private final PlanWriteBack writeBack;

    PlanController(PlanningService planning, PlanWriteBack writeBack) {
        this.planning = planning;
        this.writeBack = writeBack;
    }

    /**
     * Solves and writes {@code throughline.plan} to each planned issue the caller may
     * edit (planners only).
     */
    @PostMapping("/api/programs/{id}/plans/write-back")
    WriteBackAnswer writeBack(Caller caller, @PathVariable String id, @RequestBody PlanRequest body) {
        return WriteBackAnswer.of(writeBack.write(caller, id, body.toInputs()));
    }

    /**
     * The plan inputs of the next {@code quarters} quarters (1–8) read from the program's
     * rollup, in the shape of a solve body; or of the next {@code sprints} (1–26) active
     * and future sprints of board {@code sprintBoard} (a stored plan's {@code sprints}
     * rules and 400s).
     */
    @GetMapping("/api/programs/{id}/plans/inputs")
    PlanInputsAnswer inputs(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "4") int quarters,
            @RequestParam(required = false) String model, @RequestParam(required = false) List<String> boards,
            @RequestParam(required = false) Long sprintBoard, @RequestParam(required = false) Integer sprints) {
        if (quarters < 1 || quarters > ProgramInputs.MAX_QUARTERS) {
            throw new InvalidInputException("quarters", "must be 1 to " + ProgramInputs.MAX_QUARTERS);
        }
        return PlanInputsAnswer.of(planning.inputs(caller, id, quarters, Optional.ofNullable(model), Map.of(),
                boardIds(boards), sprintHorizon(sprintBoard, sprints)));
    }

    /**
     * {@code sprintBoard} and {@code sprints} together, or neither (a quarter horizon).
     */
    static Optional<SprintHorizon> sprintHorizon(Long board, Integer count) {
        if (board == null && count == null) {
            return Optional.empty();
        }
        if (board == null || count == null) {
            throw new InvalidInputException("sprints", "a sprint horizon names both sprintBoard and sprints");
        }
        try {
            return Optional.of(new SprintHorizon(board, count));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("sprints", e.getMessage());
        }
    }

    /**
     * The boards a plan may name as teams: those Jira lists under the program's projects
     * the caller may browse (the board picker's choices).
     */
    @GetMapping("/api/programs/{id}/plans/boards")
    BoardChoicesAnswer boards(Caller caller, @PathVariable String id) {
        return BoardChoicesAnswer.of(planning.boardChoices(caller, id));
    }

    /** Board ids, as {@code boards=12,13} or repeated: each a positive number. */
    static List<Long> boardIds(List<String> boards) {
        List<Long> ids = new ArrayList<>();
        for (String board : boards == null ? List.<String>of() : boards) {
            try {
                long id = Long.parseLong(board.strip());
                if (id > 0) {
                    ids.add(id);
                    continue;
                }
            }
            catch (NumberFormatException e) {
                // answered below, with the rule
            }
            throw new InvalidInputException("boards", "each board is a board id (a positive number), not " + board);
        }
        if (ids.size() > PlanRequest.MAX_TEAMS) {
            throw new InvalidInputException("boards", "at most " + PlanRequest.MAX_TEAMS + " boards");
        }
        return ids;
    }

    @PostMapping("/api/programs/{id}/plans/solve")
    PlanAnswer solve(Caller caller, @PathVariable String id, @RequestBody PlanRequest body) {
        return PlanAnswer.of(planning.solve(caller, id, body.toInputs()));
    }

    @PostMapping(path = "/api/programs/{id}/plans/solve.csv", produces = "text/csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable String id, @RequestBody PlanRequest body) {
        return PlanCsv.download(planning.solve(caller, id, body.toInputs()));
    }

}
