/* Live co-editing: others' changes appear without reloading, who is here, and undo by keyboard.
   The page works without this file; it only keeps the board up to date and shows presence. */
(function () {
  "use strict";

  var root = document.getElementById("live");
  if (!root || !window.WebSocket || !window.fetch) { return; }
  var status = document.getElementById("live-status");
  var presenceList = document.getElementById("presence");
  var socket = null;
  var delay = 500;
  var stopped = false;
  var me = null;
  var people = {};          // channel name -> person, from the presence messages
  var heardAt = {};         // channel name -> when that person was last announced (ms)
  var seen = {};            // revisions applied already (two processes may deliver out of order)
  var revision = boardRevision();
  var reloading = false;    // a board request is on its way
  var reloadWanted = 0;     // the newest revision a board reload was asked for since it left
  var reloadRetry = null;
  var focusedCard = null;

  function boardRevision() {
    var board = document.getElementById("board");
    return board ? parseInt(board.getAttribute("data-revision") || "0", 10) : 0;
  }

  function say(text, offline) {
    if (status.textContent !== text) { status.textContent = text; }
    root.classList.toggle("live-bar--offline", !!offline);
  }

  function send(message) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(message)); }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-socket"));
    socket.addEventListener("open", function () {
      delay = 500;
      say(root.getAttribute("data-online"), false);
      send({ type: "catch_up", since: revision });
      if (focusedCard) { send({ type: "focus", card: focusedCard }); }
    });
    socket.addEventListener("message", function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (e) { return; }
      receive(data);
    });
    socket.addEventListener("close", function (event) {
      people = {};
      heardAt = {};
      drawPresence();
      if (event.code === 4403) {
        stopped = true;
        say(root.getAttribute("data-refused"), true);
        return;
      }
      if (stopped) { return; }
      say(root.getAttribute("data-offline"), true);
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    });
  }

  function receive(data) {
    if (data.type === "hello") { me = data.me; if (me.id) { people[me.channel] = me; drawPresence(); } }
    else if (data.type === "change") { change(data); }
    else if (data.type === "reload") { reloadBoard(); }
    else if (data.type === "presence") {
      people[data.person.channel] = data.person;
      heardAt[data.person.channel] = Date.now();
      drawPresence();
    }
    else if (data.type === "left") {
      delete people[data.channel];
      delete heardAt[data.channel];
      drawPresence();
    }
    else if (data.type === "focus") {
      if (people[data.channel]) {
        people[data.channel].card = data.card;
        heardAt[data.channel] = Date.now();
        drawPresence();
      }
    }
  }

  function change(event) {
    if (seen[event.revision]) { return; }
    seen[event.revision] = true;
    revision = Math.max(revision, event.revision);
    var part = event.part;
    if (part.type === "comment") {
      refreshComments();
      if (part.card) { refreshCard(part.card, null); }
    } else if (part.type === "card" && event.action === "edited" && event.url) {
      refreshCard(part.id, event.version);
    } else if (part.type === "card" && event.action === "deleted") {
      var gone = document.getElementById("card-" + part.id);
      if (gone && !gone.classList.contains("card-editor")) { gone.remove(); }
      else if (!gone) { reloadBoard(); }
    } else if (event.revision > boardRevision()) {
      reloadBoard(event.revision);   // additions, moves, restores and the grid: the board anew
    }
  }

  function fetchHtml(url) {
    return window.fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      });
  }

  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content;
  }

  function processed(element) {
    if (window.htmx) { window.htmx.process(element); }
    return element;
  }

  /* A card someone is working on here: a card form, the in-place text field or its menu. */
  function busy(card) {
    return card.classList.contains("card-editor") ||
      Boolean(card.querySelector("textarea.card-inline, details.card-menu[open]"));
  }

  /* One card anew; an open editor of that card is left alone (its save shows the conflict). */
  function refreshCard(id, version) {
    var card = document.getElementById("card-" + id);
    if (!card) { reloadBoard(); return; }
    if (busy(card)) { return; }
    var shown = parseInt(card.getAttribute("data-version") || "0", 10);
    if (version && shown >= version) { return; }
    var url = document.getElementById("board").getAttribute("data-card-url");
    if (!url) { reloadBoard(); return; }
    fetchHtml(url.replace("/0/", "/" + id + "/")).then(function (html) {
      var fresh = fromHtml(html).firstElementChild;
      var current = document.getElementById("card-" + id);
      if (!fresh || !current || busy(current)) { return; }
      current.replaceWith(fresh);
      processed(fresh);
      drawPresence();
    }).catch(function () { reloadBoard(); });
  }

  /* The whole board anew, keeping any card form someone is typing in. It leaves at once; what
     arrives while it is on its way is fetched right after, in one more request. */
  function reloadBoard(forRevision) {
    reloadWanted = Math.max(reloadWanted, forRevision || Number.MAX_SAFE_INTEGER);
    startReload();
  }

  function startReload() {
    window.clearTimeout(reloadRetry);
    if (reloading) { return; }
    // Not while a new card is being written or one of this page's own requests is on its way.
    if (document.getElementById("card-new") || document.querySelector("#board .htmx-request")) {
      reloadRetry = window.setTimeout(startReload, 100);
      return;
    }
    if (reloadWanted <= boardRevision()) { reloadWanted = 0; return; }   // its own swap brought it
    reloading = true;
    reloadWanted = 0;
    fetchHtml(root.getAttribute("data-board-url")).then(swapBoard).catch(function () {
      reloadWanted = 0;   // the next change or reconnect tries again
    }).then(function () {
      reloading = false;
      if (reloadWanted > boardRevision()) { startReload(); }
    });
  }

  function swapBoard(html) {
    var fresh = fromHtml(html).querySelector("#board");
    var board = document.getElementById("board");
    if (!fresh || !board) { return; }
    var active = document.activeElement;
    board.querySelectorAll(".canvas-card[id], .card-editor[id]").forEach(function (card) {
      if (!busy(card)) { return; }
      var place = fresh.querySelector("#" + card.id);
      if (place) { place.replaceWith(card); }
    });
    // What someone is typing into an add field survives, with the caret where it was.
    board.querySelectorAll(".card-add__text").forEach(function (field) {
      var twin = field.value && fresh.querySelector("#" + field.id);
      if (twin) { twin.value = field.value; }
    });
    var activeId = active && active.id;
    board.replaceWith(fresh);
    processed(fresh);
    revision = Math.max(revision, boardRevision());
    if (active && active !== document.body && fresh.contains(active)) {
      active.focus();
    } else if (activeId && document.getElementById(activeId)) {
      document.getElementById(activeId).focus();
    }
    drawPresence();
  }

  function refreshComments() {
    var panel = document.getElementById("comments-threads");
    var section = document.getElementById("comments");
    if (!panel || !section) { return; }
    if (panel.contains(document.activeElement) && document.activeElement.value) { return; }
    fetchHtml(section.getAttribute("data-url")).then(function (html) {
      panel.innerHTML = html;
      processed(panel);
    }).catch(function () {});
  }

  /* Presence: one entry per person, and an outline with the name on the card they edit. */
  function drawPresence() {
    if (!presenceList) { return; }
    var byPerson = {};
    Object.keys(people).forEach(function (channel) {
      var person = people[channel];
      var known = byPerson[person.id];
      if (!known || (!known.card && person.card)) { byPerson[person.id] = person; }
    });
    presenceList.textContent = "";
    Object.keys(byPerson).forEach(function (id) {
      var person = byPerson[id];
      var item = document.createElement("li");
      item.className = "presence__person presence--c" + person.colour;
      item.setAttribute("data-person", person.id);
      var initials = document.createElement("span");
      initials.className = "presence__initials";
      initials.setAttribute("aria-hidden", "true");
      initials.textContent = person.initials;
      var name = document.createElement("span");
      name.className = "presence__name";
      var mine = me && person.id === me.id;
      name.textContent = person.name + (mine ? " " + root.getAttribute("data-you") : "");
      item.appendChild(initials);
      item.appendChild(name);
      presenceList.appendChild(item);
    });
    document.querySelectorAll("[data-peer]").forEach(function (card) {
      card.removeAttribute("data-peer");
      card.removeAttribute("data-peer-name");
      card.className = card.className.replace(/\s*card--peer-c\d/g, "");
    });
    Object.keys(people).forEach(function (channel) {
      var person = people[channel];
      if (!person.card || (me && person.id === me.id)) { return; }
      var card = document.getElementById("card-" + person.card);
      if (!card) { return; }
      card.setAttribute("data-peer", person.id);
      card.setAttribute("data-peer-name", person.name + " " + root.getAttribute("data-editing"));
      card.classList.add("card--peer-c" + person.colour);
    });
  }

  /* Presence expires: the server re-announces everyone on the canvas every heartbeat
     (atelier/canvases/live/presence.py); someone not heard of for data-presence-expiry-ms
     (three heartbeats, 60 s by default) was on a server process that died, and is dropped. */
  var PRESENCE_EXPIRY_MS = 60000;

  function dropTheSilent() {
    var expiry = parseInt(root.getAttribute("data-presence-expiry-ms") || "", 10) || PRESENCE_EXPIRY_MS;
    var now = Date.now();
    var dropped = Object.keys(people).filter(function (channel) {
      return !(me && channel === me.channel) && now - (heardAt[channel] || 0) > expiry;
    });
    dropped.forEach(function (channel) { delete people[channel]; delete heardAt[channel]; });
    if (dropped.length) { drawPresence(); }
  }
  window.setInterval(dropTheSilent, 1000);

  /* Tell the others which card this person is on (focus inside it, or its open form). */
  function cardOf(element) {
    var card = element && element.closest && element.closest(".canvas-card[id^='card-'], .card-editor[id^='card-']");
    var id = card ? parseInt(card.id.slice(5), 10) : NaN;
    return isNaN(id) ? null : id;
  }
  document.addEventListener("focusin", function (event) {
    var card = cardOf(event.target);
    if (card !== focusedCard) {
      focusedCard = card;
      send(card ? { type: "focus", card: card } : { type: "blur" });
    }
  });
  document.addEventListener("focusout", function () {
    window.setTimeout(function () {
      if (focusedCard && cardOf(document.activeElement) === null) {
        focusedCard = null;
        send({ type: "blur" });
      }
    }, 50);
  });

  /* Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) press the Undo and Redo buttons, outside text fields. */
  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || (event.key !== "z" && event.key !== "Z")) { return; }
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
    var button = document.getElementById(event.shiftKey ? "redo-button" : "undo-button");
    if (!button) { return; }
    event.preventDefault();
    button.click();
  });

  /* After this page's own htmx swaps the board carries the newest revision it has seen. */
  document.body.addEventListener("htmx:afterSwap", function () {
    revision = Math.max(revision, boardRevision());
    drawPresence();
  });

  connect();
})();
