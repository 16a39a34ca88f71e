/*
 * The sandbox's host bridge: answers the AP calls of the app page in #app-frame as Jira's host would, and runs
 * the frame's own controls (user, theme, the issue glance label).
 */
(function () {
  'use strict';
  var main = document.getElementById('sandbox-main');
  var frame = document.getElementById('app-frame');
  var flags = document.getElementById('sandbox-flags');
  var state = {
    module: main.dataset.module, user: main.dataset.user, theme: main.dataset.theme,
    issue: main.dataset.issue || null, project: main.dataset.project || null, mode: main.dataset.mode
  };
  var flagSequence = 0;

  function frameUrl(changes) {
    var params = new URLSearchParams();
    var next = Object.assign({}, state, changes || {});
    params.set('module', next.module);
    if (next.issue) { params.set('issue', next.issue); }
    if (next.project && !next.issue) { params.set('project', next.project); }
    params.set('user', next.user);
    params.set('theme', next.theme);
    if (next.mode === 'forge') { params.set('mode', 'forge'); }
    return '/sandbox/frame?' + params.toString();
  }

  function json(response) {
    if (!response.ok) { throw new Error('The sandbox answered ' + response.status); }
    return response.json();
  }

  function showFlag(args) {
    var id = 'flag-' + (++flagSequence);
    var flag = document.createElement('div');
    flag.id = id;
    flag.className = 'flag ' + (args.type || 'info');
    flag.setAttribute('role', args.type === 'error' ? 'alert' : 'status');
    var close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', function () { flag.remove(); });
    var title = document.createElement('strong');
    title.textContent = args.title;
    var body = document.createElement('span');
    body.textContent = args.body;
    flag.append(close, title, body);
    flags.appendChild(flag);
    if (args.close === 'auto') { setTimeout(function () { flag.remove(); }, 8000); }
    refreshGlance();
    return id;
  }

  // What the Forge host (forge-host.js) shares with this one.
  window.sandboxHost = { showFlag: showFlag, frameUrl: frameUrl };

  var handlers = {
    getToken: function () {
      return fetch('/sandbox/context-token?user=' + encodeURIComponent(state.user)).then(json)
        .then(function (answer) { return answer.token; });
    },
    getContext: function () {
      var context = { jira: { project: { key: state.project } } };
      if (state.issue) { context.jira.issue = { key: state.issue }; }
      return context;
    },
    resize: function (args) {
      frame.style.height = Math.max(120, Number(args.height) || 0) + 'px';
      return true;
    },
    flag: showFlag,
    flagClose: function (args) {
      var flag = document.getElementById(args.id);
      if (flag) { flag.remove(); }
      return true;
    },
    request: function (args) {
      var options = { method: args.type, headers: { 'Accept': 'application/json' } };
      if (args.data !== null && args.type !== 'GET') {
        options.headers['Content-Type'] = args.contentType;
        options.body = args.data;
      }
      return fetch('/sandbox/jira' + args.url, options).then(function (response) {
        return response.text().then(function (text) { return { status: response.status, body: text }; });
      });
    },
    navigate: function (args) {
      var context = args.context || {};
      if (args.target === 'issue') {
        window.location.href = frameUrl({ module: 'value-context', issue: context.issueKey });
      } else if (args.target === 'addonmodule' || args.target === 'projectPage') {
        window.location.href = frameUrl({ module: context.moduleKey || context.addonKey || state.module,
          issue: null, project: context.projectKey || state.project });
      } else {
        window.location.href = '/';
      }
      return true;
    },
    reload: function () { window.location.reload(); return true; },
    getLocation: function () { return window.location.href; },
    getTheme: function () { return state.theme; },
    getCurrentUser: function () { return { atlassianAccountId: state.user }; }
  };

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.source !== frame.contentWindow || !message || !message.sandboxBridge || !handlers[message.method]) {
      return;
    }
    Promise.resolve().then(function () { return handlers[message.method](message.args || {}); })
      .then(function (result) {
        frame.contentWindow.postMessage({ sandboxBridge: 1, id: message.id, result: result }, event.origin);
      }, function (error) {
        frame.contentWindow.postMessage({ sandboxBridge: 1, id: message.id, error: String(error.message || error) }, event.origin);
      });
  });

  // Jira shows an issue context's label on the glance; the app writes it as an issue property.
  var glanceLabel = document.getElementById('glance-label');
  function refreshGlance() {
    if (!glanceLabel || !state.issue) { return; }
    fetch('/sandbox/glance?issue=' + encodeURIComponent(state.issue)).then(json).then(function (answer) {
      glanceLabel.textContent = answer.label;
    }, function () { /* the next refresh tries again */ });
  }
  if (glanceLabel) {
    refreshGlance();
    setInterval(refreshGlance, 2000);
    var glance = document.getElementById('glance');
    var box = document.getElementById('app-frame-box');
    glance.addEventListener('click', function () {
      var open = glance.getAttribute('aria-expanded') === 'true';
      glance.setAttribute('aria-expanded', String(!open));
      box.hidden = open;
    });
  }

  document.getElementById('sandbox-user').addEventListener('change', function (event) {
    window.location.href = frameUrl({ user: event.target.value });
  });
  var themeButton = document.getElementById('sandbox-theme');
  themeButton.addEventListener('click', function () {
    state.theme = state.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.setAttribute('data-color-mode', state.theme);
    themeButton.setAttribute('aria-pressed', String(state.theme === 'dark'));
    history.replaceState(null, '', frameUrl());
    frame.contentWindow.postMessage({ sandboxBridge: 1, event: 'theme', theme: state.theme }, window.location.origin);
  });
})();
