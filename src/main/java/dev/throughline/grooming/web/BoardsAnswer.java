package dev.throughline.grooming.web;

import dev.throughline.jira.Board;

import java.util.List;

/**
 * {@code GET /api/projects/{projectKey}/boards}: the project's boards the caller may
 * browse.
 */
record BoardsAnswer(List<Entry> boards) {

    record Entry(long id, String name) {
    }

    static BoardsAnswer of(List<Board> boards) {
        return new BoardsAnswer(boards.stream().map(b -> new Entry(b.id(), b.name())).toList());
    }
}
