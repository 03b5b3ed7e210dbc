// Filters a long list of checkboxes by the typed text; chosen entries always stay visible.
(function () {
  function normalise(text) {
    return text.toLocaleLowerCase("de").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function init(root) {
    root.querySelectorAll("[data-vn-choose]:not([data-ready])").forEach(function (chooser) {
      chooser.setAttribute("data-ready", "");
      var search = chooser.querySelector("[data-vn-choose-search]");
      var status = chooser.querySelector("[data-vn-choose-status]");
      var items = Array.prototype.slice.call(chooser.querySelectorAll("[data-vn-choose-item]"));
      function update() {
        var query = normalise(search.value.trim());
        var shown = 0;
        var chosen = 0;
        items.forEach(function (item) {
          var box = item.querySelector("input");
          var match = !query || normalise(item.textContent).indexOf(query) >= 0;
          item.hidden = !(match || box.checked);
          if (!item.hidden) shown += 1;
          if (box.checked) chosen += 1;
        });
        status.textContent = chosen + " ausgewählt · " + shown + " von " + items.length + " angezeigt";
      }
      search.addEventListener("input", update);
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      });
      chooser.addEventListener("change", update);
      update();
    });
  }
  if (document.readyState !== "loading") init(document);
  else document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
