/* The question bank's filters (#guide-bank-filter): topic, kind, level and reported or practice.

   The choices and their words are on the page, written by the build (templates/questions.md.j2);
   each entry carries its kind, level and origin, each topic section its topic. This script makes
   them a form, hides the entries that do not match (and the topics and roles left empty), and
   keeps the choices in the address (?topic=&kind=&level=&origin=) so a link keeps them. */
(() => {
  "use strict";
  const S = window.SISG;
  const F = S.filters;
  const { el, fill, plural } = S;

  S.onPage("#guide-bank-filter", (box) => {
    const article = box.closest("article") || document;
    const labels = {};
    const names = {};
    box.querySelectorAll("ul[data-filter]").forEach((list) => {
      names[list.dataset.filter] = list.dataset.label;
      labels[list.dataset.filter] = Object.fromEntries(
        [...list.querySelectorAll("li[data-value]")].map((li) => [li.dataset.value, li.textContent.trim()]),
      );
    });
    // Each entry with what the filters compare: its own data and its topic section's.
    const entries = [...article.querySelectorAll(".guide-bank-role li[data-question]")].map((li) => ({
      li,
      topic: li.closest("[data-topic]").dataset.topic,
      kind: li.dataset.kind,
      level: li.dataset.level,
      origin: li.dataset.origin,
    }));
    const sections = [...article.querySelectorAll(".guide-bank-role [data-topic]")];
    const roles = [...article.querySelectorAll(".guide-bank-role")];

    const selects = {};
    F.FIELDS.forEach((field) => {
      selects[field] = el("select", { id: `sisg-bank-${field}`, name: field });
    });
    const status = el("p", { class: "sisg-bank-count", role: "status" });
    const form = el(
      "form",
      { class: "sisg-controls sisg-bank-form", "aria-label": "Filter the questions" },
      F.FIELDS.map((field) =>
        el("div", { class: "sisg-field" }, el("label", { for: selects[field].id, text: names[field] }), selects[field]),
      ),
      el("div", { class: "sisg-field sisg-field--full" }, status),
    );
    form.addEventListener("submit", (event) => event.preventDefault());

    const chosen = () => Object.fromEntries(F.FIELDS.map((field) => [field, selects[field].value]));
    function draw(filters) {
      F.FIELDS.forEach((field) => {
        const left = entries.filter((e) => F.matches(e, { ...filters, [field]: "" })).length;
        const choices = F.choices(entries, filters, field, labels[field]).map(([value, label, n]) => [value, `${label} (${n})`]);
        fill(selects[field], S.options([["", `Any (${left})`]].concat(choices), filters[field]));
      });
      let shown = 0;
      entries.forEach((e) => {
        e.li.hidden = !F.matches(e, filters);
        if (!e.li.hidden) shown += 1;
      });
      sections.forEach((section) => {
        section.hidden = !section.querySelector("li[data-question]:not([hidden])");
      });
      roles.forEach((role) => {
        role.hidden = !role.querySelector("[data-topic]:not([hidden])");
      });
      status.textContent =
        shown === entries.length
          ? `All ${plural(entries.length, "question")}.`
          : `${shown} of ${plural(entries.length, "question")} match.`;
      status.dataset.shown = String(shown);
    }
    function change() {
      const filters = chosen();
      draw(filters);
      const query = F.write(new URLSearchParams(location.search), filters).toString();
      history.replaceState(history.state, "", (query ? `?${query}` : location.pathname) + location.hash);
    }
    F.FIELDS.forEach((field) => selects[field].addEventListener("change", change));
    const allowed = Object.fromEntries(F.FIELDS.map((field) => [field, Object.keys(labels[field] || {})]));
    draw(F.read(new URLSearchParams(location.search), allowed));
    box.after(form);
    box.classList.add("guide-bank-filter--done"); // the form now takes the room the box kept
    return () => {
      form.remove();
      box.classList.remove("guide-bank-filter--done");
    };
  });
})();
