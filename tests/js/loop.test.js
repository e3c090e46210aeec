/* Pure-logic tests of the study loop (docs/assets/study/loop.js): the plan and the day's queue,
   over random roles, histories and candidates, with the real FSRS engine (the vendored ts-fsrs).
   Run with `node --test` in tests/js (tests/test_js.py runs them as part of pytest). */
"use strict";

process.env.TZ = process.env.TZ || "Europe/Stockholm";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fc = require("fast-check");

// A fixed seed: every run (and CI) checks the same cases, so a pass or a failure can be reproduced.
// FC_SEED=<n> explores other cases; a failure prints the seed and path that found it.
fc.configureGlobal({ seed: Number(process.env.FC_SEED || 20261207) });

const STUDY = path.join(__dirname, "..", "..", "docs", "assets", "study");
const L = require(path.join(STUDY, "loop.js"));
const FSRS = require(path.join(STUDY, "vendor", "ts-fsrs.umd.js"));

const engine = L.scheduler(FSRS);
const sum = (list) => list.reduce((a, b) => a + b, 0);
const KIND_MINUTES = [5, 10, 12, 25, 40, 50]; // minutes per question kind (study_guide/mock.py KIND_MINUTES)

/* ---- Generators ---- */

// A role: 1–7 rounds of 1–15 questions, some shared between rounds; each question with minutes and origin.
const roleArb = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 7 }),
    shared: fc.nat({ max: 5 }),
    minutes: fc.array(fc.constantFrom(...KIND_MINUTES), { minLength: 120, maxLength: 120 }),
    reported: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
  })
  .map(({ sizes, shared, minutes, reported }) => {
    let n = 0;
    const rounds = sizes.map((size, r) => ({
      id: `round-${r}`,
      ids: Array.from({ length: size }, () => `q${n++}`),
    }));
    // Shared questions: a later round also lists an earlier round's question.
    for (let i = 0; i < shared && rounds.length > 1; i++) {
      const from = rounds[i % (rounds.length - 1)];
      rounds[rounds.length - 1].ids.push(from.ids[0]);
    }
    const questions = {};
    for (let i = 0; i < n; i++) {
      questions[`q${i}`] = { minutes: minutes[i], origin: reported[i] ? "reported" : "practice" };
    }
    const ids = [...new Set([].concat(...rounds.map((r) => r.ids)))];
    return { role: { id: "role", rounds }, questions, ids };
  });

const choicesArb = (role) =>
  fc
    .array(
      fc.record({
        status: fc.constantFrom("in", "in", "in", "passed", "skipped"),
        weight: fc.constantFrom("normal", "normal", "worried"),
      }),
      { minLength: role.rounds.length, maxLength: role.rounds.length },
    )
    .map((list) => Object.fromEntries(list.map((c, i) => [role.rounds[i].id, c])));

const HOURS = fc.integer({ min: 1, max: 32 }).map((q) => q / 4); // 15-minute steps up to 8 hours

const MADE = "2026-03-01";
const at = (day, minute) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 9, minute).toISOString();
};

function makePlan(setup, { days, hours, choices = {}, reviews = {} }) {
  return L.makePlan({
    role: setup.role,
    questions: setup.questions,
    reviews,
    today: MADE,
    interview: L.addDays(MADE, days),
    hours,
    choices,
  });
}

const queueOf = (setup, plan, reviews, today) =>
  L.dayQueue({
    engine,
    role: "role",
    ids: setup.ids,
    reviews,
    plan,
    today,
    questions: setup.questions,
    minutesOf: (id) => setup.questions[id].minutes,
  });

/* ---- The order: every round a share ---- */

test("the order starts with one question from every round kept, leaves out passed rounds, puts reported first", () => {
  fc.assert(
    fc.property(
      roleArb.chain((setup) => fc.tuple(fc.constant(setup), choicesArb(setup.role))),
      ([setup, choices]) => {
        const order = L.priorityOrder({ rounds: setup.role.rounds, questions: setup.questions, reviews: {}, choices });
        const ids = order.map((e) => e.id);
        assert.equal(new Set(ids).size, ids.length, "each question once");
        const kept = setup.role.rounds.filter((r) => !["passed", "skipped"].includes((choices[r.id] || {}).status));
        const lanes = [...new Set(order.map((e) => e.round))];
        // Every round kept that has a question of its own is a lane, and the first lanes.length entries are one per lane.
        assert.deepEqual(new Set(order.slice(0, lanes.length).map((e) => e.round)), new Set(lanes));
        lanes.forEach((lane) => assert.ok(kept.some((r) => r.id === lane)));
        const keptIds = new Set([].concat(...kept.map((r) => r.ids)));
        assert.deepEqual(new Set(ids), keptIds, "exactly the questions of the rounds kept");
        // Within a lane, reported before practice.
        lanes.forEach((lane) => {
          const origins = order.filter((e) => e.round === lane).map((e) => setup.questions[e.id].origin);
          assert.deepEqual(origins, [...origins].sort((a, b) => (a === b ? 0 : a === "reported" ? -1 : 1)));
        });
      },
    ),
  );
});

