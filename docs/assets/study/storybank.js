/* The story bank's logic, as pure functions: what a stored story may hold, how two lists of
   stories merge, which stories answer a question and which of a role's themes and questions have
   a story yet.

   A story is {id, role, title, situation, task, action, result, learned, numbers, themes,
   questions, at}: `themes` are ids of the role's story themes (the study index: roles[].story_themes),
   `questions` ids of the questions it answers, `at` when it was last saved (on import the newer
   copy of a story wins). No DOM and no clock of its own; loaded in the browser as SISG.stories
   (before store.js, which cleans and merges the record's stories with it) and in Node by
   tests/js/. */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.SISG = root.SISG || {};
    root.SISG.stories = Object.assign(root.SISG.stories || {}, api);
  }
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  // The parts of a story after its title, in the order they are told, with their labels.
  const PART_LABELS = {
    situation: "Situation",
    task: "Task",
    action: "Action",
    result: "Result",
    learned: "What I learned",
    numbers: "The numbers",
  };
  const PARTS = Object.keys(PART_LABELS);
  // Caps that keep a hostile or runaway file from filling the quota.
  const MAX_STORIES = 200;
  const MAX_TITLE_CHARS = 200;
  const MAX_PART_CHARS = 5000;
  const MAX_THEMES = 20;
  const MAX_QUESTIONS = 60;
  const ID = /^[a-z0-9][a-z0-9-]{0,99}$/; // a story, role, theme or question id

  const isObject = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
  const validTime = (value) => typeof value === "string" && !Number.isNaN(Date.parse(value));
  const ids = (list, cap, keep = () => true) =>
    Array.isArray(list)
      ? [...new Set(list.filter((id) => typeof id === "string" && ID.test(id) && keep(id)))].slice(0, cap)
      : [];

  /* One stored or imported story, cleaned, or null when it is not one (no id, role, title or
     date). `keep(questionId)` drops links to questions the guide does not have; `counts` gets
     `clamped` for a date in the future (set to now) and `dropped` for each link dropped. */
  function cleanStory(story, { now = new Date(), keep = () => true, counts = { dropped: 0, clamped: 0 } } = {}) {
    if (!isObject(story) || typeof story.id !== "string" || !ID.test(story.id)) return null;
    if (typeof story.role !== "string" || !ID.test(story.role) || !validTime(story.at)) return null;
    const title = typeof story.title === "string" ? story.title.trim().slice(0, MAX_TITLE_CHARS) : "";
    if (!title) return null;
    let at = new Date(story.at);
    if (at > now) {
      counts.clamped += 1;
      at = now;
    }
    const clean = { id: story.id, role: story.role, title };
    PARTS.forEach((part) => {
      clean[part] = typeof story[part] === "string" ? story[part].slice(0, MAX_PART_CHARS) : "";
    });
    clean.themes = ids(story.themes, MAX_THEMES);
    clean.questions = ids(story.questions, MAX_QUESTIONS, (id) => {
      if (keep(id)) return true;
      counts.dropped += 1;
      return false;
    });
    clean.at = at.toISOString();
    return clean;
  }

  const newer = (a, b) => (a.at >= b.at ? a : b);

  /* A list of stories, cleaned: one per id (the newer copy), at most MAX_STORIES (the newest),
     oldest first. Anything that is not a story is counted in `counts.badStories`. */
  function cleanStories(list, options = {}) {
    const counts = options.counts || { dropped: 0, clamped: 0 };
    if (!Array.isArray(list)) return [];
    const byId = new Map();
    list.forEach((story) => {
      const clean = cleanStory(story, { ...options, counts });
      if (!clean) {
        counts.badStories = (counts.badStories || 0) + 1;
        return;
      }
      byId.set(clean.id, byId.has(clean.id) ? newer(byId.get(clean.id), clean) : clean);
    });
    return sortOldestFirst([...byId.values()]).slice(-MAX_STORIES);
  }

  const sortOldestFirst = (list) =>
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  /* Two cleaned lists merged by id, the newer copy of a story winning: {stories, added, updated}. */
  function mergeStories(base, incoming) {
    const byId = new Map((base || []).map((story) => [story.id, story]));
    let added = 0;
    let updated = 0;
    (incoming || []).forEach((story) => {
      const here = byId.get(story.id);
      if (!here) {
        added += 1;
        byId.set(story.id, story);
      } else if (story.at > here.at) {
        updated += 1;
        byId.set(story.id, story);
      }
    });
    return { stories: sortOldestFirst([...byId.values()]).slice(-MAX_STORIES), added, updated };
  }

  // The stories with `story` saved (replacing the one with its id); withoutStory deletes one.
  function withStory(stories, story) {
    return sortOldestFirst([...(stories || []).filter((s) => s.id !== story.id), story]).slice(-MAX_STORIES);
  }
  const withoutStory = (stories, id) => (stories || []).filter((s) => s.id !== id);

  // The candidate's stories linked to a question, in the order written (practice and mock rounds show them).
  const linked = (record, questionId) =>
    ((record && record.stories) || []).filter((story) => story.questions.includes(questionId));

  /* A role's coverage: for each of its themes and each question a story answers
     (the study index: roles[].story_themes, roles[].story_questions), the ids of the role's stories
     that cover it. A question counts a story from any role linked to it. */
  function coverage(stories, role) {
    const mine = (stories || []).filter((story) => story.role === role.id);
    const themes = role.story_themes.map((theme) => ({
      id: theme.id,
      stories: mine.filter((story) => story.themes.includes(theme.id)).map((story) => story.id),
    }));
    const questions = role.story_questions.map((id) => ({
      id,
      stories: (stories || []).filter((story) => story.questions.includes(id)).map((story) => story.id),
    }));
    const covered = (list) => list.filter((item) => item.stories.length).length;
    return { themes, questions, themesCovered: covered(themes), questionsCovered: covered(questions) };
  }

  // A fresh story id: the time and a random tail, so two devices never pick the same one.
  const newId = (now = new Date(), random = Math.random) =>
    `story-${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, "0")}`;

  return {
    PART_LABELS,
    PARTS,
    MAX_STORIES,
    MAX_TITLE_CHARS,
    MAX_PART_CHARS,
    MAX_THEMES,
    MAX_QUESTIONS,
    cleanStory,
    cleanStories,
    mergeStories,
    withStory,
    withoutStory,
    linked,
    coverage,
    newId,
  };
});

/* In the browser: a story as the pages show it (the story bank, Practice after reveal, and any page
   that calls SISG.stories.view). Text goes in as text (SISG.el), never as HTML. */
if (typeof window !== "undefined" && window.SISG && window.SISG.stories) {
  window.SISG.stories.view = (story, { heading = "h4" } = {}) => {
    const { el } = window.SISG;
    const B = window.SISG.stories;
    const parts = B.PARTS.filter((part) => story[part].trim());
    return el(
      "article",
      { class: "sisg-story", "data-story": story.id },
      el(heading, { class: "sisg-story__title", text: story.title }),
      parts.length
        ? el(
            "dl",
            { class: "sisg-story__parts" },
            parts.map((part) => [el("dt", { text: B.PART_LABELS[part] }), el("dd", { text: story[part] })]),
          )
        : el("p", { class: "sisg-note", text: "Only a title so far." }),
    );
  };
}
