/* "Got it / Needs work" on every question shown with its guidance (topic pages), a status badge on
   every listed prompt (role pages, question bank) and the progress boxes: the whole role
   (.guide-progress), each round (.guide-round-progress) and a count per topic
   (.guide-topic-progress, on role and topic pages). Each box carries its question ids
   (data-questions), so reading pages never download the study data. Marks are saved by SISG.progress
   in localStorage. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;

  const idsOf = (box) => box.dataset.questions.split(" ").filter(Boolean);
  // The reader's note on a question (written in practice mode), or "".
  const noteOf = (id) => ((S.store && S.store.read().notes[id]) || {}).text || "";
  // A heading's text without the permalink Material adds to it.
  const headingText = (heading) =>
    heading
      ? [...heading.childNodes]
          .filter((node) => !(node.classList && node.classList.contains("headerlink")))
          .map((node) => node.textContent)
          .join("")
          .trim()
      : "";
  const all = (selector) => [...document.querySelectorAll(selector)];
  // Each element is set up once, even if init repeats on the same page.
  const fresh = (selector) =>
    all(selector).filter((node) => {
      if (node.dataset.sisgMarked) return false;
      node.dataset.sisgMarked = "1";
      return true;
    });

  S.onPage("[data-question], [data-questions]", () => {
    const redraws = [
      ...fresh("details.guide-question[data-question]").map(addButtons),
      ...fresh(".guide-prompts li[data-question]").map(addBadge),
      ...fresh(".guide-topic-progress[data-questions]").map(topicCount),
    ];
    const roleBox = fresh(".guide-progress[data-questions]")[0];
    if (roleBox) redraws.push(...roleProgress(roleBox));
    const redraw = (marks) => redraws.forEach((fn) => fn(marks));
    redraw(S.progress.all());
    return S.progress.subscribe(redraw);
  });

  // A tag made the first time it is needed: a question bank lists hundreds of prompts and most
  // carry no mark or note, so drawing them costs no DOM work while the page starts. It goes at
  // the end of `parent`, or before the tag `before()` finds there (with its leading space).
  function lazyTag(parent, attributes, before = () => null) {
    let tag = null;
    return (show) => {
      if (!tag && !show) return null;
      if (!tag) {
        tag = el("span", attributes);
        const next = before();
        if (next) next.previousSibling.before(" ", tag);
        else parent.append(" ", tag);
      }
      tag.hidden = !show;
      return tag;
    };
  }

  // The reader's mark after a prompt or in a question's summary line.
  function statusBadge(parent, id) {
    // The mark reads before a note tag made earlier, as when both are drawn at once.
    const badge = lazyTag(parent, { class: "guide-tag sisg-status" }, () =>
      parent.querySelector(":scope > .sisg-note-tag"),
    );
    return (marks) => {
      const status = S.progress.status(id, marks);
      const tag = badge(Boolean(status));
      if (tag) {
        tag.className = `guide-tag sisg-status${status ? ` sisg-status--${status}` : ""}`;
        tag.textContent = status ? S.STATUSES[status] : "";
      }
      return status;
    };
  }

  // A listed prompt: its mark, and a tag when the reader has written a note on it.
  function addBadge(item) {
    const id = item.dataset.question;
    const drawStatus = statusBadge(item, id);
    const noteTag = lazyTag(item, { class: "guide-tag sisg-note-tag", text: "Your note" });
    return (marks) => {
      noteTag(Boolean(noteOf(id)));
      return drawStatus(marks);
    };
  }

  function topicCount(box) {
    const ids = idsOf(box);
    box.classList.add("sisg-topic-count");
    return (marks) => {
      box.textContent = `${S.summary(S.progress.count(ids, marks))} in this topic`;
    };
  }

  // Two toggle buttons at the end of the question's guidance, and the status in its summary line.
  function addButtons(details) {
    const id = details.dataset.question;
    const summary = details.querySelector("summary");
    const badge = summary ? statusBadge(summary, id) : (marks) => S.progress.status(id, marks);
    const buttons = Object.keys(S.STATUSES).map((status) => {
      const button = el("button", {
        type: "button",
        class: `sisg-btn sisg-btn--small sisg-btn--${status}`,
        "data-status": status,
        "aria-pressed": "false",
        text: S.STATUSES[status],
      });
      // Pressing the current mark again clears it.
      button.addEventListener("click", () => {
        S.progress.set(id, S.progress.status(id) === status ? null : status);
      });
      return button;
    });
    // The reader's own note (written in practice mode), as text, above their mark.
    const noteText = el("p", { class: "sisg-note__text" });
    const note = el(
      "div",
      { class: "sisg-note", hidden: true },
      el("p", { class: "sisg-note__label" }, el("strong", { text: "Your note" })),
      noteText,
    );
    details.append(
      note,
      el(
        "div",
        { class: "sisg-mark", role: "group", "aria-label": "Your progress on this question" },
        el("span", { class: "sisg-mark__label", text: "Your progress:" }),
        buttons,
      ),
    );
    return (marks) => {
      const text = noteOf(id);
      note.hidden = !text;
      noteText.textContent = text;
      const status = badge(marks);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.status === status)));
    };
  }

  // The role's box (its title and link are on the page) and a bar under each round heading.
  function roleProgress(box) {
    const roleIds = idsOf(box);
    const roleBar = S.progressBar(`Progress on ${headingText(document.querySelector("h1"))}`);
    const roleText = el("p", { class: "sisg-progress__text" });
    box.append(roleBar, roleText);
    box.classList.add("sisg-progress");
    box.hidden = false;
    const redraws = [
      (marks) => {
        const counts = S.progress.count(roleIds, marks);
        roleBar.update(counts);
        roleText.textContent = `${S.summary(counts)}.`;
      },
    ];

    fresh(".guide-round-progress[data-questions]").forEach((roundBox) => {
      const ids = idsOf(roundBox);
      const heading = roundBox.previousElementSibling;
      const bar = S.progressBar(`Progress on round: ${headingText(heading).replace(/^\d+\.\s*/, "")}`);
      const text = el("span", { class: "sisg-progress__text" });
      fill(roundBox, bar, text);
      roundBox.classList.add("sisg-progress", "sisg-progress--round");
      redraws.push((marks) => {
        const counts = S.progress.count(ids, marks);
        bar.update(counts);
        text.textContent = S.summary(counts);
      });
    });
    return redraws;
  }
})();