test("a worried round gets two turns for one", () => {
  const rounds = [
    { id: "a", ids: ["a1", "a2", "a3", "a4"] },
    { id: "b", ids: ["b1", "b2", "b3", "b4"] },
  ];
  const questions = Object.fromEntries([...rounds[0].ids, ...rounds[1].ids].map((id) => [id, { minutes: 5 }]));
  const order = L.priorityOrder({ rounds, questions, reviews: {}, choices: { b: { weight: "worried" } } });
  assert.deepEqual(
    order.slice(0, 6).map((e) => e.id),
    ["b1", "a1", "b2", "b3", "a2", "b4"],
  );
});

/* ---- Spreading: paced, within the budget, nothing lost ---- */

test("spread keeps the order, stays within the budget and says what is left", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...KIND_MINUTES), { maxLength: 80 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 1, max: 240 }),
      (minutes, count, budget) => {
        const order = minutes.map((_, i) => `q${i}`);
        const cap = budget * 2;
        const { days, left } = L.spread(order, (id) => minutes[Number(id.slice(1))], count, budget, cap);
        assert.equal(days.length, count);
        // Nothing lost or repeated; placed ones keep the order.
        const placed = [].concat(...days);
        assert.deepEqual([...placed, ...left].sort(), [...order].sort());
        assert.deepEqual(placed, order.filter((id) => placed.includes(id)));
        days.forEach((day) => {
          const used = sum(day.map((id) => minutes[Number(id.slice(1))]));
          assert.ok(used <= budget || (day.length === 1 && used <= cap), `${used} > ${budget}`);
        });
        if (count && minutes.every((m) => m <= budget) && sum(minutes) <= (count * budget) / 2 + 1) {
          // Plenty of room: everything fits.
          assert.deepEqual(left, []);
        }
      },
    ),
  );
});

/* ---- The plan over every horizon ---- */

test("plans of 1 day to 6 months: new questions only on study days, within half the hours, every round covered", () => {
  fc.assert(
    fc.property(
      roleArb.chain((setup) =>
        fc.tuple(fc.constant(setup), choicesArb(setup.role), fc.integer({ min: 1, max: 183 }), HOURS),
      ),
      ([setup, choices, days, hours]) => {
        const plan = makePlan(setup, { days, hours, choices });
        const firstReview = L.reviewFrom(plan);
        const reviewDays = L.daysBetween(firstReview, plan.interview);
        assert.equal(reviewDays, days <= 2 ? days - 1 : 2);
        const planned = [].concat(...plan.days.map((d) => d.questions));
        assert.deepEqual([...planned, ...plan.unplaced].sort(), [...plan.order].sort());
        plan.days.forEach((d) => {
          assert.ok(d.day >= plan.made && d.day < firstReview, `${d.day} is a study day`);
          const used = sum(d.questions.map((id) => setup.questions[id].minutes));
          assert.ok(used <= (hours * 60) / 2 || (d.questions.length === 1 && used <= hours * 60));
        });
        // Coverage: if the plan holds at least one question per round kept, each round kept has one.
        const cover = L.coverage({ plan, role: setup.role, questions: setup.questions, reviews: {}, today: MADE });
        const lanes = cover.filter((c) => c.status === "in" && c.planned);
        // (A round whose every question is longer than a whole day's hours is said to be left out.)
        const lanesOrder = L.priorityOrder({ rounds: setup.role.rounds, questions: setup.questions, reviews: {}, choices });
        const fitsADay = (round) =>
          lanesOrder.some((e) => e.round === round && setup.questions[e.id].minutes <= hours * 60);
        const fitting = lanes.filter((c) => fitsADay(c.round));
        // The plan holds at least what one spread of the order holds (questions that did not fit
        // then take any spare room), so a spread that reaches one question per round covers each.
        const once = L.spread(plan.order, (id) => setup.questions[id].minutes, L.daysBetween(MADE, firstReview), (hours * 60) / 2, hours * 60);
        const onceIds = [].concat(...once.days);
        onceIds.forEach((id) => assert.ok(planned.includes(id), `${id} placed by spread()`));
        if (onceIds.length >= lanes.length) fitting.forEach((c) => assert.ok(c.upcoming > 0, c.round));
        cover
          .filter((c) => c.status !== "in")
          .forEach((c) => assert.equal(c.planned, 0, "rounds left out have nothing planned"));
        // Shown on day 1, the schedule is the plan as saved.
        const now = L.schedule({ plan, questions: setup.questions, reviews: {}, today: MADE });
        assert.deepEqual(
          now.days.filter((d) => d.questions.length),
          plan.days,
        );
        assert.deepEqual(now.left, plan.unplaced);
        assertLeftFitsNowhere(setup, plan, now);
      },
    ),
    { numRuns: 150 },
  );
});

