// The dashboard's "Ihre Websites" panel: while a site is being rebuilt, ask every two seconds
// how far it has got and replace the list (cms/homepages/admin_views.py: site_status).
(function () {
  const panel = document.querySelector("[data-site-status]");
  if (!panel) return;
  const content = panel.querySelector(".w-panel__content");
  function poll() {
    if (!panel.hasAttribute("data-pending")) return;
    fetch(panel.dataset.url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        content.innerHTML = html;
        if (!content.querySelector("[data-pending]")) panel.removeAttribute("data-pending");
        setTimeout(poll, 2000);
      })
      .catch(() => setTimeout(poll, 10000));
  }
  setTimeout(poll, 2000);
})();
