// Portal calendar: filter the list of dates in place and keep the subscribe links and the
// page address (?municipality=…&category=…) in step. No dependencies; without it the
// pre-built pages per municipality and kind of event do the same.
(function () {
  "use strict";
  var form = document.getElementById("calendar-filter");
  var box = document.getElementById("calendar-subscribe-box");
  if (!form || !box) return;
  var names = ["municipality", "category", "language", "club"];
  var items = document.querySelectorAll("#calendar-list > li");
  var count = document.getElementById("calendar-count");
  var empty = document.getElementById("calendar-empty");
  var ics = document.getElementById("calendar-ics");
  var webcal = document.getElementById("calendar-webcal");
  var address = document.getElementById("calendar-ics-address");

  function chosen() {
    var values = {};
    names.forEach(function (name) {
      values[name] = form.elements[name].value;
    });
    return values;
  }

  function matches(item, values) {
    return names.every(function (name) {
      if (!values[name]) return true;
      var own = (item.getAttribute("data-" + name) || "").split(" ");
      return own.indexOf(values[name]) !== -1;
    });
  }

  function query(values, withLocale) {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      if (values[name]) params.append(name, values[name]);
    });
    var locale = box.getAttribute("data-locale");
    if (withLocale && locale) params.append("locale", locale);
    return params.toString();
  }

  function update() {
    var values = chosen();
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var visible = matches(item, values);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = form.getAttribute("data-count").replace("{n}", String(shown));
    empty.hidden = shown > 0;
    var search = query(values, true);
    var url = box.getAttribute("data-base") + (search ? "?" + search : "");
    ics.href = url;
    address.textContent = url;
    if (webcal) webcal.href = url.replace(/^https?:/, "webcal:");
    var own = query(values, false);
    history.replaceState(null, "", location.pathname + (own ? "?" + own : "") + location.hash);
  }

  var start = new URLSearchParams(location.search);
  names.forEach(function (name) {
    var select = form.elements[name];
    var wanted = start.get(name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
    }
  });
  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("reset", function () {
    setTimeout(update, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  update();
})();
