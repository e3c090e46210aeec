/* Study plan (#sisg-plan) and the home page's "due today" box (#sisg-today).

   A plan is made once, from a role, an interview date, hours per day and the candidate's choice
   for each round (in the loop, passed, left out; worried), by SISG.loop.makePlan, and saved in the
   study record. Each day the page shows it as SISG.loop.schedule has it that day: the saved days
   as planned, what was missed in their spare room, within the hours. Today's work is SISG.due.today, the
   same queue Practice, the role pages and the home page show. The page opens at today: past days
   are folded, how far behind or ahead is one line, and on the interview day it is a last look. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill, plural } = S;
  const L = S.loop;
  const R = S.review;
  const MAX_DAYS = 365;
  const MAX_HOURS = 16;
  const HOUR_STEP = 0.25; // hours go in 15-minute steps

  const sum = (list) => list.reduce((a, b) => a + b, 0);
  const today = () => L.dayOf(new Date());
  const minutesLabel = (minutes) => S.due.minutesLabel(minutes);

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

  // A question's prompt as plain text (for the calendar), as the build wrote it.
  const promptText = (question) => question.prompt_text;

  /* ---- Making a plan ---- */

  function make(guide, settings, record, now) {
    const spec = S.due.roleSpec(guide, settings.role);
    return L.makePlan({
      role: spec.role,
      questions: spec.questions,
      reviews: record.reviews,
      today: now,
      interview: settings.date,
      hours: settings.hours,
      choices: settings.choices,
    });
  }

  /* The fewest hours (in 15-minute steps) at which what is left of the plan fits from `now`, or null. */
  function hoursToFit(guide, plan, reviews, now) {
    const spec = S.due.roleSpec(guide, plan.role);
    for (let hours = HOUR_STEP; hours <= MAX_HOURS; hours += HOUR_STEP) {
      // As a new plan made today at these hours would be.
      const trial = L.settle({ plan: { ...plan, hours }, questions: spec.questions, reviews, today: now });
      if (!trial.left.length) return hours;
    }
    return null;
  }

  function check(settings, now) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(settings.date)) return "Choose the date of your interview.";
    const days = L.daysBetween(now, settings.date);
    if (days < 1)
      return "Choose a date after today: the plan runs from today to the day before the interview.";
    if (days > MAX_DAYS) return "Choose a date within a year from today.";
    const hours = settings.hours;
    if (!(hours >= HOUR_STEP && hours <= MAX_HOURS) || Math.round(hours / HOUR_STEP) !== hours / HOUR_STEP) {
      return `Hours per day must be between ${hoursLabel(HOUR_STEP)} and ${MAX_HOURS} hours, in 15-minute steps.`;
    }
    if (!Object.values(settings.choices).some((c) => c.status === "in")) {
      return "Keep at least one round in the plan.";
    }
    return null;
  }

  /* ---- The plan as it reads today ---- */

  /* Everything the page shows, from the saved plan, the record and today's queue:
     {state, past: [entries], upcoming: [entries], coverage, left, behind, ahead, ...}. An entry is
     {day, end, items: [{id, state}], reviews: [ids], minutes, today, past, review}. */
  function viewOf(guide, plan, record, now, engine, queue) {
    const spec = S.due.roleSpec(guide, plan.role);
    const reviews = record.reviews;
    const now_ = L.schedule({ plan, questions: spec.questions, reviews, today: now });
    const firstReview = now_.reviewFrom;
    const isDone = (id) => L.goodBetween(reviews, id, plan.made, null);
    // Answered but not yet Good: FSRS brings it back as a review, the plan does not again as new.
    const isPractised = (id) => L.answeredBetween(reviews, id, plan.made, now);
    const minutesOf = (id) => (spec.questions[id] ? spec.questions[id].minutes : 0);
    const known = (id) => Boolean(guide.question[id]);

    // Past days: what each was given when the plan was made, done (Good or Easy since) or not.
    const past = plan.days
      .filter((d) => d.day < now)
      .map((d) => ({
        day: d.day,
        end: L.addDays(d.day, 1),
        items: d.questions
          .filter(known)
          .map((id) => ({ id, state: isDone(id) ? "done" : isPractised(id) ? "practised" : "missed" })),
        reviews: [],
        past: true,
        today: false,
        review: d.day >= firstReview,
      }));

    // Today: exactly the day's queue (and what was already answered today).
    const upcoming = [];
    if (now < plan.interview) {
      const kindOf = (id) =>
        queue.relearn.includes(id) ? "again" : queue.fresh.includes(id) ? "new" : queue.extra.includes(id) ? "refresh" : "review";
      // Answered today and not due again today: done (Good or Easy), or back tomorrow (Again or
      // Hard once the day's relearning steps or hours are used up).
      const lastToday = (id) => {
        const list = L.reviewsOn(reviews, id, now);
        return list.length ? list[list.length - 1].rating : 0;
      };
      const doneToday = queue.done.filter((id) => !queue.queue.includes(id));
      upcoming.push({
        day: now,
        end: L.addDays(now, 1),
        items: [
          ...queue.queue.map((id) => ({ id, state: kindOf(id) })),
          ...doneToday.map((id) => ({ id, state: lastToday(id) >= 3 ? "done" : "tomorrow" })),
        ],
        reviews: queue.queue.filter((id) => !queue.fresh.includes(id)),
        fresh: queue.fresh.length,
        minutes: queue.minutes,
        count: queue.queue.length,
        today: true,
        past: false,
        review: now >= firstReview,
      });
      // Later days: the new questions the schedule gives them and the reviews FSRS forecasts,
      // shown within the day's hours plus the margin, as the queue will take them.
      const ahead = engine ? L.reviewsAhead({ engine, ids: spec.ids, reviews, today: now }) : {};
      const byDay = {};
      now_.days.forEach((d) => (byDay[d.day] = d.questions));
      const capacity = L.dayBudget(plan) + L.MARGIN_MINUTES;
      for (let day = L.addDays(now, 1); day < plan.interview; day = L.addDays(day, 1)) {
        const fresh = (byDay[day] || []).filter(known);
        let used = sum(fresh.map(minutesOf));
        const due = [];
        (ahead[day] || []).forEach((id) => {
          if (used + minutesOf(id) <= capacity) {
            due.push(id);
            used += minutesOf(id);
          }
        });
        upcoming.push({
          day,
          end: L.addDays(day, 1),
          items: fresh.map((id) => ({ id, state: "todo" })),
          reviews: due,
          fresh: fresh.length,
          minutes: used,
          count: fresh.length + due.length,
          today: false,
          past: false,
          review: day >= firstReview,
        });
      }
    }
    const coverage = L.coverage({ plan, role: spec.role, questions: spec.questions, reviews, today: now });
    return { schedule: now_, past, upcoming, coverage, firstReview };
  }

  // Monday-to-Sunday weeks of upcoming days, without the weeks that have nothing new, no review day and are not now.
  function weeksOf(days, plan) {
    const weeks = [];
    days.forEach((entry) => {
      const date = new Date(`${entry.day}T12:00:00Z`);
      const monday = L.addDays(entry.day, -((date.getUTCDay() + 6) % 7));
      let week = weeks[weeks.length - 1];
      if (!week || week.monday !== monday) {
        const end = L.addDays(monday, 7);
        week = {
          monday,
          day: entry.day,
          end: end < plan.interview ? end : plan.interview,
          items: [],
          reviews: [],
          fresh: 0,
          count: 0,
          minutes: 0,
          today: false,
          past: entry.past,
          review: false,
        };
        weeks.push(week);
      }
      week.items.push(...entry.items);
      week.reviews.push(...entry.reviews);
      week.fresh += entry.fresh || 0;
      week.count += entry.count || 0;
      week.minutes += entry.minutes || 0;
      week.today = week.today || entry.today;
      week.review = week.review || entry.review;
    });
    return weeks.filter((week) => week.items.length || week.today || week.review);
  }

  // Today, then the later days (by week for long plans): what the page lists and the calendar holds.
  function entriesShown(view, plan) {
    const [todayEntry, ...later] = view.upcoming;
    return todayEntry ? [todayEntry, ...(weeklyPlan(plan) ? weeksOf(later, plan) : later)] : [];
  }

  const weeklyPlan = (plan) => L.daysBetween(plan.made, plan.interview) > L.WEEKLY_AFTER_DAYS;

  function entryTitle(entry, weekly, now) {
    const from = dateLabel(entry.day, now);
    const last = L.addDays(entry.end, -1);
    return weekly && last !== entry.day ? `${from} – ${dateLabel(last, now)}` : from;
  }

  /* ---- Drawing the plan ---- */

  const roundName = (role, id) => (role.rounds.find((r) => r.id === id) || { name: id }).name;

  /* "Behind the plan", said the same way on the plan and the home page: how many missed questions
     take the spare room of the days left and how many no longer fit (schedule's behindLeft);
     `where` says where the left-out ones are listed. */
  function behindLine(s, plan, where) {
    const days = `${plural(s.studyDaysLeft, "study day")} left (today included), within ${hoursLabel(plan.hours || 0) || "your hours"} a day`;
    const head = `You are ${plural(s.behind, "question")} behind the plan`;
    const fit = s.behind - s.behindLeft;
    if (!s.behindLeft) return `${head}: they take the spare room of the ${days}.`;
    if (!fit) return `${head}, and none of them fits in the ${days}: they are left out (${where}).`;
    const out = s.behindLeft === 1 ? "1 no longer fits and is" : `${s.behindLeft} no longer fit and are`;
    return `${head}: ${fit} ${fit === 1 ? "takes" : "take"} the spare room of the ${days}; ${out} left out (${where}).`;
  }

  function paceLine(view, plan, now) {
    const s = view.schedule;
    if (now >= s.reviewFrom) return null;
    if (s.behind) return behindLine(s, plan, "listed below");
    if (s.ahead) return `You are ${plural(s.ahead, "question")} ahead of the plan.`;
    return "You are on track.";
  }

  function leftLine(guide, view, plan, record, now) {
    const s = view.schedule;
    if (!s.left.length) return null;
    const role = guide.role[plan.role];
    const byRound = {};
    const owner = {};
    L.priorityOrder({
      rounds: S.due.roleSpec(guide, plan.role).role.rounds,
      questions: S.due.roleSpec(guide, plan.role).questions,
      reviews: {},
      choices: plan.rounds || {},
    }).forEach((e) => (owner[e.id] = e.round));
    s.left.forEach((id) => {
      const round = owner[id];
      byRound[round] = (byRound[round] || 0) + 1;
    });
    const parts = Object.entries(byRound).map(([id, n]) => `${roundName(role, id)}: ${n}`);
    const fit = hoursToFit(guide, plan, record.reviews, now);
    return (
      `${plural(s.left.length, "question")} ${s.left.length === 1 ? "does" : "do"} not fit in the study days left ` +
      `at ${plan.hours ? hoursLabel(plan.hours) : "this pace"} a day, so ${s.left.length === 1 ? "it is" : "they are"} ` +
      `left out, lowest priority first (in each round practice questions go before reported ones, and a round ` +
      `that worries you keeps more): ` +
      `${parts.join("; ")}. ` +
      (fit
        ? `About ${hoursLabel(fit)} a day would fit them all: make a new plan with more hours or a later date.`
        : "Even with more hours they would not fit before this date: make a new plan with a later date.")
    );
  }

  function coverageList(guide, plan, view) {
    const role = guide.role[plan.role];
    return el(
      "ul",
      { class: "sisg-plan-coverage" },
      view.coverage.map((c) => {
        const name = roundName(role, c.round);
        const text =
          c.status === "passed"
            ? "passed: left out by you"
            : c.status === "skipped"
              ? "left out by you"
              : c.planned === 0
                ? c.total
                  ? "nothing left to learn (you know its questions)"
                  : "no questions"
                : `${c.done} of ${plural(c.planned, "planned question")} done` +
                  (c.left ? `, ${c.left} no longer fit` : "") +
                  (((plan.rounds || {})[c.round] || {}).weight === "worried" ? " · weighted up" : "");
        return el(
          "li",
          {
            "data-round": c.round,
            "data-status": c.status,
            "data-planned": String(c.planned),
            "data-upcoming": String(c.upcoming),
            "data-done": String(c.done),
          },
          el("strong", { text: name }),
          `: ${text}`,
        );
      }),
    );
  }

  function renderPlan(guide, plan, record, now, engine, queue) {
    const role = guide.role[plan.role];
    const weekly = weeklyPlan(plan);
    const view = viewOf(guide, plan, record, now, engine, queue);
    const planned = plan.order.filter((id) => guide.question[id]);
    const done = planned.filter((id) => L.goodBetween(record.reviews, id, plan.made, null));
    // Questions of the rounds kept that the plan left out because they were known when it was made.
    const kept = new Set(
      [].concat(
        ...role.rounds
          .filter((r) => !["passed", "skipped"].includes(((plan.rounds || {})[r.id] || {}).status))
          .map((r) => guide.roundQuestions(r)),
      ),
    );
    const inOrder = new Set(plan.order);
    const knownBefore = [...kept].filter((id) => !inOrder.has(id)).length;
    const sheetAttrs = {
      class: "sisg-plan-sheet",
      "aria-labelledby": "sisg-plan-title",
      "data-made": plan.made,
      "data-interview": plan.interview,
      "data-weekly": String(weekly),
      "data-behind": String(view.schedule.behind),
      "data-ahead": String(view.schedule.ahead),
      "data-left": String(view.schedule.left.length),
    };
    const title = el("h2", { id: "sisg-plan-title", tabindex: "-1", text: `Your plan: ${role.title}` });

    if (now === plan.interview) return lastLook(guide, plan, now, queue, sheetAttrs, title);
    if (now > plan.interview) {
      return el(
        "section",
        sheetAttrs,
        title,
        el("p", {
          class: "sisg-plan-note",
          text: `Your interview was on ${dateLabel(plan.interview, now)}. Make a new plan for the next one.`,
        }),
      );
    }

    const summary = el(
      "p",
      { class: "sisg-plan-summary" },
      `Made on ${dateLabel(plan.made, now)} for your interview on ${dateLabel(plan.interview, now)}, `,
      plan.hours ? `${hoursLabel(plan.hours)} a day. ` : "",
      `In the plan: ${plural(planned.length, "question")}`,
      knownBefore > 0
        ? `; ${plural(knownBefore, "question")} you already knew ${knownBefore === 1 ? "is" : "are"} left out`
        : "",
      ". ",
      el("strong", { class: "sisg-plan-done", text: `Done so far: ${done.length} of ${planned.length}.` }),
      " (Done means answered Good or Easy; Again and Hard come back.)",
    );
    const pace = paceLine(view, plan, now);
    const left = leftLine(guide, view, plan, record, now);
    const keep = L.daysBetween(view.firstReview, plan.interview);
    const notes = [];
    if (keep > 0) {
      const first = view.firstReview;
      const last = L.addDays(plan.interview, -1);
      notes.push(
        (keep === 1
          ? `The last day, ${dateLabel(last, now)}, is kept for review: `
          : `The last ${keep} days, ${dateLabel(first, now)} to ${dateLabel(last, now)}, are kept for review: `) +
          "no new questions, only the reviews that fall due and the questions you remember least.",
      );
    } else {
      notes.push("Your interview is tomorrow, so new questions and reviews all go on today.");
    }
    notes.push(
      `No day holds more than your hours plus ${L.MARGIN_MINUTES} minutes: reviews beyond that wait for the next day.`,
    );
    if (weekly) {
      notes.push(
        "Your interview is more than four weeks away, so the days after today are shown week by week; weeks with nothing new are left out.",
      );
    }

    const [todayEntry, ...laterEntries] = entriesShown(view, plan);
    const pastDone = sum(view.past.map((e) => e.items.filter((i) => i.state === "done").length));
    const pastAll = sum(view.past.map((e) => e.items.length));

    return el(
      "section",
      sheetAttrs,
      title,
      pace ? el("p", { class: "sisg-plan-pace", "data-behind": String(view.schedule.behind), text: pace }) : null,
      el("ol", { class: "sisg-plan-days sisg-plan-days--today" }, renderEntry(guide, plan, todayEntry, false, now)),
      left ? el("p", { class: "sisg-plan-note sisg-plan-left", role: "note", text: left }) : null,
      summary,
      el("h3", { class: "sisg-plan-subhead", text: "Rounds covered" }),
      coverageList(guide, plan, view),
      notes.map((text) => el("p", { class: "sisg-plan-note", text })),
      engine
        ? null
        : el("p", {
            class: "sisg-plan-note",
            text: "Review counts are missing: the review scheduler did not load. Reload the page to try again.",
          }),
      laterEntries.length ? el("h3", { class: "sisg-plan-subhead", text: "Coming days" }) : null,
      el(
        "ol",
        { class: "sisg-plan-days sisg-plan-days--later" },
        laterEntries.map((entry) => renderEntry(guide, plan, entry, weekly && entry.end !== L.addDays(entry.day, 1), now)),
      ),
      view.past.length
        ? el(
            "details",
            { class: "sisg-plan-past" },
            el("summary", { text: `Past days (${view.past.length}): ${pastDone} of ${pastAll} planned questions done` }),
            el(
              "ol",
              { class: "sisg-plan-days sisg-plan-days--past" },
              view.past.map((entry) => renderEntry(guide, plan, entry, false, now)),
            ),
          )
        : null,
      view.schedule.left.length
        ? el(
            "div",
            { class: "sisg-plan-unplaced" },
            el("h3", { text: "Not in the plan: no room at these hours" }),
            el(
              "ul",
              { class: "sisg-plan-questions" },
              view.schedule.left
                .filter((id) => guide.question[id])
                .map((id) => questionItem(guide, { id, state: "unplaced" })),
            ),
          )
        : null,
    );
  }

  /* The interview day: the cheat sheet, a 15-minute warm-up of the least remembered, good luck. */
  function lastLook(guide, plan, now, queue, attrs, title) {
    const role = guide.role[plan.role];
    return el(
      "section",
      { ...attrs, "data-interview-day": "true", "data-count": String(queue.queue.length), "data-minutes": String(queue.minutes) },
      title,
      el("p", { class: "sisg-plan-pace", text: `Today is your interview day (${dateLabel(plan.interview, now)}). A last look, then rest.` }),
      el(
        "ol",
        { class: "sisg-plan-lastlook" },
        el(
          "li",
          {},
          el("a", { href: S.siteUrl(role.cheatsheet_url), text: `Read your cheat sheet for ${role.title}` }),
          ": the rounds, frameworks and key numbers on one page.",
        ),
        el(
          "li",
          {},
          queue.queue.length
            ? [
                `A ${L.WARM_UP_MINUTES}-minute warm-up: ${S.due.queueLabel(queue)}, the ones you remember least. `,
                practiceLink(guide, plan, "Start the warm-up"),
                el("ul", { class: "sisg-plan-questions" }, queue.queue.map((id) => questionItem(guide, { id, state: "refresh" }))),
              ]
            : "Warm-up done (or nothing practised yet to warm up on).",
        ),
        el("li", { text: "Good luck! Sleep, water, and say your thinking out loud." }),
      ),
    );
  }

  const STATE_TEXT = {
    done: "Done",
    missed: "Not done: spread over the days left",
    practised: "Not yet Good: back as a review",
    again: "Again: once more today",
    tomorrow: "Not yet: back tomorrow",
    new: "New",
    review: "Review",
    refresh: "Least remembered",
    todo: "",
    unplaced: "",
  };

  function questionItem(guide, item) {
    const question = guide.question[item.id];
    const tag = STATE_TEXT[item.state];
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
    const parts = [];
    if (entry.past) {
      const doneCount = entry.items.filter((item) => item.state === "done").length;
      parts.push(entry.items.length ? `${doneCount} of ${entry.items.length} done` : "Nothing new");
    } else if (entry.today) {
      parts.push(entry.count ? `${plural(entry.count, "question")} to do` : "Nothing left to do");
      parts.push(`${entry.fresh} new`);
      parts.push(`${plural(entry.reviews.length, "review")}`);
      parts.push(minutesLabel(entry.minutes));
    } else {
      parts.push(entry.fresh ? `${entry.fresh} new` : "Nothing new");
      parts.push(`${plural(entry.reviews.length, "review")} due`);
      parts.push(minutesLabel(entry.minutes));
    }
    const kind = entry.review ? "review" : "study";
    const label = entry.today ? "Today" : entry.review ? "Review" : "";
    return el(
      "li",
      {
        class: `sisg-plan-day sisg-plan-day--${kind}${entry.today ? " sisg-plan-day--today" : ""}${entry.past ? " sisg-plan-day--past" : ""}`,
        "data-date": entry.day,
        "data-end": entry.end,
        "data-kind": kind,
        "data-today": entry.today ? "true" : null,
        "data-count": entry.past ? null : String(entry.count),
        "data-minutes": entry.past ? null : String(entry.minutes),
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
      entry.review && !entry.items.length && !entry.today
        ? el("p", {
            class: "sisg-plan-day__hint",
            text: "Review day: the questions that are due, then the ones you remember least.",
          })
        : null,
      entry.today && entry.count ? el("p", {}, practiceLink(guide, plan, "Practise today's questions")) : null,
      entry.items.length
        ? el(
            "ul",
            { class: "sisg-plan-questions" },
            entry.items.map((item) => questionItem(guide, item)),
          )
        : null,
    );
  }

  /* ---- Calendar ---- */

  function calendarText(guide, plan, record, now, engine, queue) {
    const weekly = weeklyPlan(plan);
    const view = viewOf(guide, plan, record, now, engine, queue);
    const entries = entriesShown(view, plan).filter(
      (e) => e.fresh || e.reviews.length || e.review,
    );
    const planUrl = S.siteUrl(guide.data.pages.plan);
    const role = guide.role[plan.role];
    return R.icsCalendar({
      name: `Study plan: ${role.title}`,
      uidPrefix: `${plan.role}-${plan.made}`,
      stamp: new Date(),
      days: entries.map((entry) => {
        const what = [entry.fresh ? `${entry.fresh} new` : "", entry.reviews.length ? plural(entry.reviews.length, "review") : ""]
          .filter(Boolean)
          .join(", ");
        const head = entry.review && !entry.fresh ? "Review" : weekly ? "Study week" : "Study";
        const prompts = entry.items
          .filter((item) => item.state === "new" || item.state === "todo")
          .map((item) => `- ${promptText(guide.question[item.id])}`);
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
    const now = today();
    const status = el("div", { class: "sisg-plan-status" }); // write errors (role=alert inside)
    const formBox = el("div", { class: "sisg-plan-form" });
    const view = el("div", { class: "sisg-plan-view" });
    fill(root, status, formBox, view);

    const savedPlan = () => {
      const plan = S.store.read().plan;
      return plan && guide.role[plan.role] && Array.isArray(plan.order) ? plan : null;
    };

    function roundChoices(roleId, current) {
      const role = guide.role[roleId];
      const choices = (current && current.role === roleId && current.rounds) || {};
      return role.rounds.map((round) => {
        const choice = choices[round.id] || {};
        const status = el(
          "select",
          { id: `sisg-plan-round-${round.id}`, name: `round-${round.id}`, "data-round": round.id, class: "sisg-plan-round-status" },
          S.options(
            [
              ["in", "To study"],
              ["passed", "Already passed"],
              ["skipped", "Leave out"],
            ],
            choice.status || "in",
          ),
        );
        const worried = el("input", {
          type: "checkbox",
          id: `sisg-plan-worried-${round.id}`,
          "data-round": round.id,
          class: "sisg-plan-round-worried",
          checked: choice.weight === "worried",
        });
        return el(
          "li",
          { class: "sisg-plan-round", "data-round": round.id },
          el("label", { for: status.id, class: "sisg-plan-round__name", text: round.name }),
          status,
          el(
            "span",
            { class: "sisg-plan-round__worried" },
            worried,
            el("label", { for: worried.id }, "Worried: more time", el("span", { class: "sisg-sr-only", text: ` for ${round.name}` })),
          ),
        );
      });
    }

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
        min: L.addDays(now, 1),
        max: L.addDays(now, MAX_DAYS),
        value: defaults.interview && defaults.interview > now ? defaults.interview : L.addDays(now, 14),
      });
      const hoursInput = el("input", {
        type: "number",
        id: "sisg-plan-hours",
        name: "hours",
        required: true,
        min: String(HOUR_STEP),
        max: String(MAX_HOURS),
        step: String(HOUR_STEP),
        value: String(defaults.hours || 2),
        inputmode: "decimal",
      });
      const roundsList = el("ul", { class: "sisg-plan-rounds" });
      const drawRounds = () => fill(roundsList, roundChoices(roleSelect.value, current));
      roleSelect.addEventListener("change", drawRounds);
      drawRounds();
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
          "fieldset",
          { class: "sisg-field sisg-field--full sisg-plan-rounds-box" },
          el("legend", { text: "Rounds: every round kept gets a share; leave out the ones you passed, weight the ones that worry you" }),
          roundsList,
        ),
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
        const choices = {};
        roundsList.querySelectorAll(".sisg-plan-round").forEach((li) => {
          const id = li.dataset.round;
          choices[id] = {
            status: li.querySelector(".sisg-plan-round-status").value,
            weight: li.querySelector(".sisg-plan-round-worried").checked ? "worried" : "normal",
          };
        });
        const settings = { role: roleSelect.value, date: dateInput.value, hours: Number(hoursInput.value), choices };
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
              text: "A new plan replaces the one below from today, with what is left to learn. Your answers and reviews are kept.",
            })
          : null,
        form,
        problem,
      );
      if (current) roleSelect.focus();
    }

    let engine = null;
    // unsaved: a plan the browser did not store, shown once.
    function showView(unsaved) {
      const plan = unsaved || savedPlan();
      if (!plan) {
        fill(view);
        showForm(null);
        return Promise.resolve();
      }
      const record = unsaved ? { ...S.store.read(), plan } : S.store.read();
      return Promise.all([
        R.loadFsrs().catch(() => null),
        S.due.today({ guide, role: plan.role, record }).catch(() => null),
      ]).then(([loaded, queue]) => {
        engine = loaded;
        const q = queue || { queue: [], fresh: [], relearn: [], extra: [], taken: [], done: [], minutes: 0 };
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
              download(`study-plan-${plan.role}.ics`, calendarText(guide, plan, S.store.read(), today(), engine, q)),
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
        fill(view, renderPlan(guide, plan, record, now, engine, q), actions);
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
    if (!plan || !Array.isArray(plan.order)) return null; // the page's own text invites making a plan
    const now = today();
    if (now > plan.interview) {
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
    const line = el("p", { class: "sisg-today__count", text: "Due today: counting…" });
    fill(
      root,
      el("h2", { class: "sisg-today__title", text: now === plan.interview ? "Interview day" : "Due today" }),
      line,
      el(
        "p",
        {},
        toolLink(link("practice"), "Practise them", `?role=${encodeURIComponent(plan.role)}&mode=due`),
        " · ",
        toolLink(link("plan"), "See your plan"),
      ),
    );
    // The queue needs the role's questions (and the scheduler when there are reviews): fetched
    // after the page has settled, through the same call as every other page.
    let alive = true;
    const later = window.requestIdleCallback || ((fn) => setTimeout(fn, 300));
    later(() => {
      if (!alive) return;
      S.loadGuide()
        .then((guide) => (guide.role[plan.role] ? Promise.all([guide, S.due.today({ guide, role: plan.role })]) : null))
        .then((found) => {
          if (!alive || !found) return;
          const [guide, q] = found;
          const role = guide.role[plan.role];
          const reviews = q.queue.length - q.fresh.length;
          line.dataset.count = String(q.queue.length);
          line.dataset.minutes = String(q.minutes);
          // Behind the plan: said here too, in the plan's words, with the way to its catch-up.
          const spec = S.due.roleSpec(guide, plan.role);
          const pace = L.schedule({ plan, questions: spec.questions, reviews: S.store.read().reviews, today: now });
          if (pace.behind && now < pace.reviewFrom) {
            line.after(
              el("p", {
                class: "sisg-today__behind",
                text: behindLine(pace, plan, "listed on the plan"),
              }),
            );
          }
          fill(
            line,
            q.interviewDay
              ? `Interview day: a ${L.WARM_UP_MINUTES}-minute warm-up of ${plural(q.queue.length, "question")} you remember least for ${role.title}. Good luck!`
              : `Due today: ${q.queue.length} (${plural(q.fresh.length, "new question")}, ${plural(reviews, "review")}) for ${role.title}, ${minutesLabel(q.minutes)}.`,
          );
        })
        .catch(() => {
          line.textContent = "Due today: not available (the questions did not load).";
        });
    });
    return () => {
      alive = false;
    };
  });

  function toolLink(anchor, text, query = "") {
    return anchor ? el("a", { href: anchor.href + query, text }) : text;
  }
})();
