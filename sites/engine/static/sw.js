/* The site's service worker (sites/engine/offline.py writes it with its settings first):
   pages and files of this site that a visitor opened, and the start pages of every language
   (home and the main menu: events, contact, …), stay readable without a connection.
   Network first, so an online visitor always sees the current site; same origin and this
   site's own folders only (never the admin, the API or another site under this scope). */
const CACHE = "vereinsnetz-" + SETTINGS.version;
const SCOPE = new URL(self.registration.scope);

function own(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return false;
  const rest = url.pathname.slice(SCOPE.pathname.length);
  const top = rest.split("/")[0];
  return rest === "" || SETTINGS.files.includes(rest) || SETTINGS.folders.includes(top);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SETTINGS.precache.map((path) => new URL(path, SCOPE).href)))
      .catch(() => undefined)
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("vereinsnetz-") && key !== CACHE)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

// The page that registered the worker was loaded before the worker ran: it sends its own
// address and what it loaded (stylesheets, scripts, images), to be kept like later visits.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(
      urls.map((href) => new URL(href, SCOPE)).filter(own).map((url) => {
        url.search = "";
        return cache.add(url.href).catch(() => undefined);
      })
    ))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !own(url)) return;
  url.search = "";
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.href, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(url.href, { cacheName: CACHE })
          .then((hit) => hit || caches.match(new URL("index.html", url).href, { cacheName: CACHE }))
          .then((hit) => {
            if (hit) return hit;
            if (request.mode === "navigate") {
              const lang = url.pathname.slice(SCOPE.pathname.length).split("/")[0];
              const page = SETTINGS.folders.includes(lang) ? lang + "/offline.html" : SETTINGS.offline;
              // A redirect, not the note's body: its links are relative to its own address.
              return Response.redirect(new URL(page, SCOPE).href, 302);
            }
            return Response.error();
          })
      )
  );
});
