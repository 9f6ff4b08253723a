// "Mark everyone present/absent" on the attendance sheet.
(function () {
  "use strict";
  var button = document.querySelector("[data-mark-all]");
  if (!button) {
    return;
  }
  button.addEventListener("click", function () {
    var value = button.dataset.markAll;
    document
      .querySelectorAll('#attendance-form input[type="radio"]')
      .forEach(function (radio) {
        if (radio.value === value) {
          radio.checked = true;
        }
      });
  });
})();
