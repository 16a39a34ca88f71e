/* Program report: pick, create, edit or delete a program, show its rollup (summary, group tables, dependencies, charts, CSV). */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var root = el('programs');
  // canPlan: may this viewer create, edit or delete programs? Until Throughline says so, the page offers none of it.
  var state = { programs: [], current: null, rollup: null, charts: {}, editing: null, canPlan: false, loads: 0, modelNames: {} };
  // epics and themes have forecasts of their own (r.forecasts.epics / .themes, keyed by the group's id)
  var GROUPS = [
    { key: 'projects', title: 'Projects' },
    { key: 'epics', title: 'Epics', forecasts: 'epics', keyed: true },
    { key: 'themes', title: 'Themes', forecasts: 'themes' },
    { key: 'fixVersions', title: 'Fix versions' }
  ];
  var COLUMNS = [
    { key: 'name', label: 'Name', text: true },
    { key: 'items', label: 'Items' },
    { key: 'done', label: 'Done' },
    { key: 'percentComplete', label: '% complete', format: percent },
    { key: 'valueDelivered', label: 'Value delivered', format: percent },
    { key: 'unestimated', label: 'Unestimated' },
    { key: 'unscored', label: 'Unscored' },
    { key: 'overdue', label: 'Overdue' },
    { key: 'anomalies', label: 'Anomalies', value: function (g) { return g.anomalies.length; } }
  ];
  var BASIS = { issue_count: 'issue count', story_points: 'story points', original_estimate: 'original estimate' };

  var make = T.make;

  function percent(value) {
    return value === null || value === undefined ? '—' : (Math.round(Number(value) * 10) / 10) + ' %';
  }

  function message(text, kind) {
    T.message(el('programs-message'), text, kind);
  }

  function errorText(reply) {
    var body = reply.body || {};
    return body.message || body.error || ('Jira or Throughline answered ' + reply.status + '.');
  }

  function busy(on, text) {
    root.setAttribute('aria-busy', on ? 'true' : 'false');
    el('loading').hidden = !on;
    if (text) { T.text(el('loading'), text); }
    el('refresh').disabled = on || !state.current;
    el('export-csv').disabled = on || !state.current;
    el('program-edit').disabled = !state.current;
    el('program-delete').disabled = !state.current;
  }

  /** Shows the controls that change programs to planners, and everyone else the one-line reason why not. */
  function showPlanning(answer) {
    state.canPlan = answer.canPlan === true;
    document.querySelectorAll('.planner-only').forEach(function (node) { node.hidden = !state.canPlan; });
    if (!state.canPlan) { toggleForm(false); toggleDelete(false); }
    el('planning-reason').hidden = state.canPlan;
    T.text(el('planning-reason'), state.canPlan ? '' : answer.reason);
  }

  /* ---------- programs list and picker ---------- */

  function loadPrograms(select) {
    busy(true, 'Loading programs…');
    return Promise.all([T.api('GET', '/api/programs'), T.api('GET', '/api/permissions/planning')]).then(function (replies) {
      var reply = replies.filter(function (r) { return r.status !== 200; })[0] || replies[0];
      if (reply.status !== 200) { busy(false); message(errorText(reply), 'error'); return; }
      showPlanning(replies[1].body);
      state.programs = reply.body.programs || [];
      var picker = el('program-picker');
      while (picker.options.length > 1) { picker.remove(1); }
      state.programs.forEach(function (p) {
        var option = make('option', null, p.name + ' (' + p.projectCount + ' projects)');
        option.value = p.id;
        picker.appendChild(option);
      });
      picker.disabled = state.programs.length === 0;
      el('empty').hidden = state.programs.length > 0;
      var pick = select || lastViewed() || (state.programs.length ? state.programs[0].id : null);
      if (pick) {
        picker.value = pick;
        loadRollup(pick, false);
      } else {
        busy(false);
        T.resize();
      }
    }, function (error) { busy(false); message(error.message, 'error'); });
  }

  /* The program last opened on this Jira site, remembered in this browser, while it still exists. */
  function lastViewedKey() {
    return 'throughline.program.last.' + (new URLSearchParams(window.location.search).get('xdm_e') || 'here');
  }

  function lastViewed() {
    var id = null;
    try { id = window.localStorage.getItem(lastViewedKey()); } catch (e) { id = null; }
    return state.programs.some(function (p) { return p.id === id; }) ? id : null;
  }

  function loadRollup(id, refresh) {
    state.current = id;
    try { window.localStorage.setItem(lastViewedKey(), id); } catch (e) { /* storage off: open the first next time */ }
    message('');
    busy(true, 'Computing the rollup from Jira…');
    state.loads += 1;
    requestRollup(id, refresh, state.loads);
  }

  /**
   * Asks for the rollup; a 503 with `computing` means the server stopped waiting for Jira before its deadline while
   * the reading goes on: show its progress and ask again (without `refresh`, which would start the reading over)
   * after `retryAfter` seconds, until the rollup comes or the user loads another (`load` is then out of date).
   */
  function requestRollup(id, refresh, load) {
    var poll = setInterval(function () { showProgress(id); }, 1000);
    T.api('GET', '/api/programs/' + encodeURIComponent(id) + '/rollup' + (refresh ? '?refresh=true' : ''))
      .then(function (reply) {
        clearInterval(poll);
        if (state.loads !== load) { return; }
        if (reply.status === 503 && reply.body && reply.body.computing) {
          T.text(el('loading'), reply.body.message);
          setTimeout(function () { if (state.loads === load) { requestRollup(id, false, load); } }, Math.max(1, reply.body.retryAfter) * 1000);
          return;
        }
        busy(false);
        if (reply.status !== 200) {
          el('report').hidden = true;
          message(errorText(reply), 'error');
          return;
        }
        state.rollup = reply.body;
        if (reply.body.stale) {
          message(T.staleText(reply.body.stale), 'warning');
        } else if (el('programs-message').classList.contains('warning')) {
          message('', '');
        }
        render(reply.body);
      }, function (error) { clearInterval(poll); busy(false); message(error.message, 'error'); });
  }

  /** "12,400 of ~40,000 issues read" while a large program is computed. */
  function showProgress(id) {
    T.api('GET', '/api/programs/' + encodeURIComponent(id) + '/rollup/progress').then(function (reply) {
      if (reply.status !== 200 || !reply.body.computing || el('loading').hidden) { return; }
      var read = reply.body.read.toLocaleString('en');
      var total = reply.body.approximateTotal;
      T.text(el('loading'), 'Computing the rollup from Jira… ' + read + (total >= 0 ? ' of ~' + total.toLocaleString('en') : '') + ' issues read');
    });
  }

  /* ---------- summary ---------- */

  function render(r) {
    el('report').hidden = false;
    renderSummary(r);
    renderGroups(r);
    renderDependencies(r);
    fillChartScope(r);
    renderCharts(r);
    T.resize();
  }

  /** One term and its value, grouped so that the grid keeps them together in one cell. */
  function fact(list, term, value, wide) {
    var pair = make('div', wide ? 'wide' : null);
    pair.appendChild(make('dt', null, term));
    pair.appendChild(make('dd', null, value));
    list.appendChild(pair);
  }

  function forecastText(f) {
    if (f.status === 'complete') { return f.remainingItems === 0 && f.matchesNothing ? 'no issues to forecast' : 'complete: nothing open'; }
    if (f.status === 'no_throughput') { return 'no throughput: nothing finished in the last weeks, no date'; }
    return f.percentiles.map(function (p) {
      return p.percent + ' %: ' + (p.beyondHorizon ? 'beyond 10 years' : 'week of ' + p.weekStart + ' (' + p.weeksFromNow + ' wk)');
    }).join(' · ');
  }

  /*
   * What linksWithUnseenEnd counts: links whose other end is not in this rollup. For a viewer who sees every project
   * of the program that end lies outside the program; only when projects were left out may it be one they cannot see.
   */
  function unseenLinksText(r) {
    var n = r.dependencies.linksWithUnseenEnd;
    return n + (r.leftOutProjects ? ' links to issues outside this program or in its projects you cannot browse'
      : ' links to issues outside this program');
  }

  /* Scores of different models never add up: with several, each model's share and the rule, beside the number. */
  function valueText(g) {
    var models = (g.valueByModel || []).filter(function (m) { return m.delivered !== null; });
    if (models.length < 2) { return percent(g.valueDelivered); }
    return percent(g.valueDelivered) + ' (' + models.map(function (m) {
      return (m.model ? (state.modelNames[m.model] || m.model.replace(/^scorecard:/, '')) : 'unknown model') + ' ' + percent(m.delivered) + ' of ' + m.items;
    }).join(' · ') + ' scored items; each model\'s share weighted by its scored items)';
  }

  function renderSummary(r) {
    var g = r.groups.program[0];
    var pct = g.percentComplete === null ? null : Number(g.percentComplete);
    var bar = el('progress');
    bar.setAttribute('aria-valuenow', String(pct === null ? 0 : Math.round(pct)));
    bar.setAttribute('aria-valuetext', pct === null ? 'nothing estimated' : percent(pct));
    bar.firstElementChild.style.width = (pct === null ? 0 : Math.min(100, pct)) + '%';
    T.text(el('progress-text'), percent(pct) + ' complete by ' + (BASIS[r.program.progressBasis] || r.program.progressBasis));
    var facts = el('summary-facts');
    facts.textContent = '';
    fact(facts, 'Items', g.done + ' of ' + g.items + ' done (' + g.inProgress + ' in progress)');
    fact(facts, 'Value delivered', valueText(g));
    r.forecasts.program.matchesNothing = g.items === 0;
    fact(facts, 'Forecast (' + r.forecasts.program.remainingItems + ' open items'
      + (r.program.scopeGrowth ? ', new work added at its past pace' : '') + ')', forecastText(r.forecasts.program), true);
    fact(facts, 'Dependencies', r.dependencies.open.length + ' open, ' + r.dependencies.crossProject + ' cross-project');
    var flags = el('red-flags');
    flags.textContent = '';
    var list = [];
    if (g.overdue) { list.push(g.overdue + ' overdue'); }
    var anomalies = g.anomalies.length ? g.anomalies.length + ' done parents with open work: ' : null;
    if (r.dependencies.conflicts) { list.push(r.dependencies.conflicts + ' dependency conflicts'); }
    if (g.items === 0 && !r.leftOutProjects) { list.push('This program matches no issues: check its projects and refinement'); }
    if (r.dependencies.linksWithUnseenEnd) { list.push(unseenLinksText(r)); }
    if (r.leftOutProjects) { list.push(r.leftOutProjects + ' projects left out (you cannot browse them)'); }
    (r.skippedProjects || []).forEach(function (s) { list.push('Skipped ' + s.projectKey + ': ' + s.reason); });
    if (r.forecasts.program.status === 'no_throughput') { list.push('No throughput: no forecast date'); }
    list.forEach(function (text) { flags.appendChild(make('li', null, text)); });
    if (anomalies) {
      var item = make('li', null, anomalies);
      g.anomalies.forEach(function (key, i) { item.appendChild(document.createTextNode(i ? ', ' : '')); item.appendChild(T.issueLink(key)); });
      flags.appendChild(item);
    }
    if (!list.length && !anomalies) { flags.appendChild(make('li', 'ok', 'No red flags')); }
    T.text(el('fetched-at'), 'Read from Jira at ' + new Date(r.fetchedAt).toLocaleString() + ' · today ' + r.today);
  }

  /* ---------- sortable group tables ---------- */

  function cellValue(column, g) {
    return column.value ? column.value(g) : g[column.key];
  }

  /** The 85 % week of a group's forecast; sorts by weeks from now (done first, no throughput last). */
  function forecastColumn(forecasts) {
    function of(g) { return forecasts[g.id]; }
    function p85(f) { return f.percentiles.filter(function (p) { return p.percent === 85; })[0]; }
    return {
      key: 'forecast85', label: 'Done by (85 %)',
      value: function (g) {
        var f = of(g);
        if (!f || f.status === 'no_throughput') { return null; }
        if (f.status === 'complete') { return 0; }
        var p = p85(f);
        return p.beyondHorizon ? Number.MAX_SAFE_INTEGER : p.weeksFromNow;
      },
      render: function (g) {
        var f = of(g);
        if (!f) { return '—'; }
        if (f.status === 'complete') { return 'done'; }
        if (f.status === 'no_throughput') { return 'no throughput'; }
        var p = p85(f);
        return p.beyondHorizon ? 'beyond 10 years' : 'week of ' + p.weekStart;
      },
      title: function (g) { var f = of(g); return f ? forecastText(f) : ''; },
      node: function (g, text) {
        var f = of(g);
        if (!f || f.status === 'complete') { return null; }
        // the date's inputs one click away (a disclosure works from the keyboard as it is)
        var details = make('details', 'forecast-inputs');
        details.appendChild(make('summary', null, text));
        details.appendChild(make('p', null, forecastInputs(f)));
        return details;
      }
    };
  }

  /** What a forecast date rests on: open items, the weekly throughput it drew from, the trials. */
  function forecastInputs(f) {
    var weeks = f.weeklyDone || [];
    var total = weeks.reduce(function (a, b) { return a + b; }, 0);
    var mean = weeks.length ? Math.round(total / weeks.length * 10) / 10 : 0;
    return f.remainingItems + ' open item(s) · done per week over the last ' + weeks.length + ' full weeks: '
      + (weeks.join(', ') || 'none') + ' (mean ' + mean + ') · '
      + (f.trials ? f.trials.toLocaleString('en') + ' simulated trials' : 'exact percentiles, no sampling')
      + ' · ' + forecastText(f);
  }

  function columnsFor(kind, r) {
    var columns = COLUMNS.slice();
    if (kind.keyed) {
      // an epic is known by its key, followed by its summary when it has one
      columns[0] = { key: 'name', label: 'Epic', text: true, issueKey: true,
        value: function (g) { return g.name && g.name !== g.id ? g.id + ' ' + g.name : g.id; } };
    }
    if (kind.forecasts) {
      columns.splice(4, 0, forecastColumn(r.forecasts[kind.forecasts] || {}));
    }
    return columns;
  }

  function renderGroups(r) {
    var holder = el('groups');
    holder.textContent = '';
    GROUPS.forEach(function (kind) {
      var rows = r.groups[kind.key] || [];
      var section = make('section', 'group-table');
      var titleId = 'group-' + kind.key;
      var title = make('h3', null, kind.title + ' (' + rows.length + ')');
      title.id = titleId;
      section.setAttribute('aria-labelledby', titleId);
      section.appendChild(title);
      if (!rows.length) {
        section.appendChild(make('p', 'subtle', 'None.'));
      } else {
        section.appendChild(table(columnsFor(kind, r), rows, titleId));
      }
      holder.appendChild(section);
    });
  }

  function table(columns, rows, titleId) {
    var sort = { column: 'name', direction: 'ascending' };
    var tableNode = make('table');
    tableNode.setAttribute('aria-labelledby', titleId);
    var head = make('thead');
    var headRow = make('tr');
    var body = make('tbody');
    columns.forEach(function (column) {
      var th = make('th', column.text ? null : 'num');
      th.scope = 'col';
      var button = make('button', 'sort', column.label);
      button.type = 'button';
      button.addEventListener('click', function () {
        sort.direction = sort.column === column.key && sort.direction === 'ascending' ? 'descending' : 'ascending';
        sort.column = column.key;
        fill();
      });
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    tableNode.appendChild(head);
    tableNode.appendChild(body);

    function fill() {
      var column = columns.filter(function (c) { return c.key === sort.column; })[0];
      var sign = sort.direction === 'ascending' ? 1 : -1;
      var sorted = rows.slice().sort(function (a, b) {
        var x = cellValue(column, a), y = cellValue(column, b);
        if (x === null || x === undefined) { return 1; }
        if (y === null || y === undefined) { return -1; }
        if (column.text) { return sign * String(x).localeCompare(String(y)); }
        return sign * (Number(x) - Number(y));
      });
      Array.prototype.forEach.call(headRow.children, function (th, i) {
        if (columns[i].key === sort.column) { th.setAttribute('aria-sort', sort.direction); } else { th.removeAttribute('aria-sort'); }
      });
      body.textContent = '';
      sorted.forEach(function (g) {
        var tr = make('tr');
        columns.forEach(function (c, i) {
          var v = cellValue(c, g);
          var text = c.render ? c.render(g) : (c.format ? c.format(v) : v);
          var node = c.node ? c.node(g, text) : null;
          var cell = make(i === 0 ? 'th' : 'td', c.text ? null : 'num', c.issueKey || node ? null : text);
          if (node) { cell.appendChild(node); }
          if (c.issueKey) {
            cell.appendChild(T.issueLink(g.id));
            if (g.name && g.name !== g.id) { cell.appendChild(document.createTextNode(' ' + g.name)); }
          }
          if (i === 0) { cell.scope = 'row'; }
          if (c.title) { cell.title = c.title(g); }
          if (c.key === 'anomalies' && g.anomalies.length) { cell.title = g.anomalies.join(', '); }
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
    }
    fill();
    return tableNode;
  }

  /* ---------- dependencies ---------- */

  function endText(end) {
    return end.key + ' (' + end.status.replace(/_/g, ' ') + (end.due ? ', due ' + end.due : '') + ')';
  }

  function renderDependencies(r) {
    var d = r.dependencies;
    T.text(el('dependencies-facts'), d.open.length + ' open · ' + d.crossProject + ' cross-project · '
      + d.conflicts + ' with conflicts · ' + unseenLinksText(r));
    var list = el('dependency-list');
    list.textContent = '';
    var themeNames = {};
    (r.groups.themes || []).forEach(function (t) { themeNames[t.id] = t.name; });
    var sorted = d.open.slice().sort(function (a, b) { return b.conflicts.length - a.conflicts.length; });
    sorted.forEach(function (dep) {
      var li = make('li', dep.conflicts.length ? 'conflict' : null);
      var text = '';
      dep.conflicts.forEach(function (c) {
        text += ' · conflict: blocker due ' + c.blockerDue + ' after ' + c.limit
          + (c.themeId ? ' (end of theme ' + (themeNames[c.themeId] || c.themeId) + ')' : ' (the blocked item\'s due date)');
      });
      // every issue key a link that opens the issue
      li.appendChild(T.issueLink(dep.blocker.key));
      li.appendChild(document.createTextNode(endText(dep.blocker).slice(dep.blocker.key.length) + ' blocks '));
      li.appendChild(T.issueLink(dep.blocked.key));
      li.appendChild(document.createTextNode(endText(dep.blocked).slice(dep.blocked.key.length)
        + (dep.crossProject ? ' · cross-project' : '') + text));
      list.appendChild(li);
    });
    if (!d.open.length) { list.appendChild(make('li', null, 'No open dependencies.')); }
  }

  /* ---------- charts (Chart.js from WebJars) ---------- */

  /** The program, then each theme by name; a theme picked before stays picked while it is still there. */
  function fillChartScope(r) {
    var picker = el('chart-scope');
    var picked = picker.value;
    while (picker.options.length > 1) { picker.remove(1); }
    (r.groups.themes || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); })
      .forEach(function (theme) {
        var option = make('option', null, 'Theme: ' + theme.name);
        option.value = theme.id;
        picker.appendChild(option);
      });
    picker.value = Array.prototype.some.call(picker.options, function (o) { return o.value === picked; }) ? picked : '';
  }

  function renderCharts(r) {
    if (!window.Chart) { return; }
    Object.keys(state.charts).forEach(function (k) { state.charts[k].destroy(); });
    // labels in the page's own text colours, so they stay readable in Jira's dark theme
    var style = window.getComputedStyle(document.body);
    Chart.defaults.color = style.color || '#44546F';
    Chart.defaults.borderColor = style.getPropertyValue('--ds-border').trim() || 'rgba(128, 128, 128, 0.3)';
    var theme = el('chart-scope').value;
    var themeName = theme ? el('chart-scope').selectedOptions[0].textContent.replace(/^Theme: /, '') : '';
    T.text(el('burnup-scope'), theme ? ' · ' + themeName : '');
    T.text(el('forecast-scope'), theme ? ' · ' + themeName : '');
    var points = theme ? (r.burnUp.themes[theme] || []) : r.burnUp.program;
    var forecast = theme ? (r.forecasts.themes[theme] || { status: 'complete', percentiles: [] }) : r.forecasts.program;
    state.charts.burnup = new Chart(el('burnup-chart'), {
      type: 'line',
      data: {
        labels: points.map(function (p) { return p.weekStart; }),
        datasets: [
          { label: 'Scope', data: points.map(function (p) { return p.scope; }), borderColor: '#8590A2', pointRadius: 0 },
          { label: 'Done', data: points.map(function (p) { return p.done; }), borderColor: '#1F845A', pointRadius: 0 }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
    });
    var percentiles = forecast.percentiles.filter(function (p) { return !p.beyondHorizon && p.weeksFromNow !== null; });
    state.charts.forecast = new Chart(el('forecast-chart'), {
      type: 'bar',
      data: {
        labels: percentiles.map(function (p) { return p.percent + ' % (' + p.weekStart + ')'; }),
        datasets: [{ label: 'Weeks from now', data: percentiles.map(function (p) { return p.weeksFromNow; }),
          backgroundColor: ['#4BCE97', '#F5CD47', '#F87168'] }]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } },
        plugins: { title: { display: !percentiles.length, text: forecastText(forecast) } } }
    });
  }

  /* ---------- CSV and new program ---------- */

  function exportCsv() {
    if (!state.current) { return; }
    var id = state.current;
    T.download('/api/programs/' + encodeURIComponent(id) + '/rollup.csv', 'throughline-program-' + id + '.csv')
      .catch(function (error) { message(error.message, 'error'); });
  }

  var FIELDS = ['name', 'projects', 'jql', 'progressBasis', 'throughputWeeks', 'includeSubtasks', 'scopeGrowth', 'version'];

  function clearFieldErrors() {
    T.text(el('np-matches'), '');
    FIELDS.forEach(function (f) {
      T.text(el('np-error-' + f), '');
    });
    el('new-program').querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
  }

  function showFieldErrors(errors) {
    var unplaced = [];
    errors.forEach(function (e) {
      var field = String(e.field || '').replace(/\[.*$/, '').split('.')[0];
      var box = el('np-error-' + field);
      if (!box) { unplaced.push((e.field ? e.field + ': ' : '') + e.message); return; }
      T.text(box, (box.textContent ? box.textContent + ' ' : '') + (e.field !== field ? e.field + ': ' : '') + e.message);
      var input = el('new-program').querySelector('[name="' + field + '"]');
      if (input) { input.setAttribute('aria-invalid', 'true'); }
    });
    if (unplaced.length) { message(unplaced.join(' '), 'error'); }
  }

  /** The form creates a program, or (state.editing = {id, version}) saves one with the version it was read at. */
  function toggleForm(open, editing) {
    var form = el('new-program');
    if (open && (!form.hidden || form.dataset.mode !== (editing ? 'edit' : 'create'))) {
      clearFieldErrors();
    }
    state.editing = open ? (editing || null) : null;
    form.hidden = !open;
    form.dataset.mode = editing ? 'edit' : 'create';
    T.text(el('program-form-title'), editing ? 'Edit program' : 'New program');
    T.text(el('program-save'), editing ? 'Save changes' : 'Create program');
    el('new-program-toggle').setAttribute('aria-expanded', open && !editing ? 'true' : 'false');
    el('program-edit').setAttribute('aria-expanded', open && editing ? 'true' : 'false');
    if (open) { toggleDelete(false); el('np-name').focus(); }
    T.resize();
  }

  function fillForm(program) {
    el('np-name').value = program.name || '';
    el('np-projects').value = (program.projects || []).join(', ');
    el('np-jql').value = program.jql || '';
    el('np-basis').value = program.progressBasis || 'issue_count';
    el('np-weeks').value = program.throughputWeeks || 12;
    el('np-subtasks').checked = !!program.includeSubtasks;
    el('np-growth').checked = !!program.scopeGrowth;
  }

  function openCreate() {
    if (!el('new-program').hidden && !state.editing) { toggleForm(false); return; }
    el('new-program').reset();
    clearFieldErrors();
    toggleForm(true, null);
  }

  function openEdit() {
    if (!state.current) { return; }
    if (!el('new-program').hidden && state.editing) { toggleForm(false); return; }
    message('');
    var id = state.current;
    T.api('GET', '/api/programs/' + encodeURIComponent(id)).then(function (reply) {
      if (reply.status !== 200) { message(errorText(reply), 'error'); return; }
      clearFieldErrors();
      fillForm(reply.body);
      toggleForm(true, { id: id, version: reply.body.version });
    }, function (error) { message(error.message, 'error'); });
  }

  function formBody() {
    var weeks = el('np-weeks').value.trim();
    var body = {
      name: el('np-name').value,
      projects: el('np-projects').value.split(',').map(function (k) { return k.trim().toUpperCase(); })
        .filter(function (k) { return k.length > 0; }),
      progressBasis: el('np-basis').value,
      includeSubtasks: el('np-subtasks').checked,
      scopeGrowth: el('np-growth').checked,
      throughputWeeks: weeks === '' ? 12 : Number(weeks)
    };
    var jql = el('np-jql').value.trim();
    if (jql) { body.jql = jql; }
    return body;
  }

  /* Before saving: Jira's approximate count of what the draft matches, checked as a save checks it. */
  function checkProgram() {
    clearFieldErrors();
    T.text(el('np-matches'), 'Asking Jira…');
    T.api('POST', '/api/programs/check', formBody()).then(function (reply) {
      if (reply.status === 200) {
        var n = reply.body.matches;
        T.text(el('np-matches'), n === 0 ? 'This program matches no issues: check its projects and refinement.'
          : 'This program matches about ' + n.toLocaleString('en') + ' issues.');
      } else if (reply.status === 400 && reply.body && reply.body.errors) {
        T.text(el('np-matches'), '');
        showFieldErrors(reply.body.errors);
      } else {
        T.text(el('np-matches'), errorText(reply));
      }
      T.resize();
    }, function (error) { T.text(el('np-matches'), error.message); });
  }

  function saveProgram(event) {
    event.preventDefault();
    clearFieldErrors();
    message('');
    var body = formBody();
    var editing = state.editing;
    if (editing) { body.version = editing.version; }
    var request = editing
      ? T.api('PUT', '/api/programs/' + encodeURIComponent(editing.id), body)
      : T.api('POST', '/api/programs', body);
    request.then(function (reply) {
      if (reply.status === 201 || (editing && reply.status === 200)) {
        el('new-program').reset();
        toggleForm(false);
        T.flag(editing ? 'Program saved' : 'Program created', reply.body.name);
        loadPrograms(reply.body.id);
      } else if (editing && reply.status === 409 && reply.body && reply.body.current) {
        // someone saved meanwhile: show their version, keep the form open to apply the change again
        var current = reply.body.current;
        fillForm(current);
        state.editing = { id: editing.id, version: current.version };
        showFieldErrors([{ field: 'version', message: 'Someone else saved this program meanwhile (it is now version '
          + current.version + '). The form shows their version: make your change again and save.' }]);
        el('np-name').focus();
        T.resize();
      } else if (reply.status === 400 && reply.body && reply.body.errors) {
        showFieldErrors(reply.body.errors);
        T.resize();
      } else {
        message(errorText(reply), 'error');
        if (editing && reply.status === 404) { toggleForm(false); loadPrograms(null); }
      }
    }, function (error) { message(error.message, 'error'); });
  }

  /* ---------- delete, after an inline confirmation ---------- */

  function currentName() {
    var found = state.programs.filter(function (p) { return p.id === state.current; })[0];
    return found ? found.name : 'this program';
  }

  function toggleDelete(open) {
    var box = el('program-delete-confirm');
    box.hidden = !open;
    el('program-delete').setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) {
      el('new-program').hidden = true;
      state.editing = null;
      el('new-program-toggle').setAttribute('aria-expanded', 'false');
      el('program-edit').setAttribute('aria-expanded', 'false');
      T.text(el('program-delete-title'), 'Delete “' + currentName() + '”?');
      T.text(el('program-delete-text'), 'The program “' + currentName() + '” is removed for everyone on this site. '
        + 'Its projects and issues are not changed.');
      el('program-delete-cancel').focus();
    }
    T.resize();
  }

  function deleteProgram() {
    var id = state.current;
    if (!id) { return; }
    var name = currentName();
    el('program-delete-confirm-button').disabled = true;
    T.api('DELETE', '/api/programs/' + encodeURIComponent(id)).then(function (reply) {
      el('program-delete-confirm-button').disabled = false;
      if (reply.status === 200 || reply.status === 204 || reply.status === 404) {
        toggleDelete(false);
        state.current = null;
        state.loads += 1; // a rollup still awaited is not asked for again
        state.rollup = null;
        el('report').hidden = true;
        if (reply.status === 404) { message(errorText(reply), 'error'); } else { T.flag('Program deleted', name); }
        loadPrograms(null);
        el('program-picker').focus();
      } else {
        message(errorText(reply), 'error');
      }
    }, function (error) { el('program-delete-confirm-button').disabled = false; message(error.message, 'error'); });
  }

  el('program-picker').addEventListener('change', function (event) {
    toggleDelete(false);
    if (state.editing) { toggleForm(false); }
    if (event.target.value) { loadRollup(event.target.value, false); } else { state.current = null; state.loads += 1; el('report').hidden = true; busy(false); }
  });
  el('chart-scope').addEventListener('change', function () { if (state.rollup) { renderCharts(state.rollup); } });
  el('refresh').addEventListener('click', function () { if (state.current) { loadRollup(state.current, true); } });
  el('export-csv').addEventListener('click', exportCsv);
  // the Plan page opens the program viewed last here (both pages remember it in this browser)
  el('open-plan').addEventListener('click', function () { T.openPage('plan'); });
  el('new-program-toggle').addEventListener('click', openCreate);
  el('program-edit').addEventListener('click', openEdit);
  el('program-delete').addEventListener('click', function () { toggleDelete(el('program-delete-confirm').hidden); });
  el('program-delete-confirm-button').addEventListener('click', deleteProgram);
  el('program-delete-cancel').addEventListener('click', function () { toggleDelete(false); el('program-delete').focus(); });
  el('program-delete-confirm').addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { toggleDelete(false); el('program-delete').focus(); }
  });
  el('new-program').addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      var opener = state.editing ? 'program-edit' : 'new-program-toggle';
      toggleForm(false);
      el(opener).focus();
    }
  });
  el('np-cancel').addEventListener('click', function () { toggleForm(false); });
  el('np-check').addEventListener('click', checkProgram);
  // model names for the value line (scorecards by name, not id); the report does not wait for them

  T.api('GET', '/api/scoring/models').then(function (reply) {
    (reply.status === 200 ? reply.body.models : []).forEach(function (m) { state.modelNames[m.id] = m.name; });
  });
  el('new-program').addEventListener('submit', saveProgram);
  loadPrograms(null);
})(window.Throughline);
