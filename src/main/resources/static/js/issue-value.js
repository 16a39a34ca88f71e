/* The issue panel: model picker, inputs with their rules, live score and breakdown, rank, history, save. */
(function (T) {
  'use strict';

  var root = document.getElementById('value-panel');
  var issueKey = root.getAttribute('data-issue-key');
  var valuePath = '/api/issues/' + encodeURIComponent(issueKey) + '/value';
  var el = function (id) { return document.getElementById(id); };
  var state = { models: [], view: null, previewTimer: null };

  function modelById(id) {
    return state.models.filter(function (m) { return m.id === id; })[0];
  }

  function showMessage(text, kind) {
    T.message(el('panel-message'), text, kind);
  }

  /** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 92nd. */
  function ordinal(n) {
    var tens = n % 100;
    var suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
    return n + suffix;
  }

  function clearFieldErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (e) { T.text(e, ''); });
    Array.prototype.forEach.call(document.querySelectorAll('#inputs .hint'), function (h) { h.hidden = false; });
    Array.prototype.forEach.call(document.querySelectorAll('input[aria-invalid]'), function (i) { i.removeAttribute('aria-invalid'); });
  }

  /** Puts each {field, message} next to its input ("inputs.effort" → the effort input); returns the rest. */
  function showFieldErrors(errors) {
    var unplaced = [];
    (errors || []).forEach(function (error) {
      var key = error.field.indexOf('inputs.') === 0 ? error.field.substring(7) : error.field;
      var target = el('error-' + key);
      if (target) {
        T.text(target, error.message);
        // the error restates the rule the hint gives: show it once, in its place
        var hint = el('hint-' + key);
        if (hint) { hint.hidden = true; }
        var input = el('input-' + key);
        if (input) { input.setAttribute('aria-invalid', 'true'); }
      } else {
        unplaced.push(error.message);
      }
    });
    return unplaced;
  }

  function renderModelPicker(selected) {
    var select = el('model');
    select.textContent = '';
    state.models.forEach(function (model) {
      var option = document.createElement('option');
      option.value = model.id;
      T.text(option, model.name + (model.custom ? ' (scorecard)' : ''));
      option.selected = model.id === selected;
      select.appendChild(option);
    });
  }

  function renderInputs(model, values, editable) {
    var box = el('inputs');
    box.textContent = '';
    model.inputs.forEach(function (spec) {
      var id = 'input-' + spec.key;
      var label = T.text(document.createElement('label'), spec.label + (spec.unit ? ' (' + spec.unit + ')' : ''));
      label.htmlFor = id;
      box.appendChild(label);
      var control;
      if (spec.allowed && spec.allowed.length) {
        control = document.createElement('select');
        var blank = T.text(document.createElement('option'), 'Choose…');
        blank.value = '';
        control.appendChild(blank);
        spec.allowed.forEach(function (v) {
          var option = T.text(document.createElement('option'), v);
          option.value = v;
          control.appendChild(option);
        });
      } else {
        control = document.createElement('input');
        control.type = 'number';
        control.inputMode = 'decimal';
        control.step = spec.wholeNumber ? '1' : 'any';
        if (spec.min !== null && spec.min !== undefined) { control.min = spec.min; }
        if (spec.max !== null && spec.max !== undefined) { control.max = spec.max; }
        if (spec.suggested && spec.suggested.length) {
          var list = document.createElement('datalist');
          list.id = id + '-suggestions';
          spec.suggested.forEach(function (v) { var o = document.createElement('option'); o.value = v; list.appendChild(o); });
          box.appendChild(list);
          control.setAttribute('list', list.id);
        }
      }
      control.id = id;
      control.name = spec.key;
      control.disabled = !editable;
      control.setAttribute('aria-describedby', 'hint-' + spec.key + ' error-' + spec.key);
      if (values && values[spec.key] !== undefined) { control.value = String(values[spec.key]); }
      control.addEventListener('input', schedulePreview);
      control.addEventListener('change', schedulePreview);
      box.appendChild(control);
      var hint = T.text(document.createElement('div'), spec.label + ' ' + spec.rule);
      hint.className = 'hint';
      hint.id = 'hint-' + spec.key;
      box.appendChild(hint);
      var error = document.createElement('div');
      error.className = 'field-error';
      error.id = 'error-' + spec.key;
      error.setAttribute('role', 'alert');
      box.appendChild(error);
    });
    T.resize();
  }

  function currentInputs() {
    var model = modelById(el('model').value);
    var inputs = {};
    model.inputs.forEach(function (spec) {
      var raw = el('input-' + spec.key).value;
      if (raw !== '') { inputs[spec.key] = Number(raw); }
    });
    return inputs;
  }

  function renderScore(score, breakdown, quadrant) {
    T.text(el('score-value'), score === null || score === undefined ? '–' : score);
    T.text(el('breakdown'), breakdown ? breakdown.formula : 'Pick a model and fill in its inputs to see the score.');
    var q = el('score-quadrant');
    q.hidden = !quadrant;
    if (quadrant) { T.text(q, quadrant.label); }
  }

  function schedulePreview() {
    clearTimeout(state.previewTimer);
    state.previewTimer = setTimeout(preview, 250);
  }

  function preview() {
    clearFieldErrors();
    var model = el('model').value;
    T.api('POST', '/api/scoring/evaluate', { model: model, inputs: currentInputs() }).then(function (reply) {
      if (reply.status === 200 && reply.body.valid) {
        renderScore(reply.body.score, reply.body.breakdown, reply.body.quadrant);
      } else if (reply.status === 200) {
        // a draft: say nothing about inputs not filled in yet, only about wrong ones
        showFieldErrors((reply.body.errors || []).filter(function (e) { return !/is required$/.test(e.message); }));
        T.text(el('score-value'), '–');
      } else {
        failure(reply);
      }
      T.resize();
    });
  }

  // a model by its name ("Value / Effort", a scorecard's name); the id only for one no longer defined
  function modelLabel(id) {
    var model = modelById(id);
    return model ? model.name : id;
  }

  function renderRank(view) {
    var line = el('rank-line');
    if (view.rank) {
      // the model by its name ("Value / Effort", a scorecard's name), not the raw id rankedAmong carries
      var among = 'issues in ' + view.projectKey + ' scored with ' + (view.modelName || view.value.model);
      T.text(line, 'Rank ' + view.rank + ' of ' + view.rankOf + ' ' + among + ' · ' + ordinal(view.percentile) + ' percentile'
        + (view.unreadableLeftOut ? ' (' + view.unreadableLeftOut + ' with an unreadable stored value left out)' : ''));
    } else {
      T.text(line, view.value ? '' : 'Not scored yet' + (view.defaultModel ? ' · this project scores with ' + modelLabel(view.defaultModel) : ''));
    }
  }

  function renderHistory(value) {
    var body = el('history');
    body.textContent = '';
    var entries = value ? value.history : [];
    el('history-section').hidden = entries.length === 0;
    entries.forEach(function (entry) {
      var row = document.createElement('tr');
      var change = (entry.previousScore === null ? '' : entry.previousScore + ' → ') + entry.score;
      [new Date(entry.at).toLocaleString(), entry.by, modelLabel(entry.model) + ' v' + entry.modelVersion, change].forEach(function (text) {
        row.appendChild(T.text(document.createElement('td'), text));
      });
      row.children[1].setAttribute('data-account', entry.by);
      body.appendChild(row);
    });
    renderWho(body, entries);
  }

  // the Who column by display name: one call for all the history's people (the server
  // caches them); until it answers, or where a name cannot be read, the accountId stays
  function renderWho(body, entries) {
    var ids = [];
    entries.forEach(function (entry) {
      if (entry.by && ids.indexOf(entry.by) < 0) { ids.push(entry.by); }
    });
    if (ids.length === 0) { return; }
    var query = ids.slice(0, 50).map(function (id) { return 'accountId=' + encodeURIComponent(id); }).join('&');
    T.api('GET', '/api/people/names?' + query).then(function (reply) {
      if (reply.status !== 200 || !reply.body.names) { return; }
      body.querySelectorAll('td[data-account]').forEach(function (cell) {
        var name = reply.body.names[cell.getAttribute('data-account')];
        if (name) { T.text(cell, name); }
      });
    });
  }

  function render(view) {
    state.view = view;
    var value = view.value;
    var modelId = value ? value.model : (view.defaultModel || (state.models[0] && state.models[0].id));
    renderModelPicker(modelId);
    renderInputs(modelById(modelId) || state.models[0], value ? value.inputs : null, view.editable);
    renderScore(value ? value.score : null, view.breakdown, view.quadrant);
    T.text(el('score-model'), value ? (view.modelName || value.model) : 'Not scored');
    el('needs-rescore').hidden = !view.needsRescore;
    // a stored value another tool or an older version wrote: shown as unscored, saving scores it afresh
    el('unreadable-note').hidden = !view.unreadable;
    T.text(el('unreadable-note'), view.unreadableNote || '');
    renderRank(view);
    renderHistory(value);
    el('model').disabled = !view.editable;
    el('save').hidden = !view.editable;
    el('reset').hidden = !view.editable;
    el('read-only-note').hidden = view.editable;
    el('score-section').hidden = false;
    el('score-form').hidden = false;
    el('loading').hidden = true;
    root.setAttribute('aria-busy', 'false');
    T.resize();
  }

  function failure(reply) {
    var text = reply.body && reply.body.message ? reply.body.message : 'Something went wrong (HTTP ' + reply.status + ').';
    showMessage(text, 'error');
    el('loading').hidden = true;
    root.setAttribute('aria-busy', 'false');
  }

  function load() {
    return Promise.all([T.api('GET', '/api/scoring/models'), T.api('GET', valuePath)]).then(function (replies) {
      if (replies[0].status !== 200) { return failure(replies[0]); }
      if (replies[1].status !== 200) { return failure(replies[1]); }
      state.models = replies[0].body.models;
      render(replies[1].body);
    }).catch(function (error) { showMessage(error.message, 'error'); });
  }

  function save(event) {
    event.preventDefault();
    clearFieldErrors();
    showMessage('');
    var version = state.view.value ? state.view.value.version : 0;
    var button = el('save');
    button.disabled = true;
    T.api('PUT', valuePath, { model: el('model').value, inputs: currentInputs(), version: version }).then(function (reply) {
      button.disabled = false;
      if (reply.status === 200) {
        render(reply.body);
        showMessage('Saved. Score ' + reply.body.value.score + '.' + (reply.body.note ? ' ' + reply.body.note : ''), 'success');
        T.flag('Score saved', issueKey + ' now scores ' + reply.body.value.score + '.', 'success');
      } else if (reply.status === 400) {
        var rest = showFieldErrors(reply.body.errors);
        showMessage(rest.length ? rest.join(' ') : 'Please correct the highlighted inputs.', 'error');
      } else if (reply.status === 409) {
        showMessage(reply.body.message + ' Your inputs are still here; reload to see theirs.', 'error');
      } else {
        failure(reply);
      }
    }).catch(function (error) { button.disabled = false; showMessage(error.message, 'error'); });
  }

  el('model').addEventListener('change', function () {
    renderInputs(modelById(el('model').value), null, state.view.editable);
    schedulePreview();
  });
  el('score-form').addEventListener('submit', save);
  el('reset').addEventListener('click', function () { showMessage(''); render(state.view); });
  load();
})(window.Throughline);
