// The knowledge editor's toolbar: Markdown inserted around the selection of the text area.
// The preview button is plain htmx (hx-post); this file only inserts text, so the form
// works without it. No inline script or eval: the Content-Security-Policy is strict.
(function () {
  "use strict";

  function replaceSelection(area, before, after, placeholder) {
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var selected = area.value.slice(start, end) || placeholder;
    area.setRangeText(before + selected + after, start, end, "end");
    area.selectionStart = start + before.length;
    area.selectionEnd = start + before.length + selected.length;
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function lineStart(area) {
    var start = area.selectionStart;
    return start === 0 || area.value.charAt(start - 1) === "\n" ? "" : "\n";
  }

  function prefixLines(area, prefix) {
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var lines = (area.value.slice(start, end) || "").split("\n");
    var text = lines.map(function (line, index) {
      return (typeof prefix === "function" ? prefix(index) : prefix) + line;
    }).join("\n");
    area.setRangeText(lineStart(area) + text, start, end, "end");
    area.focus();
  }

  function tableText(template) {
    var parts = template.split("|");
    var column = parts[0];
    var cell = parts[1];
    return "| " + column + " 1 | " + column + " 2 |\n| --- | --- |\n| " + cell + " | " + cell + " |\n";
  }

  var actions = {
    bold: function (area) { replaceSelection(area, "**", "**", "…"); },
    italic: function (area) { replaceSelection(area, "_", "_", "…"); },
    heading: function (area) { prefixLines(area, "## "); },
    list: function (area) { prefixLines(area, "- "); },
    numbered: function (area) {
      prefixLines(area, function (index) { return (index + 1) + ". "; });
    },
    link: function (area, button) {
      var address = window.prompt(button.dataset.linkPrompt, "https://");
      if (address) {
        replaceSelection(area, "[", "](" + address + ")", address);
      }
    },
    table: function (area, button) {
      var text = "\n" + lineStart(area) + tableText(button.dataset.tableTemplate);
      area.setRangeText(text, area.selectionEnd, area.selectionEnd, "end");
      area.focus();
    },
  };

  document.querySelectorAll(".knowledge-editor__toolbar").forEach(function (toolbar) {
    var area = document.getElementById(toolbar.getAttribute("aria-controls"));
    if (!area) {
      return;
    }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-format]");
      if (button && actions[button.dataset.format]) {
        actions[button.dataset.format](area, button);
      }
    });
  });
})();
