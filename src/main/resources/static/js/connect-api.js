/*
 * The pages' one host adapter: Throughline's /api, flags, resizing, theming and issue links, over either host.
 * - Connect (Jira's iframe, AP): /api with a fresh context token from AP.context.getToken.
 * - Forge Custom UI (@forge/bridge, bundled as window.ThroughlineForge by forge-ui): /api through invokeRemote, which
 *   Forge sends to the backend with an invocation token; the view context gives what Thymeleaf fills in for Connect.
 * Pages call T.api, T.flag, T.issueLink, … and never see which host they run in.
 */
window.Throughline = window.Throughline || {};
(function (T) {
  'use strict';

  var forge = window.ThroughlineForge;

  function token() {
    if (forge) {
      return Promise.reject(new Error('Forge pages reach the API through T.api, not a token.'));
    }
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
    if (forge) {
      return forgeApi(method, path, body);
    }
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

  /** T.api over Forge: the same {status, body} whatever the status; rejects only when Forge could not call. */
  function forgeApi(method, path, body) {
    var request = { method: method, path: path, headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      request.headers['Content-Type'] = 'application/json';
      request.body = body;
    }
    return forge.invokeRemote(request).then(function (response) {
      var json = response.body === undefined || response.body === '' ? null : response.body;
      if (typeof json === 'string') {
        try { json = JSON.parse(json); } catch (e) { json = { message: json }; }
      }
      return { status: response.status, body: json };
    });
  }

  /**
   * Downloads a file answer of the API (CSV exports) under a file name, through whichever door the page runs in:
   * Connect fetches it with the context JWT, Forge through invokeRemote (the body arrives as text). Rejects with
   * the HTTP status in its message when the export failed, so the page can say so.
   */
  T.download = function (path, fileName) {
    var text = forge
      ? forge.invokeRemote({ method: 'GET', path: path, headers: { 'Accept': 'text/csv' } }).then(function (response) {
        if (response.status >= 400) { throw new Error('The CSV export failed (' + response.status + ').'); }
        var body = response.body;
        return new Blob([typeof body === 'string' ? body : JSON.stringify(body)], { type: 'text/csv' });
      })
      : token().then(function (jwt) {
        return fetch(path, { headers: { 'Authorization': 'JWT ' + jwt } });
      }).then(function (response) {
        if (!response.ok) { throw new Error('The CSV export failed (' + response.status + ').'); }
        return response.blob();
      });
    return text.then(function (blob) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  };

  /**
   * A 207 answer: Jira applied part of a change (or its outcome is unknown). Its message says what was written and
   * what was not in plain words; the page shows it and re-reads what it shows instead of offering a blind retry.
   */
  T.isPartial = function (reply) {
    return reply.status === 207 && reply.body && reply.body.partial === true;
  };

  // Forge sizes Custom UI frames itself.
  T.resize = function () {
    if (window.AP && AP.resize) { AP.resize(); }
  };

  var flags = 0;

  T.flag = function (title, body, type) {
    if (forge) {
      flags += 1;
      forge.showFlag({ id: 'throughline-' + flags, title: title, description: body, type: type || 'success',
        isAutoDismiss: true });
      return;
    }
    if (window.AP && AP.flag) { AP.flag.create({ title: title, body: body, type: type || 'success', close: 'auto' }); }
  };

  // Jira's light and dark themes reach the iframe as design tokens once the page asks for them.
  if (forge) {
    forge.view.theme.enable();
  } else if (window.AP && AP.theming && AP.theming.initializeTheming) { AP.theming.initializeTheming(); }

  /**
   * An issue key that opens the issue in Jira. A click goes through AP.navigator (Jira moves its own page); the
   * href, built from the Jira base URL Jira passes in xdm_e, serves "open in new tab".
   */
  T.issueLink = function (issueKey) {
    var link = document.createElement('a');
    var jira = forge ? T.siteUrl || '' : new URLSearchParams(window.location.search).get('xdm_e') || '';
    link.href = jira + '/browse/' + encodeURIComponent(issueKey);
    link.target = '_top';
    link.textContent = issueKey;
    link.addEventListener('click', function (event) {
      if (forge && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        forge.router.navigate({ target: 'issue', issueKey: issueKey });
        return;
      }
      if (window.AP && AP.navigator && AP.navigator.go && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        AP.navigator.go('issue', { issueKey: issueKey });
      }
    });
    return link;
  };

  /**
   * Opens another of the app's pages ("programs", "plan"): in Connect the general page of that key, through Jira; in
   * Forge the sub-page of the same resource (the global page holds both as folders beside this one).
   */
  T.openPage = function (page) {
    if (forge) {
      window.location.href = '../' + encodeURIComponent(page) + '/index.html' + window.location.search;
      return;
    }
    if (window.AP && AP.navigator && AP.navigator.go) { AP.navigator.go('addonmodule', { moduleKey: page }); }
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

  /**
   * Forge mode: what Thymeleaf fills in for Connect comes from the view context (the issue or project the module
   * opened on); then the page's own scripts, which the Forge build deferred, load in their order.
   */
  function startForgePage() {
    // The deferred scripts follow this one in the page: wait until the parser has reached them.
    var parsed = new Promise(function (resolve) {
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', resolve);
      } else {
        resolve();
      }
    });
    Promise.all([forge.view.getContext(), parsed]).then(function (answers) {
      var context = answers[0];
      var extension = context.extension || {};
      var values = {
        issueKey: extension.issue && extension.issue.key || '',
        projectKey: extension.project && extension.project.key || ''
      };
      T.siteUrl = context.siteUrl || '';
      document.querySelectorAll('[data-issue-key]').forEach(function (node) {
        node.setAttribute('data-issue-key', values.issueKey);
      });
      document.querySelectorAll('[data-project-key]').forEach(function (node) {
        node.setAttribute('data-project-key', values.projectKey);
      });
      document.querySelectorAll('[data-forge-text]').forEach(function (node) {
        T.text(node, values[node.getAttribute('data-forge-text')]);
      });
      loadDeferred(Array.prototype.slice.call(document.querySelectorAll('script[type="text/x-forge-deferred"]')));
    });
  }

  function loadDeferred(scripts) {
    if (!scripts.length) { return; }
    var script = document.createElement('script');
    script.src = scripts[0].getAttribute('data-src');
    script.onload = function () { loadDeferred(scripts.slice(1)); };
    document.body.appendChild(script);
  }

  if (forge) { startForgePage(); }
})(window.Throughline);
