/*
 * Editing a roadmap theme: the edit dialog (every field, archive, delete with the unlink choice), the owner picker it
 * shares with the new-theme form, and moving a theme's quarters. Version-checked like every save: a 409 keeps the
 * user's edits and offers to reload the theme someone else changed.
 */
(function (T) {
  'use strict';

  var el = function (id) { return document.getElementById(id); };
  var make = T.make;
  var FIELDS = ['name', 'description', 'color', 'status', 'horizon', 'startQuarter', 'endQuarter', 'outcome'];
  var dialog = { theme: null, opener: null, onChanged: null, confirmingDelete: false };

  function themePath(id) { return '/api/themes/' + encodeURIComponent(id); }

  /** A full theme as the PUT takes it: every field (an absent one would fall back to its default). */
  function draftOf(theme) {
    var body = { version: theme.version };
    FIELDS.forEach(function (field) {
      var value = theme[field];
      if (value !== null && value !== undefined && value !== '') { body[field] = value; }
    });
    ['color', 'status', 'horizon'].forEach(function (field) { if (body[field]) { body[field] = body[field].toLowerCase(); } });
    if (theme.owner) { body.owner = theme.owner; }
    return body;
  }

  function errorText(reply, fallback) {
    var body = reply.body || {};
    if (body.errors && body.errors.length) { return body.errors.map(function (e) { return e.message; }).join(' '); }
    return body.message || fallback;
  }

  // --- owner picker: a combobox searching Jira users through /api/themes/owners ---

  /**
   * Turns a text input into a person picker: typing searches Jira's users, arrow keys walk the list, Enter picks;
   * the chosen accountId is kept on the input (data-account-id). Clearing the text clears the owner.
   */
  function ownerPicker(input, list) {
    var timer = null;
    var active = -1;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');

    function close() {
      list.textContent = '';
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function choose(person) {
      input.value = person.displayName;
      input.setAttribute('data-account-id', person.accountId);
      close();
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role="option"]');
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) { option.setAttribute('aria-selected', String(i === active)); });
      input.setAttribute('aria-activedescendant', options[active].id);
    }

    function search() {
      var query = input.value.trim();
      if (!query) { close(); return; }
      T.api('GET', '/api/themes/owners?query=' + encodeURIComponent(query)).then(function (reply) {
        if (input.value.trim() !== query) { return; }
        list.textContent = '';
        var users = reply.status === 200 ? reply.body.users : [];
        if (!users.length) {
          list.appendChild(make('li', 'subtle', reply.status === 200 ? 'Nobody in Jira by that name.' : errorText(reply, 'Jira could not be asked.')));
        }
        users.forEach(function (person, i) {
          var option = make('li', 'option', person.displayName);
          option.id = list.id + '-' + i;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.addEventListener('mousedown', function (event) { event.preventDefault(); choose(person); });
          option.person = person;
          list.appendChild(option);
        });
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        T.resize();
      });
    }

    input.addEventListener('input', function () {
      input.removeAttribute('data-account-id');
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) { return; }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(list.querySelectorAll('[role="option"]')[active].person);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    return {
      set: function (accountId, name) {
        input.value = accountId ? (name || accountId) : '';
        if (accountId) { input.setAttribute('data-account-id', accountId); } else { input.removeAttribute('data-account-id'); }
        close();
      },
      /** The chosen accountId; '' when the field is empty; null when text was typed but nobody picked. */
      value: function () {
        if (!input.value.trim()) { return ''; }
        return input.getAttribute('data-account-id');
      }
    };
  }

  // --- the edit dialog ---

  var picker = null;

  function fieldErrors(errors) {
    var rest = [];
    (errors || []).forEach(function (error) {
      var target = el('td-error-' + error.field);
      if (target) { T.text(target, error.message); } else { rest.push(error.message); }
    });
    return rest;
  }

  function say(text, kind, reload) {
    T.message(el('td-message'), text, kind);
    el('td-reload').hidden = !reload;
  }

  function fill(theme, ownerName) {
    dialog.theme = theme;
    FIELDS.forEach(function (field) {
      var input = el('td-' + field);
      var value = theme[field] === null || theme[field] === undefined ? '' : String(theme[field]);
      input.value = ['color', 'status', 'horizon'].indexOf(field) >= 0 ? value.toLowerCase() : value;
    });
    picker.set(theme.owner, ownerName);
    T.text(el('td-title'), 'Edit theme "' + theme.name + '"');
    el('td-archive').hidden = theme.status === 'ARCHIVED';
    showDeleteChoice(false);
  }

  function clearErrors() {
    document.querySelectorAll('#theme-dialog .field-error').forEach(function (e) { T.text(e, ''); });
    say('');
  }

  function showDeleteChoice(open) {
    dialog.confirmingDelete = open;
    el('td-delete-confirm').hidden = !open;
    el('td-unlink').checked = false;
    if (open) { el('td-delete-yes').focus(); }
    T.resize();
  }

  /** Opens the dialog for theme {id}; focus goes back to {opener} when it closes. */
  function open(id, opener, ownerName, onChanged) {
    dialog.opener = opener;
    dialog.onChanged = onChanged;
    T.api('GET', themePath(id)).then(function (reply) {
      if (reply.status !== 200) {
        onChanged(errorText(reply, 'The theme could not be read.'), 'error');
        return;
      }
      clearErrors();
      fill(reply.body, ownerName);
      var box = el('theme-dialog');
      if (box.showModal) { box.showModal(); } else { box.setAttribute('open', ''); }
      el('td-name').focus();
      T.resize();
    });
  }

  function close(changedText) {
    var box = el('theme-dialog');
    if (box.open) { box.close(); }
    var opener = dialog.opener;
    if (opener && document.body.contains(opener)) { opener.focus(); }
    // a change (or a reload while open) redraws the board: the page puts focus back on the theme's new Edit button
    if (changedText || !document.body.contains(opener)) { dialog.onChanged(changedText, 'success', dialog.theme.id); }
  }

  function body(extra) {
    var draft = { version: dialog.theme.version };
    FIELDS.forEach(function (field) {
      var value = el('td-' + field).value.trim();
      if (value) { draft[field] = value; }
    });
    var owner = picker.value();
    if (owner === null) { return null; }
    if (owner) { draft.owner = owner; }
    Object.keys(extra || {}).forEach(function (key) { draft[key] = extra[key]; });
    return draft;
  }

  function save(extra, doneText) {
    clearErrors();
    var draft = body(extra);
    if (!draft) {
      T.text(el('td-error-owner'), 'Pick the owner from the list (type the start of their name), or clear the field.');
      el('td-owner').focus();
      return;
    }
    T.api('PUT', themePath(dialog.theme.id), draft).then(function (reply) {
      if (reply.status === 200) {
        dialog.theme = reply.body;
        close(doneText(reply.body));
      } else if (reply.status === 409) {
        say('Someone else changed this theme since you opened it. Your edits are still here; reload to see theirs.', 'error', true);
      } else if (reply.status === 400) {
        var rest = fieldErrors(reply.body.errors);
        say(rest.length ? rest.join(' ') : 'Please correct the fields marked.', 'error');
      } else {
        say(errorText(reply, 'The theme was not saved.'), 'error');
      }
    });
  }

  function remove() {
    var unlink = el('td-unlink').checked;
    T.api('DELETE', themePath(dialog.theme.id) + (unlink ? '?unlink=true' : '')).then(function (reply) {
      if (reply.status === 200) {
        close('Deleted "' + dialog.theme.name + '"' + (reply.body.unlinkedIssues ? '; ' + reply.body.unlinkedIssues
          + ' issue(s) unlinked.' : '.'));
      } else if (reply.status === 409 && reply.body && reply.body.linkedIssues) {
        say(reply.body.linkedIssues + ' issue(s) are linked to this theme. Tick "Also unlink" to remove the links and'
          + ' delete it, or archive it instead.', 'error');
        el('td-unlink').focus();
      } else if (T.isPartial(reply)) {
        say(reply.body.message, 'error');
        dialog.onChanged(null);
      } else {
        say(errorText(reply, 'The theme was not deleted.'), 'error');
      }
    });
  }

  function reload() {
    T.api('GET', themePath(dialog.theme.id)).then(function (reply) {
      if (reply.status === 200) {
        fill(reply.body, null);
        say('Reloaded: these are the saved values now. Make your changes again.', '');
        el('td-name').focus();
        dialog.onChanged(null);
      } else {
        say(errorText(reply, 'The theme could not be read.'), 'error');
      }
    });
  }

  /** Keeps Tab inside the dialog (showModal makes the page inert too; this holds where it does not). */
  function trapFocus(event) {
    if (event.key !== 'Tab') { return; }
    var focusable = Array.prototype.filter.call(el('theme-dialog').querySelectorAll('input, select, textarea, button'),
      function (node) { return !node.disabled && node.offsetParent !== null; });
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  }

  function wire() {
    var box = el('theme-dialog');
    if (!box) { return; }
    picker = ownerPicker(el('td-owner'), el('td-owner-list'));
    el('td-form').addEventListener('submit', function (event) {
      event.preventDefault();
      save({}, function (t) { return 'Saved "' + t.name + '".'; });
    });
    el('td-archive').addEventListener('click', function () {
      save({ status: 'archived' }, function (t) { return 'Archived "' + t.name + '".'; });
    });
    el('td-delete').addEventListener('click', function () { showDeleteChoice(true); });
    el('td-delete-no').addEventListener('click', function () { showDeleteChoice(false); el('td-delete').focus(); });
    el('td-delete-yes').addEventListener('click', remove);
    el('td-reload').addEventListener('click', reload);
    el('td-cancel').addEventListener('click', function () { close(null); });
    box.addEventListener('keydown', trapFocus);
    // Esc: the browser closes a modal dialog; focus still goes back to the card
    box.addEventListener('cancel', function (event) { event.preventDefault(); close(null); });
  }

  /**
   * Moves a theme's quarters by {shift} (start and end together); reads the full theme first so nothing the
   * timeline does not show is lost. Resolves to the message to show.
   */
  function shiftQuarters(id, shift, quarterText, quarterIndex) {
    return T.api('GET', themePath(id)).then(function (reply) {
      if (reply.status !== 200) { return { text: errorText(reply, 'The theme could not be read.'), kind: 'error' }; }
      var theme = reply.body;
      var draft = draftOf(theme);
      if (theme.startQuarter) { draft.startQuarter = quarterText(quarterIndex(theme.startQuarter) + shift); }
      if (theme.endQuarter) { draft.endQuarter = quarterText(quarterIndex(theme.endQuarter) + shift); }
      return T.api('PUT', themePath(id), draft).then(function (saved) {
        if (saved.status === 200) {
          return { text: 'Moved "' + theme.name + '" to ' + (saved.body.startQuarter || '') + (saved.body.endQuarter
            && saved.body.endQuarter !== saved.body.startQuarter ? ' – ' + saved.body.endQuarter : '') + '.', kind: 'success' };
        }
        return { text: saved.status === 409 ? 'Someone else changed "' + theme.name + '" meanwhile; the timeline shows theirs now.'
          : errorText(saved, 'The move was not saved.'), kind: 'error' };
      });
    });
  }

  T.themeDialog = { open: open, ownerPicker: ownerPicker, shiftQuarters: shiftQuarters };
  wire();
})(window.Throughline);
