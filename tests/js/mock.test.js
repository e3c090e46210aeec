/* Pure-logic tests of the mock round (docs/assets/study/mockround.js) and of the study record's
   debriefs (store.js: cleaning, merging, reading a version 3 record), under node --test. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fc = require("fast-check");

fc.configureGlobal({ seed: Number(process.env.FC_SEED || 20261207) });

const { STUDY, loadStore } = require("./store-sandbox.js");
const M = require(path.join(STUDY, "mockround.js"));

const store = loadStore();
// Values made in the script's own context, as plain values of this one (arrays compare by content).
const plain = (value) => JSON.parse(JSON.stringify(value));
const KINDS = ["behavioral", "technical", "coding", "system-design", "product-case", "culture-motivation"];

test("a mock draws each slot's count of its kind, least recently practised first", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 40 }),
      fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { minLength: 40, maxLength: 40 }),
      fc.array(fc.record({ kind: fc.constantFrom(...KINDS), count: fc.integer({ min: 1, max: 6 }) }), {
        maxLength: 3,
      }),
      fc.integer(),
      (kinds, days, rawSlots, seed) => {
        const ids = kinds.map((_, i) => `q${i}`);
        const kindOf = (id) => kinds[Number(id.slice(1))];
        const lastAt = (id) => {
          const d = days[Number(id.slice(1))];
          return d === null ? null : new Date(Date.UTC(2027, 0, 1 + d)).toISOString();
        };
        const slots = rawSlots
          .filter((s, i) => rawSlots.findIndex((o) => o.kind === s.kind) === i)
          .map((s) => ({ ...s, minutes: 10 }));
        const picked = M.pickQuestions({ ids, kindOf, lastAt, slots, seed });
        const again = M.pickQuestions({ ids, kindOf, lastAt, slots, seed });
        assert.deepEqual(picked, again, "the same seed draws the same questions");
        slots.forEach((slot) => {
          const mine = picked.filter((p) => p.kind === slot.kind).map((p) => p.id);
          const pool = ids.filter((id) => kindOf(id) === slot.kind);
          assert.equal(mine.length, Math.min(slot.count, pool.length));
          mine.forEach((id) => assert.equal(kindOf(id), slot.kind));
          // Nothing left out was practised less recently than something drawn.
          const key = (id) => lastAt(id) || "";
          const latestDrawn = mine.map(key).sort().pop();
          pool.filter((id) => !mine.includes(id)).forEach((id) => assert.ok(key(id) >= latestDrawn));
        });
        assert.equal(new Set(picked.map((p) => p.id)).size, picked.length);
      },
    ),
  );
});

test("the clock counts only running time, through any pauses", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 600000 }), { minLength: 1, maxLength: 12 }), (gaps) => {
      let now = 1_000_000;
      let clock = M.startClock(now);
      let running = 0;
      gaps.forEach((gap, i) => {
        const wasRunning = clock.pausedAt === null;
        now += gap;
        if (wasRunning) running += gap;
        clock = i % 2 === 0 ? M.pause(clock, now) : M.resume(clock, now);
      });
      assert.equal(M.elapsedMs(clock, now), running);
      assert.equal(M.leftMs(clock, 60, now), 3600000 - running);
    }),
  );
});

test("follow-ups come one at a time after the answer, then the next question", () => {
  const followUps = [2, 0, 3];
  let step = { q: 0, followUp: -1, done: false };
  const seen = [];
  while (!step.done) {
    seen.push(`${step.q}:${step.followUp}`);
    step = M.advance(step, followUps[step.q], followUps.length);
  }
  assert.deepEqual(seen, ["0:-1", "0:0", "0:1", "1:-1", "2:-1", "2:0", "2:1", "2:2"]);
});

const round = (id, questions) => ({ round: id, minutes: 60, notes: "", questions });
const q = (id, covers, covered, rating) => ({ id, covers, covered, rating, notes: "" });

test("weakest rounds come first: least covered, then lowest rating", () => {
  const rounds = [
    round("a", [q("q1", 4, [0, 1, 2, 3], 3)]),
    round("b", [q("q2", 4, [0], 1)]),
    round("c", [q("q3", 4, [0], 3)]),
  ];
  assert.deepEqual(
    M.weakestFirst(rounds).map((r) => r.round),
    ["b", "c", "a"],
  );
  assert.deepEqual(M.roundScore(rounds[1]), { covered: 1, total: 4, share: 0.25, rated: 1, rating: 1 });
});

test("a debrief adds one review per rated question, with the role", () => {
  const debrief = {
    id: "m1",
    at: "2027-03-01T10:00:00.000Z",
    role: "r",
    rounds: [round("a", [q("q1", 3, [], 1), q("q2", 3, [], null)]), round("b", [q("q1", 3, [], 4)])],
  };
  assert.deepEqual(M.reviewsOf(debrief), [{ id: "q1", rating: 1, at: debrief.at, role: "r" }]);
});

const NOW = new Date("2027-03-10T12:00:00Z");
const counts = () => ({ dropped: 0, clamped: 0, invalid: 0 });
const good = (id, at = "2026-11-01T10:00:00.000Z") => ({
  id,
  at,
  role: "role-a",
  kind: "loop",
  notes: "ok",
  rounds: [{ round: "r1", minutes: 60, notes: "", questions: [q("q1", 3, [2, 0, 0, 7], 2)] }],
});

test("bad debriefs are dropped or cleaned, never stored as they came", () => {
  const c = counts();
  const keep = (id) => id !== "gone";
  const list = [
    good("d1"),
    good("d1"), // the same id twice: once
    "not an object",
    { ...good("d2"), role: "Bad Role" },
    { ...good("d3"), at: "not a date" },
    { ...good("d4"), rounds: [] },
    { ...good("d5"), at: "2099-01-01T00:00:00Z" }, // in the future: now
    { ...good("d6"), rounds: [{ round: "r1", questions: [q("gone", 2, [0], 3), { id: 5 }] }] },
  ];
  const out = plain(store.cleanDebriefs(list, keep, NOW, c));
  assert.deepEqual(
    out.map((d) => d.id),
    ["d1", "d6", "d5"],
  );
  assert.deepEqual(out[0].rounds[0].questions[0].covered, [0, 2], "ticks sorted, unique, within the points");
  assert.equal(out[2].at, NOW.toISOString());
  assert.equal(out[0].at, "2026-11-01T10:00:00.000Z");
  assert.deepEqual(out[1].rounds[0].questions, []);
  assert.equal(out[1].rounds[0].minutes, null);
  assert.deepEqual(c, { dropped: 0, clamped: 1, invalid: 4 });
});

test("debriefs are capped at the newest", () => {
  const many = Array.from({ length: 260 }, (_, i) => good(`d${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
  const out = store.cleanDebriefs(many, () => true, NOW, counts());
  assert.ok(out.length < many.length);
  assert.equal(out[out.length - 1].id, "d259");
});

test("merging debriefs loses none and adds each once", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (ids, split) => {
      const all = ids.map((i) => good(`d${i}`, new Date(Date.UTC(2027, 0, 1, 0, i)).toISOString()));
      const base = all.slice(0, split);
      const incoming = all.slice(Math.max(0, split - 3)); // some in both
      const merged = plain(store.mergeDebriefs(base, incoming));
      assert.deepEqual(new Set(merged.debriefs.map((d) => d.id)), new Set(all.map((d) => d.id)));
      assert.equal(merged.added, all.length - base.length);
    }),
  );
});

test("a version 3 record imports into version 4 without loss", () => {
  const v3 = {
    format: store.FORMAT,
    version: 3,
    reviews: { q1: [{ at: "2026-11-01T10:00:00.000Z", rating: 3, role: "role-a" }] },
    notes: { q1: { text: "My story", at: "2026-11-01T10:05:00.000Z" } },
    plan: {
      role: "role-a",
      interview: "2027-03-15",
      made: "2027-03-01",
      hours: 2,
      rounds: { r1: { status: "in", weight: "worried" } },
      order: ["q1"],
      days: [{ day: "2027-03-01", questions: ["q1"] }],
      unplaced: [],
    },
    pass: null,
  };
  const parsed = plain(store.parseImport(JSON.stringify(v3), new Set(["q1"])));
  const { record, counts: c } = parsed;
  assert.equal(record.version, 4);
  assert.deepEqual(record.reviews.q1, v3.reviews.q1);
  assert.deepEqual(record.notes.q1, v3.notes.q1);
  assert.deepEqual({ ...record.plan, per_day: undefined }, { ...v3.plan, per_day: undefined });
  assert.deepEqual(record.debriefs, []);
  assert.equal(record.mock, null);
  assert.deepEqual(record.stories, []);
  assert.deepEqual(c, { ...counts(), badStories: 0 });
  // And a version 4 file round-trips its debriefs, unknown questions dropped.
  const v4 = { ...v3, version: 4, debriefs: [good("d1")] };
  const again = store.parseImport(JSON.stringify(v4), new Set(["q1"]));
  assert.equal(again.record.debriefs.length, 1);
  assert.equal(store.merge(store.empty(), again.record).debriefsAdded, 1);
});
