/* The study record: one versioned JSON document in localStorage holding every review, note, saved
   plan, the practice pass in progress and the candidate's stories. Its shape is schemas/study-record.schema.json.

   Nothing here reports success unless the browser stored it: every write is read back, and a full
   quota or blocked storage comes back as {ok: false, error} for the page to show.
   Loaded on every page (role pages draw progress from it); the scheduler is in review.js. */
(() => {
  "use strict";

  const KEY = "sisg.study.v2";
  const LEGACY_KEY = "sisg.progress.v1"; // {id: {status: "got"|"review", at}} before the record
  const FORMAT = "spotify-interview-study-guides-study-record";
  // 3: reviews may name the role practised; the plan keeps its hours, rounds and priority order.
  // 4: `debriefs` (mock rounds and loops, scored), `mock` (the mock in progress) and the story
  // bank's stories (cleaned and merged by storybank.js, SISG.stories).
  // Version 2 and 3 records (same key) and files are read and migrated without loss (cleanPlan;
  // a record without stories gets an empty list).
  const VERSION = 4;
  // Limits that keep a hostile or runaway file from filling the quota or slowing every click.
  const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
  const MAX_REVIEWS_PER_QUESTION = 200;
  const MAX_NOTE_CHARS = 5000;
  const MAX_DEBRIEFS = 200; // the newest are kept
  const MAX_DEBRIEF_ROUNDS = 20;
  const MAX_DEBRIEF_QUESTIONS = 40; // per round
  const MAX_COVERS = 60; // points of "what a strong answer covers" a question may have
  const RATINGS = [1, 2, 3, 4]; // Again, Hard, Good, Easy (FSRS's Rating values)
  // The quick path of earlier versions: Got it is a Good review, Needs work an Again.
  const LEGACY_RATING = { got: 3, review: 1 };

  /* Maps keyed by question id have no prototype, so no id can meet a built-in property such as
     "constructor" (the build also reserves it: study_guide/paths.py RESERVED_IDS). */
  const dict = (entries = {}) => Object.assign(Object.create(null), entries);
  const empty = () => ({
    format: FORMAT,
    version: VERSION,
    reviews: dict(),
    notes: dict(),
    plan: null,
    pass: null,
    debriefs: [],
    mock: null,
    stories: [],
  });
  // The story bank's pure functions (storybank.js, loaded before this file).
  const storybank = () => window.SISG.stories;

  const ID = /^[a-z0-9][a-z0-9-]{0,99}$/; // a role or round id
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  const isObject = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
  const validTime = (value) => typeof value === "string" && !Number.isNaN(Date.parse(value));

  class StudyRecordError extends Error {}

  /* ---- Pure functions: what a record may hold, how two records merge ---- */

  // A review list cleaned up: valid entries only, no dates in the future, oldest first, no repeats.
  function cleanReviews(list, now, counts) {
    if (!Array.isArray(list)) return [];
    const seen = new Set();
    const out = [];
    list.forEach((review) => {
      if (!isObject(review) || !validTime(review.at) || !RATINGS.includes(review.rating)) {
        counts.invalid += 1;
        return;
      }
      let at = new Date(review.at);
      if (at > now) {
        counts.clamped += 1;
        at = now;
      }
      const entry = { at: at.toISOString(), rating: review.rating };
      if (typeof review.role === "string" && ID.test(review.role)) entry.role = review.role;
      const key = `${entry.at}|${entry.rating}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(entry);
      }
    });
    out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return out.slice(-MAX_REVIEWS_PER_QUESTION);
  }

  function cleanNote(note, now, counts) {
    if (!isObject(note) || typeof note.text !== "string" || !validTime(note.at)) return null;
    let at = new Date(note.at);
    if (at > now) {
      counts.clamped += 1;
      at = now;
    }
    return { text: note.text.slice(0, MAX_NOTE_CHARS), at: at.toISOString() };
  }

  /* A saved plan, checked and brought to version 3, or null when it is not one. Version 2 plans
     ({role, interview, made, per_day, days, unplaced}) keep every field and gain `order` (their
     days' questions in order), `hours` (null: paced by per_day as before) and `rounds` ({}). */
  function cleanPlan(plan, keep) {
    if (!isObject(plan) || typeof plan.role !== "string" || !ID.test(plan.role)) return null;
    if (!DAY.test(plan.interview) || !DAY.test(plan.made) || plan.made >= plan.interview) return null;
    if (!Array.isArray(plan.days)) return null;
    const ids = (list) => (Array.isArray(list) ? list.filter((id) => typeof id === "string" && keep(id)) : []);
    const days = plan.days
      .filter((d) => isObject(d) && DAY.test(d.day))
      .map((d) => ({ day: d.day, questions: ids(d.questions) }));
    const hours = typeof plan.hours === "number" && plan.hours > 0 && plan.hours <= 16 ? plan.hours : null;
    const perDay = Number.isInteger(plan.per_day) && plan.per_day > 0 ? plan.per_day : null;
    const rounds = {};
    if (isObject(plan.rounds)) {
      Object.entries(plan.rounds).forEach(([id, choice]) => {
        if (!ID.test(id) || !isObject(choice)) return;
        rounds[id] = {
          status: ["in", "passed", "skipped"].includes(choice.status) ? choice.status : "in",
          weight: choice.weight === "worried" ? "worried" : "normal",
        };
      });
    }
    const order = Array.isArray(plan.order) ? ids(plan.order) : [].concat(...days.map((d) => d.questions));
    return {
      role: plan.role,
      interview: plan.interview,
      made: plan.made,
      hours,
      per_day: perDay,
      rounds,
      order: [...new Set(order)],
      days,
      unplaced: ids(plan.unplaced),
    };
  }

  /* ---- Debriefs of mock rounds and loops (version 4) ----
     {id, at, role, kind: "round"|"loop", notes, rounds: [{round, minutes, notes, questions: [{id,
     covers, covered: [indexes ticked], rating: 1-4 or null, notes}]}]}. Bad entries are dropped
     (counted as invalid), unknown question ids dropped (counted), future dates set to now. */
  const text = (value) => (typeof value === "string" ? value.slice(0, MAX_NOTE_CHARS) : "");

  function cleanDebriefQuestion(q, keep) {
    if (!isObject(q) || typeof q.id !== "string" || !keep(q.id)) return null;
    const covers = Number.isInteger(q.covers) && q.covers >= 0 && q.covers <= MAX_COVERS ? q.covers : 0;
    const covered = Array.isArray(q.covered)
      ? [...new Set(q.covered.filter((i) => Number.isInteger(i) && i >= 0 && i < covers))].sort((a, b) => a - b)
      : [];
    return { id: q.id, covers, covered, rating: RATINGS.includes(q.rating) ? q.rating : null, notes: text(q.notes) };
  }

  function cleanDebrief(debrief, keep, now, counts) {
    const valid =
      isObject(debrief) &&
      typeof debrief.id === "string" &&
      ID.test(debrief.id) &&
      validTime(debrief.at) &&
      typeof debrief.role === "string" &&
      ID.test(debrief.role) &&
      Array.isArray(debrief.rounds);
    if (!valid) {
      counts.invalid += 1;
      return null;
    }
    let at = new Date(debrief.at);
    if (at > now) {
      counts.clamped += 1;
      at = now;
    }
    const rounds = debrief.rounds
      .filter((r) => isObject(r) && typeof r.round === "string" && ID.test(r.round))
      .slice(0, MAX_DEBRIEF_ROUNDS)
      .map((r) => ({
        round: r.round,
        minutes: Number.isInteger(r.minutes) && r.minutes > 0 && r.minutes <= 600 ? r.minutes : null,
        notes: text(r.notes),
        questions: (Array.isArray(r.questions) ? r.questions : [])
          .slice(0, MAX_DEBRIEF_QUESTIONS)
          .map((q) => cleanDebriefQuestion(q, keep))
          .filter(Boolean),
      }));
    if (!rounds.length) {
      counts.invalid += 1;
      return null;
    }
    return {
      id: debrief.id,
      at: at.toISOString(),
      role: debrief.role,
      kind: debrief.kind === "loop" ? "loop" : "round",
      notes: text(debrief.notes),
      rounds,
    };
  }

  // Oldest first, one per id (the first seen wins), at most MAX_DEBRIEFS (the newest).
  function cleanDebriefs(list, keep, now, counts) {
    if (!Array.isArray(list)) return [];
    const seen = new Set();
    const out = [];
    list.forEach((entry) => {
      const clean = cleanDebrief(entry, keep, now, counts);
      if (clean && !seen.has(clean.id)) {
        seen.add(clean.id);
        out.push(clean);
      }
    });
    out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return out.slice(-MAX_DEBRIEFS);
  }

  // Both lists, each debrief once (by id; the one already here wins): none is lost.
  function mergeDebriefs(base, incoming) {
    const here = new Set(base.map((d) => d.id));
    const added = incoming.filter((d) => !here.has(d.id));
    const all = [...base, ...added].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { debriefs: all.slice(-MAX_DEBRIEFS), added: added.length };
  }

  /* Any stored or imported value → {record, counts}. `known` (a Set of question ids, optional)
     drops ids this guide does not have. Accepts the record and the version-1 marks export. */
  function normalise(value, { known = null, now = new Date() } = {}) {
    const counts = { dropped: 0, clamped: 0, invalid: 0, badStories: 0 };
    const record = empty();
    if (!isObject(value)) return { record, counts };
    const keep = (id) => {
      if (known && !known.has(id)) {
        counts.dropped += 1;
        return false;
      }
      return true;
    };
    if (value.version === 1 || value.format === "spotify-interview-study-guides-progress") {
      const marks = isObject(value.progress) ? value.progress : value;
      Object.entries(marks).forEach(([id, mark]) => {
        if (!isObject(mark) || !(mark.status in LEGACY_RATING) || !validTime(mark.at)) return;
        if (!keep(id)) return;
        const reviews = cleanReviews([{ at: mark.at, rating: LEGACY_RATING[mark.status] }], now, counts);
        if (reviews.length) record.reviews[id] = reviews;
      });
      return { record, counts };
    }
    if (isObject(value.reviews)) {
      Object.entries(value.reviews).forEach(([id, list]) => {
        if (!keep(id)) return;
        const reviews = cleanReviews(list, now, counts);
        if (reviews.length) record.reviews[id] = reviews;
      });
    }
    if (isObject(value.notes)) {
      Object.entries(value.notes).forEach(([id, note]) => {
        if (!keep(id)) return;
        const clean = cleanNote(note, now, counts);
        if (clean && clean.text.trim()) record.notes[id] = clean;
      });
    }
    if (isObject(value.plan)) record.plan = cleanPlan(value.plan, (id) => !known || known.has(id));
    if (isObject(value.pass)) record.pass = value.pass;
    record.debriefs = cleanDebriefs(value.debriefs, (id) => keep(id), now, counts);
    if (isObject(value.mock)) record.mock = value.mock;
    record.stories = storybank().cleanStories(value.stories, {
      now,
      counts,
      keep: (id) => !known || known.has(id),
    });
    return { record, counts };
  }

  /* Union of two review histories and of the debriefs; for notes and stories the newer one wins.
     `base` keeps its plan, pass and mock in progress. `storiesAdded` counts stories new to `base`,
     `storiesUpdated` those replaced by a newer copy. */
  function merge(base, incoming) {
    const now = new Date();
    const counts = { dropped: 0, clamped: 0, invalid: 0 };
    const out = { ...base, reviews: dict(base.reviews), notes: dict(base.notes) };
    let added = 0;
    Object.entries(incoming.reviews).forEach(([id, list]) => {
      const before = (out.reviews[id] || []).length;
      out.reviews[id] = cleanReviews([...(out.reviews[id] || []), ...list], now, counts);
      added += out.reviews[id].length - before;
    });
    Object.entries(incoming.notes).forEach(([id, note]) => {
      if (!out.notes[id] || out.notes[id].at < note.at) out.notes[id] = note;
    });
    const debriefs = mergeDebriefs(base.debriefs || [], incoming.debriefs || []);
    out.debriefs = debriefs.debriefs;
    const stories = storybank().mergeStories(base.stories, incoming.stories);
    out.stories = stories.stories;
    return {
      record: out,
      added,
      debriefsAdded: debriefs.added,
      storiesAdded: stories.added,
      storiesUpdated: stories.updated,
    };
  }

  /* A file's text → {record, counts}, or a StudyRecordError saying why it was refused. */
  // Refuse a file over the size limit (callers may check a file's size before reading it).
  function checkImportSize(bytes) {
    if (bytes > MAX_IMPORT_BYTES) {
      throw new StudyRecordError(
        `This file is ${(bytes / 1048576).toFixed(1)} MB; study records are at most ` +
          `${MAX_IMPORT_BYTES / 1048576} MB. Nothing was changed.`,
      );
    }
  }

  function parseImport(text, known) {
    checkImportSize(new Blob([text]).size);
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new StudyRecordError("This file is not JSON. Nothing was changed.");
    }
    const legacy = isObject(value) && value.format === "spotify-interview-study-guides-progress";
    if (!isObject(value) || (value.format !== FORMAT && !legacy)) {
      throw new StudyRecordError("This is not a study record exported from this guide. Nothing was changed.");
    }
    const version = legacy ? 1 : value.version;
    if (![1, 2, 3, VERSION].includes(version)) {
      const which = Number.isInteger(version) ? `version ${version}` : "an unknown version";
      throw new StudyRecordError(
        `This file is ${which} of the study record; this guide reads versions 1 to ${VERSION}. Nothing was changed.`,
      );
    }
    return normalise(legacy ? { ...value, version: 1 } : value, { known });
  }

  const exportText = (record) =>
    JSON.stringify({ ...record, exported_at: new Date().toISOString() }, null, 1);

  /* ---- Storage ---- */

  let listeners = [];
  let cached = null;

  function read() {
    if (cached) return cached;
    let value = null;
    try {
      const text = localStorage.getItem(KEY);
      if (text) value = JSON.parse(text);
      else {
        const legacy = localStorage.getItem(LEGACY_KEY);
        if (legacy) value = { version: 1, progress: JSON.parse(legacy) };
      }
    } catch (error) {
      value = null; // unreadable or blocked storage: start empty, the page says writes fail
    }
    cached = normalise(value).record;
    return cached;
  }

  // Store `record`; {ok: true} only when reading it back gives the same text.
  function write(record) {
    const text = JSON.stringify(record);
    try {
      localStorage.setItem(KEY, text);
      if (localStorage.getItem(KEY) !== text) throw new Error("the browser did not keep what was written");
      // The record now holds the old marks (read() migrated them): the old key can go.
      localStorage.removeItem(LEGACY_KEY);
    } catch (error) {
      const full = error && (error.name === "QuotaExceededError" || error.code === 22);
      return {
        ok: false,
        error: full
          ? "Your browser's storage for this site is full, so this was not saved. Export your record, " +
            "then free space (for example by resetting) and import it again."
          : `Your browser did not save this (${error.message || error.name}). Private windows and ` +
            "blocked site data keep nothing.",
      };
    }
    cached = record;
    listeners.forEach((fn) => fn(record));
    return { ok: true };
  }

  // Change a copy of the record with fn(copy) and store it; the stored record is untouched on failure.
  function update(fn) {
    const record = read();
    const copy = JSON.parse(JSON.stringify(record));
    copy.reviews = dict(copy.reviews); // keep the id maps free of a prototype (see dict)
    copy.notes = dict(copy.notes);
    fn(copy);
    return write(copy);
  }

  // `role`: the role being practised, when there is one (My progress counts the review for it).
  function review(id, rating, at = new Date(), role = null) {
    return update((record) => {
      const list = record.reviews[id] || [];
      list.push(role ? { at: at.toISOString(), rating, role } : { at: at.toISOString(), rating });
      record.reviews[id] = list.slice(-MAX_REVIEWS_PER_QUESTION);
    });
  }

  function setNote(id, text) {
    return update((record) => {
      const clean = String(text).slice(0, MAX_NOTE_CHARS);
      if (clean.trim()) record.notes[id] = { text: clean, at: new Date().toISOString() };
      else delete record.notes[id];
    });
  }

  // Save a story (a new one, or a new version of one with its id); the bank cleans it first.
  function saveStory(story) {
    const clean = storybank().cleanStory(story);
    if (!clean) return { ok: false, error: "A story needs a title." };
    return update((record) => {
      record.stories = storybank().withStory(record.stories, clean);
    });
  }

  function deleteStory(id) {
    return update((record) => {
      record.stories = storybank().withoutStory(record.stories, id);
    });
  }

  function subscribe(fn) {
    listeners.push(fn);
    return () => {
      listeners = listeners.filter((other) => other !== fn);
    };
  }

  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    cached = null;
    const record = read();
    listeners.forEach((fn) => fn(record));
  });

  const lastReview = (record, id) => {
    const list = record.reviews[id];
    return list && list.length ? list[list.length - 1] : null;
  };

  window.SISG = window.SISG || {};
  window.SISG.store = {
    KEY,
    LEGACY_KEY,
    FORMAT,
    VERSION,
    MAX_IMPORT_BYTES,
    RATINGS,
    StudyRecordError,
    empty,
    normalise,
    cleanPlan,
    merge,
    checkImportSize,
    parseImport,
    exportText,
    read,
    write,
    update,
    review,
    setNote,
    cleanDebriefs,
    mergeDebriefs,
    saveStory,
    deleteStory,
    subscribe,
    lastReview,
    // Tests and the reset button: forget the cached copy so the next read sees localStorage.
    reload() {
      cached = null;
      return read();
    },
  };
})();
