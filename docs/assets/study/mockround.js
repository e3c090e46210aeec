/* The mock round's logic, as pure functions: which questions a mock asks, its clock, the order of
   the main answer and the follow-ups, and the debrief's summary (what was covered, weakest rounds
   first, the reviews it adds). No DOM and no clock of its own: times are milliseconds passed in.

   How long a round runs and how many questions of which kind it asks come from the study index
   (`round.mock`, derived once in study_guide/mock.py); here they are only followed.
   Loaded in the browser as SISG.mockround and in Node with require() (tests/js/). */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.SISG = root.SISG || {};
    root.SISG.mockround = api;
  }
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  // The round's plan at `minutes` (one of round.mock.choices), or its default length's.
  function planFor(round, minutes) {
    const choices = round.mock.choices;
    return (
      choices.find((c) => c.minutes === minutes) ||
      choices.find((c) => c.minutes === round.mock.minutes) ||
      choices[0]
    );
  }

  // A small seeded generator (mulberry32): the same seed draws the same questions.
  function random(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* The questions a mock asks: for each slot in order, `count` of the round's questions of its kind,
     the least recently practised first (never practised before any), ties in a seeded random order.
     ids: the round's question ids; kindOf(id); lastAt(id): ISO time of the last review or null. */
  function pickQuestions({ ids, kindOf, lastAt, slots, seed }) {
    const next = random(seed);
    const order = new Map(ids.map((id) => [id, next()]));
    const picked = [];
    slots.forEach((slot) => {
      const pool = ids
        .filter((id) => kindOf(id) === slot.kind)
        .sort((a, b) => {
          const la = lastAt(a) || "";
          const lb = lastAt(b) || "";
          return la < lb ? -1 : la > lb ? 1 : order.get(a) - order.get(b);
        });
      pool.slice(0, slot.count).forEach((id) => picked.push({ id, kind: slot.kind, minutes: slot.minutes }));
    });
    return picked;
  }

  /* The round's clock: {startedAt, pausedAt (null while running), pausedMs}. Milliseconds. */
  const startClock = (now) => ({ startedAt: now, pausedAt: null, pausedMs: 0 });
  const elapsedMs = (clock, now) => Math.max(0, (clock.pausedAt ?? now) - clock.startedAt - clock.pausedMs);
  const leftMs = (clock, minutes, now) => minutes * 60000 - elapsedMs(clock, now);
  const pause = (clock, now) => (clock.pausedAt === null ? { ...clock, pausedAt: now } : clock);
  const resume = (clock, now) =>
    clock.pausedAt === null ? clock : { ...clock, pausedAt: null, pausedMs: clock.pausedMs + (now - clock.pausedAt) };

  /* Where the candidate is in a round: question `q`, and `followUp` -1 while answering the prompt,
     then 0, 1… as the interviewer asks each follow-up. `followUps` is the count for question q.
     Returns the next step; past the last follow-up of the last question, `done` is true. */
  function advance(step, followUps, questionCount) {
    if (step.followUp + 1 < followUps) return { q: step.q, followUp: step.followUp + 1, done: false };
    if (step.q + 1 < questionCount) return { q: step.q + 1, followUp: -1, done: false };
    return { q: step.q, followUp: step.followUp, done: true };
  }

  // "mm:ss", never negative.
  const clockText = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };

  /* ---- The debrief ---- */

  // A round of a debrief → {covered, total, share (null without points), rated, mean rating or null}.
  function roundScore(round) {
    let covered = 0;
    let total = 0;
    const ratings = [];
    round.questions.forEach((q) => {
      covered += q.covered.length;
      total += q.covers;
      if (q.rating) ratings.push(q.rating);
    });
    return {
      covered,
      total,
      share: total ? covered / total : null,
      rated: ratings.length,
      rating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    };
  }

  // The debrief's rounds, weakest first: the least covered, then the lowest mean rating; stable.
  function weakestFirst(rounds) {
    const key = (r) => {
      const s = roundScore(r);
      return [s.share === null ? 1 : s.share, s.rating === null ? 5 : s.rating];
    };
    return rounds
      .map((round, index) => ({ round, index, key: key(round) }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
      .map((entry) => entry.round);
  }

  // The reviews a saved debrief adds to the schedule: each rated question once, with the role.
  function reviewsOf(debrief) {
    const seen = new Set();
    const out = [];
    debrief.rounds.forEach((round) =>
      round.questions.forEach((q) => {
        if (!q.rating || seen.has(q.id)) return;
        seen.add(q.id);
        out.push({ id: q.id, rating: q.rating, at: debrief.at, role: debrief.role });
      }),
    );
    return out;
  }

  return {
    planFor,
    random,
    pickQuestions,
    startClock,
    elapsedMs,
    leftMs,
    pause,
    resume,
    advance,
    clockText,
    roundScore,
    weakestFirst,
    reviewsOf,
  };
});
