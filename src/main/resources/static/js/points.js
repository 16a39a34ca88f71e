/* Settings page: the site's Jira points this hour, by feature, with the quota Jira last reported. */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };

  function number(n) { return Number(n).toLocaleString('en'); }

  function quotaText(body) {
    var parts = [number(body.points) + ' points in ' + number(body.calls) + ' calls since ' +
      new Date(body.hour).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.'];
    if (body.quota && body.quota.remaining >= 0) {
      parts.push('Jira reported ' + number(body.quota.remaining) + (body.quota.limit >= 0 ? ' of ' + number(body.quota.limit) : '') +
        ' points left at ' + new Date(body.quota.reportedAt).toLocaleTimeString() + '.');
    }
    if (body.quotaStop) {
      parts.push('Jira quota reached: background work stopped until ' + new Date(body.quotaStop.until).toLocaleTimeString() + '.');
    }
    parts.push('Background budget this hour: ' + number(body.backgroundBudget) + ' points.');
    return parts.join(' ');
  }

  T.api('GET', '/api/settings/points').then(function (reply) {
    if (reply.status !== 200) { return; }
    var rows = el('jira-points-rows');
    rows.textContent = '';
    reply.body.features.forEach(function (f) {
      var tr = T.make('tr');
      tr.appendChild(T.make('th', null, f.feature)).setAttribute('scope', 'row');
      tr.appendChild(T.make('td', null, number(f.userPoints)));
      tr.appendChild(T.make('td', null, number(f.backgroundPoints)));
      tr.appendChild(T.make('td', null, number(f.calls)));
      rows.appendChild(tr);
    });
    T.text(el('jira-points-quota'), quotaText(reply.body));
    el('jira-points').hidden = false;
    T.resize();
  });
})(window.Throughline);