/* ---- Candidates, day by day ---- */

// A small deterministic random source from a seed (fast-check gives the seed).
function rngOf(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/* Follow the plan from its first day to the interview day: each day, take the queue's first
   question until the queue is empty or the candidate stops; check the queue on every step. */
function simulate(setup, plan, { seed, skip, stopAfter, share }) {
  const rng = rngOf(seed);
  const reviews = {};
  const budget = plan.hours * 60 + L.MARGIN_MINUTES;
  const log = [];
  for (let d = 0; d <= L.daysBetween(plan.made, plan.interview); d++) {
    const today = L.addDays(plan.made, d);
    let q = queueOf(setup, plan, reviews, today);
    const first = q;
    log.push({ today, first });
    if (d >= stopAfter || rng() < skip) continue;
    const limit = Math.round(first.queue.length * share);
    for (let step = 0; step < 400 && q.queue.length; step++) {
      if (step >= limit && !q.relearn.length) break;
      // The day's work never exceeds the hours plus the margin.
      assert.ok(q.spent + q.minutes <= budget, `${today}: ${q.spent} + ${q.minutes} > ${budget}`);
      const id = q.queue[0];
      const roll = rng();
      const rating = roll < 0.15 ? 1 : roll < 0.3 ? 2 : roll > 0.85 ? 4 : 3;
      (reviews[id] = reviews[id] || []).push({ at: at(today, step), rating });
      q = queueOf(setup, plan, reviews, today);
      const tries = L.reviewsOn(reviews, id, today).length;
      const room = setup.questions[id].minutes <= q.capacity;
      if (rating < 3 && tries < L.RELEARN_MAX_PER_DAY && room && today !== plan.interview) {
        // Again and Hard come back the same day while the day has room.
        assert.ok(q.queue.includes(id), `${id} rated ${rating} comes back on ${today}`);
      }
      if (rating >= 3) assert.ok(!q.queue.includes(id), "Good and Easy are done for the day");
    }
    assert.ok(q.spent + q.minutes <= budget);
  }
  return { reviews, log };
}

const runArb = roleArb.chain((setup) =>
  fc.tuple(
    fc.constant(setup),
    choicesArb(setup.role),
    fc.integer({ min: 1, max: 28 }),
    HOURS,
    fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      skip: fc.constantFrom(0, 0.2, 0.5),
      stopAfter: fc.constantFrom(Infinity, 4, 1),
      share: fc.constantFrom(1, 0.5, 0.25),
    }),
  ),
);

test("diligent, patchy and abandoned candidates: no day over its hours, no new questions on review days", () => {
  fc.assert(
    fc.property(runArb, ([setup, choices, days, hours, behaviour]) => {
      const plan = makePlan(setup, { days, hours, choices });
      const { log } = simulate(setup, plan, behaviour);
      const firstReview = L.reviewFrom(plan);
      log.forEach(({ today, first }) => {
        if (today >= firstReview) assert.deepEqual(first.fresh, [], `${today} is a review day`);
        assert.ok(first.minutes <= plan.hours * 60 + L.MARGIN_MINUTES);
        if (today === plan.interview) {
          assert.ok(first.minutes <= L.WARM_UP_MINUTES && first.interviewDay);
        }
      });
    }),
    { numRuns: 60 },
  );
});

