/* The mock round page (#sisg-mock): one round, or a loop of rounds back to back, run for the
   round's real length. The prompt shows alone; after the main answer the follow-ups come one at a
   time; the guidance stays hidden until the round ends. Then a scorecard: each question's guidance
   with "what a strong answer covers" to tick, the round's signals, a rating and notes. Saving
   stores a debrief in the study record and each rating as a review, so the questions enter the
   study loop's schedule.

   How long a round runs and which kinds it asks come from the study index (round.mock, derived in
   study_guide/mock.py); which questions, the clock and the summary are SISG.mockround's pure
   functions. The mock in progress is saved in the record (`mock`), so a reload resumes it. */
(() => {
  "use strict";
  const S = window.SISG;
  const M = S.mockround;
  const { el, fill, plural } = S;
  const RATINGS = [
    [1, "Again"],
    [2, "Hard"],
    [3, "Good"],
    [4, "Easy"],
  ];
  const NOTE_SAVE_DELAY_MS = 500;

  S.onPageWithGuide("#sisg-mock", start);

  function start(root, guide) {
    const store = S.store;
    const params = new URLSearchParams(location.search);
    let timer = null;
    let noteTimer = null;
    let alive = true;

    const problem = el("p", { class: "sisg-error", role: "alert", hidden: true });
    const announcer = el("p", { class: "sisg-sr-only", "aria-live": "polite" });
    const view = el("div", { class: "sisg-mock" });
    fill(root, problem, view, announcer);

    const mockState = () => store.read().mock;
    // Store a changed mock (or null); a failed write is said on the page and nothing moves on.
    function save(mock) {
      const result = store.update((record) => {
        record.mock = mock;
      });
      problem.hidden = result.ok;
      problem.textContent = result.ok ? "" : result.error;
      return result.ok;
    }
    const roleOf = (mock) => guide.role[mock.role];
    const roundOf = (mock, index) => roleOf(mock).rounds.find((r) => r.id === mock.rounds[index].round);
    const kindLabel = (kind) => guide.data.labels.kinds[kind] || kind;

    // A saved mock this guide can still run (its role, rounds and questions exist).
    function resumable(mock) {
      if (!mock || !guide.role[mock.role] || !Array.isArray(mock.rounds) || !mock.rounds.length) return false;
      return mock.rounds.every(
        (r) =>
          guide.role[mock.role].rounds.some((x) => x.id === r.round) &&
          Array.isArray(r.questions) &&
          r.questions.every((q) => guide.question[q.id]),
      );
    }

    /* ---- Setup: role, one round or a loop, the length when the data gives none ---- */

    function setup() {
      stopTimer();
      const roleSelect = el("select", { id: "sisg-mock-role", name: "role" });
      const roundSelect = el("select", { id: "sisg-mock-round", name: "round" });
      const lengthSelect = el("select", { id: "sisg-mock-length", name: "length" });
      const roundField = el("div", { class: "sisg-field" }, el("label", { for: roundSelect.id, text: "Round" }), roundSelect);
      const lengthField = el("div", { class: "sisg-field" }, el("label", { for: lengthSelect.id, text: "Length" }), lengthSelect);
      const assumption = el("p", { class: "sisg-note sisg-mock__assumed" });
      const planLine = el("p", { class: "sisg-mock__plan", id: "sisg-mock-plan" });
      const kindOne = el("input", { type: "radio", name: "sisg-mock-kind", id: "sisg-mock-kind-round", value: "round" });
      const kindLoop = el("input", { type: "radio", name: "sisg-mock-kind", id: "sisg-mock-kind-loop", value: "loop" });
      const loopBox = el("fieldset", { class: "sisg-mock__rounds", id: "sisg-mock-rounds" });
      const startButton = el("button", { type: "button", class: "sisg-btn sisg-btn--primary", id: "sisg-mock-start" });
      const wantedRole = guide.role[params.get("role")] ? params.get("role") : guide.roles[0].id;
      fill(roleSelect, S.options(guide.roles.map((r) => [r.id, r.title]), wantedRole));
      const isLoop = params.get("loop") === "1";
      kindOne.checked = !isLoop;
      kindLoop.checked = isLoop;

      const role = () => guide.role[roleSelect.value];
      const round = () => role().rounds.find((r) => r.id === roundSelect.value) || role().rounds[0];
      const minutes = () => Number(lengthSelect.value) || round().mock.minutes;

      function refreshRounds(wanted) {
        fill(
          roundSelect,
          S.options(
            role().rounds.map((r) => [r.id, `${r.name} (${r.duration_label || "length assumed"})`]),
            role().rounds.some((r) => r.id === wanted) ? wanted : role().rounds[0].id,
          ),
        );
        fill(
          loopBox,
          el("legend", { text: "Rounds in the loop (in order)" }),
          role().rounds.map((r) => {
            const box = el("input", { type: "checkbox", id: `sisg-mock-in-${r.id}`, value: r.id, checked: true });
            box.addEventListener("change", refreshPlan);
            return el(
              "div",
              { class: "sisg-mock__round-choice" },
              box,
              el("label", { for: box.id, text: `${r.name} · ${r.mock.minutes} min${r.mock.assumed ? " (assumed)" : ""}` }),
            );
          }),
        );
      }
      function refreshLength() {
        const r = round();
        fill(lengthSelect, S.options(r.mock.choices.map((c) => [String(c.minutes), `${c.minutes} minutes`]), String(r.mock.minutes)));
        lengthSelect.disabled = !r.mock.assumed;
      }
      function planText(r, plan) {
        const parts = plan.slots.map((s) => `${plural(s.count, `${kindLabel(s.kind).toLowerCase()} question`)} (about ${s.minutes} min each)`);
        return `${r.name}: ${plan.minutes} minutes. ${parts.join(", then ")}; ${plan.overhead_minutes} minutes are kept for introductions and your own questions.`;
      }
      function refreshPlan() {
        const loop = kindLoop.checked;
        roundField.hidden = loop;
        lengthField.hidden = loop;
        loopBox.hidden = !loop;
        if (loop) {
          const chosen = chosenRounds();
          const total = chosen.reduce((sum, r) => sum + r.mock.minutes, 0);
          const breaks = Math.max(0, chosen.length - 1) * guide.data.mock.break_minutes;
          planLine.textContent = chosen.length
            ? `${plural(chosen.length, "round")} back to back: ${total} minutes of rounds and ${breaks} minutes of breaks.`
            : "Choose at least one round.";
          const assumed = chosen.filter((r) => r.mock.assumed);
          assumption.hidden = !assumed.length && !breaks;
          assumption.textContent =
            (assumed.length
              ? `No source gives the length of ${assumed.map((r) => r.name).join(", ")}: this guide assumes ${guide.data.mock.default_round_minutes} minutes. `
              : "") +
            (breaks
              ? `The sources give no breaks between rounds: this guide assumes ${guide.data.mock.break_minutes} minutes, which you may skip.`
              : "");
          startButton.disabled = !chosen.length;
          startButton.textContent = "Start the loop";
        } else {
          const r = round();
          planLine.textContent = planText(r, M.planFor(r, minutes()));
          assumption.hidden = !r.mock.assumed;
          assumption.textContent = r.mock.assumed
            ? `No source gives this round's length: ${guide.data.mock.default_round_minutes} minutes is this guide's assumption. Pick the length your recruiter gave you.`
            : "";
          startButton.disabled = false;
          startButton.textContent = "Start the round";
        }
      }
      const chosenRounds = () =>
        role().rounds.filter((r) => {
          const box = loopBox.querySelector(`input[value="${CSS.escape(r.id)}"]`);
          return box && box.checked;
        });

      roleSelect.addEventListener("change", () => {
        refreshRounds();
        refreshLength();
        refreshPlan();
      });
      roundSelect.addEventListener("change", () => {
        refreshLength();
        refreshPlan();
      });
      lengthSelect.addEventListener("change", refreshPlan);
      kindOne.addEventListener("change", refreshPlan);
      kindLoop.addEventListener("change", refreshPlan);
      refreshRounds(params.get("round"));
      refreshLength();
      refreshPlan();

      startButton.addEventListener("click", () => {
        const loop = kindLoop.checked;
        const rounds = loop ? chosenRounds().map((r) => [r, r.mock.minutes]) : [[round(), minutes()]];
        begin(role(), rounds, loop ? "loop" : "round");
      });

      fill(
        view,
        el(
          "div",
          { class: "sisg-controls" },
          el("div", { class: "sisg-field" }, el("label", { for: roleSelect.id, text: "Role" }), roleSelect),
          el(
            "fieldset",
            { class: "sisg-field sisg-mock__kind" },
            el("legend", { text: "Rehearse" }),
            el("span", {}, kindOne, el("label", { for: kindOne.id, text: " One round" })),
            el("span", {}, kindLoop, el("label", { for: kindLoop.id, text: " A loop of rounds" })),
          ),
          roundField,
          lengthField,
          loopBox,
          el("div", { class: "sisg-field sisg-field--full" }, planLine, assumption),
          el("div", { class: "sisg-field sisg-field--action" }, startButton),
        ),
      );
    }

    // A new mock: each round's questions drawn now (least recently practised first).
    function begin(role, rounds, kind) {
      const record = store.read();
      const lastAt = (id) => {
        const list = record.reviews[id];
        return list && list.length ? list[list.length - 1].at : null;
      };
      const seed = Date.now() % 2147483647;
      const mock = {
        role: role.id,
        kind,
        started: new Date().toISOString(),
        rounds: rounds.map(([r, minutes], index) => ({
          round: r.id,
          minutes,
          questions: M.pickQuestions({
            ids: guide.roundQuestions(r),
            kindOf: (id) => guide.question[id].kind,
            lastAt,
            slots: M.planFor(r, minutes).slots,
            seed: seed + index,
          }).map((q) => ({ id: q.id, minutes: q.minutes })),
          notes: {},
          elapsedMs: null,
        })),
        index: 0,
        phase: "round",
        step: { q: 0, followUp: -1 },
        clock: M.startClock(Date.now()),
        score: {},
        notes: "",
      };
      if (save(mock)) whenReady(mock, () => show(mock));
    }

    // The guidance of the mock's questions (follow-ups, the scorecard) fetched before it runs.
    function whenReady(mock, then) {
      guide
        .loadSections([].concat(...mock.rounds.map((r) => r.questions.map((q) => q.id))))
        .then(() => {
          if (alive) then();
        })
        .catch((error) => {
          problem.hidden = false;
          problem.textContent = `Could not load the questions' guidance (${error.message}). Reload to try again.`;
        });
    }

    /* ---- Running a round ---- */

    function followUpsOf(id) {
      const section = guide.question[id].sections.find((s) => s.field === "follow_ups");
      if (!section) return [];
      const list = S.html(section.html).querySelector("ul, ol");
      return list ? [...list.children] : [];
    }

    function runRound(mock) {
      const round = roundOf(mock, mock.index);
      const entry = mock.rounds[mock.index];
      const step = mock.step;
      const q = guide.question[entry.questions[step.q].id];
      const followUps = followUpsOf(q.id);
      const timerText = el("span", { class: "sisg-timer__time", role: "timer", "aria-label": "Time left in the round" });
      const pauseButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", id: "sisg-mock-pause" });
      const paused = mock.clock.pausedAt !== null;
      pauseButton.textContent = paused ? "Resume" : "Pause";
      const noteInput = el("textarea", { id: "sisg-mock-note", rows: "5", maxlength: "5000" });
      noteInput.value = entry.notes[q.id] || "";
      noteInput.addEventListener("input", () => {
        clearTimeout(noteTimer);
        noteTimer = setTimeout(() => {
          const current = mockState();
          if (!current) return;
          current.rounds[current.index].notes[q.id] = noteInput.value;
          save(current);
        }, NOTE_SAVE_DELAY_MS);
      });
      const answered = step.followUp >= 0;
      const lastFollowUp = step.followUp + 1 >= followUps.length;
      const lastQuestion = step.q + 1 >= entry.questions.length;
      const nextButton = el("button", { type: "button", class: "sisg-btn sisg-btn--primary", id: "sisg-mock-next" });
      nextButton.textContent = !answered
        ? followUps.length
          ? "I have answered: the interviewer follows up"
          : lastQuestion
            ? "I have answered: end the round"
            : "I have answered: next question"
        : !lastFollowUp
          ? "Next follow-up"
          : lastQuestion
            ? "End the round"
            : "Next question";
      nextButton.addEventListener("click", () => {
        const current = mockState();
        flushNote(current, q.id, noteInput.value);
        const next = M.advance(current.step, followUps.length, entry.questions.length);
        if (next.done) return endRound(current);
        current.step = { q: next.q, followUp: next.followUp };
        if (save(current)) show(current);
      });
      const endButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", id: "sisg-mock-end", text: "End the round now" });
      endButton.addEventListener("click", () => {
        const current = mockState();
        flushNote(current, q.id, noteInput.value);
        endRound(current);
      });
      pauseButton.addEventListener("click", () => {
        const current = mockState();
        flushNote(current, q.id, noteInput.value);
        const now = Date.now();
        current.clock = current.clock.pausedAt === null ? M.pause(current.clock, now) : M.resume(current.clock, now);
        if (save(current)) show(current);
      });

      const asked = followUps.slice(0, step.followUp + 1);
      fill(
        view,
        el(
          "section",
          { class: "sisg-card sisg-mock__card", "aria-label": "Mock round" },
          el(
            "div",
            { class: "sisg-card__head" },
            el(
              "p",
              { class: "sisg-card__counter", id: "sisg-mock-where" },
              mock.rounds.length > 1 ? `Round ${mock.index + 1} of ${mock.rounds.length}: ` : "",
              `${round.name} · question ${step.q + 1} of ${entry.questions.length}`,
            ),
            el("div", { class: "sisg-timer" }, timerText, pauseButton),
          ),
          el("p", { class: "sisg-card__tags", text: `${q.kind_label} · about ${entry.questions[step.q].minutes} min` }),
          el("h2", { class: "sisg-card__prompt", id: "sisg-mock-prompt", tabindex: "-1" }, S.html(q.prompt_html)),
          asked.length
            ? el(
                "ol",
                { class: "sisg-mock__followups", id: "sisg-mock-followups", "aria-label": "Follow-up questions asked" },
                asked.map((item, index) =>
                  el("li", { class: index === step.followUp ? "sisg-mock__followup--current" : null }, ...item.childNodes),
                ),
              )
            : null,
          el("div", { class: "sisg-actions" }, nextButton),
          el(
            "div",
            { class: "sisg-field sisg-notes" },
            el("label", { for: noteInput.id, text: "Your notes or outline (only you see them; kept for the debrief)" }),
            noteInput,
          ),
          el("p", { class: "sisg-card__foot" }, endButton),
        ),
      );
      const tick = () => {
        const current = mockState();
        if (!current || current.phase !== "round") return stopTimer();
        const left = M.leftMs(current.clock, entry.minutes, Date.now());
        timerText.textContent = `${M.clockText(left)} left`;
        timerText.dataset.left = String(Math.max(0, Math.ceil(left / 1000)));
        if (left <= 0) {
          flushNote(current, q.id, noteInput.value);
          announcer.textContent = "Time is up: the round is over.";
          endRound(current);
        }
      };
      startTimer(tick);
    }

    function flushNote(mock, id, text) {
      clearTimeout(noteTimer);
      if (mock && mock.phase === "round") mock.rounds[mock.index].notes[id] = text;
    }

    // The round is over: its time is kept; a loop goes to a break (or the next round), else the scorecard.
    function endRound(mock) {
      const entry = mock.rounds[mock.index];
      entry.elapsedMs = Math.min(entry.minutes * 60000, M.elapsedMs(mock.clock, Date.now()));
      if (mock.index + 1 < mock.rounds.length) {
        mock.phase = "break";
        mock.clock = M.startClock(Date.now());
      } else {
        mock.phase = "debrief";
      }
      if (save(mock)) whenReady(mock, () => show(mock));
    }

    // The guidance of the mock's questions (follow-ups, the scorecard) fetched before it runs.
    function whenReady(mock, then) {
      guide
        .loadSections([].concat(...mock.rounds.map((r) => r.questions.map((q) => q.id))))
        .then(() => {
          if (alive) then();
        })
        .catch((error) => {
          problem.hidden = false;
          problem.textContent = `Could not load the questions' guidance (${error.message}). Reload to try again.`;
        });
    }

    function nextRound(mock) {
      mock.index += 1;
      mock.phase = "round";
      mock.step = { q: 0, followUp: -1 };
      mock.clock = M.startClock(Date.now());
      if (save(mock)) whenReady(mock, () => show(mock));
    }

    // The guidance of the mock's questions (follow-ups, the scorecard) fetched before it runs.
    function whenReady(mock, then) {
      guide
        .loadSections([].concat(...mock.rounds.map((r) => r.questions.map((q) => q.id))))
        .then(() => {
          if (alive) then();
        })
        .catch((error) => {
          problem.hidden = false;
          problem.textContent = `Could not load the questions' guidance (${error.message}). Reload to try again.`;
        });
    }

    function runBreak(mock) {
      const minutes = guide.data.mock.break_minutes;
      const next = roundOf(mock, mock.index + 1);
      const timerText = el("span", { class: "sisg-timer__time", role: "timer", "aria-label": "Break time left" });
      const goButton = el("button", { type: "button", class: "sisg-btn sisg-btn--primary", id: "sisg-mock-skip-break" });
      goButton.textContent = `Skip the break: start ${next.name}`;
      goButton.addEventListener("click", () => nextRound(mockState()));
      fill(
        view,
        el(
          "section",
          { class: "sisg-card sisg-mock__break", "aria-label": "Break" },
          el("h2", { text: "Break" }),
          el("p", {}, el("span", { class: "sisg-timer" }, timerText)),
          el("p", {
            class: "sisg-note",
            text: `The sources give no breaks between rounds; ${minutes} minutes is this guide's assumption. Next: ${next.name} (${mock.rounds[mock.index + 1].minutes} minutes).`,
          }),
          el("div", { class: "sisg-actions" }, goButton),
        ),
      );
      startTimer(() => {
        const current = mockState();
        if (!current || current.phase !== "break") return stopTimer();
        const left = M.leftMs(current.clock, minutes, Date.now());
        timerText.textContent = `${M.clockText(left)} left`;
        if (left <= 0) nextRound(current);
      });
    }

    /* ---- Scorecard and debrief ---- */

    const scoreKey = (index, id) => `${index}:${id}`;

    function runDebrief(mock) {
      stopTimer();
      const role = roleOf(mock);
      const status = el("p", { class: "sisg-status-line", role: "status", id: "sisg-mock-saved" });
      const overall = el("textarea", { id: "sisg-mock-debrief-notes", rows: "3", maxlength: "5000" });
      overall.value = mock.notes || "";
      overall.addEventListener("change", () => {
        const current = mockState();
        current.notes = overall.value;
        save(current);
      });
      const saveButton = el("button", {
        type: "button",
        class: "sisg-btn sisg-btn--primary",
        id: "sisg-mock-save",
        text: "Save the debrief and schedule the ratings",
      });
      const discardButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", text: "Discard this mock" });
      discardButton.addEventListener("click", () => {
        if (window.confirm("Discard this mock without saving a debrief?") && save(null)) setup();
      });
      saveButton.addEventListener("click", () => saveDebrief(mockState(), status));

      fill(
        view,
        el("h2", { id: "sisg-mock-scorecard", text: "Scorecard" }),
        el("p", {
          class: "sisg-note",
          text: "Tick what your answer covered, read the guidance, and rate each answer: the ratings go to your review schedule when you save.",
        }),
        mock.rounds.map((entry, index) => roundCard(mock, role, entry, index)),
        el("div", { class: "sisg-field sisg-notes" }, el("label", { for: overall.id, text: "Notes on the whole mock" }), overall),
        el("div", { class: "sisg-actions sisg-noprint" }, saveButton, discardButton),
        status,
      );
    }

    function roundCard(mock, role, entry, index) {
      const round = role.rounds.find((r) => r.id === entry.round);
      const used = Math.round((entry.elapsedMs || 0) / 60000);
      return el(
        "section",
        { class: "sisg-mock__round", "data-round": round.id },
        el("h3", { text: `${mock.rounds.length > 1 ? `${index + 1}. ` : ""}${round.name}` }),
        el("p", { class: "sisg-note", text: `${plural(used, "minute")} of ${entry.minutes}.` }),
        signalsOf(role, round),
        entry.questions.map(({ id }) => questionScore(mock, index, id, entry.notes[id])),
      );
    }

    function signalsOf(role, round) {
      if (!round.signals.length) return null;
      return el(
        "details",
        { class: "sisg-mock__signals", open: true },
        el("summary", { text: "What the panel weighs in this round" }),
        el(
          "ul",
          {},
          round.signals.map((i) => {
            const signal = role.signals[i];
            return el(
              "li",
              {},
              el("strong", { text: `${signal.name}. ` }),
              S.html(signal.description_html),
              signal.rounds_inferred ? el("em", { text: " (Tied to this round by this guide, not by a source.)" }) : null,
            );
          }),
        ),
      );
    }

    function questionScore(mock, index, id, myNotes) {
      const q = guide.question[id];
      const key = scoreKey(index, id);
      const score = mock.score[key] || { covered: [], rating: null, notes: "" };
      const suggestion = el("span", { class: "sisg-rate__hint" });
      const buttons = RATINGS.map(([rating, label]) => {
        const input = el("input", {
          type: "radio",
          name: `sisg-rate-${key}`,
          id: `sisg-rate-${index}-${id}-${rating}`,
          value: String(rating),
          checked: score.rating === rating,
        });
        input.addEventListener("change", () => update((s) => (s.rating = rating)));
        return el("span", { class: "sisg-mock__rating" }, input, el("label", { for: input.id, text: ` ${label}` }));
      });
      const notesInput = el("textarea", { id: `sisg-mock-qnotes-${index}-${id}`, rows: "2", maxlength: "5000" });
      notesInput.value = score.notes;
      notesInput.addEventListener("change", () => update((s) => (s.notes = notesInput.value)));
      const sections = q.sections.map((section) => {
        const body = S.html(section.html);
        if (section.field === "covers") {
          const list = body.querySelector("ul, ol");
          if (list) {
            list.classList.add("sisg-checklist");
            [...list.children].forEach((item, i) => {
              const box = el("input", {
                type: "checkbox",
                id: `sisg-mock-cover-${index}-${id}-${i}`,
                class: "sisg-checklist__box",
                checked: score.covered.includes(i),
              });
              const label = el("label", { for: box.id });
              label.append(...item.childNodes);
              item.append(box, label);
              box.addEventListener("change", () =>
                update((s) => {
                  s.covered = box.checked ? [...new Set([...s.covered, i])].sort((a, b) => a - b) : s.covered.filter((x) => x !== i);
                }),
              );
            });
          }
        }
        return [el("h4", { text: section.label }), body];
      });
      const covers = (q.sections.find((s) => s.field === "covers") || { html: "" }).html;
      const coverCount = S.html(covers).querySelectorAll("li").length;
      const hint = (s) => {
        const rating = s.covered.length ? S.loop.suggestedRating(s.covered.length, coverCount) : null;
        suggestion.textContent = rating ? `Your ticks suggest ${RATINGS[rating - 1][1]}.` : "";
      };
      hint(score);
      // Every change to the scorecard is saved with the mock, so a reload keeps it.
      function update(fn) {
        const current = mockState();
        const s = current.score[key] || { covered: [], rating: null, notes: "" };
        fn(s);
        current.score[key] = s;
        hint(s);
        save(current);
      }
      return el(
        "article",
        { class: "sisg-mock__question", "data-question": id },
        el("h3", { class: "sisg-mock__prompt" }, S.html(q.prompt_html)),
        myNotes ? el("div", { class: "sisg-note sisg-mock__mynotes" }, el("strong", { text: "Your notes: " }), myNotes) : null,
        el("div", { class: "sisg-guidance" }, sections),
        storiesOf(q),
        el(
          "fieldset",
          { class: "sisg-mock__rate" },
          el("legend", { text: "How did it go?" }),
          buttons,
          " ",
          suggestion,
        ),
        el("div", { class: "sisg-field sisg-notes" }, el("label", { for: notesInput.id, text: "Notes on this answer" }), notesInput),
      );
    }

    // A behavioural or culture question's stories from the story bank, as Practice shows them after Reveal.
    function storiesOf(q) {
      if (!guide.data.story_kinds.includes(q.kind)) return null;
      const mine = S.stories.linked(store.read(), q.id);
      if (!mine.length) return null;
      return el(
        "section",
        { class: "sisg-linked-stories" },
        el("h4", { text: "Your stories for this question" }),
        mine.map((story) => S.stories.view(story)),
      );
    }

    // The debrief as stored: per round, per question its ticks (indexes), rating and notes.
    function debriefOf(mock) {
      return {
        id: `m${Date.now()}`,
        at: new Date().toISOString(),
        role: mock.role,
        kind: mock.kind,
        notes: mock.notes || "",
        rounds: mock.rounds.map((entry, index) => ({
          round: entry.round,
          minutes: entry.minutes,
          notes: "",
          questions: entry.questions.map(({ id }) => {
            const s = mock.score[scoreKey(index, id)] || { covered: [], rating: null, notes: "" };
            const covers = guide.question[id].covers;
            return { id, covers, covered: s.covered, rating: s.rating, notes: s.notes };
          }),
        })),
      };
    }

    function saveDebrief(mock, status) {
      const debrief = debriefOf(mock);
      const reviews = M.reviewsOf(debrief);
      const result = store.update((record) => {
        const clean = store.cleanDebriefs([debrief], () => true, new Date(), { dropped: 0, clamped: 0, invalid: 0 });
        record.debriefs = store.mergeDebriefs(record.debriefs || [], clean).debriefs;
        reviews.forEach((r) => {
          const list = record.reviews[r.id] || [];
          list.push({ at: r.at, rating: r.rating, role: r.role });
          record.reviews[r.id] = list;
        });
        record.mock = null;
      });
      if (!result.ok) {
        problem.hidden = false;
        problem.textContent = result.error;
        return;
      }
      showSaved(debrief, reviews.length);
    }

    function showSaved(debrief, rated) {
      const role = guide.role[debrief.role];
      const again = el("button", { type: "button", class: "sisg-btn sisg-btn--primary", text: "Start another mock" });
      again.addEventListener("click", setup);
      const due = el("p", { class: "sisg-mock__due", id: "sisg-mock-due", text: "Counting what is due…" });
      fill(
        view,
        el("h2", { id: "sisg-mock-debrief", text: "Debrief saved" }),
        el("p", {
          role: "status",
          id: "sisg-mock-saved",
          text: `Saved: ${plural(rated, "rating")} added to your review schedule.`,
        }),
        due,
        S.debriefView(guide, debrief),
        el(
          "p",
          { class: "sisg-actions sisg-noprint" },
          again,
          el("a", { class: "sisg-btn", href: S.siteUrl(guide.data.pages.progress), text: "All debriefs on My progress" }),
        ),
      );
      const heading = view.querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
      S.due
        .today({ guide, role: role.id })
        .then((result) => {
          if (!alive) return;
          due.textContent = `Due today for ${role.short_title || role.title}: ${result.queue.length} (${S.due.minutesLabel(result.minutes)}).`;
          due.dataset.count = String(result.queue.length);
          due.dataset.queue = result.queue.join(" ");
        })
        .catch((error) => {
          if (alive) due.textContent = `Due today: not available (${error.message}).`;
        });
    }

    /* ---- Dispatch and the one timer ---- */

    // One interval at a time; a tick that ends the round starts the next view's own timer.
    function startTimer(tick) {
      stopTimer();
      if (!alive) return;
      timer = setInterval(tick, 250);
      tick();
    }
    function stopTimer() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    }

    function show(mock) {
      stopTimer();
      if (!mock) return setup();
      if (mock.phase === "round") runRound(mock);
      else if (mock.phase === "break") runBreak(mock);
      else runDebrief(mock);
      const heading = view.querySelector("h2");
      if (heading && heading.tabIndex < 0) heading.setAttribute("tabindex", "-1");
      if (heading) heading.focus({ preventScroll: true });
      // The round starts on screen (on a phone the page's introduction is above it).
      const top = view.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) view.scrollIntoView({ block: "start" });
    }

    const saved = mockState();
    if (saved && resumable(saved)) whenReady(saved, () => show(saved));
    else setup();

    return () => {
      alive = false;
      stopTimer();
      clearTimeout(noteTimer);
    };
  }
})();
