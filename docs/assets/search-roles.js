/* Role-aware search: on a role's pages, Material's search lists that role's results first, and
   the dialog says so with a button to search everything instead.

   Material has no documented hook on search results (9.x dropped custom transforms; search.boost
   is a fixed weight per page), so this file is the one place that reaches into Material's
   internals. Checked against Material for MkDocs 9.8.1: the bundle creates the search worker with
   `new Worker(config.search)` and reads its answers through addEventListener("message");
   an answer { type: 3 (RESULT), data: { items: [[item, ...] per page, ...] } } is what the
   dialog lists. This script runs before the bundle (overrides/main.html), wraps that worker's
   message listeners and hands them the same answer with the groups re-ordered
   (SISG.searchOrder.preferRole). If Material changes any of this, results simply keep
   Material's order and the control never appears: tests/browser/test_search.py then fails. */
(function () {
  "use strict";
  const Native = window.Worker;
  const order = window.SISG && window.SISG.searchOrder;
  const config = document.getElementById("__config");
  if (!Native || !order || !config || !document.currentScript) return;
  const RESULT = 3; // SearchMessageType.RESULT in Material 9.8.1
  const SETUP = 0; // SearchMessageType.SETUP: the index is on its way, so the reader is searching
  const ROOT = new URL("../", document.currentScript.src).href; // this file is assets/search-roles.js
  const WORKER = new URL(JSON.parse(config.textContent).search, location.href).href;
  const EVERYTHING = "sisg-search-everything"; // sessionStorage: "1" once the reader chose everything
  const LAST_ROLE = "sisg-search-role"; // sessionStorage: the role last searched from

  let roles = null; // the build's map, fetched when search starts (search/roles.json)
  let last = null; // the worker's last answer, as Material would list it
  let deliver = () => {}; // hands an answer to Material's listeners

  const relative = (loc) => {
    const href = new URL(loc, ROOT).href;
    return href.startsWith(ROOT) ? href.slice(ROOT.length) : loc;
  };
  const session = {
    get: (key) => { try { return sessionStorage.getItem(key); } catch (e) { return null; } },
    set: (key, value) => { try { sessionStorage.setItem(key, value); } catch (e) { /* private mode */ } },
  };

  function role() {
    if (!roles) return null;
    const path = relative(location.href.split("#")[0].split("?")[0]);
    const current = order.currentRole(path, roles, session.get(LAST_ROLE));
    if (current) session.set(LAST_ROLE, current.id);
    return current;
  }

  function shown(data) {
    const current = role();
    control(current);
    if (!current || session.get(EVERYTHING) === "1") return data;
    return Object.assign({}, data, { items: order.preferRole(data.items, current, relative) });
  }

  /* "Searching: Staff ML Engineer first · Search everything", above the result count. A real button,
     reached by Tab from the search box; it swaps the preference and re-lists the last answer. */
  function control(current) {
    const meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    let box = document.getElementById("sisg-search-role");
    if (!box) {
      box = document.createElement("div");
      box.id = "sisg-search-role";
      box.className = "sisg-search-role";
      const status = document.createElement("span");
      status.className = "sisg-search-role__status";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sisg-search-role__toggle";
      button.addEventListener("click", () => {
        session.set(EVERYTHING, session.get(EVERYTHING) === "1" ? "0" : "1");
        if (last) deliver(last);
      });
      box.append(status, " · ", button);
      meta.before(box);
    }
    box.hidden = !current;
    if (!current) return;
    const everything = session.get(EVERYTHING) === "1";
    box.querySelector(".sisg-search-role__status").textContent = everything
      ? "Searching everything"
      : `Searching: ${current.label} first`;
    box.querySelector(".sisg-search-role__toggle").textContent = everything
      ? `${current.label} first`
      : "Search everything";
  }

  /* Material closes search on Tab (9.8.1), so the button would be out of reach of the keyboard.
     Tab from the search box goes to the button instead, and Shift+Tab from the button back to the
     box; this listener runs before Material's (capture, registered before the bundle). */
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Tab") return;
      const box = document.getElementById("sisg-search-role");
      const input = document.querySelector("input.md-search__input");
      if (!box || box.hidden || !input) return;
      const button = box.querySelector("button");
      const active = document.activeElement;
      const target = active === input && !event.shiftKey ? button : active === button && event.shiftKey ? input : null;
      if (!target) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      target.focus();
    },
    true,
  );

  /* The map, once. The offline copy opened from files cannot fetch it (the browser refuses
     fetch() on file:), so there search keeps Material's order and shows no control. */
  function load() {
    if (roles) return Promise.resolve(roles);
    if (location.protocol === "file:") return Promise.resolve((roles = []));
    return fetch(new URL("search/roles.json", ROOT))
      .then((response) => (response.ok ? response.json() : { roles: [] }))
      .catch(() => ({ roles: [] }))
      .then((map) => (roles = map.roles));
  }

  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (new URL(String(url), location.href).href !== WORKER) return;
      const wrapped = new Map(); // Material's listener -> ours, so removeEventListener still works
      const listeners = () => [...wrapped.keys()];
      deliver = (data) => {
        const event = new MessageEvent("message", { data: { type: RESULT, data: shown(data) } });
        listeners().forEach((listener) =>
          typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event),
        );
      };
      this.addEventListener = (type, listener, opts) => {
        if (type !== "message" || !listener) return super.addEventListener(type, listener, opts);
        const ours = (event) => {
          if (!event.data || event.data.type !== RESULT) {
            typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
            return;
          }
          if (event.data.data === last) return; // another of Material's listeners saw it already
          // Only the newest answer is listed: one that arrives while the map loads replaces it.
          last = event.data.data;
          const answer = last;
          load().then(() => answer === last && deliver(answer));
        };
        wrapped.set(listener, ours);
        return super.addEventListener(type, ours, opts);
      };
      this.removeEventListener = (type, listener, opts) => {
        const ours = type === "message" && wrapped.get(listener);
        if (ours) wrapped.delete(listener);
        return super.removeEventListener(type, ours || listener, opts);
      };
      this.postMessage = (message, transfer) => {
        if (message && message.type === SETUP) load();
        return super.postMessage(message, transfer);
      };
    }
  };
})();
