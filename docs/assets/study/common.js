/* Shared by the study tools (practice, progress, plan): loading the study data, progress marks,
   DOM helpers and start-up under Material's instant navigation.
   Data text goes on the page through textContent / createElement. The only HTML inserted is what
   the build rendered into the study data (`*_html`, `sections[].html`) from escaped data text, with
   the site's own Markdown configuration; labels, lengths and page URLs also come from it. */
(() => {
  "use strict";

  const STATUSES = { got: "Got it", review: "Needs work" };

  // The site may be served under a sub-path (/<repo>/), so every URL is built from the site root.
  // Material sets __md_scope to the root when the first page loads; this script's own URL
  // (<root>/assets/study/common.js) is the fallback.
  const scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  const siteRoot = () =>
    typeof window.__md_scope !== "undefined"
      ? new URL(".", window.__md_scope).href
      : new URL("../../", scriptUrl).href;

  // A URL from the study data (relative to the site root) made absolute.
  const siteUrl = (relative) => new URL(relative, siteRoot()).href;

  /* The study data (study_guide/study_data.py): an index of roles, rounds, topics and questions
     that every tool reads, and each topic's rendered guidance in a file of its own, which Practice
     fetches when it shows a question of that topic. Their names carry a hash of their content;
     the page names the index (<meta name="sisg-study-index">, relative to the site root). Read once
     when this script starts: instant navigation keeps it alive, and a page of the same build names
     the same file. */
  const indexMeta = document.querySelector('meta[name="sisg-study-index"]');
  const indexPath = indexMeta ? indexMeta.getAttribute("content") : null;

  const fetchJson = (relative) =>
    fetch(siteUrl(relative)).then((response) => {
      if (!response.ok) throw new Error(`${relative}: HTTP ${response.status}`);
      return response.json();
    });

  // The index is fetched once per visit.
  let guidePromise = null;
  function loadGuide() {
    // Opened from files, the browser refuses the fetch (and logs an error): do not try.
    if (location.protocol === "file:") return Promise.reject(new Error("opened from files"));
    if (!indexPath) return Promise.reject(new Error("this page does not name the study data"));
    if (!guidePromise) {
      guidePromise = fetchJson(indexPath).then(indexGuide);
      guidePromise.catch(() => {
        guidePromise = null; // the next page tries again
      });
    }
    return guidePromise;
  }

  // No prototype: an id can never meet a built-in property ("constructor").
  const byId = (list) =>
    list.reduce((map, item) => {
      map[item.id] = item;
      return map;
    }, Object.create(null));

  function indexGuide(data) {
    const guide = {
      data,
      roles: data.roles,
      role: byId(data.roles),
      topic: byId(data.topics),
      question: byId(data.questions),
    };
    // Question ids of a round, in page order (topic by topic).
    guide.roundQuestions = (round) =>
      [].concat(...round.focus_topics.map((id) => (guide.topic[id] ? guide.topic[id].questions : [])));
    // Question ids of a role, each once, in page order.
    guide.roleQuestions = (role) => [...new Set([].concat(...role.rounds.map(guide.roundQuestions)))];
    // A question's guidance sections as the build rendered them: its topic's file, fetched once.
    const topicFiles = Object.create(null);
    guide.guidance = (id) => {
      const topic = guide.topic[guide.question[id].topic];
      if (!topicFiles[topic.id]) {
        topicFiles[topic.id] = fetchJson(topic.guidance).then((file) => file.questions);
        topicFiles[topic.id].catch(() => delete topicFiles[topic.id]); // asked again, fetched again
      }
      return topicFiles[topic.id].then((questions) => questions[id] || []);
    };
    /* For tools that draw many questions' guidance at once (mock rounds, debriefs): each question's
       sections fetched (topic files once each) and kept on its entry as guide.question[id].sections. */
    guide.loadSections = (ids) =>
      Promise.all(
        [...new Set(ids)]
          .filter((id) => guide.question[id])
          .map((id) =>
            guide.guidance(id).then((sections) => {
              guide.question[id].sections = sections;
            }),
          ),
      );
    return guide;
  }

  /* ---- Progress marks: the quick path (Got it / Needs work) over the study record ----
     SISG.store (store.js) keeps every review; a question's mark is its last rating: Good or Easy
     reads as Got it, Again or Hard as Needs work. Kept for the Got it / Needs work buttons on the
     reading pages (marks.js). The store loads after this file, so it is looked up on each call. */

  const store = () => window.SISG.store;
  const RATING_OF = { got: 3, review: 1 };
  const statusOfRating = (rating) => (rating >= 3 ? "got" : "review");

  const progress = {
    // The whole study record; pass it back to status() and count() to read it once per redraw.
    all: () => store().read(),
    status(id, record = store().read()) {
      const last = store().lastReview(record, id);
      return last ? statusOfRating(last.rating) : null;
    },
    /* Got it adds a Good review, Needs work an Again; null takes back the last review. A failed
       write is shown on the page (role=alert) and returned as {ok: false, error}. */
    set(id, status) {
      const result = status
        ? store().review(id, RATING_OF[status])
        : store().update((record) => {
            const list = (record.reviews[id] || []).slice(0, -1);
            if (list.length) record.reviews[id] = list;
            else delete record.reviews[id];
          });
      showWriteResult(result);
      return result;
    },
    subscribe: (fn) => store().subscribe(fn),
    // How many of `ids` are marked got / review.
    count(ids, record = store().read()) {
      const counts = { got: 0, review: 0, total: ids.length };
      ids.forEach((id) => {
        const status = progress.status(id, record);
        if (status) counts[status] += 1;
      });
      return counts;
    },
  };

  /* A write that failed, said on the page: in `container` if given, else in one alert box at the
     top of the page's article. An ok result clears the box. */
  function showWriteResult(result, container) {
    let box = container || document.getElementById("sisg-write-error");
    if (!box && result.ok) return;
    if (!box) {
      const article = document.querySelector("article.md-content__inner") || document.body;
      box = el("p", { id: "sisg-write-error", class: "sisg-error sisg-error--page", role: "alert", hidden: true });
      const heading = article.querySelector("h1");
      if (heading) heading.after(box);
      else article.prepend(box);
    }
    box.textContent = result.ok ? "" : result.error;
    box.hidden = result.ok;
  }

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

  /* HTML the build rendered into the study data and sanitised against its allowlist
     (study_guide/sanitise.py), as a fragment: the only HTML the study tools insert. Text from the
     study record (notes, plans) is only ever set as text, through el(). Its links are relative to the site
     root, as every URL in the study data is; code blocks are focusable, as Material makes page code
     blocks, so a keyboard can scroll a wide one. */
  function html(markup) {
    const template = document.createElement("template");
    template.innerHTML = markup;
    template.content.querySelectorAll("a[href]").forEach((a) => {
      a.setAttribute("href", siteUrl(a.getAttribute("href")));
    });
    template.content.querySelectorAll("pre > code").forEach((code) => code.setAttribute("tabindex", "0"));
    return template.content;
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

  /* Scripts only some pages run (practice, the mock round, progress, the plan and the home page's
     "due today" box). The page's container names its scripts in data-sisg-script, paths from the site root;
     each loads once per visit, when the first page that needs it opens, and stays for the pages
     after it (instant navigation keeps scripts alive). Reading pages never download them. They
     load at DOMContentLoaded or later, after every script in mkdocs.yml has run, since they use
     what those define. */
  const pageScripts = new Set();
  function loadPageScripts() {
    document.querySelectorAll("[data-sisg-script]").forEach((node) => {
      // One or more paths, run in the order named (a tool's pure helpers before the tool).
      node.dataset.sisgScript.split(/\s+/).filter(Boolean).forEach((path) => {
        const src = siteUrl(path);
        if (pageScripts.has(src)) return;
        pageScripts.add(src);
        const script = el("script", { src });
        script.async = false; // inserted scripts run as they arrive unless told to keep their order
        document.head.append(script);
      });
    });
  }
  if (window.document$) window.document$.subscribe(loadPageScripts);
  else document.addEventListener("DOMContentLoaded", loadPageScripts);

  /* onPage for a tool that needs the study data: start(container, guide) runs once it has loaded,
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
        ? "This tool needs the site served over HTTP: browsers do not let a page read its data " +
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

  // Options for a <select>: [[value, label], ...].
  const options = (pairs, selected) =>
    pairs.map(([value, label]) => el("option", { value, selected: value === selected, text: label }));

  // "1 minute", "3 minutes": count and noun, the noun plural unless the count is one.
  const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

  window.SISG = Object.assign(window.SISG || {}, {
    siteRoot,
    siteUrl,
    loadGuide,
    progress,
    showWriteResult,
    STATUSES,
    el,
    fill,
    html,
    progressBar,
    summary,
    onPage,
    onPageWithGuide,
    loadError,
    shuffle,
    options,
    plural,
  });
})();