/* Every question in `left` fits on no day of `now`, even with that day's less important questions
   (later in the plan's order) taken out: only then may it be left out. */
function assertLeftFitsNowhere(setup, plan, now) {
  const rank = (id) => plan.order.indexOf(id);
  const minutes = (id) => setup.questions[id].minutes;
  const budget = L.newBudget(plan);
  const cap = L.dayBudget(plan);
  now.left.forEach((id) => {
    now.days.forEach((d) => {
      const before = d.questions.filter((other) => rank(other) < rank(id));
      const used = sum(before.map(minutes)) + minutes(id);
      const fits = used <= budget || (!before.length && minutes(id) <= cap);
      assert.ok(!fits, `${id} (${minutes(id)} min) is left out but fits on ${d.day} after ${before.join(",")}`);
    });
  });
}

test("behind: missed questions are spread over the days left, never piled onto today", () => {
  fc.assert(
    fc.property(
      roleArb,
      fc.integer({ min: 5, max: 40 }),
      HOURS,
      fc.integer({ min: 1, max: 10 }),
      (setup, days, hours, missed) => {
        const plan = makePlan(setup, { days, hours });
        const firstReview = L.reviewFrom(plan);
        const today = L.addDays(MADE, Math.min(missed, L.daysBetween(MADE, firstReview)));
        const now = L.schedule({ plan, questions: setup.questions, reviews: {}, today });
        const expected = sum(plan.days.filter((d) => d.day < today).map((d) => d.questions.length));
        assert.equal(now.behind, expected);
        const budget = (hours * 60) / 2;
        now.days.forEach((d) => {
          const used = sum(d.questions.map((id) => setup.questions[id].minutes));
          assert.ok(used <= budget || (d.questions.length === 1 && used <= hours * 60));
        });
        const placed = [].concat(...now.days.map((d) => d.questions));
        assert.deepEqual([...placed, ...now.left].sort(), [...plan.order].sort());
        // What no longer fits gives way to nothing less important: it fits on no day even with
        // that day's less important questions taken out (questions longer than a day never fit).
        assertLeftFitsNowhere(setup, plan, now);
        assert.equal(now.studyDaysLeft, Math.max(0, L.daysBetween(today, firstReview)));
      },
    ),
    { numRuns: 200 },
  );
});

test("the issue's candidate: 4 of 8 on day 1, 5 of 15 on day 2, day 3 skipped; day 4 stays within the hours", () => {
  const setup = {
    role: { id: "role", rounds: [] },
    questions: {},
  };
  for (let r = 0; r < 9; r++) {
    const ids = Array.from({ length: 11 }, (_, i) => `r${r}q${i}`);
    setup.role.rounds.push({ id: `round-${r}`, ids });
    ids.forEach((id, i) => (setup.questions[id] = { minutes: KIND_MINUTES[(r + i) % 6], origin: i % 3 ? "practice" : "reported" }));
  }
  setup.ids = [].concat(...setup.role.rounds.map((r) => r.ids));
  const plan = makePlan(setup, { days: 14, hours: 2 });
  const reviews = {};
  const answer = (day, ids) => ids.forEach((id, i) => (reviews[id] = [{ at: at(day, i), rating: 3 }]));
  answer(MADE, plan.days[0].questions.slice(0, 4));
  answer(L.addDays(MADE, 1), plan.days[1].questions.slice(0, 5));
  const day4 = L.addDays(MADE, 3);
  const q = queueOf(setup, plan, reviews, day4);
  assert.ok(q.minutes <= 120 + L.MARGIN_MINUTES, `${q.minutes}`);
  const now = L.schedule({ plan, questions: setup.questions, reviews, today: day4 });
  assert.ok(now.behind > 0);
  // After day 4 the candidate stops: the first review day is review, within the hours.
  const review = queueOf(setup, plan, reviews, L.reviewFrom(plan));
  assert.deepEqual(review.fresh, []);
  assert.ok(review.minutes <= 120 + L.MARGIN_MINUTES);
});

/* ---- The queue answers the same for the same inputs ---- */

