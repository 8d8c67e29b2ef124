/*
 * <vanelkaar-zoek>: a search box for the article series "Innovatie bij
 * gemeenten: Van elkaar leren", to embed on any page:
 *
 *   <script src="https://SERVER/embed/widget.js" defer></script>
 *   <vanelkaar-zoek></vanelkaar-zoek>
 *
 * It follows the WAI-ARIA combobox pattern: the input is a combobox that
 * controls a listbox of suggestions and top hits; arrow keys move through
 * them, Enter opens the active one (or, with none active, the full results
 * page, as the Zoeken button does), Escape closes the list, and focus stays
 * on the input. While typing, the last word also matches as a beginning
 * (prefix=true). Choosing a theme, municipality, role or person opens the
 * results page with that filter applied. When the server cannot be reached
 * or refuses this site, a visible message says so. It finds its server from its own script address (or the
 * element's "server" attribute), and it is styled through CSS custom
 * properties named after NL Design System tokens. Attributes: label (the
 * visible label), placeholder, server, size (hits shown, 1 to 10).
 */
(function () {
  'use strict';
  if (!window.customElements || customElements.get('vanelkaar-zoek')) {
    return;
  }
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var DELAY = 200;
  var MIN = 2;
  var count = 0;

  var CSS = [
    ':host{display:block;position:relative;font-family:var(--nl-document-font-family,inherit);color:var(--nl-document-color,#1a1a1a);line-height:1.4}',
    ':host([hidden]){display:none}',
    'label{display:block;margin-bottom:.25em;font-weight:var(--nl-form-label-font-weight,600);color:var(--nl-form-label-color,inherit)}',
    'form{display:flex;gap:.5rem;margin:0}',
    'input{box-sizing:border-box;flex:1;min-width:0;width:100%;margin:0;font:inherit;font-size:var(--nl-text-input-font-size,1rem);',
    'padding:var(--nl-text-input-padding-block-start,.5em) var(--nl-text-input-padding-inline-end,.75em) var(--nl-text-input-padding-block-end,.5em) var(--nl-text-input-padding-inline-start,.75em);',
    'color:var(--nl-text-input-color,#1a1a1a);background:var(--nl-text-input-background-color,#fff);',
    'border:var(--nl-text-input-border-width,2px) solid var(--nl-text-input-border-color,#4d4d4d);border-radius:var(--nl-text-input-border-radius,4px)}',
    'input:focus{outline:var(--nl-focus-outline-width,3px) solid var(--nl-focus-outline-color,#1a1a1a);outline-offset:var(--nl-focus-outline-offset,2px);',
    'border-color:var(--nl-text-input-focus-border-color,var(--nl-text-input-border-color,#4d4d4d))}',
    'button{flex:none;margin:0;font:inherit;font-weight:600;cursor:pointer;padding:.5em 1em;color:var(--nl-button-primary-color,#fff);',
    'background:var(--nl-button-primary-background-color,#01689b);border:2px solid var(--nl-button-primary-border-color,#01689b);border-radius:var(--nl-button-border-radius,4px)}',
    'button:hover{background:var(--nl-button-primary-hover-background-color,#00476b)}',
    'button:focus-visible{outline:var(--nl-focus-outline-width,3px) solid var(--nl-focus-outline-color,#1a1a1a);outline-offset:var(--nl-focus-outline-offset,2px)}',
    '.err{margin:.5em 0 0;padding:.5em .75em;border-left:4px solid var(--nl-alert-error-border-color,#b00020);background:var(--nl-alert-error-background-color,#fdf0f1);color:var(--nl-alert-error-color,#1a1a1a)}',
    '.err[hidden]{display:none}',
    '[role=listbox]{position:absolute;left:0;right:0;z-index:var(--vanelkaar-z-index,1000);margin-top:4px;max-height:min(40rem,82vh);overflow:auto;',
    'background:var(--nl-listbox-background-color,#fff);color:var(--nl-listbox-color,#1a1a1a);',
    'border:var(--nl-listbox-border-width,1px) solid var(--nl-listbox-border-color,#4d4d4d);border-radius:var(--nl-listbox-border-radius,4px);box-shadow:0 4px 16px rgba(0,0,0,.18)}',
    '[role=listbox][hidden]{display:none}',
    '.g{padding:.5em .75em .25em;font-size:.8em;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--nl-listbox-group-color,#4a4a4a)}',
    '[role=option]{display:block;padding:.375em .75em;cursor:pointer;border-left:4px solid transparent}',
    '[role=option]:hover{background:var(--nl-listbox-option-hover-background-color,#f3f6f8)}',
    '[role=option][aria-selected=true]{background:var(--nl-listbox-option-active-background-color,#e6f0f6);border-left-color:var(--nl-listbox-option-active-border-color,#01689b)}',
    '.t{display:block;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
    '.s{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-size:.9em}',
    '.m{display:block;font-size:.8em;color:var(--nl-listbox-option-meta-color,#4a4a4a);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
    '@media (max-width:30em){.g{padding:.25em .75em 0}.s{-webkit-line-clamp:1}}',
    '.all{color:var(--nl-link-color,#01689b);text-decoration:underline}',
    'mark{background:var(--nl-mark-background-color,#ffe47a);color:var(--nl-mark-color,inherit);padding:0 .1em}',
    '.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    '@media (forced-colors:active){[role=option][aria-selected=true]{outline:2px solid Highlight}mark{forced-color-adjust:none;background:Mark;color:MarkText}}'
  ].join('');

  var sheet = null;
  function styles(root) {
    // A constructed sheet is not an inline style, so a host page's
    // Content-Security-Policy does not block it.
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      var st = document.createElement('style');
      st.textContent = CSS;
      root.appendChild(st);
    }
  }

  function el(tag, attrs, parent) {
    var e = document.createElement(tag);
    for (var k in attrs) {
      if (k === 'text') {
        e.textContent = attrs[k];
      } else {
        e.setAttribute(k, attrs[k]);
      }
    }
    if (parent) {
      parent.appendChild(e);
    }
    return e;
  }

  // decode resolves the entities of an escaped text.
  function decode(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, function (m, e) {
      var l = e.toLowerCase();
      if (l[0] === '#') {
        var n = l[1] === 'x' ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
        try {
          return String.fromCodePoint(n);
        } catch (err) {
          return m;
        }
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[l];
    });
  }

  // marked appends text in which only <mark> is markup as text nodes and
  // mark elements: the server's HTML is never parsed as HTML here.
  function marked(parent, s) {
    var parts = String(s || '').split(/(<\/?mark>)/);
    var target = parent;
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i];
      if (p === '<mark>') {
        if (target === parent) {
          target = el('mark', {}, parent);
        }
      } else if (p === '</mark>') {
        target = parent;
      } else if (p) {
        target.appendChild(document.createTextNode(decode(p)));
      }
    }
  }

  function withQuery(url, q) {
    var i = url.indexOf('#');
    var path = i < 0 ? url : url.slice(0, i);
    var frag = i < 0 ? '' : url.slice(i);
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q) + frag;
  }

  // suggestionsOf reads the answer of /api/v1/suggest: {"suggestions":
  // [{"text", "detail", "url", ...}]}; plain strings are taken too.
  function suggestionsOf(data) {
    var list = data && data.suggestions || [];
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var x = typeof list[i] === 'string' ? { text: list[i] } : list[i];
      if (x && x.text) {
        out.push(x);
      }
    }
    return out;
  }

  function plural(n) {
    return n === 1 ? '1 resultaat' : n + ' resultaten';
  }


  class VanelkaarZoek extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) {
        return;
      }
      var self = this;
      this.n = ++count;
      this.server = (this.getAttribute('server') || origin).replace(/\/+$/, '');
      var root = this.attachShadow({ mode: 'open' });
      styles(root);
      var lbl = el('label', { for: 'i', part: 'label', text: this.getAttribute('label') || 'Zoek in de artikelreeks Van elkaar leren' }, root);
      lbl.id = 'l';
      var form = el('form', { role: 'search', 'aria-labelledby': 'l', part: 'form' }, root);
      var input = this.input = el('input', {
        id: 'i', type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
        'aria-controls': 'lb', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', part: 'input'
      }, form);
      el('button', { type: 'submit', part: 'button', text: this.getAttribute('button') || 'Zoeken' }, form);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        self.submit();
      });
      if (this.hasAttribute('placeholder')) {
        input.setAttribute('placeholder', this.getAttribute('placeholder'));
      }
      this.list = el('div', { id: 'lb', role: 'listbox', 'aria-labelledby': 'l', part: 'listbox' }, root);
      this.list.hidden = true;
      this.status = el('div', { class: 'vh', role: 'status', 'aria-live': 'polite' }, root);
      // The error is visible: a silent failure leaves the visitor waiting.
      this.err = el('p', { class: 'err', role: 'alert', part: 'error' }, root);
      this.err.hidden = true;
      this.options = [];
      this.active = -1;
      this.timer = 0;
      this.ctrl = null;

      input.addEventListener('input', function () {
        clearTimeout(self.timer);
        self.timer = setTimeout(function () { self.search(input.value); }, DELAY);
      });
      input.addEventListener('keydown', function (ev) { self.key(ev); });
      input.addEventListener('blur', function () {
        setTimeout(function () {
          if (self.shadowRoot.activeElement !== input) {
            self.close();
          }
        }, 150);
      });
      this.list.addEventListener('mousedown', function (ev) {
        ev.preventDefault(); // keep focus on the input
      });
      this.list.addEventListener('click', function (ev) {
        var opt = ev.target.closest('[role=option]');
        if (opt) {
          self.choose(self.options.indexOf(opt));
        }
      });
    }

    disconnectedCallback() {
      clearTimeout(this.timer);
      if (this.ctrl) {
        this.ctrl.abort();
      }
    }

    search(q) {
      var self = this;
      q = q.trim();
      if (this.ctrl) {
        this.ctrl.abort();
      }
      if (q.length < MIN) {
        this.close();
        this.status.textContent = '';
        this.fail('');
        return;
      }
      var ctrl = this.ctrl = new AbortController();
      var size = Math.min(10, Math.max(1, parseInt(this.getAttribute('size'), 10) || 5));
      var get = function (path) {
        return fetch(self.server + path, { signal: ctrl.signal, credentials: 'omit', headers: { Accept: 'application/json' } })
          .then(function (r) {
            if (!r.ok) {
              throw new Error('HTTP ' + r.status);
            }
            return r.json();
          });
      };
      // The word being typed also matches as a beginning: "gemee" finds
      // gemeente; the search reads an unfinished query leniently.
      var hits = get('/api/v1/search?prefix=true&q=' + encodeURIComponent(q) + '&size=' + size);
      var sugg = get('/api/v1/suggest?q=' + encodeURIComponent(q)).catch(function (e) {
        if (e && e.name === 'AbortError') {
          throw e;
        }
        return null; // completions are a bonus: the hits still show
      });
      Promise.all([hits, sugg]).then(function (r) {
        if (ctrl === self.ctrl) {
          self.fail('');
          self.render(q, r[0], suggestionsOf(r[1]));
        }
      }, function (e) {
        if (e && e.name === 'AbortError') {
          return;
        }
        self.close();
        // A refused origin (CORS) and an unreachable server look the same
        // to a script: a failed fetch.
        self.fail('Zoeken lukt nu niet: de zoekdienst is niet bereikbaar of staat zoeken vanaf deze website niet toe.');
      });
    }

    // fail shows (or, with no message, hides) the visible error; the
    // status tells screen readers too.
    fail(msg) {
      this.err.textContent = msg;
      this.err.hidden = !msg;
      if (msg) {
        this.status.textContent = msg;
      }
    }

    // resultsURL is the full results page of what is typed; for the
    // instant results, the same search, so the page finds what the
    // widget counted.
    resultsURL(q, instant) {
      return this.server + '/zoeken?q=' + encodeURIComponent(q) + (instant && /[\p{L}\p{N}]$/u.test(q) ? '&prefix=true' : '');
    }

    // submit opens the full results page of the words as typed.
    submit() {
      // Enter on an active option has chosen it already; some browsers
      // still send the form's implicit submission after the key.
      if (Date.now() - (this.chosenAt || 0) < 1000) {
        return;
      }
      var q = this.input.value.trim();
      if (!q) {
        this.input.focus();
        return;
      }
      this.close();
      location.assign(this.resultsURL(q, false));
    }

    render(q, res, sugg) {
      var self = this;
      var list = this.list;
      list.textContent = '';
      this.options = [];
      this.active = -1;
      this.input.removeAttribute('aria-activedescendant');
      var id = 0;
      var option = function (group, type, action) {
        var o = el('div', { role: 'option', id: 'o' + (++id), 'aria-selected': 'false', 'data-type': type }, group);
        o._act = action;
        self.options.push(o);
        return o;
      };
      var group = function (label) {
        var g = el('div', { role: 'group', 'aria-label': label }, list);
        el('div', { class: 'g', 'aria-hidden': 'true', text: label }, g);
        return g;
      };
      // On a phone fewer suggestions leave room for at least four hits.
      var narrow = window.matchMedia && window.matchMedia('(max-width: 30em)').matches;
      sugg = sugg.filter(function (s) { return s.text.toLowerCase() !== q.toLowerCase(); }).slice(0, narrow ? 2 : 4);
      if (sugg.length) {
        var gs = group('Suggesties');
        sugg.forEach(function (s) {
          // A theme, municipality, role or person opens the results
          // with it as a filter; a word is searched.
          var act = { fill: s.text };
          if (s.filter && s.value) {
            act = { go: self.server + '/zoeken?' + encodeURIComponent(s.filter) + '=' + encodeURIComponent(s.value) };
          } else if (s.url) {
            act = { go: self.server + s.url };
          }
          var o = option(gs, s.filter ? 'filter' : 'suggestion', act);
          el('span', { class: 't', text: s.text }, o);
          if (s.detail) {
            el('span', { class: 'm', text: s.detail }, o);
          }
        });
      }
      var hits = res && res.hits || [];
      var total = res && res.total || 0;
      // The kinds' Dutch labels come with the answer (facets.kind), as
      // the server declares them.
      var kinds = {};
      ((res && res.facets && res.facets.kind) || []).forEach(function (k) { kinds[k.value] = k.label; });
      if (hits.length) {
        var gh = group('Resultaten');
        hits.forEach(function (h) {
          var o = option(gh, 'hit', { go: withQuery(self.server + h.url, q) });
          var t = el('span', { class: 't' }, o);
          marked(t, h.title_html || h.title);
          var s = el('span', { class: 's' }, o);
          marked(s, h.snippet);
          var meta = [kinds[h.kind] || h.kind];
          if (h.speaker && h.kind !== 'person') {
            meta.push(h.speaker.name);
          }
          if (h.article && h.article.title) {
            meta.push(h.article.title);
          }
          el('span', { class: 'm', text: meta.join(' · ') }, o);
        });
        var ga = group('Meer');
        var all = option(ga, 'all', { go: this.resultsURL(q, true) });
        el('span', { class: 'all', text: 'Alle ' + plural(total) + ' voor “' + q + '”' }, all);
      }
      // Nothing yet for a word still being typed is not "no results".
      this.status.textContent = total ? plural(total) + ' gevonden' : 'Nog niets gevonden voor “' + q + '”; typ verder of kies Zoeken';
      if (this.options.length) {
        this.open();
      } else {
        this.close();
      }
    }

    open() {
      this.list.hidden = false;
      this.input.setAttribute('aria-expanded', 'true');
    }

    close() {
      this.list.hidden = true;
      this.input.setAttribute('aria-expanded', 'false');
      this.input.removeAttribute('aria-activedescendant');
      this.move(-1);
    }

    move(i) {
      if (this.active >= 0 && this.options[this.active]) {
        this.options[this.active].setAttribute('aria-selected', 'false');
      }
      this.active = i;
      var o = this.options[i];
      if (o) {
        o.setAttribute('aria-selected', 'true');
        this.input.setAttribute('aria-activedescendant', o.id);
        o.scrollIntoView({ block: 'nearest' });
      } else {
        this.input.removeAttribute('aria-activedescendant');
      }
    }

    key(ev) {
      var n = this.options.length;
      var isOpen = !this.list.hidden;
      switch (ev.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          if (!n) {
            return;
          }
          ev.preventDefault();
          if (!isOpen) {
            this.open();
          }
          var down = ev.key === 'ArrowDown';
          var i = this.active < 0 ? (down ? 0 : n - 1) : (this.active + (down ? 1 : n - 1)) % n;
          this.move(i);
          break;
        case 'Enter':
          if (isOpen && this.active >= 0) {
            ev.preventDefault();
            this.choose(this.active);
          } else if (this.input.value.trim()) {
            ev.preventDefault();
            this.submit();
          }
          break;
        case 'Escape':
          if (isOpen) {
            ev.preventDefault();
            this.close();
          } else if (this.input.value) {
            ev.preventDefault();
            this.input.value = '';
            this.status.textContent = '';
          }
          break;
        case 'Tab':
          this.close();
          break;
      }
    }

    choose(i) {
      var o = this.options[i];
      if (!o) {
        return;
      }
      var act = o._act;
      if (act.fill) {
        this.input.value = act.fill;
        this.input.focus();
        this.search(act.fill);
        return;
      }
      this.close();
      this.input.focus();
      this.chosenAt = Date.now();
      location.assign(act.go);
    }
  }

  customElements.define('vanelkaar-zoek', VanelkaarZoek);
})();
