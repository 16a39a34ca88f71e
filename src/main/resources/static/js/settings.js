/* Settings page (Jira administrators): site settings, default model per project, custom scorecards. */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var state = { settings: null, models: [], scorecards: [], projectOffset: 0, editing: null };
  var SETTINGS_FIELDS = {
    storyPointsFieldId: 'story-points-field', staleDays: 'stale-days', rollupCacheTtlMinutes: 'cache-ttl',
    'planners.accountIds': 'planner-accounts', 'planners.groups': 'planner-groups', planners: 'planner-accounts'
  };

  var make = T.make;

  function message(text, kind) {
    T.message(el('settings-message'), text, kind);
  }

  function problem(reply, fallback) {
    return (reply.body && reply.body.message) || fallback + ' (HTTP ' + reply.status + ').';
  }

  /** Whole numbers go as numbers; anything else as typed, so the server names the field and the rule. */
  function numberOrRaw(text) {
    var trimmed = String(text).trim();
    if (trimmed === '') { return null; }
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  }

  function setError(inputId, errorId, text) {
    var input = inputId && el(inputId);
    if (input) {
      if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
    }
    T.text(el(errorId), text || '');
    // a "Settings saved." banner must not stand beside a field error it does not belong to
    if (text) { clearSavedBanner(); }
  }

  function clearSavedBanner() {
    var box = el('settings-message');
    if (/\bsuccess\b/.test(box.className)) { message(''); }
  }

  // --- site settings ---

  function fieldLabel(field) {
    return field.name + ' (' + field.id + ')';
  }

  function showSettings(body) {
    state.settings = body;
    var points = body.storyPoints || state.storyPoints;
    if (body.storyPoints) { state.storyPoints = body.storyPoints; }
    var select = el('story-points-field');
    while (select.options.length > 1) { select.remove(1); }
    var candidates = points ? points.candidates : [];
    var detected = points && points.detected ? candidates.filter(function (f) { return f.id === points.detected; })[0] : null;
    T.text(el('story-points-detected'), points && points.detected
      ? 'Detected: ' + (detected ? fieldLabel(detected) : points.detected)
      : 'Detected: no story points field found on this site.');
    select.options[0].text = 'Use the detected field' + (detected ? ' — ' + detected.name : '');
    candidates.forEach(function (field) {
      var option = make('option', null, fieldLabel(field));
      option.value = field.id;
      select.appendChild(option);
    });
    if (body.storyPointsFieldId && !candidates.some(function (f) { return f.id === body.storyPointsFieldId; })) {
      var missing = make('option', null, body.storyPointsFieldId + ' (no longer a number field)');
      missing.value = body.storyPointsFieldId;
      select.appendChild(missing);
    }
    select.value = body.storyPointsFieldId || '';
    setError('story-points-field', 'story-points-field-error', points && points.overrideMissing
      ? 'The chosen field is no longer a number field of this site; pick another or use the detected one.' : '');
    el('stale-days').value = body.staleDays;
    var ttl = el('cache-ttl');
    ttl.value = body.rollupCacheTtlMinutes === null || body.rollupCacheTtlMinutes === undefined ? '' : body.rollupCacheTtlMinutes;
    ttl.placeholder = 'default: ' + body.defaults.rollupCacheTtlMinutes;
    var planners = body.planners || { accountIds: [], groups: [] };
    el('planner-accounts').value = planners.accountIds.join('\n');
    el('planner-groups').value = planners.groups.join('\n');
    el('settings-form').hidden = false;
    el('settings-loading').hidden = true;
    T.resize();
  }

  function clearSettingsErrors() {
    Object.keys(SETTINGS_FIELDS).forEach(function (field) {
      setError(SETTINGS_FIELDS[field], SETTINGS_FIELDS[field] + '-error', '');
    });
    T.text(el('settings-form-error'), '');
  }

  /** The lines of a textarea that hold something; accountIds may also be separated by commas or spaces. */
  function entries(id, separators) {
    return el(id).value.split(separators).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }

  /**
   * The settings field an error belongs to: "planners.groups[2]" is the groups box, and its message names the
   * entry, since the box has no line of its own per entry.
   */
  function errorTarget(error, sent) {
    var match = /^(planners\.(accountIds|groups))\[(\d+)\]$/.exec(error.field);
    if (!match) { return { field: error.field, message: error.message }; }
    var entry = sent.planners[match[2]][Number(match[3])];
    return { field: match[1], message: '“' + entry + '” ' + error.message + '.' };
  }

  // --- story points field change: how many items keep an estimate, asked before saving ---

  function effectiveField(id) {
    return id || (state.storyPoints && state.storyPoints.detected) || null;
  }

  function fieldName(id) {
    var field = ((state.storyPoints && state.storyPoints.candidates) || []).filter(function (f) { return f.id === id; })[0];
    return field ? fieldLabel(field) : id;
  }

  function estimates(id) {
    return T.api('GET', '/api/settings/story-points/estimates?fieldId=' + encodeURIComponent(id)).then(function (reply) {
      return reply.status === 200 ? reply.body.withEstimate : null;
    });
  }

  /**
   * Jira's counts of issues with an estimate in the chosen field and in the one in use: a field with fewer asks
   * for a confirmation before saving, since every item without a value shows as "missing estimate".
   */
  function checkPointsField() {
    var chosen = effectiveField(el('story-points-field').value);
    var current = effectiveField(state.settings && state.settings.storyPointsFieldId);
    var box = el('story-points-warning');
    state.pointsCheck = null;
    el('story-points-confirm').checked = false;
    el('story-points-confirm-label').hidden = true;
    box.hidden = true;
    if (!chosen || chosen === current) { T.resize(); return; }
    var check = state.pointsCheck = { needsConfirm: false, pending: true };
    Promise.all([estimates(chosen), current ? estimates(current) : Promise.resolve(0)]).then(function (counts) {
      if (state.pointsCheck !== check) { return; }
      check.pending = false;
      var now = counts[1];
      var next = counts[0];
      if (next === null || now === null) {
        T.text(el('story-points-warning-text'), 'Jira did not say how many issues have an estimate in '
          + fieldName(chosen) + '; items without a value there will show “missing estimate”.');
        check.needsConfirm = true;
      } else if (next < now) {
        T.text(el('story-points-warning-text'), (next === 0 ? 'No issue has an estimate in ' + fieldName(chosen)
          : 'About ' + next + ' issues have an estimate in ' + fieldName(chosen)) + ', against about ' + now
          + (current ? ' in ' + fieldName(current) : '') + ': about ' + (now - next)
          + ' items would become “missing estimate” on every board, program and theme.');
        check.needsConfirm = true;
      } else {
        T.text(el('story-points-warning-text'), 'About ' + next + ' issues have an estimate in ' + fieldName(chosen)
          + ' (about ' + now + (current ? ' in ' + fieldName(current) : '') + ').');
      }
      el('story-points-confirm-label').hidden = !check.needsConfirm;
      box.hidden = false;
      T.resize();
    });
  }

  /** Whether the save may go ahead; if not, says why next to the field. */
  function pointsChangeConfirmed() {
    var check = state.pointsCheck;
    if (!check || (!check.pending && !check.needsConfirm) || el('story-points-confirm').checked) { return true; }
    setError('story-points-field', 'story-points-field-error', check.pending
      ? 'Still counting the issues with an estimate in this field; save again in a moment.'
      : 'Tick “Switch anyway” to save this field, or choose another.');
    (check.pending ? el('story-points-field') : el('story-points-confirm')).focus();
    return false;
  }

  function saveSettings(event) {
    event.preventDefault();
    clearSettingsErrors();
    message('');
    if (!pointsChangeConfirmed()) { return; }
    var button = el('settings-save');
    button.disabled = true;
    var body = {
      storyPointsFieldId: el('story-points-field').value || null,
      staleDays: numberOrRaw(el('stale-days').value),
      rollupCacheTtlMinutes: numberOrRaw(el('cache-ttl').value),
      planners: { accountIds: entries('planner-accounts', /[\s,]+/), groups: entries('planner-groups', /\n/) },
      version: state.settings.version
    };
    T.api('PUT', '/api/settings', body).then(function (reply) {
      button.disabled = false;
      if (reply.status === 200) {
        showSettings(reply.body);
        checkPointsField();
        message('Settings saved.', 'success');
        T.flag('Settings saved', 'Throughline uses them from now on.');
      } else if (reply.status === 400) {
        var first = null;
        var shown = {};
        (reply.body.errors || []).forEach(function (raw) {
          var error = errorTarget(raw, body);
          var id = SETTINGS_FIELDS[error.field];
          if (id) {
            shown[id] = (shown[id] ? shown[id] + ' ' : '') + error.message;
            setError(id, id + '-error', shown[id]);
            first = first || id;
          } else {
            T.text(el('settings-form-error'), error.field + ': ' + error.message);
          }
        });
        message(problem(reply, 'Some input is not valid'), 'error');
        if (first) { el(first).focus(); }
      } else if (reply.status === 409) {
        var current = reply.body.current;
        state.settings.version = current.version;
        message(reply.body.message + ' Their values: stale after ' + current.staleDays + ' days, rollup cache '
          + (current.rollupCacheTtlMinutes || 'default') + ' minutes, story points '
          + (current.storyPointsFieldId || 'detected') + ', planners ' + current.planners.accountIds.length + ' users and '
          + current.planners.groups.length + ' groups. Save again to replace them with yours.', 'error');
      } else {
        message(problem(reply, 'The settings could not be saved'), 'error');
      }
    }, function (error) {
      button.disabled = false;
      message(error.message, 'error');
    });
  }

  // --- default model per project ---

  function modelSelect(project) {
    var select = make('select');
    select.id = 'project-model-' + project.key;
    select.setAttribute('aria-label', 'Default model of ' + project.key);
    if (!project.defaultModel) {
      var none = make('option', null, 'Not set');
      none.value = '';
      none.disabled = true;
      select.appendChild(none);
    }
    state.models.forEach(function (model) {
      var option = make('option', null, model.name);
      option.value = model.id;
      select.appendChild(option);
    });
    select.value = project.defaultModel || '';
    return select;
  }

  function projectRow(project) {
    var tr = make('tr');
    tr.setAttribute('data-project-key', project.key);
    tr.appendChild(make('td', null, project.key + ' · ' + project.name));
    var cell = make('td');
    var select = modelSelect(project);
    cell.appendChild(select);
    tr.appendChild(cell);
    var status = make('td', 'subtle');
    status.setAttribute('aria-live', 'polite');
    tr.appendChild(status);
    select.addEventListener('change', function () {
      select.removeAttribute('aria-invalid');
      T.text(status, 'Saving…');
      T.api('PUT', '/api/projects/' + encodeURIComponent(project.key) + '/scoring', { defaultModel: select.value })
        .then(function (reply) {
          if (reply.status === 200) {
            project.defaultModel = select.value;
            status.className = 'saved-note';
            T.text(status, 'Saved');
          } else {
            select.setAttribute('aria-invalid', 'true');
            status.className = 'field-error';
            T.text(status, problem(reply, 'Not saved'));
          }
        });
    });
    return tr;
  }

  function loadProjects(offset) {
    return T.api('GET', '/api/settings/projects?offset=' + offset + '&limit=50').then(function (reply) {
      if (reply.status !== 200) {
        message(problem(reply, 'Projects could not be read'), 'error');
        return;
      }
      var rows = el('project-models-rows');
      if (offset === 0) { rows.textContent = ''; }
      reply.body.projects.forEach(function (project) { rows.appendChild(projectRow(project)); });
      state.projectOffset = offset + reply.body.projects.length;
      el('project-models-more').hidden = !reply.body.more;
      el('project-models').hidden = false;
      T.resize();
    });
  }

  // --- scorecards ---

  function loadScoring() {
    return T.api('GET', '/api/settings/scoring').then(function (reply) {
      if (reply.status !== 200) {
        message(problem(reply, 'Scoring models could not be read'), 'error');
        return;
      }
      state.models = reply.body.models;
      state.scorecards = reply.body.scorecards;
      renderScorecards();
    });
  }

  function renderScorecards() {
    var list = el('scorecard-list');
    list.textContent = '';
    if (!state.scorecards.length) {
      list.appendChild(make('li', 'subtle', 'No custom scorecards yet.'));
    }
    state.scorecards.forEach(function (card) {
      var li = make('li');
      li.setAttribute('data-scorecard-id', card.id);
      li.appendChild(make('span', null, card.name + ' (version ' + card.version + ', '
        + card.criteria.length + ' criteria)'));
      var edit = make('button', 'secondary', 'Edit');
      edit.type = 'button';
      edit.id = 'scorecard-edit-' + card.id;
      edit.setAttribute('aria-label', 'Edit scorecard ' + card.name);
      edit.addEventListener('click', function () { openScorecard(card); });
      li.appendChild(edit);
      list.appendChild(li);
    });
    el('scorecards').hidden = false;
    T.resize();
  }

  function cellInput(row, index, key, value, className, label) {
    var td = make('td');
    var input = make('input', className);
    input.id = 'criterion-' + index + '-' + key;
    input.setAttribute('data-key', key);
    input.setAttribute('aria-label', label + ' of criterion ' + (index + 1));
    input.value = value === undefined || value === null ? '' : value;
    td.appendChild(input);
    var error = make('p', 'field-error');
    error.id = input.id + '-error';
    input.setAttribute('aria-describedby', error.id);
    td.appendChild(error);
    row.appendChild(td);
  }

  function criterionRow(criterion) {
    var rows = el('criteria-rows');
    var index = rows.children.length;
    var tr = make('tr');
    cellInput(tr, index, 'key', criterion.key, null, 'Key');
    cellInput(tr, index, 'name', criterion.name, null, 'Name');
    cellInput(tr, index, 'weight', criterion.weight, 'num', 'Weight');
    cellInput(tr, index, 'min', criterion.min, 'num', 'Minimum');
    cellInput(tr, index, 'max', criterion.max, 'num', 'Maximum');
    var kindCell = make('td');
    var kind = make('select');
    kind.id = 'criterion-' + index + '-kind';
    kind.setAttribute('data-key', 'kind');
    kind.setAttribute('aria-label', 'Counts as, criterion ' + (index + 1));
    [['BENEFIT', 'Benefit'], ['COST', 'Cost']].forEach(function (pair) {
      var option = make('option', null, pair[1]);
      option.value = pair[0];
      kind.appendChild(option);
    });
    kind.value = criterion.kind || 'BENEFIT';
    kindCell.appendChild(kind);
    var kindError = make('p', 'field-error');
    kindError.id = kind.id + '-error';
    kindCell.appendChild(kindError);
    tr.appendChild(kindCell);
    var removeCell = make('td');
    var remove = make('button', 'secondary', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove criterion ' + (index + 1));
    remove.addEventListener('click', function () {
      var criteria = readCriteria();
      criteria.splice(Array.prototype.indexOf.call(rows.children, tr), 1);
      renderCriteria(criteria);
    });
    removeCell.appendChild(remove);
    tr.appendChild(removeCell);
    rows.appendChild(tr);
    T.resize();
  }

  function renderCriteria(criteria) {
    el('criteria-rows').textContent = '';
    criteria.forEach(criterionRow);
  }

  function readCriteria() {
    return Array.prototype.map.call(el('criteria-rows').children, function (tr) {
      var criterion = {};
      tr.querySelectorAll('[data-key]').forEach(function (input) {
        var key = input.getAttribute('data-key');
        criterion[key] = ['weight', 'min', 'max'].indexOf(key) >= 0 ? numberOrRaw(input.value) : input.value;
      });
      return criterion;
    });
  }

  function openScorecard(card) {
    state.editing = card;
    var form = el('scorecard-form');
    clearScorecardErrors();
    T.text(el('scorecard-form-heading'), card ? 'Edit scorecard ' + card.name : 'New scorecard');
    el('scorecard-id').value = card ? card.id : '';
    el('scorecard-id').readOnly = !!card;
    el('scorecard-name').value = card ? card.name : '';
    el('scorecard-form-kind').value = card ? card.form : 'WEIGHTED_SUM';
    renderCriteria(card ? card.criteria : [{ kind: 'BENEFIT', weight: 1, min: 0, max: 10 }]);
    form.hidden = false;
    el(card ? 'scorecard-name' : 'scorecard-id').focus();
    T.resize();
  }

  function closeScorecard() {
    el('scorecard-form').hidden = true;
    state.editing = null;
    el('scorecard-new').focus();
    T.resize();
  }

  function clearScorecardErrors() {
    [['scorecard-id', 'scorecard-id-error'], ['scorecard-name', 'scorecard-name-error'],
      ['scorecard-form-kind', 'scorecard-form-kind-error'], [null, 'scorecard-criteria-error']].forEach(function (pair) {
      setError(pair[0], pair[1], '');
    });
    el('criteria-rows').querySelectorAll('[data-key]').forEach(function (input) {
      setError(input.id, input.id + '-error', '');
    });
  }

  function showScorecardError(error) {
    var match = /^criteria\[(\d+)\]\.(\w+)$/.exec(error.field);
    var simple = { id: 'scorecard-id', name: 'scorecard-name', form: 'scorecard-form-kind' }[error.field];
    if (match && el('criterion-' + match[1] + '-' + match[2])) {
      var id = 'criterion-' + match[1] + '-' + match[2];
      setError(id, id + '-error', error.message);
      return id;
    }
    if (simple) {
      setError(simple, simple + '-error', error.message);
      return simple;
    }
    var box = el('scorecard-criteria-error');
    T.text(box, (box.textContent ? box.textContent + ' ' : '') + error.message);
    return null;
  }

  function saveScorecard(event) {
    event.preventDefault();
    clearScorecardErrors();
    var id = el('scorecard-id').value.trim();
    var body = { name: el('scorecard-name').value, form: el('scorecard-form-kind').value, criteria: readCriteria() };
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(id)) {
      setError('scorecard-id', 'scorecard-id-error', 'Scorecard id must be 1 to 40 lower-case letters, digits or -');
      el('scorecard-id').focus();
      return;
    }
    var button = el('scorecard-save');
    button.disabled = true;
    T.api('PUT', '/api/scoring/scorecards/' + encodeURIComponent(id), body).then(function (reply) {
      button.disabled = false;
      if (reply.status === 200) {
        message('Scorecard "' + reply.body.name + '" saved (version ' + reply.body.version + ').', 'success');
        closeScorecard();
        loadScoring().then(function () { return loadProjects(0); });
      } else if (reply.status === 400) {
        var first = null;
        (reply.body.errors || []).forEach(function (error) {
          var shown = showScorecardError(error);
          first = first || shown;
        });
        if (first) { el(first).focus(); }
        T.resize();
      } else {
        message(problem(reply, 'The scorecard could not be saved'), 'error');
      }
    }, function (error) {
      button.disabled = false;
      message(error.message, 'error');
    });
  }

  // --- start ---

  el('settings-form').addEventListener('submit', saveSettings);
  el('settings-form').addEventListener('input', clearSavedBanner);
  el('story-points-use-detected').addEventListener('click', function () {
    el('story-points-field').value = '';
    el('story-points-field').focus();
    checkPointsField();
  });
  el('story-points-field').addEventListener('change', checkPointsField);
  el('project-models-more').addEventListener('click', function () { loadProjects(state.projectOffset); });
  el('scorecard-new').addEventListener('click', function () { openScorecard(null); });
  el('scorecard-cancel').addEventListener('click', closeScorecard);
  el('criterion-add').addEventListener('click', function () {
    criterionRow({ kind: 'BENEFIT', weight: 1, min: 0, max: 10 });
    el('criterion-' + (el('criteria-rows').children.length - 1) + '-key').focus();
  });
  el('scorecard-form').addEventListener('submit', saveScorecard);
  el('scorecard-form').addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { closeScorecard(); }
  });

  // One line for site admins: when the read model last checked itself against Jira, what
  // it repaired, when it checks next (others get 403 and see nothing).
  function loadReconciliation() {
    T.api('GET', '/api/readmodel/reconciliation').then(function (reply) {
      if (reply.status !== 200) { return; }
      var r = reply.body;
      var when = function (iso) { return new Date(iso).toLocaleString(); };
      var last = r.lastRun
        ? 'last run ' + when(r.lastRun) + ' (' + r.projects + ' projects: ' + r.refreshed + ' issues refreshed, '
          + r.removed + ' removed' + (r.recounted && r.recounted.length ? ', recounted ' + r.recounted.join(', ') : '')
          + ')'
        : 'not run yet';
      T.text(el('reconciliation-status'), 'Read model reconciliation with Jira: ' + last + '; next run '
        + when(r.nextRun) + (r.waiting ? ' (waiting: ' + r.waiting + ')' : '')
        + (r.lastFailure ? '. Last failure: ' + r.lastFailure : '') + '.');
      el('reconciliation-status').hidden = false;
    }, function () { /* the line is optional: the settings work without it */ });
  }

  T.api('GET', '/api/settings').then(function (reply) {
    if (reply.status !== 200) {
      el('settings-loading').hidden = true;
      message(problem(reply, 'The settings could not be read'), 'error');
      return;
    }
    showSettings(reply.body);
    loadReconciliation();
    return loadScoring().then(function () { return loadProjects(0); });
  }, function (error) {
    el('settings-loading').hidden = true;
    message(error.message, 'error');
  });
})(window.Throughline);
