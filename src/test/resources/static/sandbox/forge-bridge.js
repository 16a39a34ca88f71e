/*
 * What the Forge platform injects into a Custom UI resource: window.__bridge, through which @forge/bridge makes
 * every call (callBridge(name, payload)). The sandbox's answers come from its Jira frame (forge-host.js).
 */
(function () {
  'use strict';
  function host() {
    return new Promise(function (resolve, reject) {
      if (window.parent === window) {
        reject(new Error('Open this page from the sandbox home page: it needs its Jira frame.'));
        return;
      }
      (function wait() {
        if (window.parent.sandboxForgeHost) { resolve(window.parent.sandboxForgeHost); } else { setTimeout(wait, 20); }
      })();
    });
  }
  window.__bridge = {
    callBridge: function (name, payload) {
      return host().then(function (forgeHost) { return forgeHost.callBridge(name, payload, window); });
    }
  };
})();
