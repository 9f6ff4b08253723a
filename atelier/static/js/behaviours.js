// Small page behaviours declared in the markup, since the Content-Security-Policy allows
// no inline script or event handler:
//   <form data-confirm="Question?">   asks before submitting
//   <form method="post">               sent once on a double click
//   <input data-select-on-focus>      selects its text when focused (links to copy)
//   <button data-print>               prints the page
//   <table data-steps="7">            sizes a journey grid (CSS variable --steps)
//   <div class="table-wrap">          when its table is wider than the frame, it can be
//                                     reached and scrolled by keyboard (WCAG 2.1.1)
//   <details data-open-from="48rem" open>
//                                     closed on a narrower screen unless something in it
//                                     is chosen, so that a phone shows the results first
(function () {
  "use strict";

  // Set through the CSSOM, which the policy allows, unlike a style attribute in the markup.
  function sizeGrids(root) {
    if (!root.querySelectorAll) {
      return;
    }
    var grids = Array.prototype.slice.call(root.querySelectorAll("[data-steps]"));
    if (root.matches && root.matches("[data-steps]")) {
      grids.push(root);
    }
    grids.forEach(function (grid) {
      grid.style.setProperty("--steps", grid.dataset.steps);
    });
  }
  sizeGrids(document);

  Array.prototype.forEach.call(document.querySelectorAll("details[data-open-from]"), function (details) {
    var wide = window.matchMedia("(min-width: " + details.dataset.openFrom + ")").matches;
    if (!wide && !details.querySelector("input:checked")) {
      details.open = false;
    }
  });
  document.addEventListener("htmx:load", function (event) {
    sizeGrids(event.target);
  });

  function labelOf(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    var section = wrap.closest("section");
    var heading = section ? section.querySelector("h1, h2, h3, h4") : null;
    return heading ? heading.textContent.trim() : "";
  }

  function reachScrollingTables(root) {
    if (!root.querySelectorAll) {
      return;
    }
    Array.prototype.forEach.call(root.querySelectorAll(".table-wrap"), function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) {
        return;
      }
      wrap.setAttribute("tabindex", "0");
      var label = labelOf(wrap);
      if (label && !wrap.hasAttribute("role")) {
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label);
      }
    });
  }
  reachScrollingTables(document);
  document.addEventListener("htmx:load", function (event) {
    reachScrollingTables(event.target);
  });
  window.addEventListener("resize", function () {
    reachScrollingTables(document);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    // A double click sends a page form once: the second submit, while the first is on its
    // way, is dropped. htmx forms stay on the page and may be sent again at once; after a
    // few seconds (a download, a slow answer) the form may be sent again too.
    var plainPost = form.method.toLowerCase() === "post" &&
      !form.matches("[hx-post], [hx-put], [hx-patch], [hx-delete]") && !form.closest("[hx-boost='true']");
    if (!plainPost) { return; }
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "true";
    window.setTimeout(function () { delete form.dataset.sending; }, 4000);
  });

  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.hasAttribute("data-select-on-focus")) {
      field.select();
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (button) {
      window.print();
    }
  });
})();
