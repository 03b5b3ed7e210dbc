/* The share box (engine/share.html): "copy link" and the device's share sheet, shown only
   where the browser offers them; the messenger and mail links work without this script. */
(function () {
  var box = document.currentScript && document.currentScript.closest(".share");
  if (!box) return;
  var status = box.querySelector("[data-share-status]");
  var copy = box.querySelector("[data-share-copy]");
  var sheet = box.querySelector("[data-share-sheet]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var url = copy.dataset.shareCopy;
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = status.dataset.copied;
      }, function () {
        status.textContent = status.dataset.failed + " " + url;
      });
    });
  }
  if (sheet && navigator.share) {
    sheet.hidden = false;
    sheet.addEventListener("click", function () {
      navigator.share({ title: sheet.dataset.title, text: sheet.dataset.text, url: sheet.dataset.url })
        .catch(function () {});
    });
  }
})();
