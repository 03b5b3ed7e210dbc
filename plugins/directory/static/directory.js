/* Vereinsverzeichnis: filters the club cards of the page in the browser (no requests, so a
   downloaded site works offline). Chips become toggle buttons (aria-pressed); the counts are
   the clubs each chip would show together with the other active filters; the filters live in
   the query string (?gemeinde=…&land=…&sprache=…&schwerpunkt=…&q=…). */
(function () {
  'use strict';
  var root = document.querySelector('[data-directory]');
  if (!root || !window.URLSearchParams || !history.replaceState) return;
  var form = root.querySelector('[data-directory-search]');
  var input = form.querySelector('input');
  var status = root.querySelector('[data-directory-status]');
  var empty = root.querySelector('[data-directory-empty]');
  var reset = root.querySelector('[data-directory-reset]');
  var active = root.querySelector('[data-directory-active]');
  var groups = [].slice.call(root.querySelectorAll('[data-facet]'));
  var names = groups.map(function (g) { return g.getAttribute('data-facet'); });
  var chosen = {};
  var chips = [];
  var timer;

  function norm(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  groups.forEach(function (group) {
    var name = group.getAttribute('data-facet');
    chosen[name] = [];
    [].forEach.call(group.querySelectorAll('[data-value]'), function (old) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.setAttribute('aria-pressed', 'false');
      button.innerHTML = old.innerHTML;
      old.parentNode.replaceChild(button, old);
      var chip = { name: name, value: old.getAttribute('data-value'), el: button,
        count: button.querySelector('.chip__count') };
      button.addEventListener('click', function () {
        var list = chosen[name], at = list.indexOf(chip.value);
        if (at < 0) list.push(chip.value); else list.splice(at, 1);
        update();
      });
      chips.push(chip);
    });
  });

  var cards = [].map.call(root.querySelectorAll('[data-club]'), function (el) {
    var values = {};
    names.forEach(function (name) {
      values[name] = (el.getAttribute('data-' + name) || '').split(' ').filter(Boolean);
    });
    return { el: el, values: values,
      text: norm(el.textContent + ' ' + (el.getAttribute('data-search') || '')) };
  });

  function read() {
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) {
      var name = group.getAttribute('data-facet');
      var wanted = params.getAll(group.getAttribute('data-param')).map(norm);
      chosen[name] = chips.filter(function (chip) {
        return chip.name === name && wanted.indexOf(norm(chip.value)) >= 0;
      }).map(function (chip) { return chip.value; });
    });
    input.value = params.get('q') || '';
  }

  function write() {
    var params = new URLSearchParams();
    groups.forEach(function (group) {
      chosen[group.getAttribute('data-facet')].forEach(function (value) {
        params.append(group.getAttribute('data-param'), value);
      });
    });
    if (input.value.trim()) params.set('q', input.value.trim());
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    [].forEach.call(document.querySelectorAll('.language-switcher a'), function (link) {
      var base = link.getAttribute('data-href') || link.getAttribute('href');
      link.setAttribute('data-href', base);
      link.setAttribute('href', base + (query ? '?' + query : ''));
    });
    return query;
  }

  function update() {
    var words = norm(input.value).split(/\s+/).filter(Boolean);
    var counts = {}, shown = 0;
    names.forEach(function (name) { counts[name] = {}; });
    cards.forEach(function (card) {
      var found = words.every(function (word) { return card.text.indexOf(word) >= 0; });
      var failed = names.filter(function (name) {
        var list = chosen[name];
        return list.length && !card.values[name].some(function (v) { return list.indexOf(v) >= 0; });
      });
      var visible = found && !failed.length;
      card.el.hidden = !visible;
      if (visible) shown++;
      if (!found || failed.length > 1) return;
      names.forEach(function (name) {
        if (failed.length && failed[0] !== name) return;
        card.values[name].forEach(function (v) { counts[name][v] = (counts[name][v] || 0) + 1; });
      });
    });
    var pressed = 0;
    chips.forEach(function (chip) {
      var on = chosen[chip.name].indexOf(chip.value) >= 0, count = counts[chip.name][chip.value] || 0;
      chip.el.setAttribute('aria-pressed', String(on));
      // a chip that would show no club is greyed out and cannot be chosen (a chosen one can
      // always be switched off again)
      chip.el.disabled = !on && count === 0;
      chip.count.textContent = count;
      if (on) pressed++;
    });
    active.textContent = active.getAttribute('data-template').replace('{n}', pressed);
    active.hidden = !pressed;
    status.textContent = status.getAttribute('data-template')
      .replace('{shown}', shown).replace('{total}', cards.length);
    empty.hidden = shown > 0;
    reset.hidden = !write();
  }

  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 250); });
  reset.addEventListener('click', function () {
    names.forEach(function (name) { chosen[name] = []; });
    input.value = '';
    update();
    input.focus();
  });
  read();
  update();
})();
