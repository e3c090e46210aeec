/* "Got it / Needs work" on every question of a page (role pages, question bank), and on role
   pages the progress bars: the whole role (.guide-progress), each round (.guide-round-progress)
   and a count per topic (.guide-topic-progress). Each box carries its question ids
   (data-questions), so reading pages never download guide.json. Marks are saved by SISG.progress
   in localStorage. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;

  const idsOf = (box) => box.dataset.questions.split(" ").filter(Boolean);
  // A heading's text without the permalink Material adds to it.
  const headingText = (heading) =>
    heading
      ? [...heading.childNodes]
          .filter((node) => !(node.classList && node.classList.contains("headerlink")))
          .map((node) => node.textContent)
          .join("")
          .trim()
      : "";

  S.onPage("details.guide-question[data-question]", () => {
    const redraws = [...document.querySelectorAll("details.guide-question[data-question]")]
      .filter((details) => !details.querySelector(".sisg-mark")) // once per question, even if init repeats
      .map(addButtons);
    const redraw = (all) => redraws.forEach((fn) => fn(all));
    const roleBox = document.querySelector(".guide-progress[data-questions]");
    if (roleBox && !roleBox.querySelector(".sisg-bar")) redraws.push(...roleProgress(roleBox));
    redraw(S.progress.all());
    return S.progress.subscribe(redraw);
  });

  // Two toggle buttons at the end of the question's guidance, and the status in its summary line.
  function addButtons(details) {
    const id = details.dataset.question;
    const badge = el("span", { class: "guide-tag sisg-status", hidden: true });
    const summary = details.querySelector("summary");
    if (summary) summary.append(" ", badge);
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
    details.append(
      el(
        "div",
        { class: "sisg-mark", role: "group", "aria-label": "Your progress on this question" },
        el("span", { class: "sisg-mark__label", text: "Your progress:" }),
        buttons,
      ),
    );
    return (all) => {
      const status = S.progress.status(id, all);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.status === status)));
      badge.hidden = !status;
      badge.className = `guide-tag sisg-status${status ? ` sisg-status--${status}` : ""}`;
      badge.textContent = status ? S.STATUSES[status] : "";
    };
  }

  // The role's box (its title and link are on the page), a bar under each round heading and a
  // count under each topic heading.
  function roleProgress(box) {
    const roleIds = idsOf(box);
    const roleBar = S.progressBar(`Progress on ${headingText(document.querySelector("h1"))}`);
    const roleText = el("p", { class: "sisg-progress__text" });
    box.append(roleBar, roleText);
    box.classList.add("sisg-progress");
    box.hidden = false;
    const redraws = [
      (all) => {
        const counts = S.progress.count(roleIds, all);
        roleBar.update(counts);
        roleText.textContent = `${S.summary(counts)}.`;
      },
    ];

    document.querySelectorAll(".guide-round-progress[data-questions]").forEach((roundBox) => {
      const ids = idsOf(roundBox);
      const heading = roundBox.previousElementSibling;
      const bar = S.progressBar(`Progress on round: ${headingText(heading).replace(/^\d+\.\s*/, "")}`);
      const text = el("span", { class: "sisg-progress__text" });
      fill(roundBox, bar, text);
      roundBox.classList.add("sisg-progress", "sisg-progress--round");
      redraws.push((all) => {
        const counts = S.progress.count(ids, all);
        bar.update(counts);
        text.textContent = S.summary(counts);
      });
    });

    document.querySelectorAll(".guide-topic-progress[data-questions]").forEach((topicBox) => {
      const ids = idsOf(topicBox);
      topicBox.classList.add("sisg-topic-count");
      redraws.push((all) => {
        topicBox.textContent = `${S.summary(S.progress.count(ids, all))} in this topic`;
      });
    });
    return redraws;
  }
})();
