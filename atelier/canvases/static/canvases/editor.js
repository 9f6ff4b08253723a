/* The canvas editor: keyboard moves, drag and drop, and focus after htmx swaps.
   Everything here also works through plain forms and links; this file makes it faster. */
(function () {
  "use strict";

  function csrfToken() {
    var headers = document.body.getAttribute("hx-headers");
    try { return JSON.parse(headers)["X-CSRFToken"]; } catch (e) { return ""; }
  }

  function move(card, values) {
    var url = card.getAttribute("data-move-url");
    if (!url || !window.htmx) { return; }
    window.htmx.ajax("POST", url, {
      target: "#board", swap: "outerHTML",
      values: Object.assign({ csrfmiddlewaretoken: csrfToken() }, values)
    });
  }

  /* Alt+arrows on a card's Edit link move the card; focus comes back to it after the swap. */
  var KEYS = {
    ArrowUp: "earlier", ArrowDown: "later", ArrowLeft: "previous_step", ArrowRight: "next_step"
  };
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || !event.target.classList || !event.target.classList.contains("card-edit")) { return; }
    var direction = KEYS[event.key];
    if (!direction) { return; }
    if (event.shiftKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      direction = event.key === "ArrowUp" ? "lane_up" : "lane_down";
    }
    event.preventDefault();
    move(event.target.closest(".canvas-card"), { direction: direction });
  });

  /* Drag and drop: a card onto a cell or a section, before the card under the pointer. */
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".canvas-card[data-card]");
    if (!card) { return; }
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-card"));
    card.classList.add("is-dragging");
  });
  document.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("is-dragging"); }
    dragged = null;
    document.querySelectorAll(".is-drop-target").forEach(function (el) { el.classList.remove("is-drop-target"); });
  });

  function dropZone(target) {
    return target.closest && target.closest("td.cell[data-lane], .section-cards[data-section]");
  }
  document.addEventListener("dragover", function (event) {
    var zone = dragged && dropZone(event.target);
    if (!zone) { return; }
    event.preventDefault();
    zone.classList.add("is-drop-target");
  });
  document.addEventListener("dragleave", function (event) {
    var zone = dropZone(event.target);
    if (zone && !zone.contains(event.relatedTarget)) { zone.classList.remove("is-drop-target"); }
  });
  document.addEventListener("drop", function (event) {
    var zone = dragged && dropZone(event.target);
    if (!zone) { return; }
    event.preventDefault();
    var cards = Array.prototype.filter.call(
      zone.querySelectorAll(".canvas-card[data-card]"), function (c) { return c !== dragged; });
    var position = cards.length;
    for (var i = 0; i < cards.length; i++) {
      var box = cards[i].getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) { position = i; break; }
    }
    var values = { position: position };
    if (zone.hasAttribute("data-lane")) {
      values.lane = zone.getAttribute("data-lane");
      values.step = zone.getAttribute("data-step");
    } else {
      values.section = zone.getAttribute("data-section");
    }
    move(dragged, values);
  });

  /* The server names where focus goes after a change (the moved card, the new lane, ...). */
  document.addEventListener("atelier:focus", function (event) {
    var selector = event.detail && event.detail.value;
    var element = selector && document.querySelector(selector);
    if (!element) { return; }
    var focusable = element.querySelector(".card-edit, textarea, input:not([type=hidden])") || element;
    if (!focusable.hasAttribute("tabindex") && !focusable.matches("a, button, input, textarea, select")) {
      focusable.setAttribute("tabindex", "-1");
    }
    focusable.focus();
    var status = document.getElementById("board-status");
    if (status) { status.textContent = status.getAttribute("data-saved") || ""; }
  });

  /* A new-card form takes focus as soon as it appears; Escape cancels an open form. */
  document.addEventListener("htmx:afterSwap", function (event) {
    var field = event.detail.target && event.detail.target.querySelector &&
      event.detail.target.querySelector(".card-form textarea, .part-editor input[type=text]");
    if (field) { field.focus(); }
  });
  document.addEventListener("htmx:afterSettle", function () {
    var field = document.querySelector(".card-editor textarea");
    if (field && document.activeElement === document.body) { field.focus(); }
  });
  /* Ctrl+Enter (Cmd+Enter) saves the open form from its text area. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) { return; }
    var form = event.target.closest && event.target.closest(".card-editor form.card-form");
    if (form) { event.preventDefault(); form.requestSubmit(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var editor = event.target.closest && event.target.closest(".card-editor, .part-editor");
    var cancel = editor && editor.querySelector("a.button--secondary");
    if (cancel) { event.preventDefault(); cancel.click(); }
  });
})();
