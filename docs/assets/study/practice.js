/* Practice mode (practice page, #sisg-practice): work through a role's questions (all, due today,
   Needs work or not yet rated; by round, topic, kind, level, reported and words in the prompt), time
   each answer, reveal the guidance, tick what your answer covered and rate it Again / Hard / Good /
   Easy. The choices live in the address too (?role=&round=&mode=&topic=&kind=&level=&origin=), so a
   link to a narrowed practice (the topic pages' "Practise this topic") keeps working.

   The pass in progress (selection, order, position, seconds left) lives in the study record's
   `pass`, so a reload, Back or a visit to another page resumes it. Every write is checked: a
   failure is shown (role=alert) and the question stays on screen, so nothing is lost silently. */
(() => {
  "use strict";
  const S = window.SISG;
  const F = S.filters;
  const { el, fill, plural } = S;

  const RATINGS = [
    { rating: 1, label: "Again", key: "1" },
    { rating: 2, label: "Hard", key: "2" },
    { rating: 3, label: "Good", key: "3" },
    { rating: 4, label: "Easy", key: "4" },
  ];
  const LABEL = Object.fromEntries(RATINGS.map((r) => [r.rating, r.label]));
  const MODES = [
    ["all", "All questions"],
    ["due", "Due today"],
    ["needs-work", "Needs work (last rated Again or Hard)"],
    ["unmarked", "Not rated yet"],
  ];
  // Material's page shortcuts (next/previous page, search): never theirs while practice is active.
  const MATERIAL_KEYS = new Set(["n", "p", ",", ".", "/", "s", "f"]);
  const NOTE_SAVE_DELAY_MS = 600;

  const clock = (seconds) => {
    const s = Math.max(0, Math.ceil(seconds));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };

  // The rating the ticked points suggest (loop.js; the mock round's scorecard uses it too).
  const { suggestedRating } = S.loop;

  S.practice = { suggestedRating };
  S.onPageWithGuide("#sisg-practice", start);

  function start(root, guide) {
    const params = new URLSearchParams(location.search);
    const store = S.store;
    // The pass on screen: its saved shape (record.pass) plus what only this page needs.
    let pass = null;
    let current = null;
    let timer = null;
    let dueIds = null; // today's queue for the chosen role, once known
    let alive = true;

    /* ---- Controls ---- */
    const roleSelect = el("select", { id: "sisg-practice-role", name: "role" });
    const modeSelect = el("select", { id: "sisg-practice-mode", name: "mode" });
    const roundSelect = el("select", { id: "sisg-practice-round", name: "round" });
    // Topic, kind, level and origin: the choices and their words come from the study index.
    const filterSelects = {
      topic: el("select", { id: "sisg-practice-topic", name: "topic" }),
      kind: el("select", { id: "sisg-practice-kind", name: "kind" }),
      level: el("select", { id: "sisg-practice-level", name: "level" }),
      origin: el("select", { id: "sisg-practice-origin", name: "origin" }),
    };
    const FILTER_FIELDS = { topic: "Topic", kind: "Kind of question", level: "Level", origin: "Reported or practice" };
    const ANY = { topic: "Any topic", kind: "Any kind", level: "Any level", origin: "Reported and practice" };
    const textInput = el("input", {
      id: "sisg-practice-text",
      name: "text",
      type: "search",
      autocomplete: "off",
      placeholder: "e.g. experiment",
    });
    const timerSelect = el("select", { id: "sisg-practice-timer", name: "timer" });
    const field = (control, label) =>
      el("div", { class: "sisg-field" }, el("label", { for: control.id, text: label }), control);
    const dueLine = el("p", { class: "sisg-due", id: "sisg-practice-due", "aria-live": "polite" });
    const matchLine = el("p", { class: "sisg-practice-count", id: "sisg-practice-count", "aria-live": "polite" });
    const startButton = el("button", { type: "submit", class: "sisg-btn sisg-btn--primary", text: "Start practice" });
    /* Role, which questions and Start come first (a phone's first screen); the ways to narrow
       down follow in a box that is open on wider screens, or when the address sets one of them. */
    const narrowed = ["round", "text", ...F.FIELDS].some((name) => params.get(name));
    const more = el(
      "details",
      { class: "sisg-more", open: narrowed || window.matchMedia("(min-width: 45em)").matches },
      el("summary", { text: "Narrow down: round, topic, kind, level, reported, words, timer" }),
      el(
        "div",
        { class: "sisg-more__fields" },
        field(roundSelect, "Round"),
        F.FIELDS.map((name) => field(filterSelects[name], FILTER_FIELDS[name])),
        field(textInput, "Words in the question"),
        field(timerSelect, "Timer"),
      ),
    );
    const form = el(
      "form",
      { class: "sisg-controls", "aria-label": "Practice settings" },
      field(roleSelect, "Role"),
      field(modeSelect, "Questions"),
      el("div", { class: "sisg-field sisg-field--full" }, dueLine, matchLine),
      el("div", { class: "sisg-field sisg-field--action" }, startButton),
      el("div", { class: "sisg-field sisg-field--full" }, more),
    );
    fill(
      roleSelect,
      S.options(
        guide.roles.map((r) => [r.id, r.title]),
        guide.role[params.get("role")] ? params.get("role") : guide.roles[0].id,
      ),
    );
    fill(modeSelect, S.options(MODES, MODES.some(([m]) => m === params.get("mode")) ? params.get("mode") : "all"));

    const currentRole = () => guide.role[roleSelect.value];
    const currentRound = () => currentRole().rounds.find((r) => r.id === roundSelect.value) || null;

    const chosenFilters = () => {
      const filters = F.none();
      F.FIELDS.forEach((name) => {
        filters[name] = filterSelects[name].value;
      });
      return filters;
    };
    // The role's (or the round's) questions matching the words, before the filters and the mode.
    function pool() {
      const round = currentRound();
      const words = textInput.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let ids = round ? guide.roundQuestions(round) : guide.roleQuestions(currentRole());
      if (words.length) {
        ids = ids.filter((id) => {
          const prompt = guide.question[id].prompt_text.toLowerCase();
          return words.every((word) => prompt.includes(word));
        });
      }
      return ids;
    }
    // Questions of the role (or the round) matching the filters, words and mode, in page order.
    function selection({ mode = modeSelect.value, filters = chosenFilters() } = {}) {
      const record = store.read();
      let ids = pool().filter((id) => F.matches(guide.question[id], filters));
      if (mode === "needs-work") ids = ids.filter((id) => S.progress.status(id, record) === "review");
      if (mode === "unmarked") ids = ids.filter((id) => !S.progress.status(id, record));
      if (mode === "due") {
        const wanted = new Set(ids);
        ids = (dueIds || []).filter((id) => wanted.has(id)); // the scheduler's order: most at risk first
      }
      return ids;
    }

    function refreshRounds(wanted) {
      const rounds = currentRole().rounds.map((r) => [
        r.id,
        r.name + (r.duration_label ? ` (${r.duration_label})` : ""),
      ]);
      fill(roundSelect, S.options([["", "Any round"]].concat(rounds), wanted || ""));
    }
    // The topics of the role (or round) in loop order, by name: the topic filter's words.
    function topicLabels() {
      const round = currentRound();
      const labels = {};
      (round ? [round] : currentRole().rounds).forEach((r) =>
        r.focus_topics.forEach((id) => {
          if (guide.topic[id]) labels[id] = guide.topic[id].name;
        }),
      );
      return labels;
    }
    const filterLabels = () => ({
      topic: topicLabels(),
      kind: guide.data.labels.kinds,
      level: guide.data.labels.levels,
      origin: guide.data.labels.origins,
    });
    /* Each filter's choices with how many questions each leaves (given the other filters). A
       wanted value no question of the pool has (a topic of another round, say) becomes "any". */
    function refreshFilters(wanted = chosenFilters()) {
      const labels = filterLabels();
      const items = pool().map((id) => guide.question[id]);
      const filters = F.none();
      F.FIELDS.forEach((name) => {
        if (items.some((q) => q[name] === wanted[name])) filters[name] = wanted[name];
      });
      F.FIELDS.forEach((name) => {
        const left = items.filter((q) => F.matches(q, { ...filters, [name]: "" })).length;
        const choices = F.choices(items, filters, name, labels[name]).map(([value, label, n]) => [value, `${label} (${n})`]);
        fill(filterSelects[name], S.options([["", `${ANY[name]} (${left})`]].concat(choices), filters[name]));
      });
    }
    // The choices written into the address (replaceState): a reload or a shared link keeps them.
    function writeAddress() {
      const next = F.write(new URLSearchParams(location.search), chosenFilters());
      next.set("role", roleSelect.value);
      [["round", roundSelect.value], ["mode", modeSelect.value === "all" ? "" : modeSelect.value]].forEach(([name, value]) =>
        value ? next.set(name, value) : next.delete(name),
      );
      const query = next.toString();
      history.replaceState(history.state, "", query ? `?${query}` : location.pathname);
    }
    function refreshTimer(wanted = timerSelect.value || "kind") {
      const round = currentRound();
      const minutes = round && round.minutes;
      const choices = [["kind", "By question kind"]];
      if (minutes) choices.push(["round", `From the round's length (${plural(minutes, "minute")} each)`]);
      choices.push(["off", "Off"]);
      fill(timerSelect, S.options(choices, wanted === "round" && !minutes ? "kind" : wanted));
    }
    // "1 question, about 4 minutes": the selection and the time it takes with the chosen timer.
    function refreshCount() {
      const ids = selection();
      const round = currentRound();
      const perRound = timerSelect.value === "round" && round && round.minutes;
      const minutes = ids.reduce((sum, id) => sum + (perRound || guide.question[id].minutes), 0);
      matchLine.textContent = ids.length
        ? `${plural(ids.length, "question")}, about ${plural(minutes, "minute")}.`
        : modeSelect.value === "due" && dueIds === null
          ? "Counting what is due…"
          : "No question matches: change the choices above.";
      startButton.disabled = ids.length === 0;
    }
    /* "Due today: N" for every role (in the role list) and the chosen one (under the form), from
       the same function as the role pages' line, so the counts agree. */
    function refreshDue() {
      const role = roleSelect.value;
      dueIds = null;
      dueLine.textContent = "Due today: counting…";
      const counts = guide.roles.map((r) => S.due.today({ guide, role: r.id }));
      return Promise.all(counts)
        .then((results) => {
          if (!alive) return;
          results.forEach((result, index) => {
            const r = guide.roles[index];
            const option = roleSelect.querySelector(`option[value="${CSS.escape(r.id)}"]`);
            if (option) option.textContent = `${r.title} (due today: ${result.queue.length})`;
          });
          if (roleSelect.value !== role) return;
          const result = results[guide.roles.indexOf(guide.role[role])];
          dueIds = result.queue;
          dueLine.textContent =
            `Due today for ${guide.role[role].short_title || guide.role[role].title}: ${dueIds.length}` +
            (dueIds.length ? ` (${S.due.minutesLabel(result.minutes)})` : "");
          dueLine.dataset.role = role;
          dueLine.dataset.count = String(dueIds.length);
          dueLine.dataset.minutes = String(result.minutes);
          refreshCount();
        })
        .catch((error) => {
          if (alive) dueLine.textContent = `Due today: not available (${error.message}).`;
        });
    }
    function refreshAll() {
      refreshFilters();
      refreshCount();
      writeAddress();
    }
    roleSelect.addEventListener("change", () => {
      refreshRounds();
      refreshFilters(F.none());
      refreshTimer();
      refreshCount();
      refreshDue();
      writeAddress();
    });
    roundSelect.addEventListener("change", () => {
      refreshAll();
      refreshTimer();
    });
    F.FIELDS.forEach((name) => filterSelects[name].addEventListener("change", refreshAll));
    timerSelect.addEventListener("change", refreshCount);
    modeSelect.addEventListener("change", () => {
      refreshCount();
      writeAddress();
    });
    textInput.addEventListener("input", refreshAll);
    refreshRounds(params.get("round"));
    const labels = filterLabels();
    refreshFilters(F.read(params, Object.fromEntries(F.FIELDS.map((name) => [name, Object.keys(labels[name])]))));
    refreshTimer();
    refreshCount();

    /* ---- The card ---- */
    const problem = el("p", { class: "sisg-error", role: "alert", hidden: true });
    const counter = el("p", { class: "sisg-card__counter" });
    const tags = el("p", { class: "sisg-card__tags" });
    const prompt = el("h2", { class: "sisg-card__prompt", tabindex: "-1", id: "sisg-practice-prompt" });
    const timerText = el("span", { class: "sisg-timer__time", role: "timer", "aria-label": "Time left" });
    const pauseButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", text: "Pause" });
    const timerBox = el("div", { class: "sisg-timer" }, timerText, pauseButton);
    // Announcements (one minute left, time's up, copied) go to a polite live region, not every tick.
    const announcer = el("p", { class: "sisg-sr-only", "aria-live": "polite" });
    const guidanceBox = el("div", { class: "sisg-guidance", id: "sisg-practice-guidance", hidden: true });
    const revealButton = el("button", {
      type: "button",
      class: "sisg-btn sisg-btn--primary",
      "aria-expanded": "false",
      "aria-controls": guidanceBox.id,
      "aria-keyshortcuts": "Space Enter",
    });
    const revealLabel = el("span", { text: "Reveal guidance" });
    revealButton.append(revealLabel, " ", el("kbd", { "aria-hidden": "true", text: "Space" }));
    const keyButton = (label, key, className, shortcut = key.toUpperCase()) =>
      el(
        "button",
        { type: "button", class: `sisg-btn ${className}`, "aria-keyshortcuts": shortcut },
        `${label} `,
        el("kbd", { "aria-hidden": "true", text: key }),
      );
    // Before Reveal only Reveal and Skip; the one set of ratings comes with the guidance (G and N
    // stay as keys for Good and Again).
    const nextButton = keyButton("Skip", "→", "sisg-btn--quiet", "ArrowRight");
    const endButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", text: "End this pass" });
    // Undo the last rating (a mis-tap): the review goes, the pass steps back. Key U.
    const undoButton = el(
      "button",
      { type: "button", class: "sisg-btn sisg-btn--small sisg-undo", "aria-keyshortcuts": "U", hidden: true },
      "Undo last rating ",
      el("kbd", { "aria-hidden": "true", text: "U" }),
    );
    let lastRating = null; // {id, review: {at, rating}, pass: the pass as it was before}
    const copyButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small sisg-copy", text: "Copy link" });
    const fullLink = el("a", {
      class: "sisg-card__link",
      target: "_blank",
      rel: "noopener",
      text: "Open the full question page",
    });

    // The four ratings, shown with the guidance; one compact row stuck to the bottom of a phone screen.
    const suggestion = el("span", { class: "sisg-rate__hint", id: "sisg-rate-hint" });
    const rateButtons = RATINGS.map(({ rating, label, key }) => {
      const button = keyButton(label, key, `sisg-btn--rate sisg-btn--rate-${rating}`, key);
      button.dataset.rating = String(rating);
      button.addEventListener("click", () => rate(rating));
      return button;
    });
    const rateBar = el(
      "div",
      { class: "sisg-rate", role: "group", "aria-labelledby": "sisg-rate-label", hidden: true },
      el("span", { class: "sisg-rate__label", id: "sisg-rate-label", text: "How did it go?" }),
      el("span", { class: "sisg-rate__buttons" }, rateButtons),
      suggestion,
    );

    // Notes: saved as you type (after a pause), with what happened said next to the box.
    const noteInput = el("textarea", { id: "sisg-practice-note", rows: "4", maxlength: "5000" });
    const noteStatus = el("span", { class: "sisg-note-status", id: "sisg-practice-note-status", role: "status" });
    const noteBox = el(
      "div",
      { class: "sisg-field sisg-notes" },
      el("label", { for: noteInput.id, text: "Your notes on this question (outline, STAR story)" }),
      noteInput,
      noteStatus,
    );

    const card = el(
      "section",
      { class: "sisg-card", "aria-label": "Practice question", hidden: true },
      el("div", { class: "sisg-card__head" }, counter, timerBox),
      tags,
      prompt,
      el("div", { class: "sisg-actions" }, revealButton, nextButton),
      guidanceBox,
      rateBar,
      // The link joins the foot when the first question gives it an address (draw): an <a>
      // without href is neither a link for keyboards nor crawlable.
      el("p", { class: "sisg-card__foot" }, undoButton, copyButton, endButton),
      announcer,
    );
    const summaryBox = el("section", { class: "sisg-summary", "aria-label": "Pass summary", hidden: true });
    const resumed = el("p", { class: "sisg-note", hidden: true });
    const undoDone = el("p", { class: "sisg-undo-status", role: "status" });
    fill(root, form, problem, resumed, undoDone, card, summaryBox);

    const showProblem = (result) => {
      problem.textContent = result.ok ? "" : result.error;
      problem.hidden = result.ok;
      return result.ok;
    };

    /* ---- The pass, saved in the record ---- */
    function savePass() {
      if (pass && timer) pass.seconds = Math.max(0, Math.round(timer.left));
      const saved = pass ? { ...pass, seconds: Math.max(0, Math.round(pass.seconds || 0)) } : null;
      return showProblem(
        store.update((record) => {
          record.pass = saved;
        }),
      );
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ids = selection();
      if (!ids.length) return;
      const mode = modeSelect.value;
      beginPass(mode === "due" ? ids : S.shuffle(ids.slice()), 1);
      card.scrollIntoView({ block: "start" });
    });

    function beginPass(order, number) {
      pass = {
        role: roleSelect.value,
        mode: modeSelect.value,
        filters: {
          round: roundSelect.value,
          ...chosenFilters(),
          text: textInput.value,
          timer: timerSelect.value,
          pass: String(number),
        },
        order,
        position: 0,
        started: new Date().toISOString(),
        seconds: 0,
      };
      resumed.hidden = true;
      summaryBox.hidden = true;
      lastRating = null;
      draw({ fresh: true });
    }

    // The pass's ratings so far: each asked question's last review since the pass started.
    function passRatings() {
      const record = store.read();
      const ratings = {};
      pass.order.slice(0, pass.position).forEach((id) => {
        const last = store.lastReview(record, id);
        if (last && last.at >= pass.started) ratings[id] = last.rating;
      });
      return ratings;
    }

    function draw({ fresh = false, seconds = null } = {}) {
      stopTimer();
      if (pass.position >= pass.order.length) return finishPass();
      const q = guide.question[pass.order[pass.position]];
      current = q;
      card.hidden = false;
      card.setAttribute("data-question", q.id);
      const number = Number(pass.filters.pass || 1);
      counter.textContent =
        `Question ${pass.position + 1} of ${pass.order.length}` + (number > 1 ? ` · retry pass ${number - 1}` : "");
      const role = guide.role[pass.role];
      const topic = guide.topic[q.topic];
      const rounds = (topic ? topic.asked_in : [])
        .filter((p) => p.role === pass.role)
        .map((p) => role.rounds.find((r) => r.id === p.round));
      fill(
        tags,
        el("span", { class: "guide-tag", text: guide.data.labels.kinds[q.kind] }),
        topic ? el("span", { class: "guide-tag", text: topic.name }) : null,
        rounds.filter(Boolean).map((r) => el("span", { class: "guide-tag", text: r.name })),
      );
      fill(prompt, S.html(q.prompt_html));
      // The guidance comes from the topic's file (fetched once, usually while the prompt is read).
      fill(guidanceBox, el("p", { class: "sisg-loading", text: "Loading the guidance…" }), noteBox);
      showGuidance(q);
      noteInput.value = (store.read().notes[q.id] || {}).text || "";
      noteStatus.textContent = "";
      guidanceBox.hidden = true;
      rateBar.hidden = true;
      revealButton.setAttribute("aria-expanded", "false");
      revealLabel.textContent = "Reveal guidance";
      fullLink.href = S.siteUrl(q.url);
      if (!fullLink.parentNode) copyButton.before(fullLink);
      copyButton.textContent = "Copy link";
      undoButton.hidden = !lastRating;
      suggest();
      const full = secondsFor(q);
      startTimer(full === null ? null : seconds !== null && seconds > 0 ? Math.min(seconds, full) : full);
      if (fresh || seconds === null) savePass();
      // After reading long guidance the card's top may be off screen: bring it back under the header.
      const top = card.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) card.scrollIntoView({ block: "start" });
      prompt.focus({ preventScroll: true });
    }

    function secondsFor(q) {
      const mode = pass.filters.timer;
      if (mode === "off") return null;
      const round = guide.role[pass.role].rounds.find((r) => r.id === pass.filters.round);
      return (mode === "round" && round && round.minutes ? round.minutes : q.minutes) * 60;
    }

    function showGuidance(q) {
      guide
        .guidance(q.id)
        .then((sections) => {
          if (current !== q) return;
          fill(guidanceBox, guidanceFor(q, sections), storiesFor(q), noteBox);
          suggest();
        })
        .catch((error) => {
          if (current !== q) return;
          fill(
            guidanceBox,
            el("p", { class: "sisg-error", role: "alert", text: `Could not load the guidance (${error.message}). The full question page has it.` }),
            noteBox,
          );
        });
      // The next question's topic, fetched while this one is answered.
      const next = pass.order[pass.position + 1];
      if (next && guide.question[next]) guide.guidance(next).catch(() => {});
    }

    /* The guidance sections as the build rendered them (the same as the question's page); the
       points of "what a strong answer covers" become boxes to tick. */
    function guidanceFor(q, sections) {
      return sections.map((section) => {
        const body = S.html(section.html);
        if (section.field === "covers") checklist(body, q.id);
        return [el("h3", { text: section.label }), body];
      });
    }
    /* A behavioural or culture question (guide.json story_kinds): the candidate's stories linked to
       it, from the story bank (SISG.stories.linked, which mock rounds use too), or where to write one. */
    function storiesFor(q) {
      if (!guide.data.story_kinds.includes(q.kind)) return null;
      const mine = S.stories.linked(store.read(), q.id);
      const bank = `${S.siteUrl(guide.data.pages.stories)}?role=${encodeURIComponent(pass.role)}`;
      return el(
        "section",
        { class: "sisg-linked-stories", "aria-labelledby": "sisg-practice-stories" },
        el("h3", { id: "sisg-practice-stories", text: "Your stories for this question" }),
        mine.length
          ? mine.map((story) => S.stories.view(story))
          : el("p", { class: "sisg-note", text: "No story linked to this question yet." }),
        el("p", {}, el("a", { href: bank, text: mine.length ? "Edit them in the story bank" : "Write one in the story bank" })),
      );
    }
    function checklist(fragment, id) {
      const list = fragment.querySelector("ul, ol");
      if (!list) return;
      list.classList.add("sisg-checklist");
      [...list.children].forEach((item, index) => {
        const box = el("input", { type: "checkbox", id: `sisg-cover-${id}-${index}`, class: "sisg-checklist__box" });
        const label = el("label", { for: box.id });
        label.append(...item.childNodes);
        item.append(box, label);
        box.addEventListener("change", suggest);
      });
    }

    // The suggested rating from the ticked points, marked on its button; any button may be chosen.
    function suggest() {
      const boxes = [...guidanceBox.querySelectorAll(".sisg-checklist__box")];
      const ticked = boxes.filter((box) => box.checked).length;
      const rating = ticked ? suggestedRating(ticked, boxes.length) : null;
      rateButtons.forEach((button) => {
        const on = Number(button.dataset.rating) === rating;
        button.classList.toggle("sisg-btn--suggested", on);
        if (on) button.setAttribute("aria-describedby", suggestion.id);
        else button.removeAttribute("aria-describedby");
      });
      suggestion.textContent = rating
        ? `Suggested: ${LABEL[rating]} (${ticked} of ${plural(boxes.length, "point")} covered)`
        : boxes.length
          ? "Tick the points your answer covered for a suggestion."
          : "";
      rateBar.dataset.suggested = rating ? String(rating) : "";
    }

    function reveal() {
      if (card.hidden) return;
      const open = guidanceBox.hidden;
      guidanceBox.hidden = !open;
      rateBar.hidden = !open;
      revealButton.setAttribute("aria-expanded", String(open));
      revealLabel.textContent = open ? "Hide guidance" : "Reveal guidance";
      if (open) stopTimer(); // once you look at the answer, the attempt is over
    }

    // A rating is saved as a review, then the pass moves on; if it could not be saved, it stays.
    /* Again and Hard bring the question back at the end of a due pass (a short relearning step,
       as the day's queue does), at most RELEARN_MAX_PER_DAY times. Reviews from practice carry the
       role practised, so My progress counts them for that role only. */
    function rate(rating) {
      if (card.hidden || !current) return;
      if (!saveNote()) return;
      const before = JSON.parse(JSON.stringify(pass));
      const at = new Date();
      if (!showProblem(store.review(current.id, rating, at, pass.role))) return;
      lastRating = { id: current.id, review: { at: at.toISOString(), rating }, pass: before };
      const id = current.id;
      const asked = pass.order.filter((other) => other === id).length;
      const later = pass.order.slice(pass.position + 1).includes(id);
      if (pass.mode === "due" && rating < 3 && !later && asked < S.loop.RELEARN_MAX_PER_DAY) pass.order.push(id);
      undoDone.textContent = "";
      next();
    }

    function undo() {
      if (!lastRating) return;
      const { id, review, pass: before } = lastRating;
      const result = store.update((record) => {
        const list = record.reviews[id] || [];
        const last = list[list.length - 1];
        if (last && last.at === review.at && last.rating === review.rating) list.pop();
        if (list.length) record.reviews[id] = list;
        else delete record.reviews[id];
      });
      if (!showProblem(result)) return;
      lastRating = null;
      pass = before;
      summaryBox.hidden = true;
      undoDone.textContent = `Rating undone: ${LABEL[review.rating]} on this question is taken back.`;
      draw({ fresh: true });
    }

    function next() {
      if (card.hidden || !pass) return;
      if (!saveNote()) return;
      pass.position += 1;
      pass.seconds = 0;
      draw({ fresh: true });
    }

    /* ---- Notes ---- */
    let noteTimer = null;
    function saveNote() {
      clearTimeout(noteTimer);
      noteTimer = null;
      if (!current) return true;
      const saved = (store.read().notes[current.id] || {}).text || "";
      if (noteInput.value === saved || (!noteInput.value.trim() && !saved)) return true;
      const result = store.setNote(current.id, noteInput.value);
      noteStatus.textContent = result.ok ? "Saved." : "Not saved (see the message above).";
      return showProblem(result);
    }
    noteInput.addEventListener("input", () => {
      noteStatus.textContent = "Not saved yet…";
      clearTimeout(noteTimer);
      noteTimer = setTimeout(saveNote, NOTE_SAVE_DELAY_MS);
    });
    noteInput.addEventListener("blur", saveNote);

    function finishPass() {
      stopTimer();
      card.hidden = true;
      current = null;
      const ratings = passRatings();
      const asked = [...new Set(pass.order.slice(0, pass.position))]; // relearning asks some twice
      const missed = asked.filter((id) => ratings[id] && ratings[id] <= 2);
      const got = asked.filter((id) => ratings[id] >= 3).length;
      const skipped = asked.length - got - missed.length;
      const unseen = new Set(pass.order.slice(pass.position).filter((id) => !asked.includes(id))).size;
      const parts = [`${got} got it`, `${missed.length} ${missed.length === 1 ? "needs" : "need"} work`, `${skipped} skipped`];
      if (unseen) parts.push(`${unseen} not reached`);
      const finished = pass;
      const retry = el("button", {
        type: "button",
        class: "sisg-btn sisg-btn--primary",
        text: `Retry the ones I missed (${missed.length})`,
      });
      retry.addEventListener("click", () => beginPass(missed, Number(finished.filters.pass || 1) + 1));
      const again = el("button", { type: "button", class: "sisg-btn", text: "Start a new pass over the same questions" });
      again.addEventListener("click", () =>
        beginPass(finished.mode === "due" ? finished.order.slice() : S.shuffle(finished.order.slice()), 1),
      );
      // Focused so a screen reader hears the summary; tabindex=-1 and no ring (it is not a control).
      const heading = el("h2", { tabindex: "-1", class: "sisg-summary__title", text: unseen ? "Pass ended" : "Pass complete" });
      fill(
        summaryBox,
        heading,
        el("p", { text: parts.join(" · ") + "." }),
        missed.length
          ? [
              el("p", { text: "Needs work:" }),
              el(
                "ul",
                { class: "sisg-missed" },
                missed.map((id) =>
                  el(
                    "li",
                    { "data-question": id },
                    el("a", { href: S.siteUrl(guide.question[id].url) }, S.html(guide.question[id].prompt_html)),
                  ),
                ),
              ),
            ]
          : el("p", { text: "Nothing marked Needs work in this pass." }),
        el(
          "div",
          { class: "sisg-actions" },
          missed.length ? retry : null,
          again,
          lastRating
            ? el("button", { type: "button", class: "sisg-btn sisg-undo", "aria-keyshortcuts": "U", onclick: undo }, "Undo last rating ", el("kbd", { "aria-hidden": "true", text: "U" }))
            : null,
        ),
      );
      summaryBox.hidden = false;
      pass = null;
      savePass();
      refreshCount();
      refreshDue();
      heading.focus();
    }

    /* ---- Timer: counts down from a deadline, so a throttled background tab stays accurate. ---- */
    function startTimer(seconds) {
      timerBox.hidden = seconds === null;
      if (seconds === null) return;
      timer = { deadline: Date.now() + seconds * 1000, left: seconds, paused: false, warned: seconds <= 60, id: null };
      pauseButton.textContent = "Pause";
      pauseButton.disabled = false;
      timerBox.classList.remove("sisg-timer--over");
      tick();
      timer.id = setInterval(tick, 250);
    }
    function tick() {
      if (!timer || timer.paused) return;
      timer.left = (timer.deadline - Date.now()) / 1000;
      timerText.textContent = clock(timer.left);
      if (!timer.warned && timer.left <= 60) {
        timer.warned = true;
        announcer.textContent = "One minute left.";
      }
      if (timer.left <= 0) {
        timerBox.classList.add("sisg-timer--over");
        timerText.textContent = "Time's up";
        announcer.textContent = "Time's up. Wrap up your answer.";
        stopTimer();
      }
    }
    function stopTimer() {
      if (timer) {
        clearInterval(timer.id);
        if (pass) pass.seconds = Math.max(0, Math.round(timer.left));
      }
      timer = null;
      pauseButton.disabled = true;
    }
    pauseButton.addEventListener("click", () => {
      if (!timer) return;
      timer.paused = !timer.paused;
      if (!timer.paused) timer.deadline = Date.now() + timer.left * 1000;
      pauseButton.textContent = timer.paused ? "Resume" : "Pause";
      savePass();
    });

    /* ---- Copy link: the question's own page ---- */
    copyButton.addEventListener("click", () => {
      if (!current) return;
      const url = S.siteUrl(current.url);
      const copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject(new Error("no clipboard"));
      copied
        .then(() => {
          copyButton.textContent = "Copied";
          announcer.textContent = "Link copied.";
        })
        .catch(() => {
          copyButton.textContent = "Copy link";
          showProblem({ ok: false, error: `Your browser did not allow copying. The link is ${url}` });
        });
    });

    revealButton.addEventListener("click", reveal);
    nextButton.addEventListener("click", next);
    undoButton.addEventListener("click", undo);
    endButton.addEventListener("click", () => {
      if (saveNote()) finishPass();
    });
    // Opening the full page in a new tab keeps this one; the pass is saved first all the same.
    fullLink.addEventListener("click", () => {
      saveNote();
      savePass();
    });

    /* ---- Keyboard: Space/Enter reveal, 1–4 rate, G Good, N Again, → skip. ----
       Listening on window in the capture phase runs before Material's own keyboard handling, so
       while practice is active its page shortcuts (n/p next/previous page, , and ., / s f search)
       never fire; in form fields every key types as usual. */
    const active = () => !card.hidden || !summaryBox.hidden;
    function onKey(event) {
      if (!active() || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : document.body;
      if (target.closest("input, select, textarea, [contenteditable], .md-search")) return;
      const onControl = target.closest("button, a, summary");
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const asking = !card.hidden;
      const actions = asking
        ? {
            u: undo,
            " ": onControl ? null : reveal, // on a button, Space and Enter press that button
            Enter: onControl ? null : reveal,
            g: () => rate(3),
            n: () => rate(1),
            1: () => rate(1),
            2: () => rate(2),
            3: () => rate(3),
            4: () => rate(4),
            ArrowRight: next,
          }
        : { u: undo };
      const action = actions[key];
      if (!action && !MATERIAL_KEYS.has(key)) return;
      event.stopPropagation();
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener("keydown", onKey, true);

    // Leaving (another tab, a reload, closing): keep the seconds left and any note.
    const persist = () => {
      saveNote();
      if (pass) savePass();
    };
    const onHidden = () => document.visibilityState === "hidden" && persist();
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", persist);

    /* ---- Resume a saved pass ---- */
    function resume() {
      const saved = store.read().pass;
      if (!saved || !guide.role[saved.role] || !Array.isArray(saved.order)) return false;
      const order = saved.order.filter((id) => guide.question[id]);
      if (!order.length) return false;
      const filters = saved.filters || {};
      roleSelect.value = saved.role;
      refreshRounds(filters.round);
      if (MODES.some(([m]) => m === saved.mode)) modeSelect.value = saved.mode;
      textInput.value = filters.text || "";
      refreshFilters({ ...F.none(), ...filters });
      refreshTimer(filters.timer);
      refreshCount();
      pass = {
        role: saved.role,
        mode: saved.mode,
        filters: { ...filters },
        order,
        position: Math.min(Math.max(0, saved.position | 0), order.length),
        started: saved.started,
        seconds: saved.seconds | 0,
      };
      resumed.textContent = `Resumed your pass: question ${Math.min(pass.position + 1, order.length)} of ${order.length}.`;
      resumed.hidden = false;
      draw({ seconds: pass.seconds });
      return true;
    }
    resume();
    refreshDue();

    // Cleanup when instant navigation leaves the page.
    return () => {
      saveNote();
      if (pass) savePass();
      alive = false;
      stopTimer();
      window.removeEventListener("keydown", onKey, true);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", persist);
    };
  }
})();
