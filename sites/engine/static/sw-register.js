/* Registers the site's service worker (offline reading) and shows the page's "offline" note
   while the device has no connection. */
(function () {
  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.dataset.worker) {
    navigator.serviceWorker.register(script.dataset.worker, { scope: script.dataset.scope });
  }
  function show() {
    var note = document.querySelector("[data-offline-note]");
    if (note) note.hidden = navigator.onLine;
  }
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
  document.addEventListener("DOMContentLoaded", show);
})();
