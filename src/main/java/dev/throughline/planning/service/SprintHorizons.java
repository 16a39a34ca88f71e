package dev.throughline.planning.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.planning.SprintHorizon;
import dev.throughline.planning.SprintPeriods;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads a sprint horizon from Jira Software: the board must be one the caller may see
 * (the board teams' rule: Jira lists it under one of the program's projects the caller
 * may browse), its sprints its active and future ones in Jira's order. Every rule broken
 * is a 400 on {@code sprints} naming the board or sprint.
 */
@Service
public class SprintHorizons {

    private final JiraClients jira;

    public SprintHorizons(JiraClients jira) {
        this.jira = jira;
    }

    /**
     * The horizon's sprints; {@code projects} the program's projects the caller may
     * browse.
     */
    public SprintPeriods read(Caller caller, List<String> projects, SprintHorizon horizon, LocalDate today) {
        JiraClient client = jira.forSite(caller.site());
        boolean seen = projects.stream()
            .anyMatch(p -> client.boards(Optional.of(p)).anyMatch(b -> b.id() == horizon.board()));
        if (!seen) {
            throw new InvalidInputException("sprints", "board " + horizon.board()
                    + " does not exist or shows none of this program's projects you may browse");
        }
        List<SprintPeriods.OpenSprint> open = client.openSprints(horizon.board())
            .limit(horizon.count())
            .map(s -> new SprintPeriods.OpenSprint(s.id(), s.name(), s.startDate().map(SprintHorizons::date),
                    s.endDate().map(SprintHorizons::date)))
            .toList();
        try {
            return SprintPeriods.of(horizon.board(), open, horizon.count(), today);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("sprints", e.getMessage());
        }
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

}
