// Exercise timer of a workshop slide: counts down the slide's minutes, start/pause and reset.
// Without this script the slide still says how many minutes the exercise takes.
(function () {
  "use strict";
  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function wire(timer) {
    var total = parseInt(timer.dataset.minutes, 10) * 60;
    var left = total;
    var display = timer.querySelector("[data-timer-display]");
    var toggle = timer.querySelector("[data-timer-toggle]");
    var reset = timer.querySelector("[data-timer-reset]");
    var status = timer.querySelector("[data-timer-status]");
    var ticking = null;

    function draw() {
      display.textContent = Math.floor(left / 60) + ":" + pad(left % 60);
      timer.classList.toggle("timer--done", left === 0);
    }
    function stop() {
      clearInterval(ticking);
      ticking = null;
      toggle.textContent = toggle.dataset.start;
    }
    function tick() {
      left = Math.max(left - 1, 0);
      draw();
      if (left === 0) { stop(); status.textContent = timer.dataset.done; }
    }
    toggle.addEventListener("click", function () {
      if (ticking) { stop(); return; }
      if (left === 0) { left = total; }
      status.textContent = "";
      ticking = setInterval(tick, 1000);
      toggle.textContent = toggle.dataset.pause;
    });
    reset.addEventListener("click", function () { stop(); left = total; status.textContent = ""; draw(); });
    toggle.hidden = false;
    reset.hidden = false;
    draw();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-timer]"), wire);
}());
