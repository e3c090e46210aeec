/* Pure-logic tests of the story bank (docs/assets/study/storybank.js) and of the study record's
   version 4 (docs/assets/study/store.js, run here in a sandbox with a stand-in `window`): stories
   are cleaned on import, merged by id with the newer copy winning, and version 3 records read
   without loss. Run with `node --test` in tests/js (tests/test_js.py runs them as part of pytest). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fc = require("fast-check");

fc.configureGlobal({ seed: Number(process.env.FC_SEED || 20261207) });

const { STUDY, storybank: B, loadStore } = require("./store-sandbox.js");

const store = loadStore();
const plain = (value) => JSON.parse(JSON.stringify(value));

/* ---- Generators ---- */

const idArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const QUESTIONS = ["q-one", "q-two", "q-three", "q-four"];
const THEMES = ["theme-a", "theme-b", "theme-c"];
const timeArb = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) })
  .map((ms) => new Date(ms).toISOString());
const storyArb = fc.record({
  id: idArb.map((id) => `story-${id}`),
  role: fc.constantFrom("role-a", "role-b"),
  title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim().length > 0),
  situation: fc.string({ maxLength: 40 }),
  task: fc.string({ maxLength: 40 }),
  action: fc.string({ maxLength: 40 }),
  result: fc.string({ maxLength: 40 }),
  learned: fc.string({ maxLength: 40 }),
  numbers: fc.string({ maxLength: 40 }),
  themes: fc.uniqueArray(fc.constantFrom(...THEMES)),
  questions: fc.uniqueArray(fc.constantFrom(...QUESTIONS)),
  at: timeArb,
});
const storiesArb = fc.uniqueArray(storyArb, { selector: (s) => s.id, maxLength: 12 });

/* ---- The bank ---- */

test("a clean story is kept as it is, field for field", () => {
  fc.assert(
    fc.property(storyArb, (story) => {
      assert.deepEqual(B.cleanStory(story, { now: new Date(Date.UTC(2027, 0, 1)) }), {
        ...story,
        title: story.title.trim(),
      });
    }),
  );
});

test("bad stories are dropped or cut to the caps, and links to unknown questions go", () => {
  const now = new Date(Date.UTC(2026, 5, 1));
  const counts = { dropped: 0, clamped: 0 };
  const long = "x".repeat(B.MAX_PART_CHARS + 10);
  const good = { id: "story-a", role: "role-a", title: "T", at: "2026-01-01T00:00:00.000Z" };
  const cleaned = B.cleanStories(
    [
      null,
      "a story",
      { ...good, id: "Bad Id" },
      { ...good, id: "story-b", title: "   " },
      { ...good, id: "story-c", role: "<script>" },
      { ...good, id: "story-d", at: "yesterday" },
      {
        ...good,
        title: "t".repeat(500),
        situation: long,
        task: 7,
        themes: ["theme-a", "theme-a", "Not An Id", 3],
        questions: ["q-one", "q-gone", ...Array.from({ length: 100 }, (_, i) => `q-${i}`)],
        at: "2030-01-01T00:00:00.000Z",
        extra: "dropped",
      },
    ],
    { now, counts, keep: (id) => id === "q-one" || id.startsWith("q-") },
  );
  assert.equal(cleaned.length, 1);
  const [story] = cleaned;
  assert.equal(story.title.length, B.MAX_TITLE_CHARS);
  assert.equal(story.situation.length, B.MAX_PART_CHARS);
  assert.equal(story.task, "");
  assert.deepEqual(story.themes, ["theme-a"]);
  assert.equal(story.questions.length, B.MAX_QUESTIONS);
  assert.equal(story.at, now.toISOString());
  assert.equal("extra" in story, false);
  assert.equal(counts.badStories, 6);
  assert.equal(counts.clamped, 1);

  const few = { dropped: 0, clamped: 0 };
  const [linked] = B.cleanStories([{ ...good, questions: ["q-one", "q-gone"] }], {
    now,
    counts: few,
    keep: (id) => id === "q-one",
  });
  assert.deepEqual(linked.questions, ["q-one"]);
  assert.equal(few.dropped, 1);
});

test("merging is by id, the newer copy wins, and nothing is lost either way", () => {
  fc.assert(
    fc.property(storiesArb, storiesArb, (mine, theirs) => {
      const a = B.cleanStories(mine);
      const b = B.cleanStories(theirs);
      const { stories } = B.mergeStories(a, b);
      const ids = new Set([...a, ...b].map((s) => s.id));
      assert.deepEqual(new Set(stories.map((s) => s.id)), ids);
      stories.forEach((s) => {
        const copies = [...a, ...b].filter((c) => c.id === s.id);
        assert.equal(s.at, copies.map((c) => c.at).sort().pop());
      });
      // Merging again changes nothing; merging either way keeps the same stories.
      assert.deepEqual(B.mergeStories(stories, b).stories, stories);
      assert.deepEqual(
        new Set(B.mergeStories(b, a).stories.map((s) => `${s.id}@${s.at}`)),
        new Set(stories.map((s) => `${s.id}@${s.at}`)),
      );
    }),
  );
});

