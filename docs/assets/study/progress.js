/* The "My progress" page (#sisg-progress): progress overall, per role and per round; the questions
   whose last rating was Again or Hard; export of the whole study record, import (validated by the
   store, merged by review history) and reset. Nothing says it was saved unless the store says so. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill, plural } = S;

  S.onPageWithGuide("#sisg-progress", render);

  function render(root, guide) {
    const overview = el("div", { class: "sisg-overview" });
    const status = el("p", { class: "sisg-status-line", role: "status", "aria-live": "polite" });
    const problem = el("p", { class: "sisg-error", role: "alert", hidden: true });
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
        el("label", { for: fileInput.id, text: "Import from a file (merges the review histories)" }),
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
      problem,
    );

    // One message at a time: success in the polite status line, a refusal or failure as an alert.
    const say = (text) => {
      problem.hidden = true;
      problem.textContent = "";
      status.textContent = text;
    };
    const fail = (text) => {
      status.textContent = "";
      problem.textContent = text;
      problem.hidden = false;
    };

    let drawn = 0; // readiness is filled in later; only the latest drawing gets it
    const draw = (record) => {
      const turn = ++drawn;
      fill(overview, summaryOf(guide, record));
      guide.roles.forEach((role) => {
        const box = overview.querySelector(`.sisg-role[data-role="${CSS.escape(role.id)}"] .sisg-readiness-box`);
        S.due
          .readiness({ guide, role: role.id, record })
          .then((result) => {
            if (turn !== drawn || !box) return;
            fill(
              box,
              S.due.readinessTable({
                guide,
                role: role.id,
                result,
                practiceUrl: S.siteUrl(guide.data.pages.practice),
                caption: `Readiness per round for ${role.short_title}: share practised and predicted recall on ${result.day}`,
              }),
            );
            box.hidden = false;
          })
          .catch(() => {});
      });
    };
    draw(S.store.read());

    exportButton.addEventListener("click", () => {
      const record = S.store.read();
      const blob = new Blob([S.store.exportText(record)], { type: "application/json" });
      const link = el("a", {
        href: URL.createObjectURL(blob),
        download: `spotify-interview-study-record-${S.review.dayOf(new Date())}.json`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      const reviews = Object.values(record.reviews).reduce((sum, list) => sum + list.length, 0);
      say(`Exported ${plural(reviews, "review")} and ${plural(Object.keys(record.notes).length, "note")}.`);
    });

    fileInput.addEventListener("change", () => {
      const file = fileInput.files[0];
      if (!file) return;
      // Read only files within the size limit: a huge file is refused without loading it.
      Promise.resolve()
        .then(() => {
          S.store.checkImportSize(file.size);
          return file.text();
        })
        .then((text) => importText(text, guide))
        .catch((error) => {
          if (error instanceof S.store.StudyRecordError) return { ok: false, text: `Not imported: ${error.message}` };
          return { ok: false, text: `Could not read the file (${error.message}). Nothing was changed.` };
        })
        .then((message) => (message.ok ? say(message.text) : fail(message.text)))
        .catch((error) => fail(`Could not read the file (${error.message}). Nothing was changed.`))
        .then(() => {
          fileInput.value = ""; // choosing the same file again imports again
        });
    });

    resetButton.addEventListener("click", () => {
      const record = S.store.read();
      const reviews = Object.values(record.reviews).reduce((sum, list) => sum + list.length, 0);
      const notes = Object.keys(record.notes).length;
      if (
        !window.confirm(
          `Delete ${plural(reviews, "review")}, ${plural(notes, "note")}, ${plural(record.stories.length, "story", "stories")}, your saved plan and any ` +
            "practice pass in progress from this browser? This cannot be undone; export first to keep a copy.",
        )
      )
        return;
      const result = S.store.write(S.store.empty());
      if (result.ok) say("Progress reset: nothing is saved in this browser now.");
      else fail(result.error);
    });

    return S.store.subscribe(draw);
  }

  /* Check the file with the store, merge it into the record and store that: {ok, text}. */
  function importText(text, guide) {
    // A refused file throws StudyRecordError, worded for the page.
    const parsed = S.store.parseImport(text, new Set(Object.keys(guide.question)));
    const base = S.store.read();
    const notesBefore = Object.keys(base.notes).length;
    const { record, added, debriefsAdded, storiesAdded, storiesUpdated } = S.store.merge(base, parsed.record);
    const result = S.store.write(record);
    if (!result.ok) return { ok: false, text: `Not imported: ${result.error}` };
    const notes = Object.keys(record.notes).length - notesBefore;
    const parts = [`Imported: ${plural(added, "review")} added`];
    if (notes) parts.push(`${plural(notes, "note")} added`);
    if (debriefsAdded) parts.push(`${plural(debriefsAdded, "mock debrief")} added`);
    if (storiesAdded) parts.push(`${plural(storiesAdded, "story", "stories")} added`);
    if (storiesUpdated) parts.push(`${plural(storiesUpdated, "story", "stories")} replaced by a newer copy`);
    const { dropped, clamped, invalid, badStories } = parsed.counts;
    if (dropped) parts.push(`${plural(dropped, "entry", "entries")} for questions this guide does not have dropped`);
    if (clamped) parts.push(`${plural(clamped, "future date")} set to now`);
    if (invalid) parts.push(`${plural(invalid, "malformed review")} skipped`);
    if (badStories) parts.push(`${plural(badStories, "malformed story", "malformed stories")} skipped`);
    return { ok: true, text: `${parts.join("; ")}.` };
  }

  // Saved debriefs of mock rounds and loops, newest first (debrief.js draws each).
  function debriefsOf(guide, record) {
    const list = (record.debriefs || []).slice().reverse();
    return [
      el("h2", { id: "sisg-debriefs", text: `Mock debriefs (${list.length})` }),
      list.length
        ? debriefsBox(guide, list)
        : el("p", {}, "No mock round yet. ", el("a", { href: S.siteUrl(guide.data.pages.mock), text: "Run one" }), "."),
    ];
  }

  // Drawn once the guidance of their questions is in (each topic's file fetched once).
  function debriefsBox(guide, list) {
    const box = el("div", { class: "sisg-debriefs" }, el("p", { class: "sisg-loading", text: "Loading the debriefs…" }));
    const ids = [].concat(...list.map((d) => [].concat(...d.rounds.map((r) => r.questions.map((q) => q.id)))));
    guide
      .loadSections(ids)
      .then(() => box.replaceChildren(...list.map((debrief) => S.debriefView(guide, debrief))))
      .catch((error) =>
        box.replaceChildren(el("p", { class: "sisg-error", role: "alert", text: `Could not load the debriefs (${error.message}).` })),
      );
    return box;
  }

  /* Got it / Needs work for `ids` counted for one role: each question's last review made while
     practising that role, or on a reading page (reviews without a role count for every role). So
     answers practised for one role do not fill another role's bars through shared topics. */
  function roleCount(ids, record, roleId) {
    const counts = { got: 0, review: 0, total: ids.length };
    ids.forEach((id) => {
      const mine = (record.reviews[id] || []).filter((r) => !r.role || r.role === roleId);
      const last = mine[mine.length - 1];
      if (last) counts[last.rating >= 3 ? "got" : "review"] += 1;
    });
    return counts;
  }

  // Overall, each role with its rounds, and the questions whose last rating was Again or Hard.
  function summaryOf(guide, record) {
    const everything = guide.data.questions.map((q) => q.id);
    const overall = S.progress.count(everything, record);
    const review = everything.filter((id) => S.progress.status(id, record) === "review");
    return [
      el("h2", { id: "sisg-overall", text: "Overall" }),
      S.progressBar("Progress on all questions", overall),
      el("p", { class: "sisg-progress__text", text: `${S.summary(overall)} across the whole guide.` }),
      el("h2", { id: "sisg-by-role", text: "By role and round" }),
      guide.roles.map((role) => {
        const counts = roleCount(guide.roleQuestions(role), record, role.id);
        return el(
          "section",
          { class: "sisg-role", "data-role": role.id },
          el("h3", {}, el("a", { href: S.siteUrl(role.url), text: role.title })),
          S.progressBar(`Progress on ${role.title}`, counts),
          el("p", { class: "sisg-progress__text", text: S.summary(counts) }),
          el("div", { class: "sisg-readiness-box", hidden: true }),
          el(
            "ul",
            { class: "sisg-rounds" },
            role.rounds.map((round) => {
              const c = roleCount(guide.roundQuestions(round), record, role.id);
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
      debriefsOf(guide, record),
    ];
  }
})();
