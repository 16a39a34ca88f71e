/* Grooming: the backlog in rank order with flags, filters, pins, value-order proposal, apply, undo, drag,
   inline scoring and bulk actions on selected rows (link to a theme, set a model). */
(function (T) {
  'use strict';

  var root = document.getElementById('grooming');
  var projectKey = root.getAttribute('data-project-key');
  var el = function (id) { return document.getElementById(id); };
  var PAGE = 100;
  var FLAG_LABELS = { UNSCORED: 'unscored', NO_ESTIMATE: 'missing estimate', STALE: 'stale', BLOCKED: 'blocked',
    NO_THEME: 'no theme', PARENT_DONE: 'parent done' };
  var MAX_SELECTED = 100;
  var state = { boardId: null, rows: [], total: 0, pinned: {}, selected: {}, themes: {}, proposal: null, models: null };

  var make = T.make;

  function message(text, kind) {
    T.message(el('grooming-message'), text, kind);
  }

  function failed(reply, fallback) {
    message((reply.body && reply.body.message) || fallback + ' (HTTP ' + reply.status + ').', 'error');
  }

  function base() { return '/api/boards/' + state.boardId; }

  function loadBoards() {
    return T.api('GET', '/api/projects/' + encodeURIComponent(projectKey) + '/boards').then(function (reply) {
      if (reply.status !== 200) { el('loading').hidden = true; return failed(reply, 'The boards could not be read'); }
      var select = el('board');
      reply.body.boards.forEach(function (b) {
        var option = make('option', null, b.name);
        option.value = b.id;
        select.appendChild(option);
      });
      if (!reply.body.boards.length) {
        el('loading').hidden = true;
        message(reply.body.hidden
          ? 'This project has ' + (reply.body.hidden === 1 ? 'a board' : reply.body.hidden + ' boards')
            + ' that you cannot see: ' + (reply.body.hidden === 1 ? 'it is' : 'they are')
            + ' kept in a project you may not browse. Ask a Jira administrator for Browse projects there.'
          : 'This project has no board, so it has no backlog to groom.', '');
        return;
      }
      state.boardId = select.value;
      return loadBacklog(true);
    });
  }

  function loadThemes() {
    return T.api('GET', '/api/themes').then(function (reply) {
      if (reply.status !== 200) { return; }
      reply.body.themes.forEach(function (t) {
        state.themes[t.id] = t.name;
        [el('filter-theme'), el('bulk-theme')].forEach(function (select) {
          var option = make('option', null, t.name);
          option.value = t.id;
          select.appendChild(option);
        });
      });
    });
  }

  /** reset: start from the first page; refresh: read Jira again instead of the app's short-lived copy. */
  function loadBacklog(reset, refresh) {
    if (reset) { state.rows = []; }
    root.setAttribute('aria-busy', 'true');
    el('loading').hidden = false;
    var query = '?offset=' + state.rows.length + '&limit=' + PAGE + (refresh ? '&refresh=true' : '');
    return T.api('GET', base() + '/backlog' + query).then(function (reply) {
      el('loading').hidden = true;
      root.setAttribute('aria-busy', 'false');
      if (reply.status !== 200) { return failed(reply, 'The backlog could not be read'); }
      state.total = reply.body.total;
      state.readAt = reply.body.readAt;
      state.rows = state.rows.concat(reply.body.items);
      var present = {};
      state.rows.forEach(function (r) { present[r.key] = true; });
      Object.keys(state.selected).forEach(function (k) { if (!present[k] && reset) { delete state.selected[k]; } });
      renderFlags(reply.body.flagCounts);
      renderRows();
    });
  }

  function renderFlags(counts) {
    var box = el('flags');
    box.textContent = '';
    Object.keys(FLAG_LABELS).forEach(function (flag) {
      var count = counts[flag] || 0;
      var chip = make('button', 'secondary', count + ' ' + FLAG_LABELS[flag]);
      chip.type = 'button';
      chip.setAttribute('aria-label', 'Show only ' + FLAG_LABELS[flag] + ' (' + count + ')');
      chip.addEventListener('click', function () { el('filter-flag').value = flag; renderRows(); });
      box.appendChild(chip);
    });
    box.hidden = false;
    var select = el('filter-flag');
    if (select.options.length === 1) {
      Object.keys(FLAG_LABELS).forEach(function (flag) {
        var option = make('option', null, FLAG_LABELS[flag]);
        option.value = flag;
        select.appendChild(option);
      });
    }
  }

  function visible(row) {
    var flag = el('filter-flag').value;
    var type = el('filter-type').value;
    var theme = el('filter-theme').value;
    return (!flag || row.flags.indexOf(flag) >= 0)
      && (!type || row.type === type)
      && (!theme || (theme === '-' ? allThemeIds(row).length === 0 : allThemeIds(row).indexOf(theme) >= 0));
  }

  /* A theme linked to an epic covers its children: a row's themes are its own and those of its parent. */
  function allThemeIds(row) {
    return row.themeIds.concat(row.inheritedThemeIds || []);
  }

  function themeText(row) {
    var names = row.themeIds.map(function (id) { return state.themes[id] || id; });
    (row.inheritedThemeIds || []).forEach(function (id) {
      // the parent is not named when it is in a project the viewer cannot browse
      names.push((state.themes[id] || id) + (row.themesFrom ? ' (via ' + row.themesFrom + ')' : ''));
    });
    return names.join(', ') || '–';
  }

  function renderRows() {
    var body = el('rows');
    body.textContent = '';
    var types = {};
    state.rows.forEach(function (row) {
      types[row.type] = true;
      if (!visible(row)) { return; }
      var tr = make('tr', state.pinned[row.key] ? 'pinned' : null);
      tr.setAttribute('data-key', row.key);
      var select = make('input');
      select.type = 'checkbox';
      select.checked = !!state.selected[row.key];
      select.setAttribute('aria-label', 'Select ' + row.key);
      select.addEventListener('change', function () { state.selected[row.key] = select.checked; renderSelection(); });
      var pin = make('input');
      pin.type = 'checkbox';
      pin.checked = !!state.pinned[row.key];
      pin.setAttribute('aria-label', 'Pin ' + row.key + ' in place');
      pin.addEventListener('change', function () { state.pinned[row.key] = pin.checked; tr.className = pin.checked ? 'pinned' : ''; });
      var scoreButton = make('button', 'secondary', row.score === null ? 'Score' : row.score + ' ' + (row.model ? modelName(row.model) : ''));
      scoreButton.type = 'button';
      scoreButton.setAttribute('aria-label', 'Edit the value score of ' + row.key);
      scoreButton.addEventListener('click', function () { openEditor(tr, row); });
      var cells = [select, pin, T.issueLink(row.key), row.summary, row.type, row.status, scoreButton,
        row.scoreRank ? row.scoreRank.rank + ' of ' + row.scoreRank.of : '–',
        themeText(row),
        row.storyPoints === null ? '–' : row.storyPoints,
        row.ageDays === null ? '–' : row.ageDays + ' d',
        row.updated ? row.updated.substring(0, 10) : '–',
        row.flags.map(function (f) { return FLAG_LABELS[f]; }).join(', ')];
      cells.forEach(function (cell, index) {
        var td = make('td', index === 3 ? 'summary' : (index === cells.length - 1 ? 'flags' : null));
        if (cell instanceof Node) { td.appendChild(cell); } else { T.text(td, cell); }
        tr.appendChild(td);
      });
      tr.addEventListener('keydown', function (event) {
        if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
          event.preventDefault();
          moveByKeyboard(row.key, event.key === 'ArrowUp' ? -1 : 1);
        }
      });
      body.appendChild(tr);
    });
    restoreFocus();
    var typeSelect = el('filter-type');
    Object.keys(types).forEach(function (type) {
      if (!Array.prototype.some.call(typeSelect.options, function (o) { return o.value === type; })) {
        var option = make('option', null, type);
        option.value = type;
        typeSelect.appendChild(option);
      }
    });
    // the count follows the filter: the rows shown, of those loaded, of the whole backlog
    var shown = state.rows.filter(visible).length;
    var filtered = shown !== state.rows.length;
    T.text(el('page-line'), (filtered
      ? 'Showing ' + shown + ' of ' + state.rows.length + ' backlog items (filtered' + (state.rows.length < state.total ? '; ' + state.total + ' in the backlog' : '') + ')'
      : 'Showing ' + state.rows.length + ' of ' + state.total + ' backlog items')
      + (state.readAt ? ', as read from Jira at ' + new Date(state.readAt).toLocaleTimeString() : '') + '.');
    renderSelection();
    el('more').hidden = state.rows.length >= state.total;
    el('empty').hidden = state.total > 0;
    el('table-section').hidden = state.total === 0;
    el('controls').hidden = state.total === 0;
    T.resize();
  }

  /** Inline score editing: the same API, validation and version rules as the issue panel. */
  function openEditor(tr, row) {
    var existing = document.getElementById('editor-' + row.key);
    if (existing) { existing.remove(); return; }
    Promise.all([state.models ? Promise.resolve({ status: 200, body: { models: state.models } }) : T.api('GET', '/api/scoring/models'),
      T.api('GET', '/api/issues/' + encodeURIComponent(row.key) + '/value')]).then(function (replies) {
      if (replies[0].status !== 200 || replies[1].status !== 200) { return failed(replies[1].status !== 200 ? replies[1] : replies[0], 'The score could not be read'); }
      state.models = replies[0].body.models;
      var view = replies[1].body;
      var editorRow = make('tr');
      editorRow.id = 'editor-' + row.key;
      var cell = make('td');
      cell.colSpan = 13;
      var form = make('form', 'inline-editor');
      var modelLabel = make('label', 'inline-label', 'Model');
      modelLabel.htmlFor = 'inline-' + row.key + '-model';
      var modelSelect = make('select');
      modelSelect.id = 'inline-' + row.key + '-model';
      state.models.forEach(function (m) {
        var option = make('option', null, m.name);
        option.value = m.id;
        option.selected = view.value ? view.value.model === m.id : m.id === (view.defaultModel || 'RICE');
        modelSelect.appendChild(option);
      });
      var inputs = make('span', 'inline');
      var errors = make('div', 'field-error');
      errors.setAttribute('role', 'alert');
      function renderInputs() {
        inputs.textContent = '';
        var model = state.models.filter(function (m) { return m.id === modelSelect.value; })[0];
        model.inputs.forEach(function (spec) {
          // a real label and the same choices as the issue panel: a list where the model allows only some values
          var id = 'inline-' + row.key + '-' + spec.key;
          var label = make('label', 'inline-label', spec.label + (spec.unit ? ' (' + spec.unit + ')' : ''));
          label.htmlFor = id;
          var input;
          if (spec.allowed && spec.allowed.length) {
            input = make('select');
            var blank = make('option', null, 'Choose…');
            blank.value = '';
            input.appendChild(blank);
            spec.allowed.forEach(function (v) { var option = make('option', null, String(v)); option.value = v; input.appendChild(option); });
          } else {
            input = make('input');
            input.type = 'number';
            input.step = spec.wholeNumber ? '1' : 'any';
            if (spec.min !== null && spec.min !== undefined) { input.min = spec.min; }
            if (spec.max !== null && spec.max !== undefined) { input.max = spec.max; }
          }
          input.id = id;
          input.name = spec.key;
          input.title = spec.rule;
          if (view.value && view.value.model === model.id && view.value.inputs[spec.key] !== undefined) { input.value = view.value.inputs[spec.key]; }
          inputs.appendChild(label);
          inputs.appendChild(input);
        });
      }
      modelSelect.addEventListener('change', renderInputs);
      renderInputs();
      var save = make('button', null, 'Save');
      save.type = 'submit';
      save.disabled = !view.editable;
      form.appendChild(modelLabel);
      form.appendChild(modelSelect);
      form.appendChild(inputs);
      form.appendChild(save);
      form.appendChild(errors);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var values = {};
        Array.prototype.forEach.call(inputs.querySelectorAll('input, select'), function (i) { if (i.value !== '') { values[i.name] = Number(i.value); } });
        T.api('PUT', '/api/issues/' + encodeURIComponent(row.key) + '/value',
          { model: modelSelect.value, inputs: values, version: view.value ? view.value.version : 0 }).then(function (reply) {
          if (reply.status === 200) {
            message(row.key + ' now scores ' + reply.body.value.score + '.' + (reply.body.note ? ' ' + reply.body.note : ''), 'success');
            loadBacklog(true, true);
          } else {
            T.text(errors, reply.body && reply.body.errors ? reply.body.errors.map(function (e) { return e.field.replace('inputs.', '') + ': ' + e.message; }).join(' · ')
              : (reply.body && reply.body.message) || 'Not saved.');
          }
        });
      });
      if (!view.editable) { T.text(errors, 'You can see this score; only people who can edit ' + row.key + ' in Jira can change it.'); }
      cell.appendChild(form);
      editorRow.appendChild(cell);
      tr.parentNode.insertBefore(editorRow, tr.nextSibling);
      T.resize();
    });
  }

  function propose() {
    message('');
    var pinned = Object.keys(state.pinned).filter(function (k) { return state.pinned[k]; });
    T.api('POST', base() + '/proposal', { pinned: pinned, dependencyAware: el('dependency-aware').checked,
      unscoredLast: el('unscored-last').checked }).then(function (reply) {
      if (reply.status !== 200) { return failed(reply, 'No order could be proposed'); }
      state.proposal = reply.body;
      renderPreview(reply.body);
    });
  }

  function modelName(id) {
    var model = (state.models || []).filter(function (m) { return m.id === id; })[0];
    return model ? model.name : id;
  }

  /* Why an item stands where the proposal puts it, in words (the answer's reason). */
  function reasonText(item, p) {
    var r = item.reason || {};
    switch (r.kind) {
      case 'PINNED': return 'Pinned: keeps its place';
      case 'UNSCORED_IN_PLACE': return 'Unscored: keeps its place';
      case 'UNSCORED_LAST': return 'Unscored: goes below the scored items';
      case 'PIN_LEFT_NO_CHOICE': return 'Above its blocker: a pin left no other item for this place';
      case 'BLOCKER': return 'Held below ' + r.blocker + ', which blocks it' + (r.blockerUnscored ? ' and is unscored' : '');
      case 'SCORE':
        var blocks = p.modelOrder || [];
        var index = blocks.indexOf(item.model);
        var by = 'By its ' + modelName(item.model) + ' score';
        if (blocks.length < 2 || index < 0) { return by; }
        if (index === 0) { return by + (p.leadingModel === item.model ? ' (the project\'s default model goes first)' : ''); }
        return by + ', after the ' + blocks.slice(0, index).map(modelName).join(' and ') + ' items (scores of different models are not compared)';
      default: return '';
    }
  }

  function unmetNotes(p) {
    var counts = p.unmetByCause || {};
    var notes = [];
    if (counts.PIN) { notes.push(counts.PIN + ' dependency(ies) not honoured because of pins'); }
    if (counts.CYCLE) { notes.push(counts.CYCLE + ' dependency(ies) inside cycles not honoured'); }
    if (counts.IGNORED) { notes.push(counts.IGNORED + ' item(s) placed above an open blocker: "never above an open blocker" is off'); }
    return notes;
  }

  function renderPreview(p) {
    var body = el('preview-rows');
    body.textContent = '';
    p.items.slice().sort(function (a, b) { return a.to - b.to; }).forEach(function (item) {
      var tr = make('tr');
      var move = item.move === 'UNCHANGED' ? 'stays' : (item.move === 'UP' ? '▲ up ' : '▼ down ') + (item.move === 'UNCHANGED' ? '' : item.by);
      [item.to + 1, item.key, item.summary, item.score === null ? '–' : item.score, item.model ? modelName(item.model) : '–',
        move, reasonText(item, p)].forEach(function (text, index) {
        var td = make('td', index === 5 && item.move !== 'UNCHANGED' ? (item.move === 'UP' ? 'move-up' : 'move-down') : (index === 6 ? 'reason' : null), text);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var notes = [];
    if (p.dependencyCycles.length) { notes.push(p.dependencyCycles.length + ' dependency cycle(s) kept in their current order'); }
    notes = notes.concat(unmetNotes(p));
    if ((p.modelOrder || []).length > 1) {
      notes.push('Scores of different models are not compared: ' + p.modelOrder.map(modelName).join(', then ') + ' items, each by score');
    }
    T.text(el('preview-summary'), p.changesAnything
      ? p.moved + ' item(s) need a rank change, in ' + p.calls + ' rank call(s); the others shift along with them.' + (notes.length ? ' ' + notes.join('; ') + '.' : '')
      : 'The backlog is already in this order.' + (notes.length ? ' ' + notes.join('; ') + '.' : ''));
    el('apply').disabled = !p.changesAnything;
    el('preview').hidden = false;
    T.resize();
  }

  function apply(order, expectedCurrent) {
    el('apply').disabled = true;
    message('Writing the order to Jira…', '');
    return T.api('POST', base() + '/apply', { order: order, expectedCurrent: expectedCurrent }).then(function (reply) {
      el('apply').disabled = false;
      report(reply, function () { apply(order, expectedCurrent); });
    });
  }

  function report(reply, retry) {
    if (reply.status === 200) {
      var b = reply.body;
      message(b.message + ' ' + b.movedCount + ' item(s) moved in ' + b.calls + ' call(s).'
        + (b.failures.length ? ' Jira refused: ' + b.failures.map(function (f) { return f.issueKey; }).join(', ') + '.' : ''),
        b.complete ? 'success' : 'error');
      var hadFocus = !el('preview').hidden && el('preview').contains(document.activeElement);
      el('preview').hidden = true;
      // the Apply button just vanished with the preview: keep the keyboard where the next step is
      if (hadFocus) { el('undo').focus(); }
      loadBacklog(true);
    } else if (reply.status === 503 && reply.body && reply.body.moved) {
      message(reply.body.message + ' Moved: ' + (reply.body.moved.join(', ') || 'none') + '. Not moved: '
        + (reply.body.notMoved.join(', ') || 'none') + '.', 'error');
      var again = make('button', 'secondary', 'Resume');
      again.type = 'button';
      again.addEventListener('click', retry);
      el('grooming-message').appendChild(again);
    } else if (reply.status === 409) {
      message('The backlog changed in Jira since you read it; it has been reloaded. Propose again.', 'error');
      el('preview').hidden = true;
      loadBacklog(true, true);
    } else {
      failed(reply, 'Nothing was changed');
    }
  }

  function undo() {
    T.api('POST', base() + '/undo').then(function (reply) {
      if (reply.status === 404) { return message('There is no applied order to undo.', ''); }
      report(reply, undo);
    });
  }

  function bulkLink() {
    var keys = Object.keys(state.selected).filter(function (k) { return state.selected[k]; });
    var theme = el('bulk-theme').value;
    if (!keys.length || !theme) { return message('Select rows and a theme first.', ''); }
    T.api('POST', '/api/themes/' + encodeURIComponent(theme) + '/links', { issueKeys: keys }).then(function (reply) {
      if (T.isPartial(reply)) {
        message(reply.body.message, 'error');
        state.selected = {};
        return loadBacklog(true, true);
      }
      if (reply.status !== 200) { return failed(reply, 'Nothing was linked'); }
      message('Linked ' + reply.body.linked + ', already linked ' + reply.body.skipped
        + (reply.body.failed.length ? ', not allowed ' + reply.body.failed.length : '') + '.', reply.body.failed.length ? 'error' : 'success');
      state.selected = {};
      loadBacklog(true, true);
    });
  }

  function selectedKeys() {
    return Object.keys(state.selected).filter(function (k) { return state.selected[k]; });
  }

  function renderSelection() {
    var count = selectedKeys().length;
    T.text(el('selected-count'), count ? count + ' row(s) selected' : 'No rows selected');
  }

  function loadModels() {
    if (state.models) { return Promise.resolve(state.models); }
    return T.api('GET', '/api/scoring/models').then(function (reply) {
      if (reply.status !== 200) { return null; }
      state.models = reply.body.models;
      var select = el('bulk-model');
      select.textContent = '';
      state.models.forEach(function (m) {
        var option = make('option', null, m.name);
        option.value = m.id;
        select.appendChild(option);
      });
      return state.models;
    });
  }

  /**
   * Bulk "set model": one line of inputs shared by every selected row, and a line per row to give it its own.
   * Nothing is converted; rows already on the model whose inputs are left alone are not sent.
   */
  function openModelEditor() {
    var keys = selectedKeys();
    if (!keys.length) { return message('Select the rows to score first.', ''); }
    if (keys.length > MAX_SELECTED) { return message('Select at most ' + MAX_SELECTED + ' rows to set their model at once.', 'error'); }
    var model = (state.models || []).filter(function (m) { return m.id === el('bulk-model').value; })[0];
    if (!model) { return message('The scoring models could not be read.', 'error'); }
    var byKey = {};
    state.rows.forEach(function (r) { byKey[r.key] = r; });
    var rows = keys.map(function (k) { return byKey[k]; }).filter(function (r) { return r; });
    state.modelEdit = { model: model, rows: rows };
    T.text(el('model-heading'), 'Set model ' + model.name + ' for ' + rows.length + ' selected row(s)');
    var head = el('model-head');
    head.textContent = '';
    var tr = make('tr');
    ['Key', 'Summary', 'Now'].concat(model.inputs.map(function (spec) { return spec.label; })).forEach(function (text) {
      var th = make('th', null, text);
      th.scope = 'col';
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var body = el('model-rows');
    body.textContent = '';
    body.appendChild(modelLine(model, null, 'All selected', ''));
    rows.forEach(function (row) {
      body.appendChild(modelLine(model, row, row.key, row.summary));
    });
    T.text(el('model-errors'), '');
    el('model-editor').hidden = false;
    el('model-heading').focus();
    T.resize();
  }

  function modelLine(model, row, key, summary) {
    var tr = make('tr', row ? null : 'shared');
    tr.setAttribute('data-key', row ? row.key : '');
    var current = row ? (row.score === null ? 'unscored' : row.score + ' ' + (row.model ? modelName(row.model) : '')) : 'used where a row is blank';
    [key, summary, current].forEach(function (text, index) {
      tr.appendChild(make('td', index === 2 ? 'current' : (index === 1 ? 'summary' : null), text));
    });
    model.inputs.forEach(function (spec) {
      var td = make('td');
      var input = make('input');
      input.type = 'number';
      input.step = 'any';
      input.name = spec.key;
      input.title = spec.label + ' ' + spec.rule;
      input.setAttribute('aria-label', spec.label + ' (' + spec.rule + ') for ' + (row ? row.key : 'all selected rows'));
      if (row && row.model === model.id && row.inputs && row.inputs[spec.key] !== undefined) {
        input.value = row.inputs[spec.key];
        input.setAttribute('data-initial', String(row.inputs[spec.key]));
      }
      td.appendChild(input);
      tr.appendChild(td);
    });
    return tr;
  }

  function values(tr) {
    var result = {};
    Array.prototype.forEach.call(tr.querySelectorAll('input'), function (i) { if (i.value !== '') { result[i.name] = Number(i.value); } });
    return result;
  }

  function untouched(tr) {
    return Array.prototype.every.call(tr.querySelectorAll('input'), function (i) {
      return i.getAttribute('data-initial') !== null && i.value === i.getAttribute('data-initial');
    });
  }

  function saveModel(event) {
    event.preventDefault();
    var edit = state.modelEdit;
    var lines = el('model-rows').children;
    var shared = values(lines[0]);
    var items = [];
    var unchanged = [];
    Array.prototype.slice.call(lines, 1).forEach(function (tr, index) {
      tr.className = '';
      var row = edit.rows[index];
      if (row.model === edit.model.id && untouched(tr)) { unchanged.push(row.key); return; }
      items.push({ issueKey: row.key, version: row.version || 0, inputs: values(tr) });
    });
    if (!items.length) { return T.text(el('model-errors'), 'Every selected row already has these ' + edit.model.name + ' inputs; nothing to save.'); }
    el('model-save').disabled = true;
    T.api('POST', base() + '/model', { model: edit.model.id, inputs: shared, items: items }).then(function (reply) {
      el('model-save').disabled = false;
      if (T.isPartial(reply)) {
        el('model-editor').hidden = true;
        message(reply.body.message, 'error');
        state.selected = {};
        return loadBacklog(true, true);
      }
      if (reply.status === 200) {
        el('model-editor').hidden = true;
        message(reply.body.message + (unchanged.length ? ' Unchanged: ' + unchanged.join(', ') + '.' : ''), 'success');
        state.selected = {};
        return loadBacklog(true, true);
      }
      var problems = [];
      if (reply.body && reply.body.errors) {
        reply.body.errors.forEach(function (e) {
          var match = /^items\[(\d+)\]\.?(.*)$/.exec(e.field);
          var key = match ? items[Number(match[1])].issueKey : null;
          if (key) { markRow(key); }
          problems.push((key ? key + ' ' : '') + (match ? match[2].replace('inputs.', '') : e.field) + ': ' + e.message);
        });
      } else if (reply.body && reply.body.results) {
        reply.body.results.filter(function (r) { return r.outcome !== 'READY' && r.outcome !== 'WRITTEN'; }).forEach(function (r) {
          markRow(r.issueKey);
          problems.push(r.issueKey + ': ' + r.message);
        });
      }
      T.text(el('model-errors'), 'Nothing was saved. ' + (problems.join(' · ') || (reply.body && reply.body.message) || ('HTTP ' + reply.status)));
      if (reply.status === 409) { loadBacklog(true, true); }
      T.resize();
    });
  }

  function markRow(key) {
    Array.prototype.forEach.call(el('model-rows').children, function (tr) {
      if (tr.getAttribute('data-key') === key) { tr.className = 'has-error'; }
    });
  }

  function closeModelEditor() {
    el('model-editor').hidden = true;
    el('bulk-model-open').focus();
    T.resize();
  }

  /** A manual reorder needs the whole backlog loaded and no filter, so the order sent is the full order. */
  function canReorder() {
    var filtered = el('filter-flag').value || el('filter-type').value || el('filter-theme').value;
    if (filtered || state.rows.length < state.total) {
      message('Clear the filters and load the whole backlog before reordering by hand.', 'error');
      return false;
    }
    return true;
  }

  /* Alt + ↑ / ↓ on a row moves it one place (the keyboard's drag); focus stays on the moved row after the reload. */
  function moveByKeyboard(key, delta) {
    if (!canReorder()) { return; }
    var current = state.rows.map(function (r) { return r.key; });
    var from = current.indexOf(key);
    var to = from + delta;
    if (to < 0 || to >= current.length) { return; }
    var order = current.slice();
    order.splice(from, 1);
    order.splice(to, 0, key);
    state.refocus = key;
    apply(order, current);
  }

  /* After a reload the rows are new nodes: put the focus back on the row it was on (its select box). */
  function restoreFocus() {
    if (!state.refocus) { return; }
    var row = el('rows').querySelector('tr[data-key="' + state.refocus.replace(/"/g, '') + '"] input');
    if (row) { row.focus(); state.refocus = null; }
  }

  /** Manual reorder by drag, under the same rule as the keyboard's. */
  function enableDrag() {
    if (!window.Sortable) { return; }
    Sortable.create(el('rows'), {
      animation: 120, filter: 'input, button, select, .inline-editor', preventOnFilter: false,
      onEnd: function () {
        var current = state.rows.map(function (r) { return r.key; });
        if (!canReorder()) {
          renderRows();
          return;
        }
        var order = Array.prototype.map.call(el('rows').children, function (tr) { return tr.getAttribute('data-key'); })
          .filter(function (key) { return key; });
        apply(order, current);
      }
    });
  }

  el('board').addEventListener('change', function () { state.boardId = el('board').value; loadBacklog(true); });
  ['filter-flag', 'filter-type', 'filter-theme'].forEach(function (id) { el(id).addEventListener('change', renderRows); });
  el('more').addEventListener('click', function () { loadBacklog(false); });
  el('refresh').addEventListener('click', function () { loadBacklog(true, true); });
  el('bulk-model-open').addEventListener('click', openModelEditor);
  el('model-form').addEventListener('submit', saveModel);
  el('model-cancel').addEventListener('click', closeModelEditor);
  el('model-editor').addEventListener('keydown', function (event) { if (event.key === 'Escape') { closeModelEditor(); } });
  el('propose').addEventListener('click', propose);
  el('apply').addEventListener('click', function () {
    if (state.proposal) { apply(state.proposal.order, state.proposal.current); }
  });
  el('cancel-preview').addEventListener('click', function () { el('preview').hidden = true; T.resize(); });
  el('undo').addEventListener('click', undo);
  el('bulk-link').addEventListener('click', bulkLink);
  enableDrag();
  Promise.all([loadThemes(), loadModels()]).then(loadBoards);
})(window.Throughline);
