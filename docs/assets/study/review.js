/* Spaced review aimed at the interview date.

   Memory states come from FSRS (ts-fsrs, vendored in vendor/ and loaded only by the study tools):
   each question's reviews are replayed in order, so the history in the study record is the only
   truth and nothing derived is stored. The day's queue and the saved plan are plain functions of
   (reviews, plan, today), so a test can drive them with any clock.

   Days are local calendar days ("2026-12-15"): a candidate studies by the day, not the minute. */
(() => {
  "use strict";

  const S = (window.SISG = window.SISG || {});
  const DAY_MS = 86400000;
  const NEW_DONE_BEFORE_DAYS = 2; // new questions are all seen two days before the interview
  const FINAL_REVIEW_DAYS = 3; // spare time in the last days refreshes what is least remembered
  const WEEKLY_AFTER_DAYS = 28; // longer plans are shown week by week

  /* ---- Loading FSRS on demand ---- */

  let fsrsPromise = null;
  function loadFsrs() {
    if (window.FSRS) return Promise.resolve(scheduler(window.FSRS));
    if (!fsrsPromise) {
      fsrsPromise = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = S.siteUrl ? S.siteUrl("assets/study/vendor/ts-fsrs.umd.js") : "vendor/ts-fsrs.umd.js";
        script.onload = () => resolve(scheduler(window.FSRS));
        script.onerror = () => {
          fsrsPromise = null;
          reject(new Error("the review scheduler did not load"));
        };
        document.head.append(script);
      });
    }
    return fsrsPromise;
  }

  // FSRS with its published defaults and no fuzz, so the same history always gives the same dates.
  function scheduler(FSRS) {
    const engine = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
    return {
      // The card after the reviews (oldest first), or null if never reviewed. A candidate
      // studies by the day, so each day counts once, with its last rating, as made at noon UTC
      // of that calendar day: intervals are then whole days, as the plan and the queue count them.
      card(reviews) {
        const days = dailyReviews(reviews);
        if (!days.length) return null;
        let card = FSRS.createEmptyCard(days[0].at);
        days.forEach((review) => {
          card = engine.next(card, review.at, review.rating).card;
        });
        if (card.state === FSRS.State.Review) {
          // The interval FSRS gives the card's stability. ts-fsrs also keeps Hard, Good and Easy a
          // day apart when all three round alike; the Python reference does not, and we follow it.
          const due = new Date(days[days.length - 1].at);
          due.setUTCDate(due.getUTCDate() + engine.next_interval(card.stability, 0));
          card = { ...card, due };
        }
        return card;
      },
      // Probability of recalling the card at `when` (0–1).
      recall(card, when) {
        return card ? engine.get_retrievability(card, when, false) : 0;
      },
    };
  }

  /* ---- Calendar days ---- */

  // [{at, rating}] → one {at: Date at noon UTC of the local day, rating} per day, oldest first.
  function dailyReviews(reviews) {
    const last = new Map();
    [...(reviews || [])]
      .sort((a, b) => new Date(a.at) - new Date(b.at))
      .forEach((review) => last.set(dayOf(new Date(review.at)), review.rating));
    return [...last.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, rating]) => {
        const [y, m, d] = day.split("-").map(Number);
        return { at: new Date(Date.UTC(y, m - 1, d, 12)), rating };
      });
  }

  const pad = (n) => String(n).padStart(2, "0");
  const dayOf = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const dateOf = (day) => {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(y, m - 1, d);
  };
  const addDays = (day, n) => {
    const date = dateOf(day);
    date.setDate(date.getDate() + n);
    return dayOf(date);
  };
  const daysBetween = (from, to) => Math.round((dateOf(to) - dateOf(from)) / DAY_MS);

  /* ---- The plan: new questions spread over the days before the interview, saved when made ---- */

  /* {role, interview, made, per_day, days: [{day, questions: [ids]}]}; `ids` in loop order, those
     already known (last rating Good or Easy) left out. per_day caps new questions a day from hours. */
  function makePlan({ role, ids, reviews, today, interview, perDay }) {
    const known = (id) => {
      const list = reviews[id];
      return list && list.length && list[list.length - 1].rating >= 3;
    };
    const todo = ids.filter((id) => !known(id));
    const studyDays = Math.max(1, daysBetween(today, interview) - NEW_DONE_BEFORE_DAYS);
    const days = [];
    let next = 0;
    for (let i = 0; i < studyDays && next < todo.length; i++) {
      // Even pacing: after day i, about (i + 1) / studyDays of the list is done.
      const end = Math.min(todo.length, Math.ceil(((i + 1) * todo.length) / studyDays));
      const count = Math.max(0, Math.min(end - next, perDay || Infinity));
      if (count) days.push({ day: addDays(today, i), questions: todo.slice(next, next + count) });
      next += count;
    }
    const unplaced = todo.slice(next); // more than the hours allow: the page says so
    return { role, interview, made: today, per_day: perDay || null, days, unplaced };
  }

  /* The plan as shown on `today`: each day's questions with done (reviewed on or after the plan
     was made), missed ones of past days moved to today, and weeks for long horizons. */
  function planStatus(plan, reviews, today) {
    const reviewedSince = (id, day) =>
      (reviews[id] || []).some((review) => dayOf(new Date(review.at)) >= day);
    const moved = [];
    const days = plan.days.map((entry) => {
      const items = entry.questions.map((id) => ({ id, done: reviewedSince(id, plan.made) }));
      if (entry.day < today) items.filter((item) => !item.done).forEach((item) => moved.push(item.id));
      return { day: entry.day, items, past: entry.day < today, today: entry.day === today };
    });
    const todayEntry = days.find((entry) => entry.today);
    const carried = moved.map((id) => ({ id, done: false, moved: true }));
    if (todayEntry) todayEntry.items = [...carried, ...todayEntry.items];
    else if (carried.length && today < plan.interview) {
      days.push({ day: today, items: carried, past: false, today: true });
      days.sort((a, b) => (a.day < b.day ? -1 : 1));
    }
    const weekly = daysBetween(plan.made, plan.interview) > WEEKLY_AFTER_DAYS;
    return { days, weekly, weeks: weekly ? groupWeeks(days) : null };
  }

  function groupWeeks(days) {
    const weeks = [];
    days.forEach((entry) => {
      const start = dateOf(entry.day);
      start.setDate(start.getDate() - ((start.getDay() + 6) % 7)); // Monday
      const key = dayOf(start);
      let week = weeks[weeks.length - 1];
      if (!week || week.start !== key) {
        week = { start: key, end: addDays(key, 6), items: [], today: false };
        weeks.push(week);
      }
      week.items.push(...entry.items);
      week.today = week.today || entry.today;
    });
    return weeks;
  }

  /* ---- The day's queue ---- */

  /* What to study on `today` for one role: reviews that FSRS says are due (least remembered at
     the interview first), then the plan's new questions for today (or, with no plan, none), then,
     in the last days before the interview and while `capacity` allows, the questions with the
     lowest predicted recall on the interview day. A question reviewed today is not asked again. */
  function dayQueue({ engine, ids, reviews, plan, today, interview, capacity = Infinity }) {
    const now = dateOf(today);
    const endOfToday = new Date(now.getTime() + DAY_MS);
    const interviewDate = interview ? dateOf(interview) : null;
    const reviewedToday = (id) => (reviews[id] || []).some((r) => dayOf(new Date(r.at)) === today);
    const cards = {};
    ids.forEach((id) => {
      cards[id] = engine.card(reviews[id]);
    });
    const recallAt = (id) => engine.recall(cards[id], interviewDate || endOfToday);
    const byRisk = (a, b) => recallAt(a) - recallAt(b);

    const due = ids
      .filter((id) => cards[id] && !reviewedToday(id) && new Date(cards[id].due) < endOfToday)
      .sort(byRisk);
    const fresh = [];
    if (plan) {
      const status = planStatus(plan, reviews, today);
      const entry = status.days.find((d) => d.today);
      if (entry) entry.items.filter((item) => !item.done && ids.includes(item.id)).forEach((i) => fresh.push(i.id));
    }
    const queue = [...due, ...fresh.filter((id) => !due.includes(id))];
    const daysLeft = interview ? daysBetween(today, interview) : Infinity;
    if (daysLeft > 0 && daysLeft <= FINAL_REVIEW_DAYS && queue.length < capacity) {
      const extra = ids
        .filter((id) => cards[id] && !reviewedToday(id) && !queue.includes(id))
        .sort(byRisk)
        .slice(0, capacity - queue.length);
      queue.push(...extra);
    }
    return { due, fresh, queue, done: ids.filter(reviewedToday) };
  }

  /* ---- Reviews ahead: when each reviewed question falls due, for the plan's days ---- */

  /* {day: [ids]} for the days from `today` on: a question goes on the day FSRS makes it due, one
     already due goes on today (as dayQueue counts it), or on tomorrow if it was reviewed today.
     A forecast from the reviews made so far: new questions add their own reviews as they go. */
  function reviewsAhead({ engine, ids, reviews, today }) {
    const tomorrow = addDays(today, 1);
    const out = {};
    ids.forEach((id) => {
      const card = engine.card(reviews[id]);
      if (!card) return;
      const reviewedToday = (reviews[id] || []).some((r) => dayOf(new Date(r.at)) === today);
      let day = dayOf(new Date(card.due));
      if (day <= today) day = reviewedToday ? tomorrow : today;
      (out[day] = out[day] || []).push(id);
    });
    return out;
  }

  /* ---- Calendar export (RFC 5545): one all-day event per plan day (or span of days) ---- */

  const icsText = (text) => String(text).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

  // Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 sequence.
  function fold(line) {
    const encoder = new TextEncoder();
    const out = [];
    let current = "";
    let size = 0;
    for (const char of line) {
      const bytes = encoder.encode(char).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += char;
      size += bytes;
    }
    out.push(current);
    return out.join("\r\n ");
  }

  /* days: [{day, end?, title, description}] → the .ics text; `end` (exclusive, default the day
     after) makes one event span a week. `stamp` is the export time (UTC). */
  function icsCalendar({ name, days, stamp, uidPrefix }) {
    const utc = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const compact = (day) => day.replace(/-/g, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Spotify Interview Study Guides//Study plan//EN",
      "CALSCALE:GREGORIAN",
      `X-WR-CALNAME:${icsText(name)}`,
    ];
    days.forEach((entry) => {
      lines.push(
        "BEGIN:VEVENT",
        `UID:${uidPrefix}-${compact(entry.day)}@spotify-interview-study-guides`,
        `DTSTAMP:${utc(stamp)}`,
        `DTSTART;VALUE=DATE:${compact(entry.day)}`,
        `DTEND;VALUE=DATE:${compact(entry.end || addDays(entry.day, 1))}`,
        `SUMMARY:${icsText(entry.title)}`,
        `DESCRIPTION:${icsText(entry.description)}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    });
    lines.push("END:VCALENDAR");
    return `${lines.map(fold).join("\r\n")}\r\n`;
  }

  S.review = {
    loadFsrs,
    scheduler,
    dailyReviews,
    dayOf,
    addDays,
    daysBetween,
    makePlan,
    planStatus,
    dayQueue,
    reviewsAhead,
    icsCalendar,
    NEW_DONE_BEFORE_DAYS,
    FINAL_REVIEW_DAYS,
    WEEKLY_AFTER_DAYS,
  };
})();
