/* Gallery lightbox, no framework: enhances the links of [data-lightbox] (see grid.html). */
(() => {
  const grid = document.querySelector("[data-lightbox]");
  if (!grid || !window.HTMLDialogElement) return;
  const links = [...grid.querySelectorAll("a.gallery-link")];
  const say = grid.dataset;
  const make = (tag, name, label) => {
    const node = document.createElement(tag);
    node.className = "lightbox" + name;
    if (label) {
      node.type = "button";
      node.textContent = label;
    }
    return node;
  };
  const [dialog, body, figure, image, caption, nav, counter] = [
    ["dialog", ""], ["div", "-body"], ["figure", "-figure"], ["img", "-image"],
    ["figcaption", "-caption"], ["div", "-nav"], ["p", "-counter"],
  ].map(([tag, name]) => make(tag, name));
  const close = make("button", "-close", say.close);
  const back = make("button", "-previous", say.previous);
  const forth = make("button", "-next", say.next);
  dialog.setAttribute("aria-label", say.label);
  counter.setAttribute("aria-live", "polite");
  caption.dir = "auto";
  figure.append(image, caption);
  nav.append(back, counter, forth);
  body.append(close, figure, nav);
  dialog.append(body);
  document.body.append(dialog);
  back.hidden = forth.hidden = links.length < 2;
  let current = 0;
  let opener = null;

  const show = (index) => {
    current = (index + links.length) % links.length;
    const link = links[current];
    const text = link.closest("figure").querySelector("figcaption");
    image.src = link.href;
    image.alt = link.querySelector("img").alt;
    caption.textContent = text ? text.textContent : "";
    caption.hidden = !text;
    counter.textContent = say.counter.replace("{n}", current + 1).replace("{total}", links.length);
  };

  links.forEach((link, index) =>
    link.addEventListener("click", (event) => {
      if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      close.focus();
    }),
  );
  close.onclick = () => dialog.close();
  back.onclick = () => show(current - 1);
  forth.onclick = () => show(current + 1);
  dialog.onkeydown = (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const rtl = getComputedStyle(dialog).direction === "rtl"; // mirrored arrows
    event.preventDefault();
    show(current + ((event.key === "ArrowRight") !== rtl ? 1 : -1));
  };
  dialog.onclick = (event) => event.target === dialog && dialog.close(); // the backdrop
  dialog.onclose = () => {
    image.removeAttribute("src");
    if (opener) opener.focus();
  };
})();
