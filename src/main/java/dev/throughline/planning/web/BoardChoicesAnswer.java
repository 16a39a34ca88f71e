package dev.throughline.planning.web;

import dev.throughline.planning.BoardTeams;

import java.util.List;

/**
 * The boards a plan of the program may name as teams (the Plan page's board picker): each
 * board's id, name and the program's projects it shows, sorted by name.
 */
public record BoardChoicesAnswer(List<Choice> boards) {

    public BoardChoicesAnswer {
        boards = List.copyOf(boards);
    }

    /** A board and the program's projects (keys) Jira lists it under. */
    public record Choice(long id, String name, List<String> projects) {

        public Choice {
            projects = List.copyOf(projects);
        }

    }

    static BoardChoicesAnswer of(List<BoardTeams.BoardTeam> boards) {
        return new BoardChoicesAnswer(
                boards.stream().map(b -> new Choice(b.boardId(), b.name(), b.projects())).toList());
    }

}
