/* global window, document, HTMLFormElement, setInterval, clearInterval, setTimeout, clearTimeout */
// HotSox: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';

  // Confirmation dialogs for destructive forms (form[data-confirm]).
  var dialog = document.getElementById('confirm-dialog');
  var pending = null;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || !dialog || !dialog.showModal) return;
    if (form.dataset.confirmed === 'yes') return;
    event.preventDefault();
    pending = form;
    document.getElementById('confirm-text').textContent = form.dataset.confirm;
    var yes = document.getElementById('confirm-yes');
    var button = form.querySelector('button[type="submit"]');
    yes.textContent = button ? button.textContent : 'Yes, do it';
    dialog.showModal();
  });
  if (dialog) {
    dialog.addEventListener('close', function () {
      if (dialog.returnValue === 'yes' && pending) {
        pending.dataset.confirmed = 'yes';
        if (pending.requestSubmit) pending.requestSubmit();
        else pending.submit();
      }
      pending = null;
    });
  }

  // Buttons that open a <dialog> (data-dialog-open="id").
  document.addEventListener('click', function (event) {
    var opener = event.target.closest && event.target.closest('[data-dialog-open]');
    if (!opener) return;
    var target = document.getElementById(opener.getAttribute('data-dialog-open'));
    if (target && target.showModal) target.showModal();
  });

  // Sliders show their value as they move.
  document.querySelectorAll('input[data-range]').forEach(function (input) {
    var out = input.parentElement.querySelector('[data-range-out]');
    input.addEventListener('input', function () {
      if (out) out.textContent = input.value;
    });
  });

  // Chosen files of an upload form.
  document.querySelectorAll('.upload-input').forEach(function (input) {
    var label = input.form && input.form.querySelector('[data-upload-chosen]');
    input.addEventListener('change', function () {
      if (!label) return;
      var n = input.files ? input.files.length : 0;
      label.textContent = n === 0 ? '' : n === 1 ? input.files[0].name + ' chosen' : n + ' pictures chosen';
    });
  });

  // Carousels rotate every 5 seconds unless reduced motion is preferred; buttons step through.
  var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document.querySelectorAll('[data-carousel]').forEach(function (carousel) {
    var slides = carousel.querySelectorAll('.carousel-slide');
    if (slides.length < 2) return;
    var index = 0;
    var counter = carousel.querySelector('[data-carousel-index]');
    function show(next) {
      slides[index].classList.remove('is-active');
      slides[index].setAttribute('aria-hidden', 'true');
      index = (next + slides.length) % slides.length;
      slides[index].classList.add('is-active');
      slides[index].removeAttribute('aria-hidden');
      if (counter) counter.textContent = String(index + 1);
    }
    var timer = still
      ? null
      : setInterval(function () {
          show(index + 1);
        }, 5000);
    function manual(step) {
      if (timer) {
        clearInterval(timer);
        timer = null;
      }
      show(index + step);
    }
    carousel.querySelector('.carousel-prev').addEventListener('click', function () {
      manual(-1);
    });
    carousel.querySelector('.carousel-next').addEventListener('click', function () {
      manual(1);
    });
  });

  // Swiping with the keyboard: ← nope, → like (not while typing or in a dialog).
  var swipe = document.querySelector('[data-swipe]');
  if (swipe) {
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var tag = document.activeElement && document.activeElement.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || document.querySelector('dialog[open]'))
        return;
      var button = swipe.querySelector('[data-swipe-key="' + event.key + '"]');
      if (button) {
        event.preventDefault();
        button.click();
      }
    });
  }

  // Account menu: close when clicking elsewhere or pressing Escape.
  var menu = document.querySelector('details.menu');
  if (menu) {
    document.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  }

  // City fields (input[data-places] with its <datalist>) suggest places from the API as the user
  // types: 150 ms after the last keystroke, the previous request aborted. Each suggestion's value
  // is a label the server locates at that very place ("Zürich, CH").
  document.querySelectorAll('input[data-places]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list || !window.fetch || !window.AbortController) return;
    var timer = null;
    var request = null;
    function show(items) {
      list.textContent = '';
      items.forEach(function (item) {
        var option = document.createElement('option');
        option.value = item.label;
        option.textContent = item.name + ' · ' + Number(item.population).toLocaleString();
        list.appendChild(option);
      });
    }
    function suggest(query) {
      if (request) request.abort();
      request = new window.AbortController();
      window
        .fetch(input.dataset.places + '?q=' + encodeURIComponent(query), {
          signal: request.signal,
          headers: { Accept: 'application/json' },
        })
        .then(function (res) {
          return res.ok ? res.json() : { items: [] };
        })
        .then(function (body) {
          show(body.items || []);
        })
        .catch(function () {
          // Aborted by a newer keystroke, or offline: the field still takes any city.
        });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var query = input.value.trim();
      var chosen = Array.prototype.some.call(list.options, function (o) {
        return o.value === input.value;
      });
      if (chosen) return; // a suggestion was just picked
      if (query.length < 2 || query.length > 100) {
        if (request) request.abort();
        show([]);
        return;
      }
      timer = setTimeout(function () {
        suggest(query);
      }, 150);
    });
  });

  // Chat: newest message in view, input ready. (A websocket will push new messages here later.)
  var log = document.querySelector('[data-chat-log]');
  if (log) {
    log.scrollTop = log.scrollHeight;
    var input = document.querySelector('[data-chat-form] input[name="text"]');
    if (input && !('ontouchstart' in window)) input.focus();
  }
})();
