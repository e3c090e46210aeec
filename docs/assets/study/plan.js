/* Study plan (#sisg-plan) and the home page's "due today" box (#sisg-today).

   A plan is made once, from a role, an interview date and hours per day, by SISG.review.makePlan,
   and saved in the study record. From then on the page shows the saved plan and only its progress
   changes: what was done is ticked, what was missed moves to today, and review counts follow the
   scheduler. It is never recomputed on open, so it reads as it did on the day it was made, and
   on paper as on screen. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;
  const R = S.review;
  const MAX_DAYS = 365;
  const MAX_HOURS = 16;
  const HOUR_STEP = 0.25; // hours go in 15-minute steps
  // Each new question is counted twice when sharing out the hours: once when first answered and
  // once for a review before the interview (FSRS brings most back at least once in a few weeks).
  const ANSWERS_PER_NEW = 2;

  const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  const today = () => R.dayOf(new Date());

  /* "Tue, Dec 1", with the year when it is not this year's. */
  function dateLabel(day, now) {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: String(y) === now.slice(0, 4) ? undefined : "numeric",
    });
  }

  function hoursLabel(hours) {
    const minutes = Math.round(hours * 60);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return [h ? plural(h, "hour") : "", m ? `${m} minutes` : ""].filter(Boolean).join(" ");
  }

  const minutesLabel = (minutes) =>
    minutes >= 90
      ? `about ${hoursLabel(Math.round(minutes / 15) / 4)}`
      : `about ${plural(minutes, "minute")}`;

  // A question's prompt as plain text (for the calendar), from the HTML the build rendered.
  function promptText(question) {
    const template = document.createElement("template");
    template.innerHTML = question.prompt_html;
    return template.content.textContent.trim();
  }

  /* ---- Making a plan ---- */

  const minutesOf = (guide, ids) => sum(ids.map((id) => guide.question[id].minutes));

  // New questions a day that `hours` hold, from the average answer time of the questions to learn.
  function perDayFor(guide, hours, ids) {
    if (!ids.length) return null;
    const average = minutesOf(guide, ids) / ids.length;
    return Math.max(1, Math.floor((hours * 60) / (average * ANSWERS_PER_NEW)));
  }

  function make(guide, settings, record, now) {
    const role = guide.role[settings.role];
    const ids = guide.roleQuestions(role);
    const base = { role: role.id, ids, reviews: record.reviews, today: now, interview: settings.date };
    // Uncapped first: what is left to learn once known questions are left out.
    const todo = [].concat(...R.makePlan({ ...base, perDay: null }).days.map((d) => d.questions));
    return R.makePlan({ ...base, perDay: perDayFor(guide, settings.hours, todo) });
  }

  /* The fewest hours (in 15-minute steps) in which every question of the plan fits, or null. */
  function hoursToFitAll(guide, plan) {
    const todo = [].concat(...plan.days.map((d) => d.questions), plan.unplaced);
    for (let hours = HOUR_STEP; hours <= MAX_HOURS; hours += HOUR_STEP) {
      const perDay = perDayFor(guide, hours, todo);
      const trial = R.makePlan({
        role: plan.role,
        ids: todo,
        reviews: {},
        today: plan.made,
        interview: plan.interview,
        perDay,
      });
      if (!trial.unplaced.length) return hours;
    }
    return null;
  }

  function check(settings, now) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(settings.date)) return "Choose the date of your interview.";
    const days = R.daysBetween(now, settings.date);
    if (days < 1)
      return "Choose a date after today: the plan runs from today to the day before the interview.";
    if (days > MAX_DAYS) return "Choose a date within a year from today.";
    const hours = settings.hours;
    if (!(hours >= HOUR_STEP && hours <= MAX_HOURS) || Math.round(hours / HOUR_STEP) !== hours / HOUR_STEP) {
      return `Hours per day must be between ${hoursLabel(HOUR_STEP)} and ${MAX_HOURS} hours, in 15-minute steps.`;
    }
    return null;
  }

  /* ---- The saved plan as it reads today ---- */

  /* Entries to show: one per calendar day from the day the plan was made to the day before the
     interview, or, for long plans, one per week that has something in it. Each entry has
     {day, end (exclusive), items: [{id, state, from}], reviews: [ids], today, past, review}.
     state: done, missed (a past day's, moved to today), moved (on today, from an earlier day), todo. */
  function entriesOf(guide, plan, reviews, now, engine) {
    const ids = guide.roleQuestions(guide.role[plan.role]);
    const status = R.planStatus(plan, reviews, now);
    const origin = {};
    plan.days.forEach((entry) => entry.questions.forEach((id) => (origin[id] = entry.day)));
    const planned = {};
    status.days.forEach((entry) => (planned[entry.day] = entry));
    const reviewFrom = R.addDays(plan.interview, -reviewDays(plan));
    const ahead = engine ? R.reviewsAhead({ engine, ids, reviews, today: now }) : {};
    if (engine && now < plan.interview) {
      // Today's count is the queue's: practice works through exactly these.
      ahead[now] = R.dayQueue({ engine, ids, reviews, plan, today: now, interview: plan.interview }).due;
    }
    const known = (id) => Boolean(guide.question[id]); // a question removed from the guide since
    const days = [];
    for (let day = plan.made; day < plan.interview; day = R.addDays(day, 1)) {
      const entry = planned[day];
      const items = (entry ? entry.items : [])
        .filter((item) => known(item.id))
        .map((item) => ({
          id: item.id,
          from: origin[item.id],
          state: item.moved ? "moved" : item.done ? "done" : day < now ? "missed" : "todo",
        }));
      days.push({
        day,
        end: R.addDays(day, 1),
        items,
        reviews: day < now ? [] : ahead[day] || [],
        today: day === now,
        past: day < now,
        review: day >= reviewFrom && !(entry && entry.items.some((item) => !item.moved)),
      });
    }
    return status.weekly ? weeksOf(days, plan) : days;
  }

  // Monday-to-Sunday weeks, without the weeks that have nothing new, no review day and are not now.
  function weeksOf(days, plan) {
    const weeks = [];
    days.forEach((entry) => {
      const date = new Date(`${entry.day}T12:00:00Z`);
      const monday = R.addDays(entry.day, -((date.getUTCDay() + 6) % 7));
      let week = weeks[weeks.length - 1];
      if (!week || week.monday !== monday) {
        const end = R.addDays(monday, 7);
        week = {
          monday,
          day: entry.day,
          end: end < plan.interview ? end : plan.interview,
          items: [],
          reviews: [],
          today: false,
          past: true,
          review: false,
        };
        weeks.push(week);
      }
      week.items.push(...entry.items);
      week.reviews.push(...entry.reviews);
      week.today = week.today || entry.today;
      week.past = week.past && entry.past;
      week.review = week.review || entry.review;
    });
    return weeks.filter((week) => week.items.length || week.today || week.review);
  }

  // Days at the end with no new questions: makePlan ends them NEW_DONE_BEFORE_DAYS before the
  // interview, or after the first day when the interview is closer than that.
  function reviewDays(plan) {
    const span = R.daysBetween(plan.made, plan.interview);
    return span - Math.max(1, span - R.NEW_DONE_BEFORE_DAYS);
  }

  const newOf = (entry) => entry.items.filter((item) => item.state !== "missed");

  function entryMinutes(guide, entry) {
    return (
      minutesOf(
        guide,
        newOf(entry).map((item) => item.id),
      ) + minutesOf(guide, entry.reviews)
    );
  }

  function entryTitle(entry, weekly, now) {
    const from = dateLabel(entry.day, now);
    const last = R.addDays(entry.end, -1);
    return weekly && last !== entry.day ? `${from} – ${dateLabel(last, now)}` : from;
  }

  function counts(entry) {
    const fresh = newOf(entry).length;
    return { fresh, reviews: entry.reviews.length };
  }

  /* ---- Drawing the plan ---- */

  function renderPlan(guide, plan, record, now, engine) {
    const role = guide.role[plan.role];
    const entries = entriesOf(guide, plan, record.reviews, now, engine);
    const weekly = R.planStatus(plan, {}, now).weekly;
    const planned = [].concat(...plan.days.map((d) => d.questions)).filter((id) => guide.question[id]);
    const done = planned.filter((id) =>
      (record.reviews[id] || []).some((r) => R.dayOf(new Date(r.at)) >= plan.made),
    );
    const knownBefore = guide.roleQuestions(role).length - planned.length - plan.unplaced.length;
    const keep = reviewDays(plan);

    const notes = [];
    if (now >= plan.interview) {
      notes.push(
        `Your interview was on ${dateLabel(plan.interview, now)}. Make a new plan for the next one.`,
      );
    }
    if (keep) {
      const first = R.addDays(plan.interview, -keep);
      const last = R.addDays(plan.interview, -1);
      notes.push(
        (keep === 1
          ? `The last day, ${dateLabel(last, now)}, is kept for review: `
          : `The last ${keep} days, ${dateLabel(first, now)} to ${dateLabel(last, now)}, are kept for review: `) +
          "no new questions, only the reviews that fall due and the questions you remember least.",
      );
    } else {
      notes.push("Your interview is tomorrow, so new questions and reviews all go on today.");
    }
    if (weekly) {
      notes.push(
        "Your interview is more than four weeks away, so the plan is shown week by week; weeks with nothing new are left out.",
      );
    }
    if (plan.unplaced.length) {
      const fit = hoursToFitAll(guide, plan);
      notes.push(
        `${plural(plan.unplaced.length, "question")} ${plan.unplaced.length === 1 ? "does" : "do"} not fit at ` +
          `${plural(plan.per_day, "new question")} a day; they are listed at the end. ` +
          (fit
            ? `About ${hoursLabel(fit)} a day would fit them all: make a new plan with more hours or a later date.`
            : "Even with more hours they would not fit before this date: make a new plan with a later date."),
      );
    }

    const summary = el(
      "p",
      { class: "sisg-plan-summary" },
      `Made on ${dateLabel(plan.made, now)} for your interview on ${dateLabel(plan.interview, now)}. `,
      `In the plan: ${plural(planned.length, "question")}`,
      plan.per_day ? `, up to ${plan.per_day} new a day` : "",
      knownBefore > 0
        ? `; ${plural(knownBefore, "question")} you already knew ${knownBefore === 1 ? "is" : "are"} left out`
        : "",
      ". ",
      el("strong", { class: "sisg-plan-done", text: `Done so far: ${done.length} of ${planned.length}.` }),
    );

    return el(
      "section",
      {
        class: "sisg-plan-sheet",
        "aria-labelledby": "sisg-plan-title",
        "data-made": plan.made,
        "data-interview": plan.interview,
        "data-weekly": String(weekly),
      },
      el("h2", { id: "sisg-plan-title", tabindex: "-1", text: `Your plan: ${role.title}` }),
      summary,
      notes.map((text) => el("p", { class: "sisg-plan-note", text })),
      engine
        ? null
        : el("p", {
            class: "sisg-plan-note",
            text: "Review counts are missing: the review scheduler did not load. Reload the page to try again.",
          }),
      el(
        "ol",
        { class: "sisg-plan-days" },
        entries.map((entry) => renderEntry(guide, plan, entry, weekly, now)),
      ),
      plan.unplaced.length
        ? el(
            "div",
            { class: "sisg-plan-unplaced" },
            el("h3", { text: "Not in the plan: no room at these hours" }),
            el(
              "ul",
              { class: "sisg-plan-questions" },
              plan.unplaced
                .filter((id) => guide.question[id])
                .map((id) => questionItem(guide, { id, state: "unplaced" }, now)),
            ),
          )
        : null,
    );
  }

  const STATE_TEXT = {
    done: () => "Done",
    missed: () => "Moved to today",
    moved: (item, now) => `From ${dateLabel(item.from, now)}`,
    todo: () => "",
    unplaced: () => "",
  };

  function questionItem(guide, item, now) {
    const question = guide.question[item.id];
    const tag = STATE_TEXT[item.state](item, now);
    return el(
      "li",
      { "data-question": item.id, "data-state": item.state },
      el("a", { href: S.siteUrl(question.url) }, S.html(question.prompt_html)),
      tag ? [" ", el("span", { class: `sisg-plan-state sisg-plan-state--${item.state}`, text: tag })] : null,
    );
  }

  function practiceLink(guide, plan, text) {
    const query = `?role=${encodeURIComponent(plan.role)}&mode=due`;
    return el("a", { class: "sisg-plan-practice", href: S.siteUrl(guide.data.pages.practice + query), text });
  }

  function renderEntry(guide, plan, entry, weekly, now) {
    const { fresh, reviews } = counts(entry);
    const parts = [];
    if (entry.past) {
      const ownItems = entry.items.filter((item) => item.state !== "moved");
      const doneCount = ownItems.filter((item) => item.state === "done").length;
      parts.push(ownItems.length ? `${doneCount} of ${ownItems.length} done` : "Nothing new");
    } else {
      parts.push(fresh ? `${fresh} new` : "Nothing new");
      parts.push(`${plural(reviews, "review")} due`);
      parts.push(minutesLabel(entryMinutes(guide, entry)));
    }
    const kind = entry.review ? "review" : "study";
    const label = entry.today ? (weekly ? "This week" : "Today") : entry.review ? "Review" : "";
    return el(
      "li",
      {
        class: `sisg-plan-day sisg-plan-day--${kind}${entry.today ? " sisg-plan-day--today" : ""}${entry.past ? " sisg-plan-day--past" : ""}`,
        "data-date": entry.day,
        "data-end": entry.end,
        "data-kind": kind,
        "data-today": entry.today ? "true" : null,
        "aria-current": entry.today ? "date" : null,
      },
      el(
        "h3",
        {},
        label ? el("span", { class: "sisg-plan-day__label", text: label }) : null,
        label ? " " : null,
        el("span", { class: "sisg-plan-day__date", text: entryTitle(entry, weekly, now) }),
      ),
      el("p", { class: "sisg-plan-day__counts", text: `${parts.join(" · ")}.` }),
      entry.review && !entry.items.length
        ? el("p", {
            class: "sisg-plan-day__hint",
            text: "Review day: the questions that are due, then the ones you remember least.",
          })
        : null,
      entry.items.length
        ? el(
            "ul",
            { class: "sisg-plan-questions" },
            entry.items.map((item) => questionItem(guide, item, now)),
          )
        : null,
      entry.today && (fresh || reviews)
        ? el("p", {}, practiceLink(guide, plan, "Practise today's questions"))
        : null,
    );
  }

  /* ---- Calendar ---- */

  function calendarText(guide, plan, record, now, engine) {
    const weekly = R.planStatus(plan, {}, now).weekly;
    const entries = entriesOf(guide, plan, record.reviews, now, engine).filter(
      (e) => counts(e).fresh || counts(e).reviews || e.review,
    );
    const planUrl = S.siteUrl(guide.data.pages.plan);
    const role = guide.role[plan.role];
    return R.icsCalendar({
      name: `Study plan: ${role.title}`,
      uidPrefix: `${plan.role}-${plan.made}`,
      stamp: new Date(),
      days: entries.map((entry) => {
        const { fresh, reviews } = counts(entry);
        const what = [fresh ? `${fresh} new` : "", reviews ? plural(reviews, "review") : ""]
          .filter(Boolean)
          .join(", ");
        const head = entry.review && !fresh ? "Review" : weekly ? "Study week" : "Study";
        const prompts = newOf(entry).map((item) => `- ${promptText(guide.question[item.id])}`);
        return {
          day: entry.day,
          end: entry.end,
          title: what ? `${head}: ${what}` : head,
          description: [...prompts, "", `Your plan: ${planUrl}`].join("\n").trim(),
        };
      }),
    });
  }

  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* ---- The page ---- */

  S.onPageWithGuide("#sisg-plan", start);

  function start(root, guide) {
    let engine = null;
    const now = today();
    const status = el("div", { class: "sisg-plan-status" }); // write errors (role=alert inside)
    const formBox = el("div", { class: "sisg-plan-form" });
    const view = el("div", { class: "sisg-plan-view" });
    fill(root, status, formBox, view);

    const savedPlan = () => {
      const plan = S.store.read().plan;
      return plan && guide.role[plan.role] && Array.isArray(plan.days) ? plan : null;
    };

    function showForm(current) {
      const defaults = current || {};
      const roleSelect = el(
        "select",
        { id: "sisg-plan-role", name: "role" },
        S.options(
          guide.roles.map((r) => [r.id, r.title]),
          guide.role[defaults.role] ? defaults.role : guide.roles[0].id,
        ),
      );
      const dateInput = el("input", {
        type: "date",
        id: "sisg-plan-date",
        name: "date",
        required: true,
        min: R.addDays(now, 1),
        max: R.addDays(now, MAX_DAYS),
        value: defaults.interview && defaults.interview > now ? defaults.interview : R.addDays(now, 14),
      });
      const hoursInput = el("input", {
        type: "number",
        id: "sisg-plan-hours",
        name: "hours",
        required: true,
        min: String(HOUR_STEP),
        max: String(MAX_HOURS),
        step: String(HOUR_STEP),
        value: "2",
        inputmode: "decimal",
      });
      const field = (input, label, extra) =>
        el("div", { class: `sisg-field ${extra || ""}` }, el("label", { for: input.id, text: label }), input);
      const problem = el("div", { class: "sisg-plan-problem" });
      const form = el(
        "form",
        { class: "sisg-controls", "aria-label": "Plan settings" },
        field(roleSelect, "Role", "sisg-field--full"),
        field(dateInput, "Interview date"),
        field(hoursInput, "Hours per day (15-minute steps)"),
        el(
          "div",
          { class: "sisg-field sisg-field--action" },
          el("button", {
            type: "submit",
            class: "sisg-btn sisg-btn--primary",
            text: current ? "Replace my plan" : "Make my plan",
          }),
          current
            ? el("button", {
                type: "button",
                class: "sisg-btn",
                text: "Cancel",
                onclick: () => {
                  fill(formBox);
                  showView();
                },
              })
            : null,
        ),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const settings = { role: roleSelect.value, date: dateInput.value, hours: Number(hoursInput.value) };
        const wrong = check(settings, now);
        if (wrong) {
          fill(problem, el("p", { class: "sisg-error", role: "alert", text: wrong }));
          return;
        }
        const old = savedPlan();
        if (
          old &&
          !window.confirm(
            `Replace the plan made on ${dateLabel(old.made, now)}? Your answers and reviews are kept.`,
          )
        )
          return;
        const plan = make(guide, settings, S.store.read(), now);
        const result = S.store.update((record) => {
          record.plan = plan;
        });
        fill(problem);
        if (!result.ok) {
          fill(
            status,
            el("p", {
              class: "sisg-error",
              role: "alert",
              text: `Your plan was not saved: ${result.error} Here it is for today; print it or add it to your calendar.`,
            }),
          );
          fill(formBox);
          showView(plan).then(() => root.querySelector("#sisg-plan-title").focus());
          return;
        }
        fill(status);
        fill(formBox);
        showView().then(() => root.querySelector("#sisg-plan-title").focus());
      });
      fill(
        formBox,
        current
          ? el("p", {
              class: "sisg-plan-note",
              text: "A new plan replaces the one below from today. Your answers and reviews are kept.",
            })
          : null,
        form,
        problem,
      );
      if (current) roleSelect.focus();
    }

    // unsaved: a plan the browser did not store, shown once.
    function showView(unsaved) {
      const plan = unsaved || savedPlan();
      if (!plan) {
        fill(view);
        showForm(null);
        return Promise.resolve();
      }
      return engineReady().then(() => {
        const record = S.store.read();
        const actions = el(
          "p",
          { class: "sisg-plan-actions sisg-noprint" },
          el("button", {
            type: "button",
            class: "sisg-btn",
            text: "Print this plan",
            onclick: () => window.print(),
          }),
          el("button", {
            type: "button",
            class: "sisg-btn",
            text: "Add to calendar (.ics)",
            onclick: () =>
              download(
                `study-plan-${plan.role}.ics`,
                calendarText(guide, plan, S.store.read(), today(), engine),
              ),
          }),
          unsaved
            ? null
            : el("button", {
                type: "button",
                class: "sisg-btn",
                text: "Make a new plan",
                onclick: () => showForm(plan),
              }),
        );
        fill(view, actions, renderPlan(guide, plan, record, now, engine));
      });
    }

    function engineReady() {
      if (engine) return Promise.resolve();
      return R.loadFsrs()
        .then((loaded) => {
          engine = loaded;
        })
        .catch(() => {
          engine = null; // the plan shows without review counts and says so
        });
    }

    showView();
    // Reviews made in another tab (or practice in this one) tick the plan off.
    return S.store.subscribe(() => {
      if (!formBox.firstChild && savedPlan()) showView();
    });
  }

  /* ---- Home page: what is due today ---- */

  S.onPage("#sisg-today", (root) => {
    const record = S.store.read();
    const plan = record.plan;
    const link = (tool) => document.querySelector(`a[data-sisg-tool="${tool}"]`);
    if (!plan || !Array.isArray(plan.days)) return null; // the page's own text invites making a plan
    const now = today();
    if (now >= plan.interview) {
      fill(
        root,
        el(
          "p",
          {},
          `Your interview was on ${dateLabel(plan.interview, now)}. `,
          toolLink(link("plan"), "Make a new plan"),
        ),
      );
      return null;
    }
    const status = R.planStatus(plan, record.reviews, now);
    const entry = status.days.find((d) => d.today);
    const fresh = entry ? entry.items.filter((item) => !item.done).length : 0;
    const line = el(
      "p",
      { class: "sisg-today__count" },
      `Today: ${plural(fresh, "new question")} from your plan.`,
    );
    fill(
      root,
      el("h2", { class: "sisg-today__title", text: "Due today" }),
      line,
      el(
        "p",
        {},
        toolLink(link("practice"), "Practise them", `?role=${encodeURIComponent(plan.role)}&mode=due`),
        " · ",
        toolLink(link("plan"), "See your plan"),
      ),
    );
    // Reviews due need the scheduler and the role's questions: fetched after the page has settled.
    let alive = true;
    const later = window.requestIdleCallback || ((fn) => setTimeout(fn, 300));
    later(() => {
      if (!alive) return;
      Promise.all([R.loadFsrs(), S.loadGuide()])
        .then(([engine, guide]) => {
          const role = guide.role[plan.role];
          if (!alive || !role) return;
          const ids = guide.roleQuestions(role);
          const q = R.dayQueue({
            engine,
            ids,
            reviews: S.store.read().reviews,
            plan,
            today: now,
            interview: plan.interview,
          });
          fill(
            line,
            `Due today: ${q.fresh.length + q.due.length} (${plural(q.fresh.length, "new question")}, ${plural(q.due.length, "review")}) for ${role.title}.`,
          );
        })
        .catch(() => {}); // the count of new questions stays
    });
    return () => {
      alive = false;
    };
  });

  function toolLink(anchor, text, query = "") {
    return anchor ? el("a", { href: anchor.href + query, text }) : text;
  }
})();
