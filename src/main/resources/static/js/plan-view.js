/*
 * The Plan page's timeline: periods × teams with each cell's planned items (key, summary, value, effort, odds,
 * flags, commitments), a capacity bar per team and period, dependency lines drawn in SVG over the grid, the items not
 * planned with their why, and the capacity table. Moves (drag, Alt+←/→, "Move to") call handlers.move.
 */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var make = T.make;
  var focusKey = null;
  var shown = null;

  function number(value) {
    return (Math.round(Number(value) * 10) / 10).toLocaleString('en-US');
  }

  function signed(value) {
    var rounded = Math.round(Number(value) * 10) / 10;
    return (rounded > 0 ? '+' : rounded < 0 ? '−' : '±') + Math.abs(rounded).toLocaleString('en-US');
  }

  function percent(odds) {
    return odds === null || odds === undefined ? '—' : Math.round(odds * 100) + ' %';
  }

  /** Where an item is: "2027-Q2, odds 82 %" or "not this horizon". */
  function where(item) {
    return item.period ? item.period + ', odds ' + percent(item.odds) : 'not this horizon';
  }

  function fact(list, term, value) {
    var pair = make('div');
    pair.appendChild(make('dt', null, term));
    pair.appendChild(make('dd', null, value));
    list.appendChild(pair);
  }

  function renderFacts(answer, state) {
    var facts = el('plan-facts');
    facts.textContent = '';
    var planned = answer.items.filter(function (i) { return i.period; }).length;
    fact(facts, 'Plan value (discounted)', number(answer.value));
    fact(facts, 'Solver', answer.status === 'OPTIMAL' ? 'proven optimal'
      : answer.status + ', within ' + Math.round(answer.gap * 1000) / 10 + ' % of the proven bound');
    fact(facts, 'Planned', planned + ' of ' + answer.items.length + ' candidates');
    fact(facts, 'Flagged below ' + percent(answer.confidenceThreshold),
      String(answer.items.filter(function (i) { return i.flagged; }).length));
    fact(facts, (answer.sprints || []).length ? 'Discount per sprint' : 'Discount per quarter',
      percent(state.draft.discount));
    var problems = el('commitment-problems');
    problems.textContent = '';
    (answer.commitmentProblems || []).forEach(function (p) { problems.appendChild(make('li', null, p.message)); });
    // overrides of the stored plan that this solve could not use, when the answer names them
    (answer.notices || []).forEach(function (n) { problems.appendChild(make('li', 'notice', n.message)); });
  }

  function moveOptions(item, periods) {
    var select = make('select', 'move-to');
    select.setAttribute('aria-label', 'Move ' + item.key + ' to');
    var first = make('option', null, 'Move to…');
    first.value = '';
    select.appendChild(first);
    periods.concat(['']).forEach(function (period) {
      if (period === (item.period || '') ) { return; }
      var option = make('option', null, period || 'Not this horizon');
      option.value = period || '-';
      select.appendChild(option);
    });
    return select;
  }

  function card(item, answer, state, handlers, periodOf) {
    var li = make('li', 'plan-item');
    li.tabIndex = 0;
    li.draggable = true;
    li.setAttribute('data-key', item.key);
    li.setAttribute('aria-describedby', 'timeline-help');
    if (item.flagged) { li.classList.add('flagged'); }
    if (item.commitBy) { li.classList.add('committed'); }
    if (state.moved === item.key) { li.classList.add('moved'); }
    var head = make('div', 'item-head');
    head.appendChild(T.issueLink(item.key));
    head.appendChild(make('span', 'item-summary', item.summary || ''));
    li.appendChild(head);
    var facts = 'value ' + number(item.value) + ' · effort ' + number(item.effort);
    if (item.period) { facts += ' · odds ' + percent(item.odds); }
    li.appendChild(make('div', 'item-facts', facts));
    var badges = make('div', 'item-badges');
    if (item.flagged) { badges.appendChild(make('span', 'lozenge warning', 'below ' + percent(answer.confidenceThreshold))); }
    if (item.commitBy) { badges.appendChild(make('span', 'lozenge commitment', 'committed by ' + item.commitBy)); }
    if (item.excluded) { badges.appendChild(make('span', 'lozenge', 'excluded')); }
    (item.blockers || []).forEach(function (blocker) {
      badges.appendChild(make('span', 'needs', 'needs ' + blocker + ' (' + (periodOf[blocker] || 'not planned') + ')'));
    });
    li.appendChild(badges);
    if (!item.period && item.why) { li.appendChild(make('p', 'item-why', item.why)); }
    var select = moveOptions(item, answer.periods);
    select.addEventListener('change', function () {
      if (select.value) { handlers.move(item.key, select.value === '-' ? null : select.value); }
    });
    li.appendChild(select);
    li.addEventListener('keydown', function (event) {
      if (!event.altKey || event.target !== li || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) { return; }
      event.preventDefault();
      var periods = answer.periods;
      var at = item.period ? periods.indexOf(item.period) : periods.length;
      var to = at + (event.key === 'ArrowLeft' ? -1 : 1);
      if (to < 0 || to > periods.length || to === at) { return; }
      handlers.move(item.key, to === periods.length ? null : periods[to]);
    });
    li.addEventListener('dragstart', function (event) {
      event.dataTransfer.setData('text/plain', item.key);
      event.dataTransfer.effectAllowed = 'move';
    });
    return li;
  }

  function dropTarget(node, period, handlers) {
    node.addEventListener('dragover', function (event) { event.preventDefault(); node.classList.add('drop'); });
    node.addEventListener('dragleave', function () { node.classList.remove('drop'); });
    node.addEventListener('drop', function (event) {
      event.preventDefault();
      node.classList.remove('drop');
      var key = event.dataTransfer.getData('text/plain');
      if (key) { handlers.move(key, period || null); }
    });
  }

  function capacityBar(team, p, period) {
    var load = team.load[p];
    var capacity = team.capacity[p];
    var bar = make('div', 'capacity');
    var fill = make('span', load > capacity + 1e-9 ? 'over' : '');
    fill.style.width = (capacity > 0 ? Math.min(100, load / capacity * 100) : load > 0 ? 100 : 0) + '%';
    var track = make('div', 'capacity-track');
    track.setAttribute('role', 'img');
    track.setAttribute('aria-label', team.name + ' in ' + period + ': ' + number(load) + ' of ' + number(capacity)
      + ' capacity planned');
    track.appendChild(fill);
    bar.appendChild(track);
    bar.appendChild(make('span', 'capacity-text', number(load) + ' / ' + number(capacity)));
    return bar;
  }

  function renderGrid(answer, state, handlers) {
    var grid = el('plan-grid');
    grid.textContent = '';
    var periodOf = {};
    answer.items.forEach(function (i) { periodOf[i.key] = i.period; });
    var head = make('tr');
    head.appendChild(make('th', null, 'Team'));
    answer.periods.forEach(function (period, p) {
      var th = make('th');
      th.setAttribute('scope', 'col');
      th.appendChild(make('div', 'period-label', period));
      th.appendChild(make('div', 'subtle', 'value ' + number(answer.valuePerPeriod[p])));
      var odds = answer.commitmentOdds && answer.commitmentOdds[period];
      if (odds !== undefined && odds !== null) {
        th.appendChild(make('div', 'subtle period-odds', 'commitments hold: ' + percent(odds)));
      }
      head.appendChild(th);
    });
    var thead = make('thead');
    thead.appendChild(head);
    grid.appendChild(thead);
    var body = make('tbody');
    answer.teams.forEach(function (team) {
      var row = make('tr');
      var name = make('th', null, team.name);
      name.setAttribute('scope', 'row');
      row.appendChild(name);
      answer.periods.forEach(function (period, p) {
        var cell = make('td', 'plan-cell');
        cell.setAttribute('data-period', period);
        cell.setAttribute('data-team', team.id);
        cell.appendChild(capacityBar(team, p, period));
        var list = make('ul', 'cell-items');
        list.setAttribute('aria-label', team.name + ', ' + period);
        answer.items.filter(function (i) { return i.team === team.id && i.period === period; }).forEach(function (item) {
          list.appendChild(card(item, answer, state, handlers, periodOf));
        });
        cell.appendChild(list);
        dropTarget(cell, period, handlers);
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    grid.appendChild(body);
    var out = el('not-planned');
    out.textContent = '';
    answer.items.filter(function (i) { return !i.period; }).forEach(function (item) {
      out.appendChild(card(item, answer, state, handlers, periodOf));
    });
    if (!out.children.length) { out.appendChild(make('li', 'subtle', 'Every candidate is planned.')); }
    if (!out.getAttribute('data-drop')) { out.setAttribute('data-drop', 'on'); dropTarget(out, null, handlers); }
  }

  /** Lines from each planned blocker to the planned item it blocks, over the grid. */
  function drawLines() {
    var svg = el('dependency-lines');
    var wrap = el('grid-wrap');
    if (!svg || !shown || el('panel-timeline').hidden) { return; }
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var box = wrap.getBoundingClientRect();
    svg.setAttribute('width', wrap.scrollWidth);
    svg.setAttribute('height', wrap.scrollHeight);
    var ns = 'http://www.w3.org/2000/svg';
    var defs = document.createElementNS(ns, 'defs');
    defs.innerHTML = '<marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" '
      + 'orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="arrow-head"></path></marker>';
    svg.appendChild(defs);
    function cardOf(key) { return wrap.querySelector('.plan-item[data-key="' + CSS.escape(key) + '"]'); }
    shown.items.forEach(function (item) {
      var to = item.period && cardOf(item.key);
      (item.blockers || []).forEach(function (blocker) {
        var from = to && cardOf(blocker);
        if (!from) { return; }
        var a = from.getBoundingClientRect();
        var b = to.getBoundingClientRect();
        var x1 = a.right - box.left + wrap.scrollLeft;
        var y1 = a.top + a.height / 2 - box.top + wrap.scrollTop;
        var x2 = b.left - box.left + wrap.scrollLeft;
        var y2 = b.top + b.height / 2 - box.top + wrap.scrollTop;
        var d;
        if (x2 < x1) {
          // same quarter (or a blocker drawn later): a loop out to the left of both cards
          x1 = a.left - box.left + wrap.scrollLeft;
          x2 = b.left - box.left + wrap.scrollLeft;
          var out = Math.min(x1, x2) - 24;
          d = 'M' + x1 + ',' + y1 + ' C' + out + ',' + y1 + ' ' + out + ',' + y2 + ' ' + x2 + ',' + y2;
        } else {
          var bend = Math.max(30, (x2 - x1) / 2);
          d = 'M' + x1 + ',' + y1 + ' C' + (x1 + bend) + ',' + y1 + ' ' + (x2 - bend) + ',' + y2 + ' ' + x2 + ',' + y2;
        }
        var path = document.createElementNS(ns, 'path');
        path.setAttribute('d', d);
        path.setAttribute('class', 'dependency-line');
        path.setAttribute('data-from', blocker);
        path.setAttribute('data-to', item.key);
        path.setAttribute('marker-end', 'url(#arrow)');
        svg.appendChild(path);
      });
    });
  }

  /**
   * The capacity table. It is built once per set of teams and quarters and then updated in place, so a preview that
   * arrives while the user types never replaces the field they type in: a field whose text differs from what the page
   * last put or sent there (`data-shown`) holds an edit not sent yet and keeps it.
   */
  function renderCapacity(answer, state) {
    var table = el('capacity-table');
    var layout = answer.teams.map(function (t) { return t.id; }).join(',') + '|' + answer.periods.join(',');
    if (table.getAttribute('data-layout') !== layout) {
      buildCapacity(table, answer);
      table.setAttribute('data-layout', layout);
    }
    var overrides = state.draft.capacity || {};
    answer.teams.forEach(function (team) {
      answer.periods.forEach(function (period, p) {
        var input = el('capacity-' + team.id + '-' + period);
        var value = String(Math.round(team.capacity[p] * 10) / 10);
        if (input.value === input.getAttribute('data-shown')) {
          if (input.value !== value) { input.value = value; }
          input.setAttribute('data-shown', value);
        }
        var overridden = overrides[team.id] && overrides[team.id][period] !== undefined;
        input.classList.toggle('overridden', !!overridden);
        input.title = overridden ? 'Overridden in this plan' : '';
      });
    });
  }

  function buildCapacity(table, answer) {
    table.textContent = '';
    var head = make('tr');
    head.appendChild(make('th', null, 'Team'));
    answer.periods.forEach(function (period) { head.appendChild(make('th', 'num', period)); });
    var thead = make('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = make('tbody');
    answer.teams.forEach(function (team) {
      var row = make('tr');
      row.appendChild(make('th', null, team.name));
      answer.periods.forEach(function (period) {
        var td = make('td', 'num');
        var input = make('input');
        input.type = 'number';
        input.min = '0';
        input.step = 'any';
        input.id = 'capacity-' + team.id + '-' + period;
        input.setAttribute('data-shown', '');
        input.setAttribute('data-team', team.id);
        input.setAttribute('data-period', period);
        input.setAttribute('aria-label', team.name + ' capacity in ' + period);
        td.appendChild(input);
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
  }

  /**
   * The plan's commit history, newest commit first: per ended period (quarter or sprint) and team (then the program), committed items,
   * effort and value, and what of it was delivered (done by the period's last day).
   */
  function renderHistory(history) {
    var table = el('history-table');
    table.textContent = '';
    el('history-empty').hidden = history.length > 0;
    table.hidden = history.length === 0;
    var head = make('tr');
    ['Committed', 'Period', 'Team', 'Items', 'Effort', 'Value', 'Delivered items', 'Delivered effort',
      'Delivered value', 'Share'].forEach(function (title, i) { head.appendChild(make('th', i > 2 ? 'num' : null, title)); });
    var thead = make('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = make('tbody');
    history.slice().reverse().forEach(function (snapshot) {
      var day = String(snapshot.committedAt).slice(0, 10);
      if (snapshot.predictability.length === 0) {
        var none = make('tr', 'history-row pending');
        none.appendChild(make('td', null, day));
        var note = make('td', 'subtle', 'No period of this commit has ended yet (' + snapshot.items.length + ' items committed).');
        note.colSpan = 9;
        none.appendChild(note);
        body.appendChild(none);
      }
      snapshot.predictability.forEach(function (r) {
        var row = make('tr', 'history-row' + (r.team === '*' ? ' program' : ''));
        [day, r.period, r.team === '*' ? 'Program' : r.team].forEach(function (text) { row.appendChild(make('td', null, text)); });
        [r.committedItems, r.committedEffort, r.committedValue, r.deliveredItems, r.deliveredEffort, r.deliveredValue]
          .forEach(function (n) { row.appendChild(make('td', 'num', number(n))); });
        row.appendChild(make('td', 'num', percent(r.share)));
        body.appendChild(row);
      });
    });
    table.appendChild(body);
  }

  T.PlanView = {
    renderHistory: renderHistory,
    number: number,
    signed: signed,
    percent: percent,
    where: where,
    /** After the next render, focus the card of `key` (a keyboard move keeps the item under the user's focus). */
    focusAfterRender: function (key) { focusKey = key; },
    drawLines: drawLines,
    render: function (state, handlers) {
      var answer = state.preview || state.answer;
      // a capacity field keeps the focus through the re-render its change causes
      var active = document.activeElement && document.activeElement.id;
      shown = answer;
      renderFacts(answer, state);
      renderGrid(answer, state, handlers);
      renderCapacity(answer, state);
      requestAnimationFrame(drawLines);
      if (focusKey) {
        var again = document.querySelector('.plan-item[data-key="' + CSS.escape(focusKey) + '"]');
        if (again) { again.focus(); }
        focusKey = null;
      } else if (active && el(active) && document.activeElement !== el(active)) {
        el(active).focus();
      }
    }
  };
})(window.Throughline);
