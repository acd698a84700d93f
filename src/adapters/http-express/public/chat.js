/* global window, document, location, WebSocket, CSS, setTimeout, crypto */
// The live chat of a match page: messages arrive without a reload over the WebSocket /chat
// (protocol in the README). Without JavaScript, or while the socket is down, the form posts as
// before. Messages are keyed by id, so a catch-up after a reconnect never shows one twice. Each
// message sent carries a client id; until the server answers it stays "sending…", and after a
// reconnect it is sent again under the same id, which the server stores once.
(function () {
  'use strict';
  var root = document.querySelector('[data-chat]');
  if (!root || !('WebSocket' in window)) return;
  var matchId = root.getAttribute('data-match-id');
  var me = root.getAttribute('data-me');
  var log = root.querySelector('[data-chat-log]');
  var form = root.querySelector('[data-chat-form]');
  var input = form.querySelector('input[name="text"]');
  var socket = null;
  var retryMs = 1000;
  var ended = false;
  var pending = []; // what each outstanding "sync" was for: 'catch-up' or 'older'
  var unsent = []; // messages sent and not yet answered: {clientId, text, item}
  var olderCursor = log.getAttribute('data-older') === 'true' ? oldestId() : null;

  function oldestId() {
    var first = log.querySelector('[data-message-id]');
    return first ? first.getAttribute('data-message-id') : null;
  }

  function formatTime(iso) {
    return new Date(iso).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
  }

  function messageItem(m) {
    var mine = m.sender === me;
    var li = document.createElement('li');
    li.className = 'msg ' + (mine ? 'msg-mine' : 'msg-theirs');
    li.setAttribute('data-message-id', m.id);
    var meta = document.createElement('p');
    meta.className = 'msg-meta';
    meta.appendChild(document.createTextNode((mine ? 'Me' : m.sender) + ' · '));
    var time = document.createElement('time');
    time.setAttribute('datetime', m.sentAt);
    time.textContent = formatTime(m.sentAt);
    meta.appendChild(time);
    if (mine && m.seenAt) meta.appendChild(document.createTextNode(' · seen'));
    var text = document.createElement('p');
    text.className = 'msg-text';
    text.textContent = m.text;
    li.appendChild(meta);
    li.appendChild(text);
    return li;
  }

  function newClientId() {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b + 256).toString(16).slice(1);
      })
      .join('');
  }

  function pendingItem(text) {
    var li = document.createElement('li');
    li.className = 'msg msg-mine msg-pending';
    li.setAttribute('data-pending', '');
    var meta = document.createElement('p');
    meta.className = 'msg-meta';
    meta.textContent = 'Me · sending…';
    var body = document.createElement('p');
    body.className = 'msg-text';
    body.textContent = text;
    li.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  /** The unsent entry of this client id, taken off the list (its "sending…" item removed), or null. */
  function settle(clientId) {
    for (var i = 0; i < unsent.length; i++) {
      if (unsent[i].clientId === clientId) {
        var entry = unsent.splice(i, 1)[0];
        entry.item.remove();
        return entry;
      }
    }
    return null;
  }

  function known(id) {
    return !!log.querySelector('[data-message-id="' + CSS.escape(id) + '"]');
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  /** Adds messages newer than what is shown, oldest first, each once. */
  function append(messages) {
    var stick = nearBottom();
    var empty = log.querySelector('.chat-empty');
    messages.forEach(function (m) {
      if (m.clientId && m.sender === me) settle(m.clientId);
      if (known(m.id)) return;
      if (empty) {
        empty.remove();
        empty = null;
      }
      log.insertBefore(messageItem(m), log.querySelector('[data-pending]'));
      if (m.sender !== me && document.visibilityState === 'visible') send({ type: 'seen', messageId: m.id });
    });
    if (stick) log.scrollTop = log.scrollHeight;
  }

  /** Adds older messages above, newest of them last, keeping the view where it was. */
  function prepend(messages) {
    var before = log.scrollHeight;
    var note = log.querySelector('.chat-note:not(.chat-empty)');
    messages.forEach(function (m) {
      if (known(m.id)) return;
      var first = log.querySelector('[data-message-id]');
      log.insertBefore(messageItem(m), first || null);
    });
    if (note && !olderCursor) note.remove();
    log.scrollTop += log.scrollHeight - before;
  }

  function markSeen(messageId) {
    var li = log.querySelector('[data-message-id="' + CSS.escape(messageId) + '"]');
    var meta = li && li.querySelector('.msg-meta');
    if (meta && li.classList.contains('msg-mine') && !/· seen$/.test(meta.textContent)) {
      meta.appendChild(document.createTextNode(' · seen'));
    }
  }

  function showError(text) {
    var error = form.querySelector('[data-chat-error]');
    if (!error) {
      error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('data-chat-error', '');
      error.setAttribute('role', 'alert');
      form.appendChild(error);
    }
    error.textContent = text;
    error.hidden = !text;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function connect() {
    if (ended) return;
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/chat?match=' + encodeURIComponent(matchId));
    root.setAttribute('data-chat-state', 'connecting');
    socket.onopen = function () {
      retryMs = 1000;
      root.setAttribute('data-chat-state', 'live');
      pending.push('catch-up'); // what arrived while this page had no socket
      send({ type: 'sync' });
    };
    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'message' && frame.message.matchId === matchId) append([frame.message]);
      else if (frame.type === 'seen') markSeen(frame.messageId);
      else if (frame.type === 'history') {
        var kind = pending.shift();
        var oldestFirst = frame.messages.slice().reverse();
        if (kind === 'older') {
          olderCursor = frame.nextCursor;
          prepend(oldestFirst);
        } else {
          append(oldestFirst);
          // what is still unanswered was lost with the old socket, or never stored: send it again
          unsent.forEach(function (entry) {
            send({ type: 'send', text: entry.text, clientId: entry.clientId });
          });
        }
      } else if (frame.type === 'ended') {
        ended = true;
        showError('This match has ended.');
        input.disabled = true;
      } else if (frame.type === 'error') {
        var refused = frame.clientId ? settle(frame.clientId) : null;
        if (refused && !input.value) input.value = refused.text;
        showError(frame.detail);
      }
    };
    socket.onclose = function () {
      root.setAttribute('data-chat-state', 'offline');
      pending = [];
      if (ended) return;
      setTimeout(connect, retryMs + Math.floor(Math.random() * 250));
      retryMs = Math.min(retryMs * 2, 30000);
    };
  }

  form.addEventListener('submit', function (event) {
    var text = input.value.trim();
    if (!text) return;
    var clientId = newClientId();
    if (send({ type: 'send', text: text, clientId: clientId })) {
      event.preventDefault();
      var item = pendingItem(text);
      var empty = log.querySelector('.chat-empty');
      if (empty) empty.remove();
      log.appendChild(item);
      log.scrollTop = log.scrollHeight;
      unsent.push({ clientId: clientId, text: text, item: item });
      input.value = '';
      showError('');
    } // else: the form posts, as without JavaScript
  });

  log.addEventListener('scroll', function () {
    if (log.scrollTop > 40 || !olderCursor || pending.indexOf('older') >= 0) return;
    pending.push('older');
    if (!send({ type: 'sync', beforeId: oldestId() })) pending.pop();
  });

  log.scrollTop = log.scrollHeight;
  connect();
})();
