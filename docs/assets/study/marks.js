/* "Got it / Needs work" on every question of a page (role pages, question bank), and on role
   pages the progress bars: the whole role (.guide-progress), each round (under its heading) and a
   count per topic (.guide-topic-progress). Marks are saved by SISG.progress in localStorage. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;

  S.onPage("details.guide-question[data-question]", () => {
    const redraws = [...document.querySelectorAll("details.guide-question[data-question]")]
      .filter((details) => !details.querySelector(".sisg-mark")) // once per question, even if init repeats
      .map(addButtons);
    const redraw = (all) => redraws.forEach((fn) => fn(all));
    redraw(S.progress.all());

    let alive = true;
    const roleBox = document.querySelector(".guide-progress[data-role]");
    // Opened from files (the offline copy), the browser refuses to fetch guide.json: no bars then.
    if (roleBox && location.protocol !== "file:") {
      S.loadGuide()
        .then((guide) => {
          if (!alive || !guide.role[roleBox.dataset.role]) return;
          redraws.push(...roleProgress(guide, guide.role[roleBox.dataset.role], roleBox));
          redraw(S.progress.all());
        })
        .catch(() => {}); // the buttons work without guide.json; only the bars are missing
    }
    const unsubscribe = S.progress.subscribe(redraw);
    return () => {
      alive = false;
      unsubscribe();
    };
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

  // Fills the role's box, adds a bar under each round heading and a count under each topic heading.
  function roleProgress(guide, role, box) {
    const roleIds = guide.roleQuestions(role);
    const roleBar = S.progressBar(`Progress on ${role.title}`);
    const roleText = el("p", { class: "sisg-progress__text" });
    fill(
      box,
      el(
        "p",
        { class: "sisg-progress__title" },
        el("strong", { text: "Your progress" }),
        " · ",
        el("a", { href: S.siteUrl("progress/"), text: "all roles, export and reset" }),
      ),
      roleBar,
      roleText,
    );
    box.classList.add("sisg-progress");
    box.hidden = false;
    const redraws = [
      (all) => {
        const counts = S.progress.count(roleIds, all);
        roleBar.update(counts);
        roleText.textContent = `${S.summary(counts)}.`;
      },
    ];

    role.rounds.forEach((round) => {
      const heading = document.getElementById(round.id);
      if (!heading || !/^H[1-6]$/.test(heading.tagName)) return;
      const ids = guide.roundQuestions(round);
      const bar = S.progressBar(`Progress on round: ${round.name}`);
      const text = el("span", { class: "sisg-progress__text" });
      heading.after(
        el("div", { class: "sisg-progress sisg-progress--round", "data-round": round.id }, bar, text),
      );
      redraws.push((all) => {
        const counts = S.progress.count(ids, all);
        bar.update(counts);
        text.textContent = S.summary(counts);
      });
    });

    document.querySelectorAll(".guide-topic-progress[data-topic]").forEach((box) => {
      const topic = guide.topic[box.dataset.topic];
      if (!topic) return;
      box.classList.add("sisg-topic-count");
      redraws.push((all) => {
        box.textContent = `${S.summary(S.progress.count(topic.questions, all))} in this topic`;
      });
    });
    return redraws;
  }
})();
