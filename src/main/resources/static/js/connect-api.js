/* Calls Throughline's /api with a fresh Connect context token from the host page (AP.context.getToken). */
window.Throughline = window.Throughline || {};
(function (T) {
  'use strict';

  function token() {
    return new Promise(function (resolve, reject) {
      if (!window.AP || !AP.context || !AP.context.getToken) {
        reject(new Error('This page must be opened inside Jira.'));
        return;
      }
      AP.context.getToken(resolve);
    });
  }

  T.token = token;

  /** fetch() with the context JWT; resolves to {status, body} whatever the status, rejects only on network failure. */
  T.api = function (method, path, body) {
    return token().then(function (jwt) {
      var options = { method: method, headers: { 'Authorization': 'JWT ' + jwt, 'Accept': 'application/json' } };
      if (body !== undefined) {
        options.headers['Content-Type'] = 'application/json';
        options.body = JSON.stringify(body);
      }
      return fetch(path, options);
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
        return { status: response.status, body: json };
      });
    });
  };

  /**
   * A 207 answer: Jira applied part of a change (or its outcome is unknown). Its message says what was written and
   * what was not in plain words; the page shows it and re-reads what it shows instead of offering a blind retry.
   */
  T.isPartial = function (reply) {
    return reply.status === 207 && reply.body && reply.body.partial === true;
  };

  T.resize = function () {
    if (window.AP && AP.resize) { AP.resize(); }
  };

  T.flag = function (title, body, type) {
    if (window.AP && AP.flag) { AP.flag.create({ title: title, body: body, type: type || 'success', close: 'auto' }); }
  };

  // Jira's light and dark themes reach the iframe as design tokens once the page asks for them.
  if (window.AP && AP.theming && AP.theming.initializeTheming) { AP.theming.initializeTheming(); }

  /**
   * An issue key that opens the issue in Jira. A click goes through AP.navigator (Jira moves its own page); the
   * href, built from the Jira base URL Jira passes in xdm_e, serves "open in new tab".
   */
  T.issueLink = function (issueKey) {
    var link = document.createElement('a');
    var jira = new URLSearchParams(window.location.search).get('xdm_e') || '';
    link.href = jira + '/browse/' + encodeURIComponent(issueKey);
    link.target = '_top';
    link.textContent = issueKey;
    link.addEventListener('click', function (event) {
      if (window.AP && AP.navigator && AP.navigator.go && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        AP.navigator.go('issue', { issueKey: issueKey });
      }
    });
    return link;
  };

  /** An element with a class and text, the pages' one way to build DOM. */
  T.make = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { T.text(node, text); }
    return node;
  };

  /** Shows (or, with no text, hides) a page's message box; kind is '', 'success', 'warning' or 'error'. */
  T.message = function (box, text, kind) {
    box.hidden = !text;
    box.className = 'message' + (kind ? ' ' + kind : '');
    T.text(box, text);
    T.resize();
  };

  /**
   * The sentence for an answer served from its last good read while Jira's points quota is used up, in the
   * viewer's own time: "As of 14:05 — Jira quota reached, refreshing after 15:00".
   */
  T.staleText = function (stale) {
    function time(iso) { return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); }
    return 'As of ' + time(stale.asOf) + ' — Jira quota reached, refreshing after ' + time(stale.refreshAfter);
  };

  T.text = function (element, value) {
    element.textContent = value === null || value === undefined ? '' : String(value);
    return element;
  };
})(window.Throughline);
