/* A saved debrief of a mock round or loop, drawn the same way after saving (mock.js) and on
   My progress (progress.js): per round what was covered and what was missed, weakest round first,
   each question's rating and notes. Prints as it shows. Data text goes in as text; the only HTML is
   the study data's rendered prompts and points. */
(() => {
  "use strict";
  const S = window.SISG;
  const M = S.mockround;
  const { el, plural } = S;
  const LABELS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

  // The points of "what a strong answer covers" as rendered list items (sanitised HTML), in order.
  function coverItems(question) {
    const section = question.sections.find((s) => s.field === "covers");
    if (!section) return [];
    return [...S.html(section.html).querySelectorAll("li")];
  }

  function questionView(guide, q) {
    const question = guide.question[q.id];
    if (!question) return null;
    const items = coverItems(question);
    const missed = items.filter((_, i) => !q.covered.includes(i));
    return el(
      "li",
      { class: "sisg-debrief__question", "data-question": q.id },
      el("a", { href: S.siteUrl(question.url) }, S.html(question.prompt_html)),
      el("p", {
        class: "sisg-debrief__score",
        text: `Covered ${q.covered.length} of ${q.covers}` + (q.rating ? ` · rated ${LABELS[q.rating]}` : " · not rated"),
      }),
      missed.length
        ? el(
            "div",
            { class: "sisg-debrief__missed" },
            el("p", { text: "Missed:" }),
            el("ul", {}, missed.map((item) => el("li", {}, ...item.childNodes))),
          )
        : null,
      q.notes ? el("p", { class: "sisg-debrief__notes", text: `Notes: ${q.notes}` }) : null,
    );
  }

  function debriefView(guide, debrief) {
    const role = guide.role[debrief.role];
    const roundName = (id) => {
      const round = role && role.rounds.find((r) => r.id === id);
      return round ? round.name : id;
    };
    const rounds = M.weakestFirst(debrief.rounds);
    const when = new Date(debrief.at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    return el(
      "section",
      { class: "sisg-debrief", "data-debrief": debrief.id, "data-role": debrief.role },
      el("h3", {
        text: `${debrief.kind === "loop" ? "Mock loop" : "Mock round"} · ${role ? role.title : debrief.role} · ${when}`,
      }),
      el(
        "table",
        { class: "sisg-debrief__table" },
        el("caption", { text: "Rounds, weakest first" }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Round" }), el("th", { scope: "col", text: "Covered" }), el("th", { scope: "col", text: "Ratings" }))),
        el(
          "tbody",
          {},
          rounds.map((r) => {
            const score = M.roundScore(r);
            const ratings = r.questions.map((q) => (q.rating ? LABELS[q.rating] : "–")).join(", ");
            return el(
              "tr",
              { "data-round": r.round },
              el("td", { text: roundName(r.round) }),
              el("td", { text: score.total ? `${score.covered} of ${score.total}` : "–" }),
              el("td", { text: ratings || "–" }),
            );
          }),
        ),
      ),
      rounds.map((r) =>
        el(
          "div",
          { class: "sisg-debrief__round", "data-round": r.round },
          el("h4", { text: `${roundName(r.round)}${r.minutes ? ` (${plural(r.minutes, "minute")})` : ""}` }),
          el("ol", {}, r.questions.map((q) => questionView(guide, q))),
        ),
      ),
      debrief.notes ? el("p", { class: "sisg-debrief__notes", text: `Notes: ${debrief.notes}` }) : null,
    );
  }

  S.debriefView = debriefView;
})();