test("the queue is a function of its inputs: same record, same day, same answer; nothing is queued twice", () => {
  fc.assert(
    fc.property(runArb, ([setup, choices, days, hours, behaviour]) => {
      const plan = makePlan(setup, { days, hours, choices });
      const { reviews } = simulate(setup, plan, { ...behaviour, stopAfter: Math.min(behaviour.stopAfter, 3) });
      const day = L.addDays(MADE, Math.min(3, days));
      const a = queueOf(setup, plan, reviews, day);
      const b = queueOf(setup, plan, JSON.parse(JSON.stringify(reviews)), day);
      assert.deepEqual(a, b);
      assert.equal(new Set(a.queue).size, a.queue.length);
      assert.equal(a.minutes, sum(a.queue.map((id) => setup.questions[id].minutes)));
    }),
    { numRuns: 30 },
  );
});

test("without a plan for the role: every due review and relearning step, uncapped", () => {
  const ids = ["a", "b", "c"];
  const reviews = {
    a: [{ at: at("2026-02-20", 0), rating: 3 }],
    b: [{ at: at("2026-03-01", 0), rating: 1 }],
  };
  const q = L.dayQueue({
    engine,
    role: "other",
    ids,
    reviews,
    plan: null,
    today: "2026-03-01",
    minutesOf: () => 5,
  });
  assert.deepEqual(q.relearn, ["b"]);
  assert.ok(q.queue.includes("a") && q.queue.includes("b") && !q.queue.includes("c"));
  assert.equal(q.capacity, Infinity);
});

/* ---- Readiness agrees with the scheduler ---- */

test("readiness per round is the mean of the scheduler's recall, practised counts reviewed questions", () => {
  fc.assert(
    fc.property(runArb, ([setup, choices, days, hours, behaviour]) => {
      const plan = makePlan(setup, { days, hours, choices });
      const { reviews } = simulate(setup, plan, behaviour);
      const when = L.dateOf(plan.interview);
      const ready = L.readiness({ engine, rounds: setup.role.rounds, reviews, when });
      ready.forEach((r, i) => {
        const round = setup.role.rounds[i];
        const mean = sum(round.ids.map((id) => engine.recall(engine.card(reviews[id]), when))) / round.ids.length;
        assert.ok(Math.abs(r.recall - mean) < 1e-12);
        assert.ok(r.recall >= 0 && r.recall <= 1);
        assert.equal(r.practised, round.ids.filter((id) => (reviews[id] || []).length).length);
      });
      const low = L.weakest(ready);
      assert.ok(ready.every((r) => r.recall >= low.recall));
    }),
    { numRuns: 15 },
  );
});

/* A question longer than a whole day is left out at once and takes no day's share of the pacing:
   re-spread each day, such shares pushed planned questions out (q2 here, before the fix). */
test("questions longer than a day push nothing out of a plan followed day by day", () => {
  const setup = {
    role: { id: "role", rounds: [{ id: "r0", ids: ["q0", "q1", "q2"] }, { id: "r1", ids: ["q3"] }, { id: "r2", ids: ["q4"] }, { id: "r3", ids: ["q5", "q0"] }] },
    questions: Object.fromEntries(
      [5, 5, 5, 40, 25, 5].map((minutes, i) => [`q${i}`, { minutes, origin: "practice" }]),
    ),
    ids: ["q0", "q1", "q2", "q3", "q4", "q5"],
  };
  const plan = makePlan(setup, { days: 7, hours: 0.25 }); // 15 minutes a day: q3 and q4 never fit
  assert.deepEqual(plan.unplaced, ["q3", "q4"]);
  const reviews = {};
  const firstReview = L.reviewFrom(plan);
  for (let d = 0; L.addDays(plan.made, d) < firstReview; d++) {
    const today = L.addDays(plan.made, d);
    let q = queueOf(setup, plan, reviews, today);
    for (let step = 0; step < 50 && q.queue.length; step++) {
      (reviews[q.queue[0]] = reviews[q.queue[0]] || []).push({ at: at(today, step), rating: 3 });
      q = queueOf(setup, plan, reviews, today);
    }
  }
  const placed = [].concat(...plan.days.map((d) => d.questions));
  assert.deepEqual(placed.sort(), ["q0", "q1", "q2", "q5"]);
  assert.deepEqual(placed.filter((id) => !reviews[id]), []);
});

/* ---- A saved plan followed as made stays as made ---- */

