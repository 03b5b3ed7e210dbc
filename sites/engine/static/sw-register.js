/* Registers the site's service worker (offline reading) and shows the page's "offline" note
   while the device has no connection. */
(function () {
  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.dataset.worker) {
    navigator.serviceWorker.register(script.dataset.worker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var loaded = performance.getEntriesByType("resource").map(function (entry) {
        return entry.name;
      });
      registration.active.postMessage({ keep: [location.href].concat(loaded) });
    });
  }
  function show() {
    var note = document.querySelector("[data-offline-note]");
    if (note) note.hidden = navigator.onLine;
  }
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
  document.addEventListener("DOMContentLoaded", show);
})();
