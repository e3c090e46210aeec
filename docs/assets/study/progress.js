/* The "My progress" page (#sisg-progress): progress overall, per role and per round; the questions
   marked Needs work; export to a JSON file, import (merge: the newer mark of a question wins) and reset. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;
  const FORMAT = "spotify-interview-study-guides-progress";
  const VERSION = 1;

  S.onPageWithGuide("#sisg-progress", render);

  function render(root, guide) {
    const overview = el("div", { class: "sisg-overview" });
    const status = el("p", { class: "sisg-status-line", role: "status", "aria-live": "polite" });
    const fileInput = el("input", { type: "file", id: "sisg-import-file", accept: ".json,application/json" });
    const exportButton = el("button", {
      type: "button",
      class: "sisg-btn sisg-btn--primary",
      text: "Export to a file",
    });
    const resetButton = el("button", {
      type: "button",
      class: "sisg-btn sisg-btn--danger",
      text: "Reset all progress",
    });
    const tools = el(
      "div",
      { class: "sisg-controls sisg-transfer" },
      el("div", { class: "sisg-field sisg-field--action" }, exportButton),
      el(
        "div",
        { class: "sisg-field" },
        el("label", { for: fileInput.id, text: "Import from a file (merges: the newer mark wins)" }),
        fileInput,
      ),
      el("div", { class: "sisg-field sisg-field--action" }, resetButton),
    );
    fill(
      root,
      overview,
      el("h2", { id: "sisg-transfer", text: "Move or back up your progress" }),
      tools,
      status,
    );

    const draw = (all) => fill(overview, summaryOf(guide, all));
    draw(S.progress.all());

    exportButton.addEventListener("click", () => {
      const all = S.progress.all();
      const payload = {
        format: FORMAT,
        version: VERSION,
        exported_at: new Date().toISOString(),
        progress: all,
      };
      const blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
      const link = el("a", {
        href: URL.createObjectURL(blob),
        download: `spotify-interview-progress-${payload.exported_at.slice(0, 10)}.json`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      status.textContent = `Exported ${Object.keys(all).length} marks.`;
    });

    fileInput.addEventListener("change", () => {
      const file = fileInput.files[0];
      if (!file) return;
      file
        .text()
        .then((text) => {
          status.textContent = importText(text, guide);
        })
        .catch((error) => {
          status.textContent = `Could not read the file: ${error.message}`;
        })
        .then(() => {
          fileInput.value = ""; // choosing the same file again imports again
        });
    });

    resetButton.addEventListener("click", () => {
      const count = Object.keys(S.progress.all()).length;
      if (
        !window.confirm(
          `Delete all ${count} progress marks saved in this browser? ` +
            "This cannot be undone; export first to keep a copy.",
        )
      )
        return;
      S.progress.replace({});
      status.textContent = "Progress reset: no marks are saved in this browser.";
    });

    return S.progress.subscribe(draw);
  }

  /* Check the file, then merge it into saved progress: for each question the newer mark wins.
     Marks for ids this version of the guide does not have are kept (a later version may). */
  function importText(text, guide) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return "Not imported: the file is not JSON.";
    }
    if (!data || data.format !== FORMAT)
      return `Not imported: this is not a progress file (expected "format": "${FORMAT}").`;
    if (data.version !== VERSION)
      return `Not imported: version ${data.version} files are not supported (this site reads version ${VERSION}).`;
    if (!data.progress || typeof data.progress !== "object" || Array.isArray(data.progress))
      return 'Not imported: the file has no "progress" object.';

    const all = S.progress.all();
    let added = 0;
    let skipped = 0;
    let unknown = 0;
    Object.keys(data.progress).forEach((id) => {
      const entry = data.progress[id];
      if (!S.progress.validEntry(entry)) {
        skipped += 1;
        return;
      }
      if (!guide.question[id]) unknown += 1;
      const mine = all[id];
      if (!S.progress.validEntry(mine) || Date.parse(entry.at) > Date.parse(mine.at)) {
        all[id] = { status: entry.status, at: entry.at };
        added += 1;
      }
    });
    S.progress.replace(all);
    const notes = [`Imported: ${added} marks added or updated`];
    if (skipped) notes.push(`${skipped} malformed entries skipped`);
    if (unknown) notes.push(`${unknown} for questions this guide does not have (kept)`);
    return `${notes.join("; ")}.`;
  }

  // Overall, each role with its rounds, and the list of questions marked Needs work.
  function summaryOf(guide, all) {
    const everything = guide.data.questions.map((q) => q.id);
    const overall = S.progress.count(everything, all);
    const stray = Object.keys(all).filter(
      (id) => !guide.question[id] && S.progress.validEntry(all[id]),
    ).length;
    const review = everything.filter((id) => S.progress.status(id, all) === "review");
    return [
      el("h2", { id: "sisg-overall", text: "Overall" }),
      S.progressBar("Progress on all questions", overall),
      el("p", { class: "sisg-progress__text", text: `${S.summary(overall)} across the whole guide.` }),
      stray
        ? el("p", {
            class: "sisg-note",
            text: `${stray} saved marks are for questions this version of the guide does not have; they are kept.`,
          })
        : null,
      el("h2", { id: "sisg-by-role", text: "By role and round" }),
      guide.roles.map((role) => {
        const counts = S.progress.count(guide.roleQuestions(role), all);
        return el(
          "section",
          { class: "sisg-role", "data-role": role.id },
          el("h3", {}, el("a", { href: S.siteUrl(role.url), text: role.title })),
          S.progressBar(`Progress on ${role.title}`, counts),
          el("p", { class: "sisg-progress__text", text: S.summary(counts) }),
          el(
            "ul",
            { class: "sisg-rounds" },
            role.rounds.map((round) => {
              const c = S.progress.count(guide.roundQuestions(round), all);
              return el(
                "li",
                { "data-round": round.id },
                el("a", { href: S.siteUrl(round.url), text: round.name }),
                S.progressBar(`Progress on ${role.short_title}, round: ${round.name}`, c),
                el("span", { class: "sisg-progress__text", text: S.summary(c) }),
              );
            }),
          ),
        );
      }),
      el("h2", { id: "sisg-needs-work", text: `Needs work (${review.length})` }),
      review.length
        ? el(
            "ul",
            { class: "sisg-missed" },
            review.map((id) =>
              el(
                "li",
                { "data-question": id },
                el("a", { href: S.siteUrl(guide.question[id].url) }, S.html(guide.question[id].prompt_html)),
              ),
            ),
          )
        : el("p", { text: "Nothing marked Needs work." }),
    ];
  }
})();
