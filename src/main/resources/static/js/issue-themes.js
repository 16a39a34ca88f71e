/* The issue panel's theme picker: which roadmap themes this issue (and so its children) belongs to. */
(function (T) {
  'use strict';

  var root = document.getElementById('value-panel');
  var issueKey = root.getAttribute('data-issue-key');
  var path = '/api/issues/' + encodeURIComponent(issueKey) + '/themes';
  var el = function (id) { return document.getElementById(id); };

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { T.text(node, text); }
    return node;
  }

  function render(view) {
    var list = el('linked-themes');
    list.textContent = '';
    var inherited = view.inherited || [];
    if (!view.linked.length && !inherited.length) {
      list.appendChild(make('li', 'subtle', 'Not part of any roadmap theme.'));
    }
    // themes of its epic (or parent) hold this issue too; they are changed on the parent, which the key opens
    inherited.forEach(function (entry) {
      var item = make('li', 'inherited');
      var text = make('span', null, entry.theme.name + ' · ' + entry.theme.horizon.toLowerCase() + ' (via ');
      text.appendChild(T.issueLink(entry.via));
      text.appendChild(document.createTextNode(')'));
      item.appendChild(text);
      list.appendChild(item);
    });
    view.linked.forEach(function (theme) {
      var item = make('li');
      item.appendChild(make('span', null, theme.name + ' · ' + theme.horizon.toLowerCase()));
      if (view.editable) {
        var remove = make('button', 'secondary', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Remove ' + issueKey + ' from ' + theme.name);
        remove.addEventListener('click', function () { change({ remove: [theme.id] }); });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    var choice = el('theme-choice');
    choice.textContent = '';
    view.available.forEach(function (theme) {
      var option = make('option', null, theme.name + ' (' + theme.horizon.toLowerCase() + ')');
      option.value = theme.id;
      choice.appendChild(option);
    });
    el('theme-picker').hidden = !view.editable || view.available.length === 0;
    el('themes-section').hidden = false;
    T.resize();
  }

  function change(body) {
    T.api('POST', path, body).then(function (reply) {
      if (reply.status === 200) {
        render(reply.body);
      } else {
        var box = el('panel-message');
        box.hidden = false;
        box.className = 'message error';
        T.text(box, (reply.body && reply.body.message) || 'The themes were not changed.');
      }
    });
  }

  el('theme-add').addEventListener('click', function () {
    var id = el('theme-choice').value;
    if (id) { change({ add: [id] }); }
  });
  T.api('GET', path).then(function (reply) {
    if (reply.status === 200) { render(reply.body); }
  });
})(window.Throughline);
