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

/* Code blocks in closed questions and undrawn sections are set aside until they are shown.
   Material checks every code block as it starts (does it scroll sideways?), and checking one
   that is not drawn lays the whole block out, span by span: on the Staff MLE role page (its
   worked example) and on topic pages with solutions that was most of the start-up's longest task
   (benchmarks/results/startup-palette.md). This runs before Material starts (deferred scripts run
   before DOMContentLoaded). A block put back gets the copy button Material would have given it:
   Material's markup, which Material's clipboard handler serves wherever it appears. */
(function () {
  var held = new Map(); // placeholder -> code block
  var made = 0;
  var hidden = "details:not([open]) div.highlight, .guide-deferred:not(.guide-deferred--drawn) div.highlight";
  Array.prototype.forEach.call(document.querySelectorAll(hidden), function (block) {
    var place = document.createElement("div");
    place.className = "guide-code-held";
    block.replaceWith(place);
    held.set(place, block);
  });

  function copyButton(pre) {
    if (!pre.id) pre.id = "guide-code-" + ++made;
    var nav = document.createElement("nav");
    nav.className = "md-code__nav";
    var button = document.createElement("button");
    button.className = "md-code__button";
    button.title = "Copy to clipboard";
    button.setAttribute("data-clipboard-target", "#" + pre.id + " > code");
    button.setAttribute("data-md-type", "copy");
    nav.append(button);
    return nav;
  }

  // Puts back the blocks under `root` that are now shown (all of them when `everything`).
  function show(root, everything) {
    Array.prototype.forEach.call(root.querySelectorAll(".guide-code-held"), function (place) {
      if (!everything && place.closest("details:not([open])")) return;
      var block = held.get(place);
      held.delete(place);
      var pre = block.querySelector("pre");
      var code = pre && pre.querySelector(":scope > code");
      if (code) {
        pre.insertBefore(copyButton(pre), code);
        code.tabIndex = 0; // a block that scrolls sideways can be scrolled from the keyboard
      }
      place.replaceWith(block);
    });
  }

  window.guideShowCode = function (root) {
    show(root, false);
  };
  // A question opened by the reader or by a deep link; printing puts every block back.
  document.addEventListener(
    "toggle",
    function (event) {
      if (event.target.open) show(event.target, false);
    },
    true,
  );
  window.addEventListener("beforeprint", function () {
    show(document, true);
  });
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
      window.guideShowCode(section);
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
