/*
 * Plan page: the board picker of the New plan form and of the plan editor. The choices are the API's
 * (GET …/plans/boards: the boards of the program's projects the caller may browse, by name); a chosen board is a
 * team in the plan (its `boards`), in place of the projects it shows.
 */
(function (T) {
  'use strict';

  /** Checkboxes for `choices` in `list` (built again only when the choices change, so focus stays on a check). */
  function render(list, choices) {
    var signature = JSON.stringify(choices);
    if (list.getAttribute('data-choices') === signature) { return; }
    list.setAttribute('data-choices', signature);
    list.textContent = '';
    if (!choices.length) {
      var none = document.createElement('p');
      none.className = 'subtle';
      T.text(none, 'No board shows this program\u2019s projects: each project is its own team.');
      list.appendChild(none);
      return;
    }
    choices.forEach(function (board) {
      var label = document.createElement('label');
      label.className = 'board-choice';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = String(board.id);
      box.setAttribute('data-board', String(board.id));
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + board.name + ' (' + board.projects.join(', ') + ')'));
      list.appendChild(label);
    });
  }

  /** Checks the boards of `ids` in `list`. */
  function check(list, ids) {
    list.querySelectorAll('input[data-board]').forEach(function (box) {
      box.checked = (ids || []).indexOf(Number(box.value)) >= 0;
    });
  }

  /** The ids of the boards checked in `list`, in the picker's order. */
  function chosen(list) {
    return Array.prototype.filter.call(list.querySelectorAll('input[data-board]'), function (box) {
      return box.checked;
    }).map(function (box) { return Number(box.value); });
  }

  /**
   * Shows a 400's errors on `field` (default `boards`) under the picker (`error`), each after `prefix`; true when
   * there was one.
   */
  function showError(error, reply, field, prefix) {
    var errors = ((reply.body || {}).errors || []).filter(function (e) { return e.field === (field || 'boards'); });
    T.text(error, errors.map(function (e) { return (prefix || 'Board teams: ') + e.message; }).join(' '));
    return errors.length > 0;
  }

  /** The sprint board picker of the New plan form: one option per board (the same choices), the first chosen. */
  function options(select, choices) {
    var chosenId = select.value;
    select.textContent = '';
    choices.forEach(function (board) {
      var option = document.createElement('option');
      option.value = String(board.id);
      option.textContent = board.name + ' (' + board.projects.join(', ') + ')';
      select.appendChild(option);
    });
    if (chosenId) { select.value = chosenId; }
  }

  T.PlanBoards = { render: render, check: check, chosen: chosen, showError: showError, options: options };
})(window.Throughline);
