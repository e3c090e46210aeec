/* The study loop's logic, as pure functions: calendar days, FSRS replayed from the record, the plan
   (which questions, in which order, on which day) and the one answer to "what is due today".

   No DOM and no clock of its own: every function takes the day ("2026-12-15", a local calendar
   day) and the reviews it works from, so the same inputs give the same answer on every page and
   in tests. Loaded in the browser as SISG.loop (before review.js) and in Node with require()
   (tests/js/). A candidate studies by the day, not the minute. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.SISG = root.SISG || {};
    root.SISG.loop = api;
  }
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  const DAY_MS = 86400000;
  const NEW_DONE_BEFORE_DAYS = 2; // the last two days before the interview are review days
  const FINAL_REVIEW_DAYS = 3; // spare time in the last days refreshes what is least remembered
  const WEEKLY_AFTER_DAYS = 28; // longer plans are shown week by week
  // New questions take at most this share of a day: each is answered once when new and about once
  // more when FSRS brings it back before the interview.
  const ANSWERS_PER_NEW = 2;
  // A day's work (what was done today plus what is still due) stays within the hours plus this.
  const MARGIN_MINUTES = 15;
  const WARM_UP_MINUTES = 15; // on the interview day: a short look at the least remembered
  // Again or Hard brings a question back the same day, at most this many answers a day.
  const RELEARN_MAX_PER_DAY = 3;
  const WEIGHTS = { normal: 1, worried: 2 };
  const GOOD = 3;

  /* ---- Calendar days ---- */

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
  const sum = (list) => list.reduce((a, b) => a + b, 0);

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

  /* ---- FSRS: memory states replayed from the reviews ---- */

  // FSRS with its published defaults and no fuzz, so the same history always gives the same dates.
  function scheduler(FSRS) {
    const engine = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
    return {
      // The card after the reviews (oldest first), or null if never reviewed. Each day counts
      // once, with its last rating, as made at noon UTC of that calendar day: intervals are then
      // whole days, as the plan and the queue count them.
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

  // Never reviewed: no memory state, nothing to recall (used when no id has a review).
  const NO_REVIEWS = { card: () => null, recall: () => 0 };

  /* ---- Reviews of a day ---- */

  const reviewsOn = (reviews, id, day) => (reviews[id] || []).filter((r) => dayOf(new Date(r.at)) === day);

  // Answered on a day from `from` up to (not including) `before` (none: no end), rated at least
  // `least` when given.
  const answeredBetween = (reviews, id, from, before, least) =>
    (reviews[id] || []).some((r) => {
      const day = dayOf(new Date(r.at));
      return (least === undefined || r.rating >= least) && day >= from && (!before || day < before);
    });
  // Answered Good or Easy: done.
  const goodBetween = (reviews, id, from, before) => answeredBetween(reviews, id, from, before, GOOD);

  const known = (reviews, id) => {
    const list = reviews[id];
    return Boolean(list && list.length && list[list.length - 1].rating >= GOOD);
  };

  /* ---- The plan ---- */

  // The first day with no new questions: NEW_DONE_BEFORE_DAYS before the interview, or the day
  // after the plan was made when the interview is closer than that.
  function reviewFrom(plan) {
    const span = daysBetween(plan.made, plan.interview);
    return addDays(plan.made, Math.max(1, span - NEW_DONE_BEFORE_DAYS));
  }

  // Minutes a day for new questions: at most half the hours (the rest is for reviews).
  const newBudget = (plan) => (plan.hours ? (plan.hours * 60) / ANSWERS_PER_NEW : Infinity);
  // Minutes a day for everything, or Infinity for a plan without hours (made by an older version).
  const dayBudget = (plan) => (plan && plan.hours ? plan.hours * 60 : Infinity);

  /* Questions to learn in the order they are planned: each round in the loop a lane (rounds
     passed or skipped have none), reported questions before practice ones within a lane, and the
     lanes interleaved by weight (a round that worries the candidate gets two turns to one). The
     first questions of the order are one from each lane, so a short plan still covers every round.
     A question shared by rounds belongs to the first round that keeps it. Known questions (last
     rated Good or Easy) are left out; questions longer than `maxMinutes` (a whole day's hours) go
     last in their lane, so a round's first turn goes to a question that fits. → [{id, round}] */
  function priorityOrder({ rounds, questions, reviews, choices = {}, maxMinutes = Infinity }) {
    const taken = new Set();
    const keyed = [];
    rounds.forEach((round, lane) => {
      const choice = choices[round.id] || {};
      if (choice.status === "passed" || choice.status === "skipped") return;
      const weight = WEIGHTS[choice.weight] || WEIGHTS.normal;
      const ids = [...new Set(round.ids)].filter((id) => questions[id] && !taken.has(id) && !known(reviews, id));
      ids.forEach((id) => taken.add(id));
      const rank = (id) => (questions[id].minutes > maxMinutes ? 2 : 0) + (questions[id].origin === "reported" ? 0 : 1);
      ids
        .map((id, index) => ({ id, index }))
        .sort((a, b) => rank(a.id) - rank(b.id) || a.index - b.index)
        .forEach(({ id }, k) => keyed.push({ id, round: round.id, key: (k + 0.5) / weight, lane, k }));
    });
    keyed.sort((a, b) => a.key - b.key || a.lane - b.lane || a.k - b.k);
    return keyed.map(({ id, round }) => ({ id, round }));
  }

  /* `order` (ids, most important first) over `count` days: evenly paced (after day i about
     (i + 1) / count of the list), each day within `budget` minutes (one question a day may take
     up to `cap` minutes, the whole day, when it alone is longer than the budget) and at most
     `perDay` questions. → {days: [[ids]], left: [ids that do not fit, lowest priority last]} */
  function spread(order, minutesOf, count, budget, cap = budget, perDay = Infinity) {
    const days = Array.from({ length: Math.max(0, count) }, () => []);
    // A question longer than a whole day never fits: said at once, and kept out of the pacing, so
    // it takes no day's share (re-spread each day, such shares would push the rest out).
    const never = order.filter((id) => minutesOf(id) > cap);
    const paced = order.filter((id) => minutesOf(id) <= cap);
    let next = 0;
    for (let i = 0; i < days.length && next < paced.length; i++) {
      const target = Math.ceil(((i + 1) * paced.length) / days.length);
      let used = 0;
      while (next < paced.length && next < target && days[i].length < perDay) {
        const id = paced[next];
        const minutes = minutesOf(id);
        if (!(used + minutes <= budget || !days[i].length)) break;
        days[i].push(id);
        used += minutes;
        next += 1;
      }
    }
    return { days, left: [...never, ...paced.slice(next)] };
  }

  /* Fits `pool` (ids, most important first) into the spare room of `days` (lists of ids, from
     today), each day within `budget` minutes (a lone question up to `cap`) and `perDay` questions.
     Paced: the k-th of n tries day k * days / n first, then later days, then earlier ones. A
     question that fits no day may take the place of less important ones (they are tried again
     after it); one that fits nowhere even so is returned, and the rest still tried: smaller, less
     important ones may fit where it does not. `rank` gives each id's priority (0 first). */
  function fill(days, pool, rank, minutesOf, budget, cap, perDay) {
    const used = days.map((list) => sum(list.map(minutesOf)));
    const fits = (i, id, free = 0, gone = 0) =>
      days[i].length - gone < perDay &&
      (used[i] - free + minutesOf(id) <= budget || (days[i].length === gone && minutesOf(id) <= cap));
    if (!days.length) return [...pool];
    const queue = [...pool];
    const failed = [];
    let placed = 0;
    while (queue.length) {
      const id = queue.shift();
      const start = Math.min(days.length - 1, Math.floor((placed * days.length) / Math.max(1, pool.length)));
      const tries = [];
      for (let i = start; i < days.length; i++) tries.push(i);
      for (let i = start - 1; i >= 0; i--) tries.push(i);
      let best = null; // {i, out: ids to take out, cost: rank of the most important one taken out}
      for (const i of tries) {
        if (fits(i, id)) {
          best = { i, out: [], cost: Infinity };
          break;
        }
        // Take out this day's less important questions, least important first, until it fits.
        const lower = days[i].filter((other) => rank.get(other) > rank.get(id)).sort((a, b) => rank.get(b) - rank.get(a));
        const out = [];
        let free = 0;
        for (const other of lower) {
          out.push(other);
          free += minutesOf(other);
          if (fits(i, id, free, out.length)) break;
        }
        if (!out.length || !fits(i, id, free, out.length)) continue;
        const cost = rank.get(out[out.length - 1]);
        if (!best || cost > best.cost || (cost === best.cost && out.length < best.out.length)) best = { i, out, cost };
      }
      if (!best) {
        failed.push(id);
        continue;
      }
      best.out.forEach((other) => {
        days[best.i].splice(days[best.i].indexOf(other), 1);
        used[best.i] -= minutesOf(other);
        queue.push(other);
      });
      if (best.out.length) queue.sort((a, b) => rank.get(a) - rank.get(b));
      days[best.i].push(id);
      used[best.i] += minutesOf(id);
      placed += 1;
    }
    return failed.sort((a, b) => rank.get(a) - rank.get(b));
  }

  /* A new plan. role: {id, rounds: [{id, ids}]}; questions: {id: {minutes, origin}};
     choices: {roundId: {status: "in"|"passed"|"skipped", weight: "normal"|"worried"}}.
     Saved as made; what each later day holds comes from schedule(). */
  function makePlan({ role, questions, reviews, today, interview, hours, choices = {} }) {
    const maxMinutes = hours ? hours * 60 : Infinity;
    const order = priorityOrder({ rounds: role.rounds, questions, reviews, choices, maxMinutes });
    const plan = {
      role: role.id,
      interview,
      made: today,
      hours,
      rounds: choices,
      order: order.map((entry) => entry.id),
      days: [],
      unplaced: [],
    };
    const now = settle({ plan, questions, reviews: {}, today });
    plan.days = now.days.filter((d) => d.questions.length).map((d) => ({ day: d.day, questions: d.questions }));
    plan.unplaced = now.left;
    return plan;
  }

  /* What `plan` holds if made on `today` (its saved days aside): spread once, then, if something did
     not fit, once more from the days just spread, so it takes any spare room as schedule() would on
     any later day. The plan makePlan saves is what schedule() gives that day; the plan page's "hours
     that would fit" asks the same. → schedule()'s result */
  function settle({ plan, questions, reviews, today }) {
    const spread = schedule({ plan: { ...plan, days: [] }, questions, reviews, today });
    if (!spread.left.length) return spread;
    return schedule({ plan: { ...plan, days: spread.days }, questions, reviews, today });
  }

  /* The plan as it stands on `today`. The saved plan's days from today keep their questions (less
     those already answered): a candidate who does each day's questions sees the plan unchanged.
     What is behind (planned before today, not answered) and what never fitted take the spare
     room of the days left, within the hours, taking the place of less important ones if need be;
     missed days do not pile onto today, and what fits nowhere even so is `left`. A question
     answered before today, whatever the rating, is no longer new: Again and Hard bring it back as
     an FSRS review (dayQueue), so it is not planned again as new (that took the day's new-question
     budget twice). A plan without saved days (an older version's) is spread again from today.
     → {days: [{day, questions}], left, behind, behindLeft, ahead, studyDaysLeft, reviewFrom} */
  function schedule({ plan, questions, reviews, today }) {
    const from = today < plan.made ? plan.made : today;
    const firstReview = reviewFrom(plan);
    const count = Math.max(0, daysBetween(from, firstReview));
    const minutesOf = (id) => (questions[id] ? questions[id].minutes : 0);
    const practised = (id) => answeredBetween(reviews, id, plan.made, from);
    const remaining = plan.order.filter((id) => questions[id] && !practised(id));
    const budget = newBudget(plan);
    const cap = dayBudget(plan);
    const perDay = !plan.hours && plan.per_day ? plan.per_day : Infinity;
    const saved = Array.isArray(plan.days) ? plan.days.filter((d) => d && d.questions && d.questions.length) : [];
    let days;
    let left;
    if (!saved.length) {
      ({ days, left } = spread(remaining, minutesOf, count, budget, cap, perDay));
    } else {
      const rank = new Map(remaining.map((id, i) => [id, i]));
      days = Array.from({ length: count }, () => []);
      const kept = new Set();
      saved.forEach((entry) => {
        const i = daysBetween(from, entry.day);
        if (i < 0 || i >= count) return;
        entry.questions.forEach((id) => {
          if (rank.has(id) && !kept.has(id) && minutesOf(id) <= cap) {
            days[i].push(id);
            kept.add(id);
          }
        });
      });
      // Longer than a whole day: never fits (as in spread()).
      const never = remaining.filter((id) => minutesOf(id) > cap);
      const pool = remaining.filter((id) => !kept.has(id) && minutesOf(id) <= cap);
      left = [...never, ...fill(days, pool, rank, minutesOf, budget, cap, perDay)];
    }
    // Behind: questions the saved plan put before today, not answered; ahead: answered early.
    // behindLeft: how many of those fit on no day left (the plan is full): said, not promised.
    let behind = 0;
    let behindLeft = 0;
    let ahead = 0;
    const leftOut = new Set(left);
    (plan.days || []).forEach((entry) =>
      entry.questions.forEach((id) => {
        if (!questions[id]) return;
        if (entry.day < from && !practised(id)) {
          behind += 1;
          if (leftOut.has(id)) behindLeft += 1;
        }
        if (entry.day >= from && practised(id)) ahead += 1;
      }),
    );
    return {
      days: days.map((ids, i) => ({ day: addDays(from, i), questions: ids })),
      left,
      behind,
      behindLeft,
      ahead,
      studyDaysLeft: count,
      reviewFrom: firstReview,
    };
  }

  /* Per round of the role: its questions, how many the plan holds now, done, left out by time
     and whether the candidate left it out. */
  function coverage({ plan, role, questions, reviews, today }) {
    const now = schedule({ plan, questions, reviews, today });
    const placed = new Set([].concat(...now.days.map((d) => d.questions)));
    const left = new Set(now.left);
    const choices = plan.rounds || {};
    const owner = {};
    priorityOrder({ rounds: role.rounds, questions, reviews: {}, choices }).forEach((e) => {
      owner[e.id] = e.round;
    });
    return role.rounds.map((round) => {
      const status = (choices[round.id] || {}).status || "in";
      const mine = plan.order.filter((id) => owner[id] === round.id && questions[id]);
      return {
        round: round.id,
        status,
        total: round.ids.length,
        planned: mine.length,
        done: mine.filter((id) => goodBetween(reviews, id, plan.made, null)).length,
        upcoming: mine.filter((id) => placed.has(id)).length,
        left: mine.filter((id) => left.has(id)).length,
      };
    });
  }

  /* ---- The day's queue: the one answer to "what is due today" ---- */

  /* What one role has to do on `today`, in order:
     1. relearning: questions rated Again or Hard earlier today, back once more (a short step);
     2. reviews FSRS says are due, least likely to be recalled on the interview day first;
     3. the plan's new questions for today (plan for this role only, none on review days);
     4. in the last FINAL_REVIEW_DAYS days, the questions least remembered on the interview day;
     on the interview day itself, a WARM_UP_MINUTES look at the least remembered, nothing else.
     With a plan, the day's work (minutes answered today + the queue) stays within the plan's
     hours plus MARGIN_MINUTES: today's new questions keep their share, reviews that do not fit
     wait (`deferred`). Without a plan nothing is capped. minutesOf(id) gives an answer's minutes. */
  function dayQueue({ engine, role, ids, reviews, plan, today, minutesOf, questions }) {
    const mine = plan && plan.role === role && today >= plan.made && today <= plan.interview ? plan : null;
    const minutes = (id) => minutesOf(id) || 0;
    const now = dateOf(today);
    const endOfToday = new Date(now.getTime() + DAY_MS);
    const interviewDate = mine ? dateOf(mine.interview) : null;
    const todays = {};
    ids.forEach((id) => {
      todays[id] = reviewsOn(reviews, id, today);
    });
    const done = ids.filter((id) => todays[id].length);
    const spent = sum(ids.map((id) => todays[id].length * minutes(id)));
    const cards = {};
    ids.forEach((id) => {
      cards[id] = engine.card(reviews[id]);
    });
    const recallAt = (id) => engine.recall(cards[id], interviewDate || endOfToday);
    const byRisk = (a, b) => recallAt(a) - recallAt(b) || ids.indexOf(a) - ids.indexOf(b);
    const capacity = mine ? dayBudget(mine) + MARGIN_MINUTES - spent : Infinity;

    const relearn = ids.filter((id) => {
      const list = todays[id];
      return list.length && list.length < RELEARN_MAX_PER_DAY && list[list.length - 1].rating < GOOD;
    });
    const due = ids
      .filter((id) => cards[id] && !todays[id].length && new Date(cards[id].due) < endOfToday)
      .sort(byRisk);
    const empty = { relearn: [], due, fresh: [], extra: [], deferred: [] };
    const result = (parts) => {
      const queue = [...parts.relearn, ...parts.fresh, ...parts.taken, ...parts.extra];
      return {
        ...parts,
        queue,
        minutes: sum(queue.map(minutes)),
        done,
        spent,
        capacity,
        interviewDay: Boolean(mine && today === mine.interview),
      };
    };

    if (mine && today === mine.interview) {
      // Interview day: a short warm-up of the least remembered, within WARM_UP_MINUTES all told.
      const room = WARM_UP_MINUTES - spent;
      const extra = [];
      let used = 0;
      ids
        .filter((id) => cards[id] && !todays[id].length)
        .sort(byRisk)
        .forEach((id) => {
          if (used + minutes(id) <= room) {
            extra.push(id);
            used += minutes(id);
          }
        });
      return result({ ...empty, due: [], taken: [], extra });
    }

    let fresh = [];
    if (mine && questions) {
      const now = schedule({ plan: mine, questions, reviews, today });
      const entry = now.days.find((d) => d.day === today);
      if (entry) fresh = entry.questions.filter((id) => ids.includes(id) && !todays[id].length);
    }
    let used = 0;
    const take = (list) => {
      const out = [];
      list.forEach((id) => {
        if (used + minutes(id) <= capacity) {
          out.push(id);
          used += minutes(id);
        }
      });
      return out;
    };
    // Relearning first (short, and best while the answer is fresh), then today's new questions
    // (their share of the day was set aside by the plan), then due reviews, most at risk first.
    const relearnTaken = take(relearn);
    const freshTaken = take(fresh);
    const freshIds = new Set(fresh);
    const taken = take(due.filter((id) => !freshIds.has(id)));
    const deferred = due.filter((id) => !taken.includes(id) && !freshIds.has(id));
    const queued = new Set([...relearnTaken, ...taken, ...freshTaken]);
    const daysLeft = mine ? daysBetween(today, mine.interview) : Infinity;
    const extra =
      mine && daysLeft <= FINAL_REVIEW_DAYS && capacity < Infinity
        ? take(ids.filter((id) => cards[id] && !todays[id].length && !queued.has(id)).sort(byRisk))
        : [];
    return result({ relearn: relearnTaken, due, taken, fresh: freshTaken, extra, deferred });
  }

  /* ---- Readiness: per round, how much is practised and how much will be remembered ---- */

  /* rounds: [{id, ids}] → [{round, total, practised, recall}]: recall is the mean predicted
     probability of recalling the round's questions at `when` (never-practised ones count 0). */
  function readiness({ engine, rounds, reviews, when }) {
    return rounds.map((round) => {
      const practised = round.ids.filter((id) => (reviews[id] || []).length).length;
      const recalls = round.ids.map((id) => engine.recall(engine.card(reviews[id]), when));
      return {
        round: round.id,
        total: round.ids.length,
        practised,
        recall: round.ids.length ? sum(recalls) / round.ids.length : 0,
      };
    });
  }

  // The round to practise first: the lowest predicted recall (ties: the earlier round).
  const weakest = (ready) =>
    ready.filter((r) => r.total).reduce((low, r) => (!low || r.recall < low.recall ? r : low), null);

  /* ---- Reviews ahead: when each reviewed question falls due, for the plan's later days ---- */

  function reviewsAhead({ engine, ids, reviews, today }) {
    const tomorrow = addDays(today, 1);
    const out = {};
    ids.forEach((id) => {
      const card = engine.card(reviews[id]);
      if (!card) return;
      const reviewedToday = reviewsOn(reviews, id, today).length > 0;
      let day = dayOf(new Date(card.due));
      if (day <= today) day = reviewedToday ? tomorrow : today;
      (out[day] = out[day] || []).push(id);
    });
    return out;
  }

  /* The rating the ticked points of "what a strong answer covers" suggest: all of them Good, at
     least half Hard, fewer Again. Easy is never suggested: only the candidate knows it came easily. */
  const suggestedRating = (ticked, total) => (!total ? null : ticked === total ? 3 : ticked * 2 >= total ? 2 : 1);

  return {
    DAY_MS,
    NEW_DONE_BEFORE_DAYS,
    FINAL_REVIEW_DAYS,
    WEEKLY_AFTER_DAYS,
    ANSWERS_PER_NEW,
    MARGIN_MINUTES,
    WARM_UP_MINUTES,
    RELEARN_MAX_PER_DAY,
    WEIGHTS,
    NO_REVIEWS,
    dayOf,
    dateOf,
    addDays,
    daysBetween,
    dailyReviews,
    scheduler,
    reviewsOn,
    goodBetween,
    answeredBetween,
    reviewFrom,
    newBudget,
    dayBudget,
    priorityOrder,
    spread,
    makePlan,
    settle,
    schedule,
    coverage,
    dayQueue,
    readiness,
    weakest,
    reviewsAhead,
    suggestedRating,
  };
});
