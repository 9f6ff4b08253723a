// Navigation groups: opening one closes the others; Escape or a click elsewhere closes
// them. Without this script each group still opens and closes by itself (<details>).
(function () {
  "use strict";
  const groups = Array.from(document.querySelectorAll(".nav-group"));
  const wide = window.matchMedia("(min-width: 64rem)");

  function closeAll(except) {
    groups.forEach(function (group) {
      if (group !== except) { group.open = false; }
    });
  }
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (group.open && wide.matches) { closeAll(group); }
    });
  });
  document.addEventListener("click", function (event) {
    if (wide.matches && !event.target.closest(".nav-group")) { closeAll(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    const open = groups.find(function (group) { return group.open; });
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
})();
