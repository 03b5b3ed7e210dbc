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
  // Cancelled dates: one more empty date field per click (labelled like the others).
  function initExdates(root) {
    root.querySelectorAll("[data-vn-exdates]:not([data-ready])").forEach(function (widget) {
      widget.setAttribute("data-ready", "");
      var list = widget.querySelector("[data-vn-exdates-list]");
      var add = widget.querySelector("[data-vn-exdates-add]");
      add.hidden = false;
      add.addEventListener("click", function () {
        var last = list.lastElementChild;
        var item = last.cloneNode(true);
        var number = list.children.length;
        var input = item.querySelector("input");
        var label = item.querySelector("label");
        input.id = input.id.replace(/-\d+$/, "-" + number);
        input.value = "";
        label.htmlFor = input.id;
        label.textContent = label.textContent.replace(/\d+\s*$/, String(number + 1));
        list.appendChild(item);
        input.focus();
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { initExdates(document); });
  document.addEventListener("w-formset:ready", function () { initExdates(document); });
  if (document.readyState !== "loading") initExdates(document);
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("w-formset:ready", function () { init(document); });
  if (document.readyState !== "loading") init(document);
})();
