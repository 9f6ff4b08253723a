/* Editing on the canvas itself: a card's text in place, its small menu, the emotion curve's
   handles and the stakeholder map's boxes. Without this file every one of them is a plain
   link or form that does the same through the server's pages. */
(function () {
  "use strict";

  function csrfToken() {
    var headers = document.body.getAttribute("hx-headers");
    try { return JSON.parse(headers)["X-CSRFToken"]; } catch (e) { return ""; }
  }

  function status(text) {
    var box = document.getElementById("board-status");
    if (box) { box.textContent = text || ""; }
  }

  function post(url, values) {
    var body = new FormData();
    Object.keys(values).forEach(function (key) { body.append(key, values[key]); });
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" }
    });
  }

  function swapCard(card, html) {
    var holder = document.createElement("div");
    holder.innerHTML = html.trim();
    var fresh = holder.firstElementChild;
    if (!fresh) { return null; }
    /* What else the answer updates (a persona's name in the header) comes out of band. */
    holder.querySelectorAll("[hx-swap-oob]").forEach(function (extra) {
      var old = extra.id && document.getElementById(extra.id);
      extra.removeAttribute("hx-swap-oob");
      if (old) { old.replaceWith(extra); }
    });
    card.replaceWith(fresh);
    if (window.htmx) { window.htmx.process(fresh); }
    return fresh;
  }

  /* ---- A card's text, edited in place ------------------------------------------------ */

  function currentText(card) {
    var body = card.querySelector(".canvas-card__body");
    if (!body || body.querySelector(".muted")) { return ""; }
    return body.innerText.replace(/\r\n/g, "\n").trim();
  }

  function startEditing(card) {
    var shown = card.querySelector(".canvas-card__text");
    if (!shown || card.querySelector(".card-inline")) { return; }
    var before = currentText(card);
    var field = document.createElement("textarea");
    field.className = "card-inline";
    field.value = before;
    field.rows = Math.max(2, before.split("\n").length);
    field.setAttribute("aria-label", card.closest("[data-label-edit]") ?
      card.closest("[data-label-edit]").getAttribute("data-label-edit") : "Text");
    field.setAttribute("aria-describedby", "inline-help");
    shown.hidden = true;
    shown.after(field);
    card.draggable = false;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    var done = false;

    function stop() {
      done = true;
      field.remove();
      shown.hidden = false;
      card.draggable = true;
    }
    function cancel() {
      if (done) { return; }
      stop();
      var link = card.querySelector(".card-edit");
      if (link) { link.focus(); }
    }
    function save(keepFocus) {
      if (done) { return; }
      var text = field.value;
      if (text.trim() === before) { if (keepFocus) { cancel(); } else { stop(); } return; }
      done = true;
      field.readOnly = true;
      card.setAttribute("aria-busy", "true");
      post(card.getAttribute("data-text-url"), { text: text, version: card.getAttribute("data-version") })
        .then(function (response) {
          return response.text().then(function (html) { return { ok: response.ok, code: response.status, html: html }; });
        })
        .then(function (answer) {
          var fresh = swapCard(card, answer.html);
          if (!fresh) { return; }
          var alert = fresh.querySelector("[role=alert] button, [role=alert]");
          status(answer.ok ? document.getElementById("board-status").getAttribute("data-saved") : "");
          if (answer.code === 409 && alert) {
            if (!alert.hasAttribute("tabindex") && alert.tagName !== "BUTTON") { alert.setAttribute("tabindex", "-1"); }
            alert.focus();
          } else if (keepFocus) {
            var link = fresh.querySelector(".card-edit");
            if (link) { link.focus(); }
          }
        })
        .catch(function () {
          stop();
          status(document.getElementById("board-status").getAttribute("data-offline"));
        });
    }
    field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); cancel(); }
      else if (event.key === "Enter" && !event.shiftKey && !event.altKey) { event.preventDefault(); save(true); }
    });
    field.addEventListener("blur", function () { save(false); });
  }

  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest && event.target.closest(".canvas-card[data-text-url] .card-edit");
    if (!link) { return; }
    event.preventDefault();
    startEditing(link.closest(".canvas-card"));
  });

  /* ---- The card's small menu: kind, tags, image; loaded when first opened ------------- */

  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.classList || !menu.classList.contains("card-menu") || !menu.open) { return; }
    var body = menu.querySelector(".card-menu__body");
    if (!body || body.getAttribute("data-loaded") || !window.htmx) { return; }
    body.setAttribute("data-loaded", "1");
    window.htmx.ajax("GET", body.getAttribute("data-menu-url"), { target: body, swap: "innerHTML" })
      .then(function () {
        var first = body.querySelector("select, input:not([type=hidden])");
        if (first) { first.focus(); }
      });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var menu = event.target.closest && event.target.closest("details.card-menu[open]");
    if (!menu) { return; }
    event.preventDefault();
    menu.open = false;
    menu.querySelector("summary").focus();
  });

  /* A refused save (409), a problem (422) or a deleted card (410) still shows, in place. */
  document.addEventListener("htmx:beforeSwap", function (event) {
    var code = event.detail.xhr && event.detail.xhr.status;
    if (code === 409 || code === 410 || code === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  /* ---- The emotion curve: a handle per step, from −2 to +2 ----------------------------- */

  var timers = {};

  function curveOf(handle) { return handle.closest("svg.emotion-curve--editable"); }

  function yOf(svg, score) {
    var pad = Number(svg.getAttribute("data-pad"));
    var height = Number(svg.getAttribute("data-height"));
    return pad + (2 - score) / 4 * (height - 2 * pad);
  }

  function redraw(svg) {
    var points = [];
    svg.querySelectorAll(".emotion-handle:not(.emotion-handle--unset)").forEach(function (handle) {
      var xy = handle.getAttribute("transform").match(/translate\(([-\d.]+) ([-\d.]+)\)/);
      points.push(xy[1] + "," + xy[2]);
    });
    var line = svg.querySelector(".curve-line");
    if (!line && points.length) {
      line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
      line.setAttribute("class", "curve-line");
      svg.insertBefore(line, svg.querySelector(".curve-column, .emotion-handle"));
    }
    if (line) { line.setAttribute("points", points.join(" ")); }
  }

  function signed(score) { return score > 0 ? "+" + score : String(score).replace("-", "\u2212"); }

  function setScore(handle, score) {
    var svg = curveOf(handle);
    score = Math.max(-2, Math.min(2, score));
    var words = (svg.getAttribute("data-words") || "").split("|");
    var x = handle.getAttribute("transform").match(/translate\(([-\d.]+)/)[1];
    handle.setAttribute("transform", "translate(" + x + " " + yOf(svg, score).toFixed(1) + ")");
    handle.setAttribute("aria-valuenow", String(score));
    handle.setAttribute("aria-valuetext", signed(score) + (words[score + 2] ? ", " + words[score + 2] : ""));
    handle.classList.remove("emotion-handle--unset");
    handle.querySelector("text").textContent = signed(score);
    redraw(svg);
  }

  function saveScore(handle, delay) {
    var step = handle.getAttribute("data-step");
    clearTimeout(timers[step]);
    timers[step] = setTimeout(function () {
      var svg = curveOf(handle);
      if (!svg || !window.htmx) { return; }
      var values = { csrfmiddlewaretoken: csrfToken(), lane: svg.getAttribute("data-lane") };
      values["score-" + step] = handle.getAttribute("aria-valuenow");
      values["version-" + step] = handle.getAttribute("data-version") || "";
      window.htmx.ajax("POST", svg.getAttribute("data-url"), { target: "#board", swap: "outerHTML", values: values });
    }, delay);
  }

  var SCORE_KEYS = { ArrowUp: 1, ArrowRight: 1, PageUp: 1, ArrowDown: -1, ArrowLeft: -1, PageDown: -1 };
  document.addEventListener("keydown", function (event) {
    var handle = event.target.closest && event.target.closest(".emotion-handle");
    if (!handle || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var now = Number(handle.getAttribute("aria-valuenow"));
    var score;
    if (event.key in SCORE_KEYS) {
      score = handle.classList.contains("emotion-handle--unset") ? Math.max(-1, Math.min(1, SCORE_KEYS[event.key])) : now + SCORE_KEYS[event.key];
    } else if (event.key === "Home") { score = -2; }
    else if (event.key === "End") { score = 2; }
    else { return; }
    event.preventDefault();
    setScore(handle, score);
    saveScore(handle, 600);
  });

  function svgPoint(svg, event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  var dragging = null;
  document.addEventListener("pointerdown", function (event) {
    var svg = event.target.closest && event.target.closest("svg.emotion-curve--editable");
    if (!svg || event.button !== 0) { return; }
    var at = svgPoint(svg, event);
    var handles = svg.querySelectorAll(".emotion-handle");
    var handle = handles[Math.floor(at.x / Number(svg.getAttribute("data-step-width")))];
    if (!handle) { return; }
    event.preventDefault();
    dragging = { svg: svg, handle: handle };
    svg.setPointerCapture(event.pointerId);
    handle.focus();
    follow(event);
  });
  function follow(event) {
    var at = svgPoint(dragging.svg, event);
    var pad = Number(dragging.svg.getAttribute("data-pad"));
    var height = Number(dragging.svg.getAttribute("data-height"));
    setScore(dragging.handle, Math.round(2 - (at.y - pad) / ((height - 2 * pad) / 4)));
  }
  document.addEventListener("pointermove", function (event) { if (dragging) { follow(event); } });
  document.addEventListener("pointerup", function () {
    if (!dragging) { return; }
    saveScore(dragging.handle, 0);
    dragging = null;
  });

  /* ---- The stakeholder map: drag a box, or move it with the arrow keys ------------------ */

  var CENTRE = 400;
  var RINGS = [["core", 0, 140], ["direct", 140, 265], ["indirect", 265, 390]];

  function ringIndex(name) {
    for (var i = 0; i < RINGS.length; i++) { if (RINGS[i][0] === name) { return i; } }
    return 0;
  }
  function placeAt(ring, angle) {
    var inner = RINGS[ring][1], outer = RINGS[ring][2];
    var radius = inner ? (inner + outer) / 2 : outer * 0.55;
    var turn = angle * Math.PI / 180;
    return { x: CENTRE + radius * Math.sin(turn), y: CENTRE - radius * Math.cos(turn) };
  }
  function centreOf(node) {
    var box = node.querySelector("rect").getBBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  function shift(node, to) {
    var from = centreOf(node);
    node.setAttribute("transform", "translate(" + (to.x - from.x).toFixed(1) + " " + (to.y - from.y).toFixed(1) + ")");
  }
  function savePlace(node, ring, angle, delay) {
    var id = node.getAttribute("data-card");
    clearTimeout(timers["s" + id]);
    timers["s" + id] = setTimeout(function () {
      var figure = node.closest("[data-cards-url]");
      if (!figure || !window.htmx) { return; }
      window.htmx.ajax("POST", figure.getAttribute("data-cards-url") + id + "/place/", {
        target: "#board", swap: "outerHTML",
        values: { csrfmiddlewaretoken: csrfToken(), version: node.getAttribute("data-version"), ring: ring, angle: Math.round(angle) }
      });
    }, delay);
  }

  document.addEventListener("keydown", function (event) {
    var node = event.target.closest && event.target.closest(".stakeholder-node");
    if (!node || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var ring = ringIndex(node.getAttribute("data-ring"));
    var angle = Number(node.getAttribute("data-angle"));
    if (event.key === "ArrowLeft") { angle = (angle + 345) % 360; }
    else if (event.key === "ArrowRight") { angle = (angle + 15) % 360; }
    else if (event.key === "ArrowUp") { ring = Math.max(0, ring - 1); }
    else if (event.key === "ArrowDown") { ring = Math.min(RINGS.length - 1, ring + 1); }
    else { return; }
    event.preventDefault();
    node.setAttribute("data-ring", RINGS[ring][0]);
    node.setAttribute("data-angle", String(angle));
    shift(node, placeAt(ring, angle));
    savePlace(node, RINGS[ring][0], angle, 500);
  });

  var carried = null;
  document.addEventListener("pointerdown", function (event) {
    var node = event.target.closest && event.target.closest(".stakeholder-node");
    if (!node || event.button !== 0) { return; }
    var svg = node.ownerSVGElement;
    event.preventDefault();
    node.focus();
    carried = { node: node, svg: svg, start: svgPoint(svg, event), centre: centreOf(node) };
    svg.setPointerCapture(event.pointerId);
  });
  document.addEventListener("pointermove", function (event) {
    if (!carried) { return; }
    var at = svgPoint(carried.svg, event);
    carried.node.setAttribute("transform", "translate(" + (at.x - carried.start.x).toFixed(1) + " " + (at.y - carried.start.y).toFixed(1) + ")");
    carried.at = at;
  });
  document.addEventListener("pointerup", function () {
    if (!carried) { return; }
    var done = carried;
    carried = null;
    if (!done.at) { return; }
    var x = done.centre.x + done.at.x - done.start.x - CENTRE;
    var y = done.centre.y + done.at.y - done.start.y - CENTRE;
    var distance = Math.sqrt(x * x + y * y);
    var ring = distance < RINGS[0][2] ? 0 : distance < RINGS[1][2] ? 1 : 2;
    var angle = (Math.atan2(x, -y) * 180 / Math.PI + 360) % 360;
    savePlace(done.node, RINGS[ring][0], angle, 0);
  });
})();
