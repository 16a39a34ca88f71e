package dev.throughline.grooming.web;

import dev.throughline.grooming.service.BoardChoice;

import java.util.List;

/**
 * {@code GET /api/projects/{projectKey}/boards}: the project's boards the caller may
 * browse, and {@code hidden}, how many of its boards they may not (never named).
 */
record BoardsAnswer(List<Entry> boards, int hidden) {

    record Entry(long id, String name) {
    }

    static BoardsAnswer of(BoardChoice choice) {
        return new BoardsAnswer(choice.visible().stream().map(b -> new Entry(b.id(), b.name())).toList(),
                choice.hidden());
    }
}
