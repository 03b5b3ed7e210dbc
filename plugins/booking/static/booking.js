// Booking request form for logged-in club editors: shown only when the API answers the
// visitor's session (GET /api/v1/bookings/); posts JSON with the CSRF cookie. No dependencies.
(function () {
  "use strict";
  var form = document.querySelector(".booking-form");
  if (!form || !window.fetch) return;
  var api = form.getAttribute("data-api");

  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function value(name) {
    return form.elements[name].value.trim();
  }

  function clearErrors() {
    var spans = form.querySelectorAll(".field-error");
    for (var i = 0; i < spans.length; i++) spans[i].textContent = "";
    var inputs = form.querySelectorAll("input");
    for (var j = 0; j < inputs.length; j++) inputs[j].removeAttribute("aria-invalid");
  }

  // API fields → form fields.
  var FIELDS = { start: "start", end: "end", attendees: "attendees", purpose: "purpose",
    repeat_until: "repeat_until", occurrences: "repeat_until", room: "date", club: "purpose" };

  function showErrors(body) {
    var result = form.querySelector(".booking-result");
    var errors = (body && body.errors) || {};
    var first = null;
    Object.keys(errors).forEach(function (key) {
      var name = FIELDS[key] || "date";
      var span = document.getElementById("booking-" + name + "-error");
      span.textContent = (span.textContent ? span.textContent + " " : "") + errors[key].join(" ");
      form.elements[name].setAttribute("aria-invalid", "true");
      first = first || form.elements[name];
    });
    var text = form.getAttribute("data-failed");
    if (body && body.failed_dates && body.failed_dates.length) {
      text += " " + form.getAttribute("data-failed-dates") + " " + body.failed_dates.join(", ");
    } else if (body && !body.errors && body.detail) {
      text += " " + body.detail;
    }
    result.textContent = text;
    if (first) first.focus();
  }

  fetch(api + "?limit=1", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { if (response.ok) form.hidden = false; })
    .catch(function () {});

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var result = form.querySelector(".booking-result");
    result.textContent = "";
    var day = value("date");
    var payload = {
      room: Number(form.getAttribute("data-room")),
      start: day + "T" + value("start"),
      end: day + "T" + value("end"),
      purpose: value("purpose"),
      attendees: value("attendees"),
    };
    if (value("repeat_until")) payload.repeat_until = value("repeat_until");
    fetch(api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json",
        "X-CSRFToken": cookie("csrftoken") },
      body: JSON.stringify(payload),
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          result.textContent = form.getAttribute("data-sent");
          form.reset();
        } else {
          showErrors(answer.body);
        }
      })
      .catch(function () { result.textContent = form.getAttribute("data-failed"); });
  });
})();
