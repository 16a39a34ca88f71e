/*
 * Plan page: pick a program and one of its stored plans, see it solved (timeline, capacity, odds, scenarios), edit it
 * (move an item, override a capacity, change scenarios) with a preview solved before saving, save (409 keeps the
 * edit), commit to Jira, export CSV. Rendering lives in plan-view.js and plan-scenarios.js.
 */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var root = el('plan');
  // stored: the plan as saved; draft: the page's edit of it; answer: the saved plan solved; preview: the draft solved
  var state = { programs: [], programId: null, plans: [], planId: null, stored: null, draft: null, answer: null,
    preview: null, canPlan: false, solves: 0, moved: null };

  function message(text, kind) {
    T.message(el('plan-message'), text, kind);
    if (!text) { el('stale-actions').hidden = true; }
  }

  function errorText(reply) {
    var body = reply.body || {};
    if (body.errors && body.errors.length) {
      return body.errors.map(function (e) { return e.message; }).join(' ');
    }
    return body.message || body.error || ('Jira or Throughline answered ' + reply.status + '.');
  }

  function busy(on, text) {
    root.setAttribute('aria-busy', on ? 'true' : 'false');
    el('loading').hidden = !on;
    if (text) { T.text(el('loading'), text); }
    el('export-csv').disabled = on || !state.planId;
    el('commit-toggle').disabled = on || !state.planId;
  }

  function planBase() {
    return '/api/programs/' + encodeURIComponent(state.programId) + '/plans';
  }

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  function dirty() { return state.draft && JSON.stringify(state.draft) !== JSON.stringify(state.stored); }

  /* ---------- programs and plans ---------- */

  function rememberKey(kind) {
    return 'throughline.' + kind + '.last.' + (new URLSearchParams(window.location.search).get('xdm_e') || 'here');
  }

  function remembered(kind) {
    try { return window.localStorage.getItem(rememberKey(kind)); } catch (e) { return null; }
  }

  function remember(kind, id) {
    try { window.localStorage.setItem(rememberKey(kind), id); } catch (e) { /* storage off: open the first */ }
  }

  function fillPicker(picker, entries, label) {
    while (picker.options.length > 1) { picker.remove(1); }
    entries.forEach(function (entry) {
      var option = T.make('option', null, label(entry));
      option.value = entry.id;
      picker.appendChild(option);
    });
    picker.disabled = entries.length === 0;
  }

  function loadPrograms() {
    busy(true, 'Loading programs…');
    Promise.all([T.api('GET', '/api/programs'), T.api('GET', '/api/permissions/planning')]).then(function (replies) {
      var failed = replies.filter(function (r) { return r.status !== 200; })[0];
      if (failed) { busy(false); message(errorText(failed), 'error'); return; }
      state.canPlan = replies[1].body.canPlan === true;
      document.querySelectorAll('.planner-only').forEach(function (node) { node.hidden = !state.canPlan; });
      el('planning-reason').hidden = state.canPlan;
      T.text(el('planning-reason'), state.canPlan ? '' : replies[1].body.reason);
      state.programs = replies[0].body.programs || [];
      fillPicker(el('program-picker'), state.programs, function (p) { return p.name; });
      var last = remembered('program');
      var pick = state.programs.some(function (p) { return p.id === last; }) ? last
        : state.programs.length ? state.programs[0].id : null;
      if (!pick) {
        busy(false);
        el('empty').hidden = false;
        T.text(el('empty-text'), 'There is no program yet: create one on the program report first.');
        return;
      }
      el('program-picker').value = pick;
      loadPlans(pick, null);
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  function loadPlans(programId, select) {
    state.programId = programId;
    remember('program', programId);
    if (state.canPlan) { loadBoards(); }
    busy(true, 'Loading plans…');
    T.api('GET', planBase()).then(function (reply) {
      if (reply.status !== 200) { busy(false); message(errorText(reply), 'error'); return; }
      state.plans = reply.body || [];
      fillPicker(el('plan-picker'), state.plans, function (p) { return p.name; });
      var last = select || remembered('plan');
      var pick = state.plans.some(function (p) { return p.id === last; }) ? last
        : state.plans.length ? state.plans[0].id : null;
      el('empty').hidden = !!pick;
      T.text(el('empty-text'), state.canPlan ? 'This program has no stored plan: create one with New plan.'
        : 'This program has no stored plan yet.');
      if (!pick) { state.planId = null; el('plan-view').hidden = true; busy(false); T.resize(); return; }
      el('plan-picker').value = pick;
      loadPlan(pick);
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  /** The board picker's choices for the program (planners only: only they create or change a plan). */
  function loadBoards() {
    var programId = state.programId;
    T.api('GET', planBase() + '/boards').then(function (reply) {
      if (programId !== state.programId) { return; }
      if (reply.status !== 200) { T.text(el('pl-error-boards'), errorText(reply)); return; }
      ['pl-boards', 'ed-boards'].forEach(function (id) { T.PlanBoards.render(el(id), reply.body.boards); });
      T.PlanBoards.options(el('pl-sprint-board'), reply.body.boards);
      if (state.draft) { T.PlanBoards.check(el('ed-boards'), state.draft.boards); }
    }, function (error) { T.text(el('pl-error-boards'), error.message); });
  }

  function loadPlan(planId) {
    state.planId = planId;
    remember('plan', planId);
    message('');
    busy(true, 'Solving the plan…');
    T.api('GET', planBase() + '/' + encodeURIComponent(planId)).then(function (reply) {
      if (reply.status !== 200) { busy(false); message(errorText(reply), 'error'); return; }
      state.stored = reply.body;
      state.draft = copy(reply.body);
      state.preview = null;
      state.moved = null;
      solve(false);
      loadHistory();
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  /**
   * Solves the saved plan (preview false) or the draft (preview true). A newer solve wins; a 503 while the program's
   * rollup is being read asks again after the time the server names.
   */
  function solve(preview) {
    state.solves += 1;
    var solveNumber = state.solves;
    busy(true, preview ? 'Solving the edited plan (nothing is saved)…' : 'Solving the plan…');
    var path = planBase() + '/' + encodeURIComponent(state.planId) + (preview ? '/preview' : '/solve');
    T.api('POST', path, preview ? state.draft : {}).then(function (reply) {
      if (solveNumber !== state.solves) { return; }
      if (reply.status === 503 && reply.body && reply.body.computing) {
        T.text(el('loading'), reply.body.message);
        setTimeout(function () { if (solveNumber === state.solves) { solve(preview); } },
          Math.max(1, reply.body.retryAfter) * 1000);
        return;
      }
      busy(false);
      if (reply.status !== 200) { message(errorText(reply), 'error'); return; }
      if (preview) { state.preview = reply.body; } else { state.answer = reply.body; state.preview = null; }
      render();
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  function render() {
    el('plan-view').hidden = false;
    el('empty').hidden = true;
    T.PlanView.render(state, { move: move });
    T.PlanScenarios.render(state, { change: changeScenarios });
    T.PlanBoards.check(el('ed-boards'), state.draft.boards);
    renderPreviewBar();
    T.resize();
  }

  function renderPreviewBar() {
    var editing = dirty();
    el('preview-bar').hidden = !editing;
    if (!editing) { return; }
    var shown = state.preview || state.answer;
    var text = state.preview ? 'Preview, not saved: plan value ' + T.PlanView.number(state.preview.value) + ' (saved plan: '
      + T.PlanView.number(state.answer.value) + ', ' + T.PlanView.signed(state.preview.value - state.answer.value) + ').'
      : 'Your edit is not solved yet.';
    if (state.moved && state.preview) {
      var item = shown.items.filter(function (i) { return i.key === state.moved; })[0];
      var before = state.answer.items.filter(function (i) { return i.key === state.moved; })[0];
      if (item && before) {
        text += ' ' + item.key + ': ' + T.PlanView.where(item) + ' (was ' + T.PlanView.where(before) + ').';
      }
    }
    T.text(el('preview-text'), text + (state.canPlan ? ' Save to keep it.' : ' Only planners can save it.'));
  }

  /* ---------- edits ---------- */

  /** Commits `key` to finish by `period` (a label) or, with no period, leaves it out of this horizon. */
  function move(key, period) {
    if (!state.draft) { return; }
    var commitments = state.draft.commitments || {};
    var exclusions = (state.draft.exclusions || []).filter(function (k) { return k !== key; });
    delete commitments[key];
    if (period) { commitments[key] = period; } else { exclusions.push(key); }
    state.draft.commitments = commitments;
    state.draft.exclusions = exclusions;
    state.moved = key;
    T.PlanView.focusAfterRender(key);
    solve(true);
  }

  /** Capacity override of a team in a quarter; null clears it (the measured capacity again). */
  function setCapacity(team, period, value) {
    var capacity = state.draft.capacity || {};
    var byQuarter = capacity[team] || {};
    if (value === null) { delete byQuarter[period]; } else { byQuarter[period] = value; }
    if (Object.keys(byQuarter).length) { capacity[team] = byQuarter; } else { delete capacity[team]; }
    state.draft.capacity = capacity;
    state.moved = null;
    solve(true);
  }

  function changeScenarios(scenarios) {
    state.draft.scenarios = scenarios;
    solve(true);
  }

  function save() {
    var body = copy(state.draft);
    body.version = state.stored.version;
    busy(true, 'Saving the plan…');
    T.api('PUT', planBase() + '/' + encodeURIComponent(state.planId), body).then(function (reply) {
      busy(false);
      if (reply.status === 409) {
        state.conflict = reply.body && reply.body.current;
        message('Someone saved this plan meanwhile (now version ' + (state.conflict ? state.conflict.version : '?')
          + '). Your edit is kept here, unsaved; reload the saved plan to see theirs.', 'warning');
        el('stale-actions').hidden = false;
        T.resize();
        return;
      }
      if (reply.status !== 200) {
        T.PlanBoards.showError(el('ed-error-boards'), reply);
        message(errorText(reply), 'error');
        return;
      }
      T.text(el('ed-error-boards'), '');
      state.stored = reply.body;
      state.draft = copy(reply.body);
      if (state.preview) { state.answer = state.preview; }
      state.preview = null;
      state.moved = null;
      message('Saved (version ' + reply.body.version + ').', 'success');
      render();
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  function discard() {
    state.draft = copy(state.stored);
    state.preview = null;
    state.moved = null;
    message('');
    render();
  }

  /* ---------- create, commit, export ---------- */

  function toggle(button, panel, open) {
    el(panel).hidden = !open;
    el(button).setAttribute('aria-expanded', open ? 'true' : 'false');
    T.resize();
  }

  /**
   * The New plan form's fields, each with the rule the API enforces, said in the field's own words (the server's 400
   * names the plan as a whole, so the page checks each field first and shows its rule under it).
   */
  var PLAN_FIELDS = [
    { id: 'pl-name', error: 'pl-error-name', ok: function (text) { return text.trim() !== ''; },
      rule: 'Name: a plan needs a name.' },
    { id: 'pl-quarters', error: 'pl-error-quarters', when: 'quarters',
      ok: function (text) { return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 8; },
      rule: 'Horizon: a whole number of quarters from 1 to 8.' },
    { id: 'pl-sprint-board', error: 'pl-error-sprints', when: 'sprints',
      ok: function (text) { return text !== ''; },
      rule: 'Sprints: choose the board whose sprints the plan covers.' },
    { id: 'pl-sprint-count', error: 'pl-error-sprints', when: 'sprints',
      ok: function (text) { return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 26; },
      rule: 'Sprints: a whole number of sprints from 1 to 26.' },
    { id: 'pl-discount', error: 'pl-error-discount',
      ok: function (text) { return text !== '' && Number(text) >= 0 && Number(text) < 100; },
      rule: 'Discount per quarter: a percentage from 0 to below 100.' },
    { id: 'pl-threshold', error: 'pl-error-threshold',
      ok: function (text) { return text !== '' && Number(text) >= 0 && Number(text) <= 100; },
      rule: 'Confidence threshold: a percentage from 0 to 100.' }
  ];

  /** Shows each field's rule under it when its value breaks it; true when every field is valid. */
  function planFormValid() {
    var first = null;
    var kind = el('pl-horizon-kind').value;
    ['pl-error-quarters', 'pl-error-sprints'].forEach(function (id) { T.text(el(id), ''); });
    PLAN_FIELDS.forEach(function (field) {
      // a number field holding no number reads as ''; a field of the other horizon kind is not sent
      var valid = (field.when && field.when !== kind) || field.ok(el(field.id).value);
      if (!valid || !field.when) { T.text(el(field.error), valid ? '' : field.rule); }
      el(field.id).setAttribute('aria-invalid', valid ? 'false' : 'true');
      first = first || (valid ? null : el(field.id));
    });
    if (first) { first.focus(); }
    return !first;
  }

  function createPlan(event) {
    event.preventDefault();
    T.text(el('pl-error-plan'), '');
    T.text(el('pl-error-boards'), '');
    if (!planFormValid()) { return; }
    var sprints = el('pl-horizon-kind').value === 'sprints';
    var body = { name: el('pl-name').value.trim(), quarters: sprints ? 4 : Number(el('pl-quarters').value),
      discount: Number(el('pl-discount').value) / 100, confidenceThreshold: Number(el('pl-threshold').value) / 100,
      boards: T.PlanBoards.chosen(el('pl-boards')) };
    if (sprints) {
      body.sprints = { board: Number(el('pl-sprint-board').value), count: Number(el('pl-sprint-count').value) };
    }
    T.api('POST', planBase(), body).then(function (reply) {
      if (reply.status !== 201) {
        if (!T.PlanBoards.showError(el('pl-error-boards'), reply)
            && !T.PlanBoards.showError(el('pl-error-sprints'), reply, 'sprints', 'Sprints: ')) {
          T.text(el('pl-error-plan'), errorText(reply));
        }
        return;
      }
      toggle('new-plan-toggle', 'new-plan', false);
      el('pl-name').value = '';
      T.PlanBoards.check(el('pl-boards'), []);
      loadPlans(state.programId, reply.body.id);
    }, function (error) { T.text(el('pl-error-plan'), error.message); });
  }

  /** The saved plan's commits with committed vs delivered per ended quarter (any reader). */
  function loadHistory() {
    var planId = state.planId;
    T.api('GET', planBase() + '/' + encodeURIComponent(planId) + '/history').then(function (reply) {
      if (planId !== state.planId) { return; }
      if (reply.status !== 200) { message(errorText(reply), 'error'); return; }
      T.PlanView.renderHistory(reply.body);
      T.resize();
    }, function (error) { message(error.message, 'error'); });
  }

  /** Commits the saved plan (a snapshot kept for the history), then writes it back to Jira. */
  function commit() {
    toggle('commit-toggle', 'commit-confirm', false);
    if (dirty()) { message('Save or discard your edit first: the saved plan is what is committed.', 'warning'); return; }
    busy(true, 'Committing the plan…');
    var base = planBase() + '/' + encodeURIComponent(state.planId);
    T.api('POST', base + '/commit', {}).then(function (committed) {
      if (committed.status !== 200) { busy(false); message(errorText(committed), 'error'); return; }
      loadHistory();
      busy(true, 'Writing the plan to Jira…');
      return T.api('POST', base + '/write-back', {}).then(function (reply) {
        busy(false);
        if (reply.status !== 200) { message('Committed, but not written back to Jira: ' + errorText(reply), 'error'); return; }
        var counts = {};
        reply.body.issues.forEach(function (i) { counts[i.outcome] = (counts[i.outcome] || 0) + 1; });
        message('Committed ' + committed.body.items.length + ' items. Written back to Jira: ' + (counts.WRITTEN || 0)
          + (state.draft.sprints ? ' epics got their planned sprint, its quarter and odds' : ' epics got their planned quarter and odds')
          + (counts.NOT_EDITABLE ? '; ' + counts.NOT_EDITABLE + ' you may not edit were left alone' : '')
          + (counts.NOT_FOUND ? '; ' + counts.NOT_FOUND + ' no longer exist' : '') + '.', 'success');
        el('commit-toggle').focus();
      });
    }).catch(function (error) { busy(false); message(error.message, 'error'); });
  }

  function exportCsv() {
    var plan = state.plans.filter(function (p) { return p.id === state.planId; })[0];
    T.download(planBase() + '/' + encodeURIComponent(state.planId) + '/plan.csv',
      (plan ? plan.name : 'plan').replace(/[^A-Za-z0-9._-]+/g, '-') + '.csv')
      .catch(function (error) { message(error.message, 'error'); });
  }

  /* ---------- tabs ---------- */

  var TABS = ['timeline', 'scenarios', 'capacity'];

  function selectTab(name, focus) {
    TABS.forEach(function (tab) {
      var on = tab === name;
      el('tab-' + tab).setAttribute('aria-selected', on ? 'true' : 'false');
      el('tab-' + tab).tabIndex = on ? 0 : -1;
      el('panel-' + tab).hidden = !on;
    });
    if (focus) { el('tab-' + name).focus(); }
    if (name === 'timeline') { T.PlanView.drawLines(); }
    T.resize();
  }

  TABS.forEach(function (tab, index) {
    el('tab-' + tab).addEventListener('click', function () { selectTab(tab, false); });
    el('tab-' + tab).addEventListener('keydown', function (event) {
      var step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) { event.preventDefault(); selectTab(TABS[(index + step + TABS.length) % TABS.length], true); }
    });
  });

  el('program-picker').addEventListener('change', function (e) { if (e.target.value) { loadPlans(e.target.value, null); } });
  el('plan-picker').addEventListener('change', function (e) { if (e.target.value) { loadPlan(e.target.value); } });
  el('open-report').addEventListener('click', function () { T.openPage('programs'); });
  el('export-csv').addEventListener('click', exportCsv);
  el('new-plan-toggle').addEventListener('click', function () {
    toggle('new-plan-toggle', 'new-plan', el('new-plan').hidden);
    if (!el('new-plan').hidden) { el('pl-name').focus(); }
  });
  el('pl-cancel').addEventListener('click', function () { toggle('new-plan-toggle', 'new-plan', false); });
  el('new-plan').addEventListener('submit', createPlan);
  // the New plan form shows the fields of the horizon kind chosen: quarters, or a board and how many of its sprints
  el('pl-horizon-kind').addEventListener('change', function () {
    var sprints = el('pl-horizon-kind').value === 'sprints';
    el('pl-quarters-field').hidden = sprints;
    el('pl-sprint-board-field').hidden = !sprints;
    el('pl-sprint-count-field').hidden = !sprints;
    T.resize();
  });
  el('commit-toggle').addEventListener('click', function () {
    toggle('commit-toggle', 'commit-confirm', el('commit-confirm').hidden);
    if (!el('commit-confirm').hidden) { el('commit-confirm-button').focus(); }
  });
  el('commit-cancel').addEventListener('click', function () { toggle('commit-toggle', 'commit-confirm', false); });
  el('commit-confirm-button').addEventListener('click', commit);
  el('save-plan').addEventListener('click', save);
  el('discard-edit').addEventListener('click', discard);
  el('reload-plan').addEventListener('click', function () { loadPlan(state.planId); });
  el('ed-boards').addEventListener('change', function () {
    T.text(el('ed-error-boards'), '');
    state.draft.boards = T.PlanBoards.chosen(el('ed-boards'));
    solve(true);
  });
  el('capacity-table').addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[data-team]')) { return; }
    var value = input.value.trim() === '' ? null : Number(input.value);
    if (value !== null && !(value >= 0)) { input.setAttribute('aria-invalid', 'true'); return; }
    input.setAttribute('aria-invalid', 'false');
    // sent: the next render may show the solved capacity in this field again
    input.setAttribute('data-shown', input.value);
    setCapacity(input.getAttribute('data-team'), input.getAttribute('data-period'), value);
  });
  window.addEventListener('resize', function () { T.PlanView.drawLines(); });

  loadPrograms();
})(window.Throughline);
