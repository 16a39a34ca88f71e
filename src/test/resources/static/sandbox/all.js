/*
 * Sandbox stand-in for Connect's all.js: the AP API our iframe pages use, answered by the sandbox frame
 * (host.js) over postMessage, as Jira's host does. Only the calls Throughline makes or may make are here:
 * context.getToken, resize/sizeToParent (plus automatic resizing), flag.create, request, navigator,
 * theming.initializeTheming and user.getCurrentUser.
 */
(function () {
  'use strict';
  var host = window.parent;
  var pending = {};
  var sequence = 0;
  var themingOn = false;

  function call(method, args) {
    return new Promise(function (resolve, reject) {
      if (host === window) {
        reject(new Error('Open this page from the sandbox home page: it needs its Jira frame.'));
        return;
      }
      var id = ++sequence;
      pending[id] = { resolve: resolve, reject: reject };
      host.postMessage({ sandboxBridge: 1, id: id, method: method, args: args || {} }, '*');
    });
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.source !== host || !message || !message.sandboxBridge) { return; }
    if (message.event === 'theme' && themingOn) { applyTheme(message.theme); return; }
    var waiting = pending[message.id];
    if (!waiting) { return; }
    delete pending[message.id];
    if (message.error) { waiting.reject(new Error(message.error)); } else { waiting.resolve(message.result); }
  });

  function contentHeight() {
    var body = document.body;
    if (!body) { return 0; }
    var style = window.getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  }

  function resize(width, height) {
    call('resize', { height: height ? parseInt(height, 10) : contentHeight() });
  }

  function applyTheme(theme) {
    document.documentElement.setAttribute('data-color-mode', theme);
    document.documentElement.setAttribute('data-theme', theme + ':' + theme);
  }

  window.AP = {
    context: {
      getToken: function (callback) {
        var token = call('getToken');
        if (callback) { token.then(callback); }
        return token;
      },
      getContext: function (callback) {
        var context = call('getContext');
        if (callback) { context.then(callback); }
        return context;
      }
    },
    resize: resize,
    sizeToParent: function () { resize(); },
    flag: {
      create: function (options) {
        var created = call('flag', {
          title: String(options.title || ''), body: String(options.body || ''),
          type: options.type || 'info', close: options.close || 'manual'
        });
        return { close: function () { created.then(function (id) { call('flagClose', { id: id }); }); } };
      }
    },
    request: function (urlOrOptions, maybeOptions) {
      var options = typeof urlOrOptions === 'string' ? Object.assign({ url: urlOrOptions }, maybeOptions || {}) : urlOrOptions;
      var answer = call('request', {
        url: options.url, type: (options.type || 'GET').toUpperCase(),
        data: options.data === undefined ? null : (typeof options.data === 'string' ? options.data : JSON.stringify(options.data)),
        contentType: options.contentType || 'application/json'
      });
      return answer.then(function (result) {
        var xhr = { status: result.status, responseText: result.body };
        if (result.status >= 400) {
          if (options.error) { options.error(xhr, 'error', result.body); }
          var failure = new Error('Jira answered ' + result.status);
          failure.xhr = xhr;
          throw failure;
        }
        if (options.success) { options.success(result.body, 'success', xhr); }
        return { body: result.body, xhr: xhr };
      });
    },
    navigator: {
      go: function (target, context) { call('navigate', { target: target, context: context || {} }); },
      reload: function () { call('reload'); },
      getLocation: function (callback) {
        var location = call('getLocation');
        if (callback) { location.then(callback); }
        return location;
      }
    },
    theming: {
      initializeTheming: function () {
        themingOn = true;
        if (!document.querySelector('link[data-sandbox-tokens]')) {
          var link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = '/sandbox/tokens.css';
          link.setAttribute('data-sandbox-tokens', '');
          document.head.appendChild(link);
        }
        return call('getTheme').then(applyTheme);
      }
    },
    user: {
      getCurrentUser: function (callback) {
        var user = call('getCurrentUser');
        if (callback) { user.then(callback); }
        return user;
      }
    }
  };

  // Like Connect's default: the host frame follows the page's height as it changes.
  function watchHeight() {
    var last = -1;
    function report() {
      var height = contentHeight();
      if (height !== last) { last = height; call('resize', { height: height }); }
    }
    if (window.ResizeObserver) { new ResizeObserver(report).observe(document.body); }
    report();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watchHeight);
  } else {
    watchHeight();
  }
})();
