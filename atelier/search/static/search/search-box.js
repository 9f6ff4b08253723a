// The header's search box as a combobox (WAI-ARIA 1.2 pattern): htmx fills the listbox
// with suggestions as the person types; this script shows and hides it, moves the active
// option with the arrow keys (aria-activedescendant), opens the chosen one with Enter
// and closes the list with Escape. Without it the box is a plain search form.
(function () {
  "use strict";
  const input = document.getElementById("site-search-q");
  const list = document.getElementById("site-search-suggestions");
  if (!input || !list) { return; }

  function options() {
    return Array.from(list.querySelectorAll("[role=option]"));
  }
  function active() {
    const id = input.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id) : null;
  }
  function setActive(option) {
    options().forEach(function (each) { each.setAttribute("aria-selected", String(each === option)); });
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function open(show) {
    const shown = show && options().length > 0;
    list.hidden = !shown;
    input.setAttribute("aria-expanded", String(shown));
    if (!shown) { setActive(null); }
  }
  function go(option) {
    if (option && option.dataset.url) { window.location.assign(option.dataset.url); }
  }
  function move(step) {
    const all = options();
    if (!all.length) { return; }
    open(true);
    const index = all.indexOf(active());
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : (index + step + all.length) % all.length;
    setActive(all[next]);
  }

  list.addEventListener("htmx:afterSwap", function () {
    setActive(null);
    open(document.activeElement === input && input.value.trim().length >= 2);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") {
      if (!list.hidden) { event.preventDefault(); open(false); }
    } else if (event.key === "Enter" && active()) {
      event.preventDefault();
      go(active());
    }
  });
  input.addEventListener("input", function () {
    if (input.value.trim().length < 2) { open(false); }
  });
  list.addEventListener("mousedown", function (event) {
    // Before the input loses focus, so the list is still there to be clicked.
    event.preventDefault();
  });
  list.addEventListener("click", function (event) {
    go(event.target.closest("[role=option]"));
  });
  input.addEventListener("blur", function () { open(false); });
  input.addEventListener("focus", function () {
    if (input.value.trim().length >= 2) { open(true); }
  });
}());
