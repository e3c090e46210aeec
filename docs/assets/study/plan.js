/* Study plan (#sisg-plan): from a role, an interview date and hours per day, a day-by-day plan
   from today to the day before the interview. Every round of the role is covered, days are shared
   out by number of questions, and the last day(s) are kept for review and a mock loop. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;
  const SETTINGS_KEY = "sisg.plan.v1"; // the form's last values, so the plan is there next visit
  const MAX_DAYS = 365;
  const TIGHT_MINUTES = 10; // less than this per question and the plan says it is tight

  /* ---- Calendar days as "YYYY-MM-DD" in local time; arithmetic in UTC so DST cannot skew it. ---- */
  const pad = (n) => String(n).padStart(2, "0");
  const todayKey = () => {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const toUtc = (key) => {
    const [y, m, d] = key.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  const addDays = (key, n) => new Date(toUtc(key) + n * 864e5).toISOString().slice(0, 10);
  const daysBetween = (a, b) => Math.round((toUtc(b) - toUtc(a)) / 864e5);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const longDate = (key) =>
    new Date(toUtc(key)).toLocaleDateString(undefined, {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
    });

  S.onPageWithGuide("#sisg-plan", start);

  function start(root, guide) {
    const saved = readSettings();
    const today = todayKey();
    const roleSelect = el(
      "select",
      { id: "sisg-plan-role", name: "role" },
      S.options(
        guide.roles.map((r) => [r.id, r.title]),
        guide.role[saved.role] ? saved.role : guide.roles[0].id,
      ),
    );
    const dateInput = el("input", {
      type: "date",
      id: "sisg-plan-date",
      name: "date",
      required: true,
      min: addDays(today, 1),
      max: addDays(today, MAX_DAYS),
      value: saved.date && saved.date > today ? saved.date : addDays(today, 14),
    });
    const hoursInput = el("input", {
      type: "number",
      id: "sisg-plan-hours",
      name: "hours",
      required: true,
      min: "0.5",
      max: "16",
      step: "0.5",
      value: String(saved.hours || 2),
      inputmode: "decimal",
    });
    const field = (input, label, extra) =>
      el("div", { class: `sisg-field ${extra || ""}` }, el("label", { for: input.id, text: label }), input);
    const form = el(
      "form",
      { class: "sisg-controls", "aria-label": "Plan settings" },
      field(roleSelect, "Role", "sisg-field--full"),
      field(dateInput, "Interview date"),
      field(hoursInput, "Hours per day"),
      el(
        "div",
        { class: "sisg-field sisg-field--action" },
        el("button", { type: "submit", class: "sisg-btn sisg-btn--primary", text: "Make my plan" }),
      ),
    );
    // The plan is long: it is not a live region (a screen reader would read it all); focus moves to its title.
    const output = el("div", { class: "sisg-plan-output" });
    fill(root, form, output);

    function make(moveFocus) {
      const settings = { role: roleSelect.value, date: dateInput.value, hours: Number(hoursInput.value) };
      const problem = check(settings, today);
      if (problem) {
        fill(output, el("p", { class: "sisg-error", role: "alert", text: problem }));
        return;
      }
      writeSettings(settings);
      fill(output, renderPlan(guide, guide.role[settings.role], today, settings));
      if (moveFocus) output.querySelector("h2").focus();
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      make(true);
    });
    if (saved.role) make(false); // show the last plan again
  }

  function check(settings, today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(settings.date)) return "Choose the date of your interview.";
    const days = daysBetween(today, settings.date);
    if (days < 1)
      return "Choose a date after today: the plan runs from today to the day before the interview.";
    if (days > MAX_DAYS) return "Choose a date within a year from today.";
    if (!(settings.hours >= 0.5 && settings.hours <= 16)) return "Hours per day must be between 0.5 and 16.";
    return null;
  }

  function readSettings() {
    try {
      return JSON.parse(localStorage.getItem(SETTINGS_KEY) || "{}") || {};
    } catch (error) {
      return {};
    }
  }
  function writeSettings(settings) {
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    } catch (error) {
      // not saved; the plan still shows
    }
  }

  /* How many days are kept for the end: a review day and a mock-loop day when there is room,
     one day doing both when the interview is within a week, none (folded into today) if tomorrow. */
  const reservedDays = (days) => (days >= 8 ? 2 : days >= 2 ? 1 : 0);

  /* Share `studyDays` days among rounds. With at least one day per round, each round gets one day
     plus a share of the rest in proportion to its questions (largest remainder), and its questions
     are split evenly over its days. With fewer days than rounds, the questions in round order are cut
     into equal runs, so a day can span rounds. Either way every question, hence every round, is in. */
  function allocate(rounds, studyDays) {
    const total = rounds.reduce((sum, r) => sum + r.ids.length, 0);
    const days = [];
    if (studyDays >= rounds.length) {
      const spare = studyDays - rounds.length;
      const shares = rounds.map((r) => (spare * r.ids.length) / total);
      const counts = shares.map((share) => 1 + Math.floor(share));
      let left = studyDays - counts.reduce((a, b) => a + b, 0);
      rounds
        .map((r, i) => i)
        .sort((a, b) => shares[b] - Math.floor(shares[b]) - (shares[a] - Math.floor(shares[a])))
        .forEach((i) => {
          if (left > 0) {
            counts[i] += 1;
            left -= 1;
          }
        });
      rounds.forEach((r, i) => {
        for (let d = 0; d < counts[i]; d++) {
          const ids = r.ids.slice(
            Math.floor((d * r.ids.length) / counts[i]),
            Math.floor(((d + 1) * r.ids.length) / counts[i]),
          );
          days.push([{ round: r.round, ids }]);
        }
      });
    } else {
      const flat = [].concat(...rounds.map((r) => r.ids.map((id) => ({ round: r.round, id }))));
      for (let d = 0; d < studyDays; d++) {
        const run = flat.slice(
          Math.floor((d * flat.length) / studyDays),
          Math.floor(((d + 1) * flat.length) / studyDays),
        );
        const parts = [];
        run.forEach((item) => {
          const last = parts[parts.length - 1];
          if (last && last.round === item.round) last.ids.push(item.id);
          else parts.push({ round: item.round, ids: [item.id] });
        });
        days.push(parts);
      }
    }
    return days;
  }

  function renderPlan(guide, role, today, settings) {
    const totalDays = daysBetween(today, settings.date);
    const reserved = reservedDays(totalDays);
    const studyDays = totalDays - reserved;
    const rounds = role.rounds.map((round) => ({ round, ids: guide.roundQuestions(round) }));
    const questionCount = rounds.reduce((sum, r) => sum + r.ids.length, 0);
    const studyPlan = allocate(rounds, Math.max(1, studyDays));
    const minutes = settings.hours * 60;
    const busiest = Math.max(...studyPlan.map((day) => day.reduce((n, part) => n + part.ids.length, 0)));
    const perQuestion = Math.floor(minutes / Math.max(1, busiest));
    const all = S.progress.all();

    const notes = [];
    if (totalDays === 1) {
      notes.push(
        `Your interview is tomorrow, so this is a one-day sprint: all ${role.rounds.length} rounds today, ` +
          "then a short review of what needs work and a run through the loop.",
      );
    } else if (studyDays < role.rounds.length) {
      notes.push(
        `Compressed: ${totalDays} days before the interview is fewer than one day per round plus review, ` +
          "so some days cover more than one round. Every round is still covered.",
      );
    } else if (reserved < 2) {
      notes.push("Compressed: with a week or less to go, review and the mock loop share the last day.");
    }
    if (perQuestion < TIGHT_MINUTES) {
      notes.push(
        `Tight: about ${perQuestion} minutes per question on the busiest day. Read the guidance, ` +
          "outline an answer in a few lines and say it aloud once; more hours per day or a later date " +
          "gives you more time.",
      );
    }

    const dayCards = studyPlan.map((parts, i) =>
      studyDay(guide, role, addDays(today, i), i + 1, parts, minutes, all),
    );
    let next = studyPlan.length;
    if (totalDays === 1) {
      dayCards[0].append(
        reviewBlock(guide, role, all, "Then review what needs work"),
        mockBlock(guide, role, "Finish with a quick loop"),
      );
    } else if (reserved === 1) {
      dayCards.push(
        dayShell(addDays(today, next), next + 1, "Review and mock loop", "review mock", [
          reviewBlock(guide, role, all, "Review what needs work"),
          mockBlock(guide, role, "Mock loop"),
        ]),
      );
    } else {
      dayCards.push(
        dayShell(
          addDays(today, next),
          next + 1,
          "Review what needs work",
          "review",
          reviewBlock(guide, role, all),
        ),
      );
      next += 1;
      dayCards.push(dayShell(addDays(today, next), next + 1, "Mock loop", "mock", mockBlock(guide, role)));
    }

    const last = addDays(settings.date, -1);
    return [
      el("h2", { id: "sisg-plan-title", tabindex: "-1", text: `Your plan: ${role.title}` }),
      el(
        "p",
        { class: "sisg-plan-summary" },
        `${plural(totalDays, "day")} from ${longDate(today)} to ${longDate(last)}; ` +
          `interview on ${longDate(settings.date)}. `,
        `${plural(role.rounds.length, "round")}, ${plural(questionCount, "question")}, ` +
          `${plural(settings.hours, "hour")} a day.`,
      ),
      notes.map((text) => el("p", { class: "sisg-note", text })),
      el(
        "p",
        { class: "sisg-noprint" },
        el("button", {
          type: "button",
          class: "sisg-btn",
          onclick: () => window.print(),
          text: "Print this plan",
        }),
      ),
      el("ol", { class: "sisg-days" }, dayCards),
    ];
  }

  function dayShell(date, number, title, kind, body) {
    return el(
      "li",
      { class: `sisg-day sisg-day--${kind.split(" ")[0]}`, "data-date": date, "data-kind": kind },
      el(
        "h3",
        {},
        el("span", { class: "sisg-day__date", text: `Day ${number} · ${longDate(date)}` }),
        " ",
        title,
      ),
      body,
    );
  }

  function studyDay(guide, role, date, number, parts, minutes, all) {
    const count = parts.reduce((n, part) => n + part.ids.length, 0);
    const budget = count
      ? `${count} question${count === 1 ? "" : "s"}, about ${Math.floor(minutes / count)} minutes each.`
      : "No new questions today: answer this round's questions aloud, timed, in Practice mode.";
    return dayShell(date, number, parts.map((part) => part.round.name).join(" + "), "study", [
      el("p", { class: "sisg-day__budget", text: budget }),
      parts.map((part) => roundBlock(guide, role, part, all, parts.length > 1)),
    ]);
  }

  const practiceUrl = (guide, role, round) =>
    S.siteUrl(`${guide.data.pages.practice}?role=${encodeURIComponent(role.id)}&round=${encodeURIComponent(round.id)}`);

  /* One round's share of a day: its questions grouped under their topics, linked to the role page.
     When a day holds several rounds, each part is headed by its round's name. */
  function roundBlock(guide, role, part, all, named) {
    const byTopic = [];
    part.ids.forEach((id) => {
      const topicId = guide.question[id].topic;
      const last = byTopic[byTopic.length - 1];
      if (last && last.topic === topicId) last.ids.push(id);
      else byTopic.push({ topic: topicId, ids: [id] });
    });
    return el(
      "div",
      { class: "sisg-day__round", "data-round": part.round.id },
      named ? el("h4", { text: part.round.name }) : null,
      el(
        "p",
        { class: "sisg-day__links sisg-noprint" },
        el("a", { href: S.siteUrl(part.round.url), text: "Read about the round" }),
        " · ",
        el("a", { href: practiceUrl(guide, role, part.round), text: "Practise it" }),
      ),
      byTopic.map((group) => [
        el(
          "p",
          { class: "sisg-day__topic" },
          el("a", { href: S.siteUrl(`${role.url}#${group.topic}`), text: guide.topic[group.topic].name }),
        ),
        el(
          "ul",
          { class: "sisg-day__questions" },
          group.ids.map((id) => questionItem(guide, role, id, all)),
        ),
      ]),
    );
  }

  function questionItem(guide, role, id, all) {
    const status = S.progress.status(id, all);
    return el(
      "li",
      { "data-question": id },
      el("a", { href: S.siteUrl(`${role.url}#${id}`) }, S.html(guide.question[id].prompt_html)),
      status
        ? [
            " ",
            el("span", { class: `guide-tag sisg-status sisg-status--${status}`, text: S.STATUSES[status] }),
          ]
        : null,
    );
  }

  // title: a sub-heading, used when review and the mock loop share a day.
  function reviewBlock(guide, role, all, title) {
    const review = guide.roleQuestions(role).filter((id) => S.progress.status(id, all) === "review");
    return el(
      "div",
      { class: "sisg-day__review" },
      title ? el("h4", { text: title }) : null,
      el(
        "p",
        {},
        "Go back over every question you marked Needs work, including any you mark from now on. ",
        el("a", {
          class: "sisg-noprint",
          href: S.siteUrl(`${guide.data.pages.progress}#sisg-needs-work`),
          text: "See the current list",
        }),
      ),
      review.length
        ? el(
            "ul",
            { class: "sisg-day__questions" },
            review.map((id) => questionItem(guide, role, id, all)),
          )
        : el("p", {
            text: "Nothing is marked Needs work yet: mark questions as you study, or use Practice mode's retry pass.",
          }),
    );
  }

  function mockBlock(guide, role, title) {
    return el(
      "div",
      { class: "sisg-day__mock" },
      title ? el("h4", { text: title }) : null,
      el("p", {
        text: "Run the loop in order, timed and out loud: one or two questions per round in Practice mode.",
      }),
      el(
        "ol",
        { class: "sisg-day__loop" },
        role.rounds.map((round) =>
          el(
            "li",
            { "data-mock-round": round.id },
            el("a", { href: practiceUrl(guide, role, round), text: round.name }),
            round.duration_label ? ` (${round.duration_label})` : "",
          ),
        ),
      ),
    );
  }
})();
