/*
 * The sandbox's Forge host: answers the @forge/bridge calls of the Custom UI resource in #app-frame as Jira does for
 * a Forge app. invokeRemote goes to the local Forge platform (/forge-platform/invoke-remote on the app's origin),
 * which signs a Forge Invocation Token for the signed-in user and calls the app's remote.
 */
(function () {
  'use strict';
  var main = document.getElementById('sandbox-main');
  var frame = document.getElementById('app-frame');
  var data = main.dataset;

  function extension() {
    var found = { type: data.forgeModuleType };
    if (data.issue) { found.issue = { key: data.issue }; }
    if (data.project) { found.project = { key: data.project }; }
    return found;
  }

  function applyTheme(target) {
    var theme = document.documentElement.getAttribute('data-color-mode') || 'light';
    var html = target.document.documentElement;
    html.setAttribute('data-color-mode', theme);
    html.setAttribute('data-theme', theme + ':' + theme);
    if (!target.document.querySelector('link[data-sandbox-tokens]')) {
      var link = target.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/sandbox/tokens.css';
      link.setAttribute('data-sandbox-tokens', '');
      target.document.head.appendChild(link);
    }
  }

  var themed = [];

  var handlers = {
    getContext: function () {
      return {
        accountId: data.user, cloudId: 'sandbox', siteUrl: window.location.origin, moduleKey: data.forgeModule,
        environmentType: 'DEVELOPMENT', localId: data.forgeModule, extension: extension()
      };
    },
    createHistory: function () {
      return { location: { pathname: '/' + (data.forgeRoute || '') }, listen: function () { return function () {}; } };
    },
    invoke: function (payload) {
      var request = { path: payload.path, method: payload.method, headers: payload.headers || {}, body: payload.body,
        context: { moduleKey: data.forgeModule, extension: extension() }, accountId: data.user };
      return fetch('/forge-platform/invoke-remote', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(request)
      }).then(function (response) {
        if (!response.ok) { throw new Error('The local Forge platform answered ' + response.status); }
        return response.json();
      }).then(function (answer) {
        return { success: true, payload: { status: answer.status, headers: answer.headers || {}, body: answer.body } };
      });
    },
    showFlag: function (payload) {
      window.sandboxHost.showFlag({ title: payload.title, body: payload.description, type: payload.type,
        close: payload.isAutoDismiss ? 'auto' : 'manual' });
      return true;
    },
    closeFlag: function () { return true; },
    navigate: function (payload) {
      var url = payload.target === 'issue'
        ? window.sandboxHost.frameUrl({ module: 'value-context', issue: payload.issueKey }) : payload.url || '/';
      if (payload.type === 'new-tab') { window.open(url, '_blank'); } else { window.location.href = url; }
      return true;
    },
    enableTheming: function (payload, target) {
      themed.push(target);
      applyTheme(target);
      return true;
    }
  };

  window.sandboxForgeHost = {
    callBridge: function (name, payload, target) {
      if (!handlers[name]) { return Promise.reject(new Error('The sandbox does not answer ' + name + ' yet.')); }
      return Promise.resolve().then(function () { return handlers[name](payload || {}, target); });
    }
  };

  // The frame's theme switch reaches every Custom UI document that enabled theming.
  document.getElementById('sandbox-theme').addEventListener('click', function () {
    themed.forEach(function (target) { if (!target.closed) { applyTheme(target); } });
  });
  frame.addEventListener('load', function () { themed = []; });
})();
