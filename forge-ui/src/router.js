// A Forge app has one jira:projectPage and one jira:globalPage; each holds several of our pages as sub-pages
// (manifest `pages`, one route each). This resource's index.html opens the page of the current route, a folder of
// the same resource, so every page stays the one the Connect door serves.
(function () {
  'use strict';
  var routes = document.body.getAttribute('data-routes').split(' ');
  window.ThroughlineForge.view.createHistory().then(function (history) {
    var segment = (history.location && history.location.pathname || '').split('/').filter(Boolean)[0];
    var page = routes.indexOf(segment) >= 0 ? segment : routes[0];
    window.location.replace(page + '/index.html' + window.location.search);
  });
})();
