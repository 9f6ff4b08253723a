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
  var seen = {};            // revisions applied already (two processes may deliver out of order)
  var revision = boardRevision();
  var reloadTimer = null;
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
    else if (data.type === "presence") { people[data.person.channel] = data.person; drawPresence(); }
    else if (data.type === "left") { delete people[data.channel]; drawPresence(); }
    else if (data.type === "focus") {
      if (people[data.channel]) { people[data.channel].card = data.card; drawPresence(); }
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
      reloadBoard();   // additions, moves, restores and the grid itself: the board anew
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
    }).catch(reloadBoard);
  }

  /* The whole board anew, keeping any card form someone is typing in. */
  function reloadBoard() {
    window.clearTimeout(reloadTimer);
    reloadTimer = window.setTimeout(function () {
      // Not while a new card is being written or one of this page's own requests is on its way.
      if (document.getElementById("card-new") || document.querySelector("#board .htmx-request")) {
        reloadBoard();
        return;
      }
      fetchHtml(root.getAttribute("data-board-url")).then(function (html) {
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
      }).catch(function () { /* the next change or reconnect tries again */ });
    }, 100);
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
