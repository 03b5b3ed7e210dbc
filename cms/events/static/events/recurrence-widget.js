// Shows only the parts of the repetition form that belong to the chosen kind. Without
// JavaScript every part stays visible and the server reads only the chosen kind's fields.
(function () {
  function update(widget) {
    var kind = widget.querySelector("[data-vn-recurrence-kind]").value;
    widget.querySelectorAll("[data-vn-recurrence-for]").forEach(function (part) {
      part.hidden = part.getAttribute("data-vn-recurrence-for").split(" ").indexOf(kind) < 0;
    });
  }
  function init(root) {
    root.querySelectorAll("[data-vn-recurrence]:not([data-ready])").forEach(function (widget) {
      widget.setAttribute("data-ready", "");
      widget.querySelector("[data-vn-recurrence-kind]").addEventListener("change", function () {
        update(widget);
      });
      update(widget);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("w-formset:ready", function () { init(document); });
  if (document.readyState !== "loading") init(document);
})();
