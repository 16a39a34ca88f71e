/* Roadmap: Now / Next / Later board with drag and drop (and buttons for keyboards), timeline, CSV, print. */
(function (T) {
  'use strict';

  var root = document.getElementById('roadmap');
  var projectKey = root.getAttribute('data-project-key');
  var query = projectKey ? '?projectKey=' + encodeURIComponent(projectKey) : '';
  var el = function (id) { return document.getElementById(id); };
  var HORIZONS = ['NOW', 'NEXT', 'LATER'];
  // canPlan: may this viewer change themes (create, move)? Until Throughline says so, the page offers nothing.
  var state = { rows: [], palette: [], canPlan: false, modelNames: {} };
  var sortables = [];

  function message(text, kind) {
    T.message(el('roadmap-message'), text, kind);
  }

  var make = T.make;

  function colorOf(key) {
    var match = state.palette.filter(function (c) { return c.key === key; })[0];
    return match ? match.hex : '#0C66E4';
  }

  /** A model's name ("Value / Effort", a scorecard's name), never its raw id. */
  function modelName(id) {
    return state.modelNames[id] || id;
  }

  /**
   * Value delivered per model: scores of different models do not compare, so each model has its own "done of
   * total" and nothing is added across them (README, How the numbers are computed).
   */
  function valueFacts(p) {
    return (p.valueByModel || []).filter(function (m) { return Number(m.total) > 0; }).map(function (m) {
      return modelName(m.model) + ' value ' + m.done + ' of ' + m.total + ' delivered';
    });
  }

  /** What is left out for this viewer, in words: never "no linked work" when there is work they cannot see. */
  function leftOut(p) {
    var parts = [];
    if (p.hiddenItems > 0) { parts.push(p.hiddenItems + ' items in projects you cannot see'); }
    if (p.otherProjectItems > 0) { parts.push(p.otherProjectItems + ' more items in other projects'); }
    return parts;
  }

  function facts(p) {
    if (p.noLinkedWork) {
      var out = leftOut(p);
      return out.length ? 'None of its work is in ' + (projectKey ? projectKey : 'projects you can see') + ': '
        + out.join(' · ') + '.' : 'No linked work yet: link epics to this theme.';
    }
    var parts = [p.itemsDone + ' of ' + p.itemsTotal + ' items done'];
    if (p.pointsTotal > 0) { parts.push(p.pointsDone + ' of ' + p.pointsTotal + ' points'); }
    parts = parts.concat(valueFacts(p));
    if (p.overdue > 0) { parts.push(p.overdue + ' overdue'); }
    return parts.concat(leftOut(p)).join(' · ');
  }

  function statusText(p) {
    if (p.noLinkedWork && leftOut(p).length) { return 'work elsewhere'; }
    return p.status.replace(/_/g, ' ').toLowerCase();
  }

  function card(row, index, column) {
    var p = row.progress;
    var li = make('li', 'card');
    li.setAttribute('data-id', row.id);
    li.tabIndex = -1;
    li.style.setProperty('--theme-color', colorOf(row.color));
    if (row.status === 'ARCHIVED') { li.className += ' archived'; }
    li.appendChild(make('h4', null, row.name));
    var status = make('span', 'lozenge status-' + p.status, statusText(p));
    status.title = p.reason;
    li.appendChild(status);
    if (row.status !== 'ACTIVE') { li.appendChild(make('span', 'lozenge', row.status.toLowerCase())); }
    if (p.stale) { li.appendChild(make('span', 'lozenge warning', 'stale')); }
    if (row.outcome) { li.appendChild(make('p', 'outcome', row.outcome)); }
    var bar = make('div', 'progress-bar');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', 'Progress of ' + row.name);
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', String(p.itemsTotal));
    bar.setAttribute('aria-valuenow', String(p.itemsDone));
    var fill = make('span');
    fill.style.width = (p.itemsTotal ? Math.round(100 * p.itemsDone / p.itemsTotal) : 0) + '%';
    bar.appendChild(fill);
    li.appendChild(bar);
    li.appendChild(make('div', 'facts', facts(p)));
    if (row.linkedEpics.length) { li.appendChild(epicLinks(row.linkedEpics)); }
    if (row.owner) { li.appendChild(make('div', 'facts', 'Owner: ' + (row.ownerName || 'a former user'))); }
    if (state.canPlan) {
      var moves = moveButtons(row, index, column);
      moves.appendChild(editButton(row));
      li.appendChild(moves);
    }
    li.appendChild(linkForm(row));
    return li;
  }

  /** Each epic key opens the epic in Jira. */
  function epicLinks(keys) {
    var line = make('div', 'facts', 'Epics: ');
    keys.forEach(function (key, i) {
      if (i > 0) { line.appendChild(document.createTextNode(', ')); }
      line.appendChild(T.issueLink(key));
    });
    return line;
  }

  function editButton(row) {
    var button = make('button', 'secondary edit-theme no-print', 'Edit');
    button.type = 'button';
    button.setAttribute('aria-label', 'Edit ' + row.name);
    button.addEventListener('click', function () { edit(row, button); });
    return button;
  }

  function edit(row, opener) {
    T.themeDialog.open(row.id, opener, row.ownerName, function (text, kind, id) {
      if (text) { message(text, kind); }
      load().then(function () { if (id) { focusEdit(id); } });
    });
  }

  /** Focus back on the theme's Edit button in the view shown (board card or timeline row). */
  function focusEdit(id) {
    var label = 'Edit ' + nameOf(id);
    var button = Array.prototype.filter.call(document.querySelectorAll('button[aria-label]'), function (b) {
      return b.getAttribute('aria-label') === label && b.offsetParent !== null;
    })[0];
    if (button) { button.focus(); }
  }

  /**
   * After the board is drawn again, focus goes back where the user was: the same button of the same card (or,
   * when that button is now disabled, the card's first enabled one), so a keyboard user can keep moving it.
   */
  function focusCard(id, label) {
    var cardNode = document.querySelector('.card[data-id="' + id + '"]');
    if (!cardNode) { return; }
    var buttons = Array.prototype.filter.call(cardNode.querySelectorAll('.move button, .edit-theme'),
      function (b) { return !b.disabled; });
    var same = buttons.filter(function (b) { return b.textContent === label; })[0];
    (same || buttons[0] || cardNode).focus();
  }

  /** Link or unlink work by JQL (up to 1,000 issues; an epic brings its children). */
  function linkForm(row) {
    var details = make('details', 'link-work no-print');
    details.appendChild(make('summary', null, 'Link work'));
    var id = 'jql-' + row.id;
    var label = make('label', null, 'Issues (JQL), e.g. project = WEB AND issuetype = Epic');
    label.htmlFor = id;
    details.appendChild(label);
    var input = make('input');
    input.id = id;
    details.appendChild(input);
    var result = make('div', 'facts');
    result.setAttribute('role', 'status');
    var actions = make('div', 'move');
    [['Link', '/links'], ['Unlink', '/unlink']].forEach(function (action) {
      var button = make('button', 'secondary', action[0]);
      button.type = 'button';
      button.addEventListener('click', function () {
        T.text(result, 'Working…');
        T.api('POST', '/api/themes/' + encodeURIComponent(row.id) + action[1], { jql: input.value }).then(function (reply) {
          if (reply.status === 200) {
            var b = reply.body;
            message('"' + row.name + '": ' + (action[0] === 'Link' ? 'linked ' + b.linked : 'unlinked ' + b.unlinked) + ', already so ' + b.skipped
              + (b.failed.length ? ', not allowed ' + b.failed.length + ' (' + b.failed.map(function (f) { return f.issueKey; }).join(', ') + ')' : '')
              + (b.hidden ? ', ' + b.hidden + ' items in projects you cannot see left alone' : '') + '.',
              b.failed.length ? 'error' : 'success');
            load();
          } else if (T.isPartial(reply)) {
            message('"' + row.name + '": ' + reply.body.message, 'error');
            load();
          } else {
            T.text(result, (reply.body && reply.body.errors ? reply.body.errors.map(function (e) { return e.message; }).join(' ')
              : (reply.body && reply.body.message)) || 'Nothing was changed.');
          }
        });
      });
      actions.appendChild(button);
    });
    details.appendChild(actions);
    details.appendChild(result);
    details.addEventListener('toggle', T.resize);
    return details;
  }

  function moveButtons(row, index, column) {
    var box = make('div', 'move no-print');
    var h = HORIZONS.indexOf(row.horizon);
    var buttons = [
      ['Up', h, index - 1, index > 0],
      ['Down', h, index + 1, index < column.length - 1],
      ['Earlier', h - 1, 0, h > 0],
      ['Later', h + 1, 0, h < 2]
    ];
    buttons.forEach(function (b) {
      var button = make('button', 'secondary', b[0]);
      button.type = 'button';
      button.disabled = !b[3];
      button.setAttribute('aria-label', 'Move ' + row.name + ' ' + b[0].toLowerCase());
      button.addEventListener('click', function () { place(row.id, HORIZONS[b[1]], b[2], b[0]); });
      box.appendChild(button);
    });
    return box;
  }

  function renderBoard() {
    HORIZONS.forEach(function (horizon) {
      var list = document.querySelector('.column[data-horizon="' + horizon + '"] .cards');
      list.textContent = '';
      var column = state.rows.filter(function (r) { return r.horizon === horizon; });
      column.forEach(function (row, index) { list.appendChild(card(row, index, column)); });
    });
  }

  function quarterIndex(text) {
    var parts = text.split('-Q');
    return Number(parts[0]) * 4 + Number(parts[1]) - 1;
  }

  function quarterText(index) {
    return Math.floor(index / 4) + '-Q' + (index % 4 + 1);
  }

  function renderTimeline() {
    var grid = el('timeline-grid');
    grid.textContent = '';
    var unscheduled = document.querySelector('#unscheduled ul');
    unscheduled.textContent = '';
    var now = new Date();
    var current = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
    var scheduled = state.rows.filter(function (r) { return r.startQuarter || r.endQuarter; });
    var first = current;
    var last = current + 3;
    scheduled.forEach(function (r) {
      first = Math.min(first, quarterIndex(r.startQuarter || r.endQuarter));
      last = Math.max(last, quarterIndex(r.endQuarter || r.startQuarter));
    });
    grid.style.gridTemplateColumns = '180px repeat(' + (last - first + 1) + ', minmax(60px, 1fr))';
    grid.appendChild(make('div'));
    for (var q = first; q <= last; q++) {
      var head = make('div', 'quarter' + (q === current ? ' current' : ''), quarterText(q) + (q === current ? ' · today' : ''));
      head.setAttribute('data-quarter', quarterText(q));
      grid.appendChild(head);
    }
    scheduled.forEach(function (r, i) {
      var start = quarterIndex(r.startQuarter || r.endQuarter);
      var end = quarterIndex(r.endQuarter || r.startQuarter);
      var label = make('div', 'facts timeline-label', r.name);
      label.style.gridRow = String(i + 2);
      label.style.gridColumn = '1';
      if (state.canPlan) { label.appendChild(quarterButtons(r)); }
      grid.appendChild(label);
      var bar = make('div', 'bar', r.name + ' · ' + statusText(r.progress));
      bar.setAttribute('data-id', r.id);
      bar.style.setProperty('--theme-color', colorOf(r.color));
      bar.style.gridRow = String(i + 2);
      bar.style.gridColumn = (start - first + 2) + ' / ' + (end - first + 3);
      bar.title = (r.startQuarter || '?') + ' to ' + (r.endQuarter || '?') + ': ' + facts(r.progress);
      if (state.canPlan) { draggableBar(bar, r, start); }
      grid.appendChild(bar);
    });
    state.rows.filter(function (r) { return !r.startQuarter && !r.endQuarter; }).forEach(function (r) {
      var item = make('li', null, r.name + ' (' + r.horizon.toLowerCase() + ') ');
      // quarters are set in the dialog; then the bar can be moved here
      if (state.canPlan) { item.appendChild(editButton(r)); }
      unscheduled.appendChild(item);
    });
    el('unscheduled').hidden = unscheduled.children.length === 0;
  }

  /** Earlier / Later quarter and Edit, beside a theme's bar: the keyboard's way to move it on the timeline. */
  function quarterButtons(r) {
    var box = make('span', 'move no-print');
    [['◀', -1, 'earlier'], ['▶', 1, 'later']].forEach(function (b) {
      var button = make('button', 'secondary', b[0]);
      button.type = 'button';
      button.setAttribute('aria-label', 'Move ' + r.name + ' one quarter ' + b[2]);
      button.setAttribute('data-shift', String(b[1]));
      button.addEventListener('click', function () { shiftQuarters(r.id, b[1], String(b[1])); });
      box.appendChild(button);
    });
    box.appendChild(editButton(r));
    return box;
  }

  /** Drag a bar sideways: it moves by as many quarters as the pointer went across quarter columns. */
  function draggableBar(bar, r, start) {
    bar.draggable = true;
    bar.classList.add('movable');
    bar.addEventListener('dragstart', function (event) { event.dataTransfer.setData('text/plain', r.id); });
    bar.addEventListener('dragend', function (event) {
      var heads = document.querySelectorAll('#timeline-grid .quarter');
      Array.prototype.forEach.call(heads, function (head) {
        var box = head.getBoundingClientRect();
        if (event.clientX >= box.left && event.clientX < box.right) {
          var shift = quarterIndex(head.getAttribute('data-quarter')) - start;
          if (shift !== 0) { shiftQuarters(r.id, shift, null); }
        }
      });
    });
  }

  function shiftQuarters(id, shift, focusShift) {
    T.themeDialog.shiftQuarters(id, shift, quarterText, quarterIndex).then(function (result) {
      message(result.text, result.kind);
      return load();
    }).then(function () {
      if (!focusShift) { return; }
      var row = Array.prototype.filter.call(document.querySelectorAll('#timeline-grid button[data-shift="' + focusShift + '"]'),
        function (b) { return b.getAttribute('aria-label').indexOf(nameOf(id) + ' one quarter') === 5; })[0];
      if (row) { row.focus(); }
    });
  }

  function nameOf(id) {
    var row = state.rows.filter(function (r) { return r.id === id; })[0];
    return row ? row.name : '';
  }

  function render() {
    el('loading').hidden = true;
    root.setAttribute('aria-busy', 'false');
    el('empty').hidden = state.rows.length > 0;
    renderBoard();
    renderTimeline();
    showView(el('show-timeline').getAttribute('aria-pressed') === 'true' ? 'timeline' : 'board');
  }

  function showView(view) {
    var board = view === 'board';
    el('board').hidden = !board || state.rows.length === 0;
    el('timeline').hidden = board || state.rows.length === 0;
    el('show-board').setAttribute('aria-pressed', String(board));
    el('show-timeline').setAttribute('aria-pressed', String(!board));
    T.resize();
  }

  /** Shows the controls that change themes to planners, and everyone else the one-line reason why not. */
  function showPlanning(answer) {
    state.canPlan = answer.canPlan === true;
    el('new-theme-toggle').hidden = !state.canPlan;
    if (!state.canPlan) { toggleForm(false); }
    document.querySelectorAll('.planner-only').forEach(function (node) { node.hidden = !state.canPlan; });
    sortables.forEach(function (sortable) { sortable.option('disabled', !state.canPlan); });
    el('planning-reason').hidden = state.canPlan;
    T.text(el('planning-reason'), state.canPlan ? '' : answer.reason);
  }

  function load() {
    return Promise.all([T.api('GET', '/api/themes'), T.api('GET', '/api/themes/progress' + query),
      T.api('GET', '/api/permissions/planning'), T.api('GET', '/api/scoring/models')]).then(function (replies) {
      var failed = replies.slice(0, 3).filter(function (r) { return r.status !== 200; })[0];
      if (failed) {
        el('loading').hidden = true;
        message((failed.body && failed.body.message) || 'Jira could not be read (HTTP ' + failed.status + ').', 'error');
        return;
      }
      showPlanning(replies[2].body);
      if (replies[3].status === 200) {
        replies[3].body.models.forEach(function (m) { state.modelNames[m.id] = m.name; });
      }
      state.palette = replies[0].body.palette;
      state.versions = {};
      replies[0].body.themes.forEach(function (t) { state.versions[t.id] = t.version; });
      state.rows = replies[1].body.themes;
      if (replies[1].body.stale) { message(T.staleText(replies[1].body.stale), 'warning'); }
      fillPalette();
      render();
    }).catch(function (error) { el('loading').hidden = true; message(error.message, 'error'); });
  }

  function place(id, horizon, index, focusLabel) {
    var row = state.rows.filter(function (r) { return r.id === id; })[0];
    var version = state.versions[id] || row.version;
    T.api('POST', '/api/themes/' + encodeURIComponent(id) + '/placement',
      { horizon: horizon.toLowerCase(), index: Math.max(0, index), version: version }).then(function (reply) {
      if (reply.status === 200) {
        message('Moved "' + row.name + '" to ' + horizon.toLowerCase() + '.', 'success');
      } else {
        message((reply.body && reply.body.message) || 'The move was not saved.', 'error');
      }
      return load().then(function () { if (focusLabel) { focusCard(id, focusLabel); } });
    });
  }

  function fillPalette() {
    ['nt-color', 'td-color'].forEach(function (id) {
      var select = el(id);
      if (select.options.length) { return; }
      state.palette.forEach(function (c) {
        var option = make('option', null, c.key.charAt(0) + c.key.slice(1).toLowerCase());
        option.value = c.key.toLowerCase();
        select.appendChild(option);
      });
    });
    if (!state.ownerPicker) { state.ownerPicker = T.themeDialog.ownerPicker(el('nt-owner'), el('nt-owner-list')); }
  }

  function createTheme(event) {
    event.preventDefault();
    Array.prototype.forEach.call(document.querySelectorAll('#new-theme .field-error'), function (e) { T.text(e, ''); });
    var form = el('new-theme');
    var body = {};
    ['name', 'horizon', 'color', 'status', 'startQuarter', 'endQuarter', 'outcome', 'description'].forEach(function (field) {
      var value = form.elements[field].value.trim();
      if (value) { body[field] = value; }
    });
    var owner = state.ownerPicker.value();
    if (owner === null) {
      T.text(el('nt-error-owner'), 'Pick the owner from the list (type the start of their name), or clear the field.');
      return;
    }
    if (owner) { body.owner = owner; }
    T.api('POST', '/api/themes', body).then(function (reply) {
      if (reply.status === 201) {
        form.reset();
        state.ownerPicker.set('', '');
        toggleForm(false);
        message('Created "' + reply.body.name + '".', 'success');
        load();
      } else if (reply.status === 400) {
        (reply.body.errors || []).forEach(function (error) {
          var target = el('nt-error-' + error.field);
          if (target) { T.text(target, error.message); } else { message(error.message, 'error'); }
        });
      } else {
        message((reply.body && reply.body.message) || 'The theme was not created.', 'error');
      }
    });
  }

  function toggleForm(open) {
    el('new-theme').hidden = !open;
    el('new-theme-toggle').setAttribute('aria-expanded', String(open));
    if (open) { el('nt-name').focus(); }
    T.resize();
  }

  function exportCsv() {
    T.download('/api/themes/export.csv' + query, 'throughline-themes' + (projectKey ? '-' + projectKey : '') + '.csv')
      .catch(function (error) { T.flag('CSV export', error.message, 'error'); });
  }

  document.querySelectorAll('.cards').forEach(function (list) {
    if (!window.Sortable) { return; }
    sortables.push(Sortable.create(list, {
      group: 'themes', animation: 120, filter: 'button, input, summary', preventOnFilter: false, disabled: true,
      onEnd: function (event) {
        var horizon = event.to.parentNode.getAttribute('data-horizon');
        place(event.item.getAttribute('data-id'), horizon, event.newIndex);
      }
    }));
  });
  el('show-board').addEventListener('click', function () { showView('board'); });
  el('show-timeline').addEventListener('click', function () { showView('timeline'); });
  el('print').addEventListener('click', function () { window.print(); });
  el('export-csv').addEventListener('click', exportCsv);
  el('new-theme-toggle').addEventListener('click', function () { toggleForm(el('new-theme').hidden); });
  el('nt-cancel').addEventListener('click', function () { toggleForm(false); });
  el('new-theme').addEventListener('submit', createTheme);
  load();
})(window.Throughline);
