// Workshop presenter: steps through the slides by keyboard and buttons, without reloading.
// Without this script every slide still has its own URL (?slide=N) and the links work.
(function () {
  "use strict";
  var presenter = document.getElementById("presenter");
  if (!presenter) { return; }
  var slides = Array.prototype.slice.call(presenter.querySelectorAll(".presenter__slide"));
  var total = slides.length;
  if (!total) { return; }
  var previous = document.getElementById("presenter-previous");
  var next = document.getElementById("presenter-next");
  var progress = document.getElementById("presenter-progress");
  var fullscreen = document.getElementById("presenter-fullscreen");
  var current = 1;
  // The trainer's window and the projected one (?view=screen) follow each other.
  var channel = "BroadcastChannel" in window ? new BroadcastChannel(presenter.dataset.channel) : null;
  var nextHeading = document.getElementById("presenter-next-heading");
  var clock = document.getElementById("presenter-clock");
  slides.forEach(function (slide, index) { if (!slide.hidden) { current = index + 1; } });

  function query(number) {
    return (presenter.dataset.role === "screen" ? "?view=screen&slide=" : "?slide=") + number;
  }

  function setLink(link, number, disabled) {
    link.href = query(number);
    if (disabled) { link.setAttribute("aria-disabled", "true"); }
    else { link.removeAttribute("aria-disabled"); }
  }

  function show(number, fromOtherWindow) {
    number = Math.min(Math.max(number, 1), total);
    if (number === current) { return; }
    if (channel && !fromOtherWindow) { channel.postMessage({ slide: number }); }
    if (nextHeading) {
      var following = slides[number];
      nextHeading.textContent = following ? following.querySelector("[data-heading]").dataset.heading : "—";
    }
    current = number;
    slides.forEach(function (slide, index) { slide.hidden = index + 1 !== number; });
    setLink(previous, Math.max(number - 1, 1), number === 1);
    setLink(next, Math.min(number + 1, total), number === total);
    var counter = document.createElement("span");
    counter.setAttribute("aria-hidden", "true");
    counter.textContent = number + " / " + total;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.textContent = slides[number - 1].dataset.status;
    progress.replaceChildren(counter, document.createTextNode(" "), status);
    history.replaceState(null, "", query(number));
  }

  function toggleNotes() {
    var notes = slides[current - 1].querySelector(".presenter__notes");
    if (notes) { notes.open = !notes.open; }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else { presenter.requestFullscreen(); }
  }

  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && typeof event.data.slide === "number") { show(event.data.slide, true); }
    });
  }
  if (clock) {
    var tick = function () {
      var now = new Date();
      clock.textContent = now.getHours() + ":" + (now.getMinutes() < 10 ? "0" : "") + now.getMinutes();
    };
    tick();
    setInterval(tick, 10000);
  }

  previous.addEventListener("click", function (event) { event.preventDefault(); show(current - 1); });
  next.addEventListener("click", function (event) { event.preventDefault(); show(current + 1); });
  if (fullscreen && document.fullscreenEnabled) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", toggleFullscreen);
  }

  var keys = {
    ArrowRight: function () { show(current + 1); },
    " ": function () { show(current + 1); },
    PageDown: function () { show(current + 1); },
    ArrowLeft: function () { show(current - 1); },
    PageUp: function () { show(current - 1); },
    Home: function () { show(1); },
    End: function () { show(total); },
    f: function () { if (document.fullscreenEnabled) { toggleFullscreen(); } },
    n: toggleNotes
  };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, button, summary, [contenteditable]")) {
      if (event.key === " " || target.matches("input, textarea, select, [contenteditable]")) { return; }
    }
    var action = keys[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) { return; }
    event.preventDefault();
    action();
  });
}());