// Several rounds of questions of 5 to 60 minutes (at half an hour a day, 35 minutes and up are
// longer than a whole day), plans of 1 to 40 days at half an hour to 4 hours a day.
const followArb = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 6 }),
    minutes: fc.array(fc.integer({ min: 1, max: 12 }).map((m) => m * 5), { minLength: 72, maxLength: 72 }),
    reported: fc.array(fc.boolean(), { minLength: 72, maxLength: 72 }),
    worried: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    days: fc.integer({ min: 1, max: 40 }),
    hours: fc.integer({ min: 2, max: 16 }).map((q) => q / 4),
  })
  .map(({ sizes, minutes, reported, worried, days, hours }) => {
    let n = 0;
    const rounds = sizes.map((size, r) => ({ id: `round-${r}`, ids: Array.from({ length: size }, () => `q${n++}`) }));
    const questions = {};
    for (let i = 0; i < n; i++) questions[`q${i}`] = { minutes: minutes[i], origin: reported[i] ? "reported" : "practice" };
    const choices = Object.fromEntries(rounds.map((r, i) => [r.id, { status: "in", weight: worried[i] ? "worried" : "normal" }]));
    const setup = { role: { id: "role", rounds }, questions, ids: Object.keys(questions) };
    return { setup, plan: makePlan(setup, { days, hours, choices }), days, hours };
  });

const savedOn = (plan, today) => plan.days.filter((d) => d.day >= today);
const nonEmpty = (now) => now.days.filter((d) => d.questions.length);
const answer = (reviews, day, ids, rating = 3) =>
  ids.forEach((id, i) => (reviews[id] = reviews[id] || []).push({ at: at(day, i), rating }));

test("a candidate who does each day's planned questions, rated Good, on that day sees every later day unchanged and nothing pushed into left", () => {
  fc.assert(
    fc.property(followArb, ({ setup, plan }) => {
      const reviews = {};
      const firstReview = L.reviewFrom(plan);
      for (let today = plan.made; today <= firstReview; today = L.addDays(today, 1)) {
        const now = L.schedule({ plan, questions: setup.questions, reviews, today });
        assert.deepEqual(nonEmpty(now), savedOn(plan, today), `days from ${today}`);
        assert.deepEqual(now.left, plan.unplaced, `left on ${today}`);
        assert.equal(now.behind, 0);
        const entry = plan.days.find((d) => d.day === today);
        if (entry) answer(reviews, today, entry.questions);
      }
    }),
    { numRuns: 300 },
  );
});

// On `today`: every question of the order is answered before today, on a day or left, once;
// no day holds more new questions than its budget (one alone may take the whole day).
function assertWhole(setup, plan, reviews, now, today) {
  const placed = [].concat(...now.days.map((d) => d.questions));
  const practised = plan.order.filter((id) => L.answeredBetween(reviews, id, plan.made, today));
  assert.deepEqual([...practised, ...placed, ...now.left].sort(), [...plan.order].sort(), `nothing lost on ${today}`);
  now.days.forEach((d) => {
    const used = sum(d.questions.map((id) => setup.questions[id].minutes));
    assert.ok(
      used <= L.newBudget(plan) || (d.questions.length === 1 && used <= L.dayBudget(plan)),
      `${d.day}: ${used} minutes new`,
    );
  });
}

test("a candidate who skips k days gets the missed questions back on later days within the budget; a saved question leaves its day only for a more important one", () => {
  fc.assert(
    fc.property(followArb, fc.nat({ max: 39 }), fc.integer({ min: 1, max: 6 }), ({ setup, plan }, start, k) => {
      const reviews = {};
      const firstReview = L.reviewFrom(plan);
      const rank = (id) => plan.order.indexOf(id);
      const skipFrom = L.addDays(plan.made, start);
      const skipTo = L.addDays(skipFrom, k);
      for (let today = plan.made; today <= firstReview; today = L.addDays(today, 1)) {
        const now = L.schedule({ plan, questions: setup.questions, reviews, today });
        assertWhole(setup, plan, reviews, now, today);
        assertLeftFitsNowhere(setup, plan, now);
        // Missed: what the saved plan put before today, not answered. Back on a day from today,
        // or left because it fits nowhere (checked above).
        const missed = [].concat(...plan.days.filter((d) => d.day < today).map((d) => d.questions)).filter((id) => !reviews[id]);
        assert.equal(now.behind, missed.length);
        assert.equal(now.behindLeft, missed.filter((id) => now.left.includes(id)).length);
        const placed = new Set([].concat(...now.days.map((d) => d.questions)));
        missed.forEach((id) => assert.ok(placed.has(id) || now.left.includes(id), `${id} missed`));
        // A saved question leaves its day only to make room for a more important one.
        savedOn(plan, today).forEach((entry) => {
          const day = now.days.find((d) => d.day === entry.day).questions;
          entry.questions
            .filter((id) => !day.includes(id))
            .forEach((id) =>
              assert.ok(
                day.some((other) => rank(other) < rank(id) && !entry.questions.includes(other)),
                `${id} left ${entry.day} for nothing more important`,
              ),
            );
        });
        if (today <= skipFrom) {
          assert.deepEqual(nonEmpty(now), savedOn(plan, today));
          assert.deepEqual(now.left, plan.unplaced);
        }
        // Skipped days: nothing done; other days: the day's questions as schedule() has them.
        const entry = now.days.find((d) => d.day === today);
        if (entry && !(today >= skipFrom && today < skipTo)) answer(reviews, today, entry.questions);
      }
    }),
    { numRuns: 300 },
  );
});

