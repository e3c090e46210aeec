/* Deep links to a question open it: a link to #question-id lands on the open question. */
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement && details.parentElement.closest("details");
    }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  // Material's instant navigation swaps pages without a reload; document$ fires on each.
  if (window.document$) {
    window.document$.subscribe(openTarget);
  } else {
    document.addEventListener("DOMContentLoaded", openTarget);
  }
})();

/* Long pages (role pages, the question bank, the topic library) start with their off-screen
   sections undrawn (.guide-deferred, content-visibility: auto in guide.css), so Material's
   start-up styles and measures only what is on screen. Once the page has loaded, the sections
   are drawn one per idle moment, each a small piece of work: the scroll bar settles at the
   page's real length, and tools that read what is painted (accessibility checkers) see it all. */
(function () {
  var idle =
    window.requestIdleCallback ||
    function (callback) {
      return setTimeout(callback, 50);
    };
  var run = 0;

  function drawSections() {
    var mine = ++run;
    var waiting = Array.prototype.slice.call(document.querySelectorAll(".guide-deferred:not(.guide-deferred--drawn)"));
    function next() {
      var section = waiting.shift();
      if (!section || mine !== run) return; // done, or another page has replaced this one
      section.classList.add("guide-deferred--drawn");
      idle(next);
    }
    idle(next);
  }

  function afterLoad() {
    if (document.readyState === "complete") drawSections();
    else window.addEventListener("load", drawSections, { once: true });
  }
  if (window.document$) {
    window.document$.subscribe(afterLoad);
  } else {
    document.addEventListener("DOMContentLoaded", afterLoad);
  }
})();
