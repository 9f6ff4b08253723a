// The population import form shows how far the upload got (htmx reports the progress).
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  var progress = document.getElementById("upload-progress");
  if (!form || !progress) {
    return;
  }
  form.addEventListener("htmx:xhr:progress", function (event) {
    if (event.detail.lengthComputable) {
      progress.value = (event.detail.loaded / event.detail.total) * 100;
    }
  });
})();
