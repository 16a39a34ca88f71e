/*
 * The Plan page's scenario comparison: each scenario of the plan against the baseline (value per quarter, what moves
 * in, out, earlier or later and why, which odds change), and the editor that creates, changes and deletes scenarios
 * (a team's capacity, add or drop a candidate, move a commitment, the discount). Changes go to handlers.change,
 * which previews them; the page's Save stores them.
 */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var make = T.make;
  var current = { state: null, handlers: null, editing: null };
  var DIRECTION = { IN: 'moves in', OUT: 'moves out', EARLIER: 'moves earlier', LATER: 'moves later' };

  function view() { return T.PlanView; }

  function describe(change) {
    switch (change.type) {
      case 'capacity': return 'Capacity of ' + change.team + ' in ' + change.period + ': ' + change.capacity;
      case 'add': return 'Add ' + change.key + (change.summary ? ' (' + change.summary + ')' : '') + ' to ' + change.team
        + ', value ' + change.value + ', effort ' + change.effort;
      case 'drop': return 'Drop ' + change.key;
      case 'commit': return change.period ? 'Commit ' + change.key + ' by ' + change.period
        : 'Remove the commitment of ' + change.key;
      default: return 'Discount ' + Math.round(change.discount * 100) + ' % per quarter';
    }
  }

  function moveText(move) {
    var text = move.key + ' ' + DIRECTION[move.direction];
    if (move.from || move.to) { text += ' (' + (move.from || 'not planned') + ' → ' + (move.to || 'not planned') + ')'; }
    return text + (move.why ? ': ' + move.why : '');
  }

  function valueTable(answer, row) {
    var table = make('table', 'scenario-values');
    var head = make('tr');
    ['Quarter', 'Baseline value', 'Scenario value'].forEach(function (label) { head.appendChild(make('th', 'num', label)); });
    table.appendChild(head);
    answer.periods.forEach(function (period, p) {
      var tr = make('tr');
      tr.appendChild(make('td', 'num', period));
      tr.appendChild(make('td', 'num', view().number(answer.valuePerPeriod[p])));
      tr.appendChild(make('td', 'num', view().number(row.valuePerPeriod[p])));
      table.appendChild(tr);
    });
    return table;
  }

  function list(title, entries, empty) {
    var box = make('div');
    box.appendChild(make('h5', null, title));
    var ul = make('ul', 'scenario-list');
    entries.forEach(function (text) { ul.appendChild(make('li', null, text)); });
    if (!entries.length) { ul.appendChild(make('li', 'subtle', empty)); }
    box.appendChild(ul);
    return box;
  }

  function comparison(answer, row, index, definition) {
    var article = make('article', 'scenario');
    article.setAttribute('aria-labelledby', 'scenario-' + index + '-title');
    var title = make('h4', null, row.name);
    title.id = 'scenario-' + index + '-title';
    article.appendChild(title);
    article.appendChild(make('p', 'scenario-value', 'Value ' + view().number(row.value) + ' against the baseline\'s '
      + view().number(answer.value) + ' (' + view().signed(row.value - answer.value) + ')'));
    if (definition) {
      article.appendChild(make('p', 'subtle', 'Changes: ' + definition.changes.map(describe).join('; ')));
    }
    article.appendChild(valueTable(answer, row));
    article.appendChild(list('What moves', row.moves.map(moveText), 'Nothing moves.'));
    article.appendChild(list('Odds that change by 5 points or more', row.oddsChanges.map(function (c) {
      return c.key + ': ' + view().percent(c.baseline) + ' → ' + view().percent(c.scenario);
    }), 'No odds change.'));
    (row.commitmentProblems || []).forEach(function (p) { article.appendChild(make('p', 'message warning', p.message)); });
    if (current.state.canPlan && definition) {
      var actions = make('div', 'actions');
      var edit = make('button', 'secondary', 'Edit');
      edit.type = 'button';
      edit.setAttribute('aria-label', 'Edit scenario ' + row.name);
      edit.addEventListener('click', function () { openEditor(index); });
      var remove = make('button', 'secondary danger', 'Delete');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Delete scenario ' + row.name);
      remove.addEventListener('click', function () {
        current.handlers.change(current.state.draft.scenarios.filter(function (s, i) { return i !== index; }));
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
      article.appendChild(actions);
    }
    return article;
  }

  function fill(select, values) {
    select.textContent = '';
    values.forEach(function (v) {
      var option = make('option', null, v.label);
      option.value = v.value;
      select.appendChild(option);
    });
  }

  function showFields() {
    var type = el('sc-type').value;
    document.querySelectorAll('#scenario-form [data-for]').forEach(function (node) {
      node.hidden = node.getAttribute('data-for').split(' ').indexOf(type) < 0;
    });
    T.resize();
  }

  function renderChanges() {
    var ul = el('sc-changes');
    ul.textContent = '';
    current.editing.changes.forEach(function (change, i) {
      var li = make('li', null, describe(change) + ' ');
      var remove = make('button', 'secondary', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove the change: ' + describe(change));
      remove.addEventListener('click', function () { current.editing.changes.splice(i, 1); renderChanges(); });
      li.appendChild(remove);
      ul.appendChild(li);
    });
    if (!current.editing.changes.length) { ul.appendChild(make('li', 'subtle', 'No changes yet.')); }
    T.resize();
  }

  function openEditor(index) {
    var answer = current.state.preview || current.state.answer;
    var scenarios = current.state.draft.scenarios || [];
    var base = index >= 0 ? scenarios[index] : { name: '', changes: [] };
    current.editing = { index: index, changes: JSON.parse(JSON.stringify(base.changes)) };
    el('sc-name').value = base.name;
    fill(el('sc-team'), answer.teams.map(function (t) { return { value: t.id, label: t.name }; }));
    fill(el('sc-period'), [{ value: '', label: 'No commitment' }].concat(answer.periods.map(function (p) {
      return { value: p, label: p };
    })));
    fill(el('sc-item'), answer.items.map(function (i) { return { value: i.key, label: i.key + ' ' + (i.summary || '') }; }));
    T.text(el('sc-error'), '');
    el('scenario-form').hidden = false;
    showFields();
    renderChanges();
    el('sc-name').focus();
  }

  function readChange() {
    var type = el('sc-type').value;
    var num = function (id) { var v = el(id).value.trim(); return v === '' ? NaN : Number(v); };
    if (type === 'capacity') {
      if (!el('sc-period').value || !(num('sc-capacity') >= 0)) { return 'Pick a quarter and a capacity of 0 or more.'; }
      return { type: type, team: el('sc-team').value, period: el('sc-period').value, capacity: num('sc-capacity') };
    }
    if (type === 'add') {
      var key = el('sc-key').value.trim();
      if (!key || !(num('sc-value') >= 0) || !(num('sc-effort') >= 0)) { return 'A new candidate needs a key, a value and an effort.'; }
      return { type: type, key: key, summary: el('sc-summary').value.trim(), team: el('sc-team').value,
        value: num('sc-value'), effort: num('sc-effort') };
    }
    if (type === 'drop') { return { type: type, key: el('sc-item').value }; }
    if (type === 'commit') { return { type: type, key: el('sc-item').value, period: el('sc-period').value || null }; }
    if (!(num('sc-discount') >= 0 && num('sc-discount') < 100)) { return 'The discount is 0 to 99 %.'; }
    return { type: type, discount: num('sc-discount') / 100 };
  }

  el('sc-type').addEventListener('change', showFields);
  el('sc-add-change').addEventListener('click', function () {
    var change = readChange();
    if (typeof change === 'string') { T.text(el('sc-error'), change); return; }
    T.text(el('sc-error'), '');
    current.editing.changes.push(change);
    renderChanges();
  });
  el('scenario-new').addEventListener('click', function () { openEditor(-1); });
  el('sc-cancel').addEventListener('click', function () {
    el('scenario-form').hidden = true;
    el('scenario-new').focus();
    T.resize();
  });
  el('scenario-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = el('sc-name').value.trim();
    if (!name || !current.editing.changes.length) {
      T.text(el('sc-error'), 'A scenario needs a name and at least one change.');
      return;
    }
    var scenarios = (current.state.draft.scenarios || []).slice();
    var scenario = { name: name, changes: current.editing.changes };
    if (current.editing.index >= 0) { scenarios[current.editing.index] = scenario; } else { scenarios.push(scenario); }
    el('scenario-form').hidden = true;
    current.handlers.change(scenarios);
  });

  T.PlanScenarios = {
    render: function (state, handlers) {
      current.state = state;
      current.handlers = handlers;
      var answer = state.preview || state.answer;
      var box = el('scenario-list');
      box.textContent = '';
      var definitions = (state.preview ? state.draft : state.stored).scenarios || [];
      answer.scenarios.forEach(function (row, i) {
        box.appendChild(comparison(answer, row, i, definitions[i]));
      });
      if (!answer.scenarios.length) {
        box.appendChild(make('p', 'subtle', 'This plan has no scenarios: a scenario changes a team\'s capacity, adds or '
          + 'drops a candidate, moves a commitment or the discount, and is compared with the plan here.'));
      }
    }
  };
})(window.Throughline);
