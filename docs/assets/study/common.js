/* Shared by the study tools (practice, progress, plan): loading guide.json, the progress store,
   safe text rendering and start-up under Material's instant navigation.
   Text from guide.json goes on the page through textContent / createElement, never as HTML. */
(() => {
  "use strict";

  const PROGRESS_KEY = "sisg.progress.v1";
  const STATUSES = { got: "Got it", review: "Needs work" };
  const KIND_LABELS = {
    behavioral: "Behavioral",
    technical: "Technical",
    coding: "Coding",
    "system-design": "System design",
    "product-case": "Product case",
    "culture-motivation": "Culture & motivation",
  };

  // The site may be served under a sub-path (/<repo>/), so every URL is built from the site root.
  // Material sets __md_scope to the root when the first page loads; this script's own URL
  // (<root>/assets/study/common.js) is the fallback.
  const scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  const siteRoot = () =>
    typeof window.__md_scope !== "undefined"
      ? new URL(".", window.__md_scope).href
      : new URL("../../", scriptUrl).href;

  // A URL from guide.json (relative to the site root) made absolute.
  const siteUrl = (relative) => new URL(relative, siteRoot()).href;

  // guide.json is fetched once per visit: instant navigation keeps this script alive between pages.
  let guidePromise = null;
  function loadGuide() {
    // Opened from files, the browser refuses the fetch (and logs an error): do not try.
    if (location.protocol === "file:") return Promise.reject(new Error("opened from files"));
    if (!guidePromise) {
      guidePromise = fetch(siteUrl("guide.json"))
        .then((response) => {
          if (!response.ok) throw new Error(`guide.json: HTTP ${response.status}`);
          return response.json();
        })
        .then(indexGuide);
      guidePromise.catch(() => {
        guidePromise = null; // the next page tries again
      });
    }
    return guidePromise;
  }

  const byId = (list) =>
    list.reduce((map, item) => {
      map[item.id] = item;
      return map;
    }, {});

  function indexGuide(data) {
    const guide = {
      data,
      roles: data.roles,
      role: byId(data.roles),
      topic: byId(data.topics),
      question: byId(data.questions),
      framework: byId(data.frameworks || []),
    };
    // Question ids of a round, in page order (topic by topic).
    guide.roundQuestions = (round) =>
      [].concat(...round.focus_topics.map((id) => (guide.topic[id] ? guide.topic[id].questions : [])));
    // Question ids of a role, each once, in page order.
    guide.roleQuestions = (role) => [...new Set([].concat(...role.rounds.map(guide.roundQuestions)))];
    return guide;
  }

  /* ---- Progress: {question_id: {status: "got"|"review", at: ISO time}} under one key. ---- */

  let listeners = [];

  function readProgress() {
    try {
      const value = JSON.parse(localStorage.getItem(PROGRESS_KEY) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (error) {
      return {}; // unreadable or blocked storage: start empty rather than break the page
    }
  }

  function writeProgress(all) {
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(all));
    } catch (error) {
      // Private mode or a full quota: the marks then last only as long as the page.
    }
    listeners.forEach((fn) => fn(all));
  }

  const validEntry = (entry) =>
    Boolean(entry) &&
    typeof entry === "object" &&
    Object.prototype.hasOwnProperty.call(STATUSES, entry.status) &&
    typeof entry.at === "string" &&
    !Number.isNaN(Date.parse(entry.at));

  const progress = {
    key: PROGRESS_KEY,
    all: readProgress,
    validEntry,
    status(id, all = readProgress()) {
      return validEntry(all[id]) ? all[id].status : null;
    },
    // A null status clears the mark.
    set(id, status) {
      const all = readProgress();
      if (status) all[id] = { status, at: new Date().toISOString() };
      else delete all[id];
      writeProgress(all);
    },
    replace: writeProgress,
    // fn(all) runs after every change, made in this tab or (storage event) in another one.
    subscribe(fn) {
      listeners.push(fn);
      return () => {
        listeners = listeners.filter((other) => other !== fn);
      };
    },
    // How many of `ids` are marked got / review.
    count(ids, all = readProgress()) {
      const counts = { got: 0, review: 0, total: ids.length };
      ids.forEach((id) => {
        const status = progress.status(id, all);
        if (status) counts[status] += 1;
      });
      return counts;
    },
  };
  window.addEventListener("storage", (event) => {
    if (event.key !== PROGRESS_KEY && event.key !== null) return;
    const all = readProgress();
    listeners.forEach((fn) => fn(all));
  });

  /* ---- DOM helpers ---- */

  // el("p", {class: "x"}, "text", child): strings become text nodes, so data is never parsed as HTML.
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    addChildren(node, children);
    return node;
  }

  function addChildren(node, children) {
    children.forEach((child) => {
      if (Array.isArray(child)) addChildren(node, child);
      else if (child !== null && child !== undefined && child !== false) node.append(child);
    });
  }

  // Replace a node's content (Element.replaceChildren is newer than the browsers we aim at).
  function fill(node, ...children) {
    node.textContent = "";
    addChildren(node, children);
    return node;
  }

  /* Markdown from the data, shown as plain DOM: `code`, **bold**, *italic*, [text](url) → its text,
     fenced code blocks, paragraphs and "- " lists. Anything else stays literal text. */
  function inline(text) {
    const frag = document.createDocumentFragment();
    const pattern = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\[[^\]]+\]\([^)\s]+\))/;
    String(text)
      .split(pattern)
      .forEach((part, i) => {
        if (!part) return;
        if (i % 2 === 0) frag.append(part);
        else if (part[0] === "`") frag.append(el("code", { text: part.slice(1, -1) }));
        else if (part.startsWith("**")) frag.append(el("strong", { text: part.slice(2, -2) }));
        else if (part[0] === "*") frag.append(el("em", { text: part.slice(1, -1) }));
        else frag.append(part.slice(1, part.indexOf("](")));
      });
    return frag;
  }

  function richText(text) {
    const frag = document.createDocumentFragment();
    // split() with a capture group: odd items are the bodies of fenced code blocks.
    const chunks = String(text).split(/^ {0,3}```[^\n]*\n([\s\S]*?)^ {0,3}```[ \t]*$/m);
    chunks.forEach((chunk, i) => {
      if (i % 2 === 1) {
        // Focusable, as Material makes page code blocks, so a keyboard can scroll a wide one.
        frag.append(el("pre", {}, el("code", { tabindex: "0", text: chunk.replace(/\n$/, "") })));
        return;
      }
      chunk.split(/\n\s*\n/).forEach((block) => {
        const lines = block.trim().split("\n");
        if (!lines[0]) return;
        if (lines.every((line) => /^\s*[-*] /.test(line))) {
          frag.append(
            el(
              "ul",
              {},
              lines.map((line) => el("li", {}, inline(line.replace(/^\s*[-*] /, "")))),
            ),
          );
        } else {
          frag.append(el("p", {}, inline(lines.join(" "))));
        }
      });
    });
    return frag;
  }

  const summary = (c) =>
    `${c.got} of ${c.total} got it` +
    (c.review ? `, ${c.review} ${c.review === 1 ? "needs" : "need"} work` : "");

  // A named progress bar (role=progressbar, aria-valuenow/min/max); call bar.update(counts) to redraw.
  function progressBar(label, counts) {
    const got = el("span", { class: "sisg-bar__got" });
    const review = el("span", { class: "sisg-bar__review" });
    const bar = el(
      "div",
      { class: "sisg-bar", role: "progressbar", "aria-label": label, "aria-valuemin": "0" },
      got,
      review,
    );
    bar.update = (c) => {
      bar.setAttribute("aria-valuemax", String(c.total));
      bar.setAttribute("aria-valuenow", String(c.got));
      bar.setAttribute("aria-valuetext", summary(c));
      got.style.width = c.total ? `${(100 * c.got) / c.total}%` : "0";
      review.style.width = c.total ? `${(100 * c.review) / c.total}%` : "0";
    };
    if (counts) bar.update(counts);
    return bar;
  }

  /* Run init(container) on every page that has `selector`: the first load and each instant
     navigation (document$ emits once per page). init may return a cleanup function, which runs
     when the reader moves to another page. DOMContentLoaded is a fallback for pages where
     document$ never emits (opened from file://); `current` keeps a page from starting twice. */
  function onPage(selector, init) {
    let cleanup = null;
    let current = null;
    const run = () => {
      const container = document.querySelector(selector);
      if (container && container === current) return;
      if (cleanup) cleanup();
      cleanup = null;
      current = container;
      if (container) cleanup = init(container) || null;
    };
    if (window.document$) window.document$.subscribe(run);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  /* onPage for a tool that needs guide.json: start(container, guide) runs once it has loaded,
     unless the reader has left the page by then, and the cleanup it returns runs when they leave. */
  function onPageWithGuide(selector, start) {
    onPage(selector, (root) => {
      let alive = true;
      let cleanup = null;
      loadGuide()
        .then((guide) => {
          if (alive) cleanup = start(root, guide) || null;
        })
        .catch((error) => alive && loadError(root, error));
      return () => {
        alive = false;
        if (cleanup) cleanup();
      };
    });
  }

  function loadError(container, error) {
    const message =
      location.protocol === "file:"
        ? "This tool needs the site served over HTTP: browsers do not let a page read guide.json " +
          "from files. Use the online site, or serve the unzipped folder (for example with python3 -m http.server)."
        : `Could not load the question data (${error.message}). Reload the page to try again.`;
    fill(container, el("p", { class: "sisg-error", role: "alert", text: message }));
  }

  function shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  // A round's length as the role page writes it: "45 min" or "45–60 min".
  const durationLabel = (d) => (d.max && d.max !== d.min ? `${d.min}–${d.max} min` : `${d.min} min`);

  // Options for a <select>: [[value, label], ...].
  const options = (pairs, selected) =>
    pairs.map(([value, label]) => el("option", { value, selected: value === selected, text: label }));

  window.SISG = {
    siteRoot,
    siteUrl,
    loadGuide,
    progress,
    STATUSES,
    KIND_LABELS,
    el,
    fill,
    inline,
    richText,
    progressBar,
    summary,
    onPage,
    onPageWithGuide,
    loadError,
    shuffle,
    options,
    durationLabel,
  };
})();
