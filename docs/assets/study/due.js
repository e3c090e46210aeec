/* What is due today for one role, and "Due today: N" on role pages.

   SISG.due.today({role, ids}) is the one place both the practice page and the role pages ask, so
   the two counts agree: the reviews FSRS says are due, then the saved plan's new questions for
   today (when the plan is for this role), aimed at the plan's interview date.
   FSRS (ts-fsrs) loads only when the record has a review of one of the ids: with none, no card
   has a memory state and the queue is the plan's alone. Role pages carry their question ids (data
   attributes) and a link to the practice page, so they never fetch guide.json. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el } = S;

  // Never reviewed: no memory state, nothing to recall.
  const NO_REVIEWS = { card: () => null, recall: () => 0 };

  function today({ role, ids, record = S.store.read(), now = new Date() }) {
    const plan = record.plan && record.plan.role === role ? record.plan : null;
    const reviewed = ids.some((id) => (record.reviews[id] || []).length);
    const engine = reviewed ? S.review.loadFsrs() : Promise.resolve(NO_REVIEWS);
    return engine.then((engine) =>
      S.review.dayQueue({
        engine,
        ids,
        reviews: record.reviews,
        plan,
        today: S.review.dayOf(now),
        interview: plan ? plan.interview : null,
      }),
    );
  }

  // The practice page's address for working through a role's due questions.
  const practiceLink = (practiceUrl, role) => {
    const url = new URL(practiceUrl, location.href);
    url.search = new URLSearchParams({ role, mode: "due" }).toString();
    return url.href;
  };

  S.due = { today, practiceLink };

  /* ---- Role pages: a line in the role's progress box ---- */
  S.onPage(".guide-progress[data-role][data-questions]", (box) => {
    if (box.querySelector(".sisg-due")) return null;
    const role = box.dataset.role;
    const ids = box.dataset.questions.split(" ").filter(Boolean);
    const count = el("span", { class: "sisg-due__count" });
    const practice = box.querySelector("a.guide-practice-link");
    const link = practice
      ? el("a", { href: practiceLink(practice.href, role), text: "Practise what is due" })
      : null;
    const line = el("p", { class: "sisg-due", "data-role": role, hidden: true }, count, link ? [" · ", link] : null);
    box.append(line);
    let alive = true;
    const draw = (record) =>
      today({ role, ids, record })
        .then((result) => {
          if (!alive) return;
          count.textContent = `Due today: ${result.queue.length}`;
          if (link) link.hidden = result.queue.length === 0;
          line.hidden = false;
        })
        .catch(() => {
          // The scheduler did not load (offline copy opened from files): say nothing rather than 0.
          line.hidden = true;
        });
    draw(S.store.read());
    const unsubscribe = S.store.subscribe(draw);
    return () => {
      alive = false;
      unsubscribe();
    };
  });
})();
