// The portal's forms (Mitmachen, feedback), enhanced: sent as JSON to the API, the API's
// messages (already in the visitor's language) shown next to each field, the fields marked
// aria-invalid and described by their message, and an error summary that takes the focus.
// Without this script the form posts as a plain HTML form and still gets an answer.
(function () {
  'use strict';
  function values(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === 'checkbox') {
        if (el.value === 'true') { data[el.name] = el.checked; return; }
        data[el.name] = data[el.name] || [];
        if (el.checked) data[el.name].push(el.value);
      } else if (el.multiple) {
        data[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else if (el.name === 'founding_year') {
        data[el.name] = el.value === '' ? null : (/^\d+$/.test(el.value) ? Number(el.value) : el.value);
      } else if (el.tagName !== 'BUTTON') {
        data[el.name] = el.value;
      }
    });
    return data;
  }
  function describe(control, id, add) {
    var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) {
      return x && x !== id;
    });
    if (add) ids.unshift(id);
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }
  function clear(form, summary) {
    Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), function (field) {
      var error = field.querySelector('.field-error');
      error.hidden = true;
      error.textContent = '';
      Array.prototype.forEach.call(field.querySelectorAll('input, select, textarea'), function (c) {
        c.removeAttribute('aria-invalid');
        describe(c, error.id, false);
      });
    });
    summary.hidden = true;
    summary.querySelector('ul').textContent = '';
  }
  function show(form, summary, errors, detail) {
    var list = summary.querySelector('ul');
    Object.keys(errors).forEach(function (name) {
      var field = form.querySelector('[data-field="' + name + '"]');
      var text = errors[name].join(' ');
      var item = document.createElement('li');
      if (field) {
        var error = field.querySelector('.field-error');
        var controls = field.querySelectorAll('input, select, textarea');
        error.textContent = text;
        error.hidden = false;
        Array.prototype.forEach.call(controls, function (c) {
          c.setAttribute('aria-invalid', 'true');
          describe(c, error.id, true);
        });
        var link = document.createElement('a');
        var target = field.tagName === 'FIELDSET' ? field : controls[0];
        var label = field.querySelector('label, legend');
        link.href = '#' + target.id;
        link.textContent = (label ? label.textContent.replace(/\s*\*.*$/, '') + ': ' : '') + text;
        link.addEventListener('click', function (event) { event.preventDefault(); target.focus(); });
        item.appendChild(link);
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    if (!list.children.length) {
      var only = document.createElement('li');
      only.textContent = detail;
      list.appendChild(only);
    }
    summary.hidden = false;
    summary.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll('form[data-portal-form]'), function (form) {
    var summary = document.getElementById(form.getAttribute('data-summary'));
    var status = form.querySelector('.form-status');
    var button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clear(form, summary);
      status.textContent = form.getAttribute('data-sending');
      button.disabled = true;
      fetch(form.action, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(values(form))
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        button.disabled = false;
        if (answer.ok) {
          var done = document.createElement('div');
          done.className = 'form-done';
          done.setAttribute('tabindex', '-1');
          done.setAttribute('role', 'status');
          done.textContent = answer.body.message;
          form.parentNode.replaceChild(done, form);
          done.focus();
          return;
        }
        status.textContent = '';
        show(form, summary, answer.body.errors || {}, answer.body.detail || form.getAttribute('data-failed'));
      }).catch(function () {
        button.disabled = false;
        status.textContent = form.getAttribute('data-failed');
      });
    });
  });
})();
