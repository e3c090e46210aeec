/* Practice mode (practice page, #sisg-practice): draw questions at random for a role, an optional
   round and an optional kind; time each answer; reveal the guidance; mark it; retry the misses. */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill } = S;

  const clock = (seconds) => {
    const s = Math.max(0, Math.ceil(seconds));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };

  S.onPageWithGuide("#sisg-practice", start);

  function start(root, guide) {
    const params = new URLSearchParams(location.search);
    const session = { pool: [], queue: [], pos: 0, pass: 1, marks: {}, current: null };
    let timer = null;

    /* ---- Controls ---- */
    const roleSelect = el("select", { id: "sisg-practice-role", name: "role" });
    const roundSelect = el("select", { id: "sisg-practice-round", name: "round" });
    const kindSelect = el("select", { id: "sisg-practice-kind", name: "kind" });
    const timerSelect = el("select", { id: "sisg-practice-timer", name: "timer" });
    const field = (select, label) =>
      el("div", { class: "sisg-field" }, el("label", { for: select.id, text: label }), select);
    const form = el(
      "form",
      { class: "sisg-controls", "aria-label": "Practice settings" },
      field(roleSelect, "Role"),
      field(roundSelect, "Round"),
      field(kindSelect, "Kind of question"),
      field(timerSelect, "Timer"),
      el(
        "div",
        { class: "sisg-field sisg-field--action" },
        el("button", { type: "submit", class: "sisg-btn sisg-btn--primary", text: "Start practice" }),
      ),
    );
    fill(
      roleSelect,
      S.options(
        guide.roles.map((r) => [r.id, r.title]),
        guide.role[params.get("role")] ? params.get("role") : guide.roles[0].id,
      ),
    );

    const currentRole = () => guide.role[roleSelect.value];
    const currentRound = () => currentRole().rounds.find((r) => r.id === roundSelect.value) || null;

    function poolIds(kind) {
      const round = currentRound();
      const ids = round ? guide.roundQuestions(round) : guide.roleQuestions(currentRole());
      return kind ? ids.filter((id) => guide.question[id].kind === kind) : ids;
    }

    function refreshRounds(wanted) {
      const rounds = currentRole().rounds.map((r) => [
        r.id,
        r.name + (r.duration_label ? ` (${r.duration_label})` : ""),
      ]);
      fill(roundSelect, S.options([["", "Any round"]].concat(rounds), wanted || ""));
    }
    function refreshKinds(wanted) {
      const counts = {};
      poolIds(null).forEach((id) => {
        const kind = guide.question[id].kind;
        counts[kind] = (counts[kind] || 0) + 1;
      });
      const labels = guide.data.labels.kinds;
      const kinds = Object.keys(labels)
        .filter((k) => counts[k])
        .map((k) => [k, `${labels[k]} (${counts[k]})`]);
      const all = poolIds(null).length;
      fill(kindSelect, S.options([["", `Any kind (${all})`]].concat(kinds), counts[wanted] ? wanted : ""));
    }
    function refreshTimer() {
      const wanted = timerSelect.value || "kind";
      const round = currentRound();
      const minutes = round && round.minutes;
      const choices = [["kind", "By question kind"]];
      if (minutes) choices.push(["round", `From the round's length (${minutes} min each)`]);
      choices.push(["off", "Off"]);
      fill(timerSelect, S.options(choices, wanted === "round" && !minutes ? "kind" : wanted));
    }
    roleSelect.addEventListener("change", () => {
      refreshRounds();
      refreshKinds();
      refreshTimer();
    });
    roundSelect.addEventListener("change", () => {
      refreshKinds(kindSelect.value);
      refreshTimer();
    });
    refreshRounds(params.get("round"));
    refreshKinds(params.get("kind"));
    refreshTimer();

    /* ---- The card ---- */
    const counter = el("p", { class: "sisg-card__counter" });
    const tags = el("p", { class: "sisg-card__tags" });
    const prompt = el("h2", { class: "sisg-card__prompt", tabindex: "-1", id: "sisg-practice-prompt" });
    const timerText = el("span", { class: "sisg-timer__time", role: "timer", "aria-label": "Time left" });
    const pauseButton = el("button", { type: "button", class: "sisg-btn sisg-btn--small", text: "Pause" });
    const timerBox = el("div", { class: "sisg-timer" }, timerText, pauseButton);
    // Announcements (one minute left, time's up) go to a polite live region, not every tick.
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
    const gotButton = el(
      "button",
      { type: "button", class: "sisg-btn sisg-btn--got", "aria-keyshortcuts": "G" },
      "Got it ",
      el("kbd", { "aria-hidden": "true", text: "G" }),
    );
    const reviewButton = el(
      "button",
      { type: "button", class: "sisg-btn sisg-btn--review", "aria-keyshortcuts": "N" },
      "Needs work ",
      el("kbd", { "aria-hidden": "true", text: "N" }),
    );
    const nextButton = el(
      "button",
      { type: "button", class: "sisg-btn", "aria-keyshortcuts": "ArrowRight" },
      "Skip ",
      el("kbd", { "aria-hidden": "true", text: "→" }),
    );
    const endButton = el("button", {
      type: "button",
      class: "sisg-btn sisg-btn--small",
      text: "End this pass",
    });
    const fullLink = el("a", { class: "sisg-card__link", text: "Open the full question page" });
    const card = el(
      "section",
      { class: "sisg-card", "aria-label": "Practice question", hidden: true },
      el("div", { class: "sisg-card__head" }, counter, timerBox),
      tags,
      prompt,
      el("div", { class: "sisg-actions" }, revealButton, gotButton, reviewButton, nextButton),
      guidanceBox,
      el("p", { class: "sisg-card__foot" }, fullLink, " ", endButton),
      announcer,
    );
    const summaryBox = el("section", { class: "sisg-summary", "aria-label": "Pass summary", hidden: true });
    fill(root, form, card, summaryBox);

    /* ---- Session ---- */
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ids = poolIds(kindSelect.value);
      session.pool = ids;
      session.pass = 1;
      beginPass(ids);
    });

    // A pass draws every question of `ids` once, in random order.
    function beginPass(ids) {
      session.queue = S.shuffle(ids.slice());
      session.pos = 0;
      session.marks = {};
      summaryBox.hidden = true;
      card.hidden = false;
      draw();
    }

    function draw() {
      stopTimer();
      if (session.pos >= session.queue.length) return finishPass();
      const q = guide.question[session.queue[session.pos]];
      session.current = q;
      card.setAttribute("data-question", q.id);
      counter.textContent =
        `Question ${session.pos + 1} of ${session.queue.length}` +
        (session.pass > 1 ? ` · retry pass ${session.pass - 1}` : "");
      const topic = guide.topic[q.topic];
      const rounds = q.asked_in
        .filter((p) => p.role === roleSelect.value)
        .map((p) => currentRole().rounds.find((r) => r.id === p.round));
      fill(
        tags,
        el("span", { class: "guide-tag", text: q.kind_label }),
        topic ? el("span", { class: "guide-tag", text: topic.name }) : null,
        rounds.filter(Boolean).map((r) => el("span", { class: "guide-tag", text: r.name })),
      );
      fill(prompt, S.html(q.prompt_html));
      fill(guidanceBox, guidanceFor(q));
      guidanceBox.hidden = true;
      revealButton.setAttribute("aria-expanded", "false");
      revealLabel.textContent = "Reveal guidance";
      fullLink.href = S.siteUrl(q.url);
      startTimer(secondsFor(q));
      // After reading long guidance the card's top may be off screen: bring it back under the header.
      const top = card.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) card.scrollIntoView({ block: "start" });
      prompt.focus({ preventScroll: true });
    }

    function secondsFor(q) {
      const mode = timerSelect.value;
      if (mode === "off") return null;
      const round = currentRound();
      return (mode === "round" && round && round.minutes ? round.minutes : q.minutes) * 60;
    }

    // The guidance sections as the build rendered them: the same as the question's page.
    const guidanceFor = (q) =>
      q.sections.map((section) => [el("h3", { text: section.label }), S.html(section.html)]);

    function reveal() {
      if (card.hidden) return;
      const open = guidanceBox.hidden;
      guidanceBox.hidden = !open;
      revealButton.setAttribute("aria-expanded", String(open));
      revealLabel.textContent = open ? "Hide guidance" : "Reveal guidance";
      if (open) stopTimer(); // once you look at the answer, the attempt is over
    }

    // Marks go to the session (for the retry pass) and to saved progress (for the role pages).
    function mark(status) {
      if (card.hidden || !session.current) return;
      session.marks[session.current.id] = status;
      S.progress.set(session.current.id, status);
      next();
    }

    function next() {
      if (card.hidden) return;
      session.pos += 1;
      draw();
    }

    function finishPass() {
      stopTimer();
      card.hidden = true;
      session.current = null;
      const seen = session.queue.slice(0, session.pos);
      const missed = seen.filter((id) => session.marks[id] === "review");
      const got = seen.filter((id) => session.marks[id] === "got").length;
      const skipped = seen.length - got - missed.length;
      const unseen = session.queue.length - seen.length;
      const parts = [
        `${got} got it`,
        `${missed.length} ${missed.length === 1 ? "needs" : "need"} work`,
        `${skipped} skipped`,
      ];
      if (unseen) parts.push(`${unseen} not reached`);
      const retry = el("button", {
        type: "button",
        class: "sisg-btn sisg-btn--primary",
        text: `Retry the ones I missed (${missed.length})`,
      });
      retry.addEventListener("click", () => {
        session.pass += 1;
        beginPass(missed);
      });
      const again = el("button", {
        type: "button",
        class: "sisg-btn",
        text: "Start a new pass over the same questions",
      });
      again.addEventListener("click", () => {
        session.pass = 1;
        beginPass(session.pool);
      });
      const heading = el("h2", { tabindex: "-1", text: unseen ? "Pass ended" : "Pass complete" });
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
        el("div", { class: "sisg-actions" }, missed.length ? retry : null, again),
      );
      summaryBox.hidden = false;
      heading.focus();
    }

    /* ---- Timer: counts down from a deadline, so a throttled background tab stays accurate. ---- */
    function startTimer(seconds) {
      timerBox.hidden = seconds === null;
      if (seconds === null) return;
      timer = {
        deadline: Date.now() + seconds * 1000,
        left: seconds,
        paused: false,
        warned: seconds <= 60,
        id: null,
      };
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
      if (timer) clearInterval(timer.id);
      timer = null;
      pauseButton.disabled = true;
    }
    pauseButton.addEventListener("click", () => {
      if (!timer) return;
      timer.paused = !timer.paused;
      if (!timer.paused) timer.deadline = Date.now() + timer.left * 1000;
      pauseButton.textContent = timer.paused ? "Resume" : "Pause";
    });

    revealButton.addEventListener("click", reveal);
    gotButton.addEventListener("click", () => mark("got"));
    reviewButton.addEventListener("click", () => mark("review"));
    nextButton.addEventListener("click", next);
    endButton.addEventListener("click", finishPass);

    /* ---- Keyboard: Space/Enter reveal, G got it, N needs work, → next. ---- */
    function onKey(event) {
      if (card.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : document.body;
      if (target.closest("input, select, textarea, [contenteditable], .md-search")) return;
      const onControl = target.closest("button, a, summary");
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const actions = {
        " ": onControl ? null : reveal, // on a button, Space and Enter press that button
        Enter: onControl ? null : reveal,
        g: () => mark("got"),
        n: () => mark("review"),
        ArrowRight: next,
      };
      const action = actions[key];
      if (!action) return;
      // Material binds n/p (next/previous page) on window; stop the key before it gets there.
      event.preventDefault();
      event.stopPropagation();
      action();
    }
    document.addEventListener("keydown", onKey);

    // Cleanup when instant navigation leaves the page.
    return () => {
      stopTimer();
      document.removeEventListener("keydown", onKey);
    };
  }
})();
