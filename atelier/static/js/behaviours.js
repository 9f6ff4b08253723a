// Small page behaviours declared in the markup, since the Content-Security-Policy allows
// no inline script or event handler:
//   <form data-confirm="Question?">   asks before submitting
//   <input data-select-on-focus>      selects its text when focused (links to copy)
//   <button data-print>               prints the page
//   <table data-steps="7">            sizes a journey grid (CSS variable --steps)
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
  document.addEventListener("htmx:load", function (event) {
    sizeGrids(event.target);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
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
