/* What is due today for one role, and the role pages' "Due today" line and readiness per round.

   SISG.due.today({guide, role}) is the one call every page makes (home page, role pages, Practice,
   the plan), so their counts and minutes are one by construction: it gathers the inputs and asks
   SISG.loop.dayQueue, the pure function that decides. FSRS (ts-fsrs) loads only when the record has
   a review of one of the role's questions. A role page fetches the study index only when the record has
   something for its role (a review of its questions or a plan for it); with nothing, the queue is
   empty and the page says 0 without fetching. */
(() => {
  "use strict";
  const S = window.SISG;
  const L = S.loop;
  const { el, plural } = S;

  /* The role as the loop sees it, from the study index: its question ids, its rounds' ids and each
     question's minutes and origin. */
  const specs = new WeakMap();
  function roleSpec(guide, roleId) {
    let byRole = specs.get(guide);
    if (!byRole) specs.set(guide, (byRole = {}));
    if (!byRole[roleId]) {
      const role = guide.role[roleId];
      const ids = guide.roleQuestions(role);
      const questions = {};
      ids.forEach((id) => {
        const q = guide.question[id];
        questions[id] = { minutes: q.minutes, origin: q.origin };
      });
      const rounds = role.rounds.map((round) => ({ id: round.id, ids: guide.roundQuestions(round) }));
      byRole[roleId] = { role: { id: roleId, rounds }, ids, questions };
    }
    return byRole[roleId];
  }

  const planOf = (record) => (record.plan && Array.isArray(record.plan.order) ? record.plan : null);
  const reviewedAny = (record, ids) => ids.some((id) => (record.reviews[id] || []).length);
  const engineFor = (record, ids) => (reviewedAny(record, ids) ? S.review.loadFsrs() : Promise.resolve(L.NO_REVIEWS));

  /* The day's queue for `role` → a promise of dayQueue's result ({queue, minutes, relearn, fresh,
     taken, extra, deferred, done, spent, capacity, ...}) plus `plan` (the plan when it is this role's). */
  function today({ guide, role, record = S.store.read(), now = new Date() }) {
    const spec = roleSpec(guide, role);
    const plan = planOf(record);
    return engineFor(record, spec.ids).then((engine) => {
      const result = L.dayQueue({
        engine,
        role,
        ids: spec.ids,
        reviews: record.reviews,
        plan,
        today: L.dayOf(now),
        questions: spec.questions,
        minutesOf: (id) => (spec.questions[id] ? spec.questions[id].minutes : 0),
      });
      return { ...result, plan: plan && plan.role === role ? plan : null, engine };
    });
  }

  /* Per round: share practised and predicted recall on the interview day (the plan's, when it is
     for this role) or else today; the weakest round first to practise. */
  function readiness({ guide, role, record = S.store.read(), now = new Date() }) {
    const spec = roleSpec(guide, role);
    const plan = planOf(record);
    const day = plan && plan.role === role && plan.interview >= L.dayOf(now) ? plan.interview : L.dayOf(now);
    return engineFor(record, spec.ids).then((engine) => {
      const rounds = L.readiness({ engine, rounds: spec.role.rounds, reviews: record.reviews, when: L.dateOf(day) });
      return { day, rounds, weakest: L.weakest(rounds) };
    });
  }

  // "about 45 minutes", "about 2 hours 15 minutes" (quarter hours from 90 minutes on).
  function minutesLabel(minutes) {
    if (minutes < 90) return `about ${plural(minutes, "minute")}`;
    const quarters = Math.round(minutes / 15);
    const h = Math.floor(quarters / 4);
    const m = (quarters % 4) * 15;
    return `about ${plural(h, "hour")}${m ? ` ${m} minutes` : ""}`;
  }

  // "12 questions, about 1 hour 30 minutes" or "nothing": what a queue holds.
  const queueLabel = (result) =>
    result.queue.length ? `${plural(result.queue.length, "question")}, ${minutesLabel(result.minutes)}` : "nothing";

  // The practice page's address for a role's due questions (or a round of it, in any mode).
  const practiceLink = (practiceUrl, role, extra = {}) => {
    const url = new URL(practiceUrl, location.href);
    url.search = new URLSearchParams({ role, mode: "due", ...extra }).toString();
    return url.href;
  };

  const percent = (x) => `${Math.round(100 * x)} %`;

  /* A readiness table: each round, practised, recall on `day`; the weakest one a link to practise. */
  function readinessTable({ guide, role, result, practiceUrl, caption }) {
    const roleData = guide.role[role];
    const weakest = result.weakest;
    return el(
      "table",
      { class: "sisg-readiness", "data-role": role, "data-day": result.day },
      el("caption", { text: caption }),
      el(
        "thead",
        {},
        el("tr", {}, el("th", { scope: "col", text: "Round" }), el("th", { scope: "col", text: "Practised" }), el("th", { scope: "col", text: "Recall" })),
      ),
      el(
        "tbody",
        {},
        result.rounds.map((r) => {
          const round = roleData.rounds.find((x) => x.id === r.round);
          return el(
            "tr",
            { "data-round": r.round, "data-recall": r.recall.toFixed(4), "data-practised": String(r.practised) },
            el("th", { scope: "row", text: round.name }),
            el("td", { text: `${r.practised} of ${r.total}` }),
            el("td", { text: percent(r.recall) }),
          );
        }),
      ),
      weakest && practiceUrl
        ? el(
            "tfoot",
            {},
            el(
              "tr",
              {},
              el(
                "td",
                { colspan: "3" },
                el("a", {
                  class: "sisg-weakest",
                  "data-round": weakest.round,
                  href: practiceLink(practiceUrl, role, { mode: "all", round: weakest.round }),
                  text: `Practise the weakest round: ${roleData.rounds.find((x) => x.id === weakest.round).name}`,
                }),
              ),
            ),
          )
        : null,
    );
  }

  S.due = { today, readiness, roleSpec, minutesLabel, queueLabel, practiceLink, readinessTable };

  /* ---- Role pages: a line in the role's progress box, and readiness per round ---- */
  S.onPage(".guide-progress[data-role][data-questions]", (box) => {
    if (box.querySelector(".sisg-due")) return null;
    const role = box.dataset.role;
    const ids = box.dataset.questions.split(" ").filter(Boolean);
    const count = el("span", { class: "sisg-due__count" });
    const practice = box.querySelector("a.guide-practice-link");
    const link = practice
      ? el("a", { href: practiceLink(practice.href, role), text: "Practise what is due" })
      : null;
    // The separator goes with the link, so a day with nothing due reads "Due today: 0", not "Due today: 0 ·".
    const more = link ? el("span", { class: "sisg-due__more" }, " · ", link) : null;
    const line = el("p", { class: "sisg-due", "data-role": role, hidden: true }, count, more);
    const ready = el("div", { class: "sisg-readiness-box", hidden: true });
    box.append(line, ready);
    let alive = true;
    const show = (result) => {
      count.textContent = `Due today: ${result.queue.length}` + (result.queue.length ? ` (${minutesLabel(result.minutes)})` : "");
      line.dataset.count = String(result.queue.length);
      line.dataset.minutes = String(result.minutes);
      if (more) more.hidden = result.queue.length === 0;
      line.hidden = false;
    };
    const draw = (record) => {
      const plan = planOf(record);
      if (!reviewedAny(record, ids) && !(plan && plan.role === role)) {
        // Nothing for this role in the record: dayQueue would say 0; no download needed to know it.
        show({ queue: [], minutes: 0 });
        ready.hidden = true;
        return Promise.resolve();
      }
      return S.loadGuide()
        .then((guide) => Promise.all([today({ guide, role, record }), readiness({ guide, role, record }), guide]))
        .then(([result, readyResult, guide]) => {
          if (!alive) return;
          show(result);
          S.fill(
            ready,
            readinessTable({
              guide,
              role,
              result: readyResult,
              practiceUrl: practice ? practice.href : null,
              caption: `Readiness per round: share practised and predicted recall on ${readyResult.day}`,
            }),
          );
          ready.hidden = false;
        })
        .catch(() => {
          // The scheduler or the questions did not load (offline copy opened from files): say nothing rather than 0.
          line.hidden = true;
          ready.hidden = true;
        });
    };
    draw(S.store.read());
    const unsubscribe = S.store.subscribe(draw);
    return () => {
      alive = false;
      unsubscribe();
    };
  });
})();