test("any candidate, any ratings: each question planned is answered, on a day or left, never twice, every day within the budget", () => {
  fc.assert(
    fc.property(runArb, ([setup, choices, days, hours, behaviour]) => {
      const plan = makePlan(setup, { days, hours, choices });
      const { reviews } = simulate(setup, plan, behaviour);
      // schedule() reads only the answers before `today`, so the whole record serves every day.
      for (let today = plan.made; today <= plan.interview; today = L.addDays(today, 1)) {
        const now = L.schedule({ plan, questions: setup.questions, reviews, today });
        assertWhole(setup, plan, reviews, now, today);
        assertLeftFitsNowhere(setup, plan, now);
      }
    }),
    { numRuns: 40 },
  );
});

/* Again or Hard on every try of a new question: FSRS brings it back as a review the next day, so
   the plan does not count it again as new (it took the new-question budget twice before). */
test("a new question rated Again or Hard on every try comes back the next day as a review, not as new", () => {
  fc.assert(
    fc.property(followArb, fc.nat(), fc.constantFrom(1, 2), fc.integer({ min: 1, max: 3 }), ({ setup, plan }, pick, rating, tries) => {
      fc.pre(plan.days.length > 0 && plan.days[0].day < L.addDays(L.reviewFrom(plan), -1));
      const reviews = {};
      const day1 = plan.days[0];
      const hard = day1.questions[pick % day1.questions.length];
      answer(reviews, plan.made, day1.questions.filter((id) => id !== hard));
      for (let t = 0; t < tries; t++) answer(reviews, plan.made, [hard], rating);
      const next = L.addDays(plan.made, 1);
      const now = L.schedule({ plan, questions: setup.questions, reviews, today: next });
      assert.ok(!now.days.some((d) => d.questions.includes(hard)) && !now.left.includes(hard));
      assert.equal(now.behind, 0);
      assert.deepEqual(nonEmpty(now), savedOn(plan, next));
      assert.deepEqual(now.left, plan.unplaced);
      const q = queueOf(setup, plan, reviews, next);
      assert.ok(q.due.includes(hard) && !q.fresh.includes(hard), "due as a review");
    }),
    { numRuns: 100 },
  );
});

test("a plan without saved days (an older version's) is spread again from today, as before", () => {
  const questions = Object.fromEntries([5, 50, 25, 10, 40, 5].map((minutes, i) => [`q${i}`, { minutes }]));
  const order = Object.keys(questions);
  const old = { role: "role", made: MADE, interview: L.addDays(MADE, 6), hours: 1, order, unplaced: [] };
  const today = L.addDays(MADE, 1);
  [{ ...old }, { ...old, days: [] }].forEach((plan) => {
    const now = L.schedule({ plan, questions, reviews: {}, today });
    const spread = L.spread(order, (id) => questions[id].minutes, 3, 30, 60);
    assert.deepEqual(now.days.map((d) => d.questions), spread.days);
    assert.deepEqual(now.left, spread.left);
  });
  // Version 2 plans (per_day, no hours): saved days kept, what is behind within per_day.
  const v2 = { ...old, hours: null, per_day: 2, days: [{ day: MADE, questions: ["q0", "q1"] }, { day: today, questions: ["q2", "q3"] }] };
  const now = L.schedule({ plan: v2, questions, reviews: {}, today });
  assert.equal(now.behind, 2);
  assert.deepEqual(now.days[0].questions, ["q2", "q3"]);
  now.days.forEach((d) => assert.ok(d.questions.length <= 2));
  assert.deepEqual([].concat(...now.days.map((d) => d.questions), now.left).sort(), [...order].sort());
});
