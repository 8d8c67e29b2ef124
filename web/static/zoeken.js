// Progressive enhancement of the search pages. Without this script the
// form submits and the server answers with a whole page; with it, results
// follow the typing, filters apply at once, and the address bar keeps a
// URL that can be shared. The server renders every result: this script
// fetches the same page and swaps the results in.
(function () {
  'use strict';

  var form = document.getElementById('zoekformulier');
  var input = document.getElementById('q');
  var summary = document.getElementById('aantal');
  var copyStatus = document.getElementById('kopieer-status');
  var DELAY = 250; // ms of quiet after a key before searching

  var wide = window.matchMedia ? window.matchMedia('(min-width: 48.01rem)') : null;
  setupCopy(document);
  openFilters(null);
  if (form && input && summary && window.fetch && window.DOMParser && window.history && history.pushState) {
    enhance();
  }

  function enhance() {
    document.documentElement.classList.add('js');

    var timer = 0;
    var pending = null;
    var typed = input.value;

    function region() {
      return document.getElementById('resultaten');
    }

    // urlOf is the address of the results for the form as it is now.
    // While typing (instant) the last word also matches as a beginning:
    // prefix=true, which also reads an unfinished query leniently.
    function urlOf(instant) {
      var params = new URLSearchParams();
      var data = new FormData(form);
      data.forEach(function (value, key) {
        if (key !== 'page' && key !== 'prefix' && value !== '') {
          params.append(key, value);
        }
      });
      if (instant) {
        params.append('prefix', 'true');
      }
      return form.getAttribute('action') + '?' + params.toString();
    }

    // show fetches url and swaps its results in. how is 'push' (a new
    // history entry), 'replace' (while typing) or '' (going back).
    function show(url, how, focusId) {
      if (pending) {
        pending.abort();
      }
      var ctrl = new AbortController();
      pending = ctrl;
      var current = region();
      if (current) {
        current.setAttribute('aria-busy', 'true');
      }
      fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin', signal: ctrl.signal })
        .then(function (resp) { return resp.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var next = doc.getElementById('resultaten');
          var count = doc.getElementById('aantal');
          var old = region();
          if (!next || !count || !old) {
            window.location.assign(url);
            return;
          }
          var wasOpen = filtersOpen();
          old.replaceWith(document.importNode(next, true));
          openFilters(wasOpen);
          // Only the text changes, so the live region announces the count.
          if (summary.textContent !== count.textContent) {
            summary.textContent = count.textContent;
          }
          document.title = doc.title;
          if (how === 'push') {
            history.pushState(null, '', url);
          } else if (how === 'replace') {
            history.replaceState(null, '', url);
          }
          setupCopy(region());
          if (focusId) {
            var el = document.getElementById(focusId);
            if (el) {
              el.focus();
            }
          }
        })
        .catch(function (err) {
          if (err && err.name === 'AbortError') {
            return;
          }
          window.location.assign(url);
        })
        .then(function () {
          if (pending === ctrl) {
            pending = null;
          }
        });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        if (input.value === typed) {
          return;
        }
        typed = input.value;
        // The first search from the start page is a new entry; the words
        // typed after it replace each other.
        show(urlOf(true), window.location.pathname === '/zoeken' ? 'replace' : 'push');
      }, DELAY);
    });

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      window.clearTimeout(timer);
      typed = input.value;
      show(urlOf(false), 'push');
    });

    form.addEventListener('change', function (ev) {
      var t = ev.target;
      if (t && (t.type === 'checkbox' || t.tagName === 'SELECT')) {
        show(urlOf(false), 'push', t.id);
      }
    });

    window.addEventListener('popstate', function () {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get('q') || '';
      typed = input.value;
      show(window.location.pathname + window.location.search, '');
    });
  }

  function filtersOpen() {
    var box = document.getElementById('filters');
    return !!(box && box.open);
  }

  // openFilters opens the filter disclosure on a wide screen, where the
  // filters stand beside the results, or when it was open before the
  // results were swapped; on a phone it stays closed above the results.
  function openFilters(wasOpen) {
    var box = document.getElementById('filters');
    if (box && (wasOpen || (wide && wide.matches))) {
      box.open = true;
    }
  }

  // setupCopy shows the "kopieer citaat" buttons, which need a script.
  function setupCopy(root) {
    if (!root) {
      return;
    }
    var buttons = root.querySelectorAll('button.copy');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  }

  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest ? ev.target.closest('button.copy') : null;
    if (!btn) {
      return;
    }
    var text = btn.getAttribute('data-citation') || '';
    copy(text).then(function () {
      say('Citaat gekopieerd');
    }, function () {
      say('Kopiëren is niet gelukt. Selecteer de tekst en kopieer die zelf.');
    });
  });

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) {
        resolve();
      } else {
        reject(new Error('copy failed'));
      }
    });
  }

  // say shows a message in the copy status, which is visible and a live
  // region, and clears it after a while.
  var sayTimer = 0;
  function say(msg) {
    var st = copyStatus || document.getElementById('kopieer-status');
    if (st) {
      st.textContent = '';
      window.clearTimeout(sayTimer);
      window.setTimeout(function () { st.textContent = msg; }, 50);
      sayTimer = window.setTimeout(function () { st.textContent = ''; }, 6000);
    }
  }
})();