test("coverage counts a role's themes and questions with and without a story", () => {
  fc.assert(
    fc.property(storiesArb, (list) => {
      const stories = B.cleanStories(list);
      const role = { id: "role-a", story_themes: THEMES.map((id) => ({ id })), story_questions: QUESTIONS };
      const c = B.coverage(stories, role);
      THEMES.forEach((theme, i) => {
        const expected = stories.filter((s) => s.role === "role-a" && s.themes.includes(theme)).map((s) => s.id);
        assert.deepEqual(c.themes[i].stories, expected);
      });
      QUESTIONS.forEach((q, i) => {
        assert.deepEqual(c.questions[i].stories, B.linked({ stories }, q).map((s) => s.id));
      });
      assert.equal(c.themesCovered, c.themes.filter((t) => t.stories.length).length);
      assert.equal(c.questionsCovered, QUESTIONS.filter((q) => B.linked({ stories }, q).length).length);
    }),
  );
});

test("saving replaces a story by id and deleting removes only it", () => {
  fc.assert(
    fc.property(storiesArb, storyArb, (list, story) => {
      const stories = B.cleanStories(list);
      const saved = B.withStory(stories, story);
      assert.equal(saved.filter((s) => s.id === story.id).length, 1);
      assert.equal(saved.length, new Set([...stories.map((s) => s.id), story.id]).size);
      const removed = B.withoutStory(saved, story.id);
      assert.deepEqual(
        removed.map((s) => s.id),
        saved.map((s) => s.id).filter((id) => id !== story.id),
      );
    }),
  );
});

test("new story ids are valid and do not repeat", () => {
  const seen = new Set();
  for (let i = 0; i < 500; i++) {
    const id = B.newId(new Date(Date.UTC(2026, 0, 1)));
    assert.ok(B.cleanStory({ id, role: "r", title: "t", at: "2026-01-01T00:00:00.000Z" }), id);
    seen.add(id);
  }
  assert.ok(seen.size > 490);
});

/* ---- The record: version 4 and its migration ---- */

const FORMAT = "spotify-interview-study-guides-study-record";
const V3 = {
  format: FORMAT,
  version: 3,
  reviews: { "q-one": [{ at: "2026-03-01T08:00:00.000Z", rating: 3, role: "role-a" }] },
  notes: { "q-two": { text: "Situation: …", at: "2026-03-01T08:05:00.000Z" } },
  plan: {
    role: "role-a",
    interview: "2026-04-01",
    made: "2026-03-01",
    hours: 1.5,
    per_day: null,
    rounds: { screen: { status: "in", weight: "worried" } },
    order: ["q-one", "q-two"],
    days: [{ day: "2026-03-01", questions: ["q-one"] }],
    unplaced: [],
  },
  pass: null,
};

test("a version 3 record imports without loss and gains an empty story bank", () => {
  const { record, counts } = store.parseImport(JSON.stringify(V3), new Set(QUESTIONS));
  assert.equal(record.version, 4);
  assert.deepEqual(plain(record.reviews), V3.reviews);
  assert.deepEqual(plain(record.notes), V3.notes);
  assert.deepEqual(plain(record.plan), V3.plan);
  assert.deepEqual(plain(record.stories), []);
  assert.deepEqual(plain(counts), { dropped: 0, clamped: 0, invalid: 0, badStories: 0 });
});

test("a version 4 file with bad stories imports the good ones, cleaned", () => {
  const good = {
    id: "story-1",
    role: "role-a",
    title: "Migrated the pipeline",
    situation: "S",
    task: "T",
    action: "A",
    result: "R",
    learned: "L",
    numbers: "40% fewer pages",
    themes: ["theme-a"],
    questions: ["q-one", "q-unknown"],
    at: "2026-03-02T10:00:00.000Z",
  };
  const file = { ...V3, version: 4, stories: [good, { id: "story-2" }, 42] };
  const { record, counts } = store.parseImport(JSON.stringify(file), new Set(QUESTIONS));
  assert.deepEqual(plain(record.stories), [{ ...good, questions: ["q-one"] }]);
  assert.equal(counts.badStories, 2);
  assert.equal(counts.dropped, 1);
  const notAList = store.parseImport(JSON.stringify({ ...file, stories: { a: good } }), new Set(QUESTIONS));
  assert.deepEqual(plain(notAList.record.stories), []);
});

test("export, reset and import lose no story", () => {
  fc.assert(
    fc.property(storiesArb, (list) => {
      const mine = { ...store.empty(), stories: B.cleanStories(list) };
      const file = store.exportText(mine);
      const imported = store.parseImport(file, new Set(QUESTIONS)).record;
      const { record } = store.merge(store.empty(), imported);
      assert.deepEqual(plain(record.stories), plain(mine.stories));
    }),
  );
});

test("the record refuses versions it does not know and reads 1 to 4", () => {
  assert.equal(store.VERSION, 4);
  [2, 3, 4].forEach((version) => {
    assert.equal(store.parseImport(JSON.stringify({ ...V3, version })).record.version, 4);
  });
  assert.throws(() => store.parseImport(JSON.stringify({ ...V3, version: 5 })), /version 5/);
});
