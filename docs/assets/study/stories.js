/* The story bank page (#sisg-stories, stories/?role=<role id>): write a story once, tag it with the
   role's themes and link it to the role's behavioural and culture questions; edit and delete; see
   which themes and questions have a story and which have none. Stories live in the study record
   (store.js, version 4); the logic is storybank.js (SISG.stories), tested in tests/js/. The role's
   themes and questions come from the study index (roles[].story_themes, roles[].story_questions). */
(() => {
  "use strict";
  const S = window.SISG;
  const { el, fill, plural } = S;
  const B = S.stories;

  S.onPageWithGuide("#sisg-stories", render);

  function render(root, guide) {
    const params = new URLSearchParams(location.search);
    const firstRole = guide.role[params.get("role")] ? params.get("role") : guide.roles[0].id;
    const roleSelect = el(
      "select",
      { id: "sisg-stories-role" },
      S.options(
        guide.roles.map((r) => [r.id, r.title]),
        firstRole,
      ),
    );
    const coverageBox = el("section", { class: "sisg-story-coverage", "aria-labelledby": "sisg-stories-coverage" });
    const formBox = el("section", { class: "sisg-story-form guide-screen-only", "aria-labelledby": "sisg-stories-form" });
    const listBox = el("section", { class: "sisg-story-list", "aria-labelledby": "sisg-stories-list" });
    const status = el("p", { class: "sisg-status-line", role: "status", "aria-live": "polite" });
    const problem = el("p", { class: "sisg-error", role: "alert", hidden: true });
    fill(
      root,
      el(
        "div",
        { class: "sisg-controls guide-screen-only" },
        el("div", { class: "sisg-field" }, el("label", { for: roleSelect.id, text: "Role" }), roleSelect),
      ),
      el("h2", { class: "guide-print-only sisg-story-print-title", id: "sisg-stories-print-title" }),
      coverageBox,
      formBox,
      status,
      problem,
      listBox,
    );

    let editing = null; // the id of the story in the form, or null for a new one

    const role = () => guide.role[roleSelect.value];
    const say = (text) => {
      problem.hidden = true;
      status.textContent = text;
    };
    const fail = (text) => {
      status.textContent = "";
      problem.textContent = text;
      problem.hidden = false;
    };
    const questionLink = (id) =>
      el("a", { href: S.siteUrl(guide.question[id].url), class: "sisg-story-question" }, S.html(guide.question[id].prompt_html));

    /* ---- Coverage: which themes and questions have a story ---- */
    function drawCoverage(record) {
      const r = role();
      const c = B.coverage(record.stories, r);
      const themeName = Object.fromEntries(r.story_themes.map((t) => [t.id, t]));
      const withStory = (item) => item.stories.length;
      const themeItem = (item) =>
        el(
          "li",
          { "data-theme": item.id },
          themeName[item.id].name,
          themeName[item.id].inferred ? el("span", { class: "guide-tag", text: "inferred" }) : null,
          item.stories.length ? ` (${plural(item.stories.length, "story", "stories")})` : null,
        );
      const questionItem = (item) =>
        el(
          "li",
          { "data-question": item.id },
          questionLink(item.id),
          el("span", { class: "guide-tag", text: guide.question[item.id].kind_label }),
          item.stories.length ? ` (${plural(item.stories.length, "story", "stories")})` : null,
        );
      const split = (list, draw, none, some) => [
        el("h4", { text: none }),
        list.filter((item) => !withStory(item)).length
          ? el("ul", { class: "sisg-story-missing" }, list.filter((item) => !withStory(item)).map(draw))
          : el("p", { class: "sisg-note", text: "None: every one has a story." }),
        list.some(withStory) ? [el("h4", { text: some }), el("ul", { class: "sisg-story-covered" }, list.filter(withStory).map(draw))] : null,
      ];
      fill(
        coverageBox,
        el("h2", { id: "sisg-stories-coverage", text: `Coverage for ${r.short_title}` }),
        el(
          "p",
          { class: "sisg-story-counts", "data-themes": String(c.themesCovered), "data-questions": String(c.questionsCovered) },
          `${c.themesCovered} of ${plural(r.story_themes.length, "theme")} and ${c.questionsCovered} of ` +
            `${plural(r.story_questions.length, "behavioural or culture question")} have a story.`,
        ),
        el("h3", { text: "Themes" }),
        r.story_themes.length
          ? split(c.themes, themeItem, "Themes without a story", "Themes with a story")
          : el("p", { class: "sisg-note", text: "This role names no story themes." }),
        el("details", { class: "sisg-story-questions" }, el("summary", { text: "Questions" }),
          split(c.questions, questionItem, "Questions without a story", "Questions with a story")),
      );
    }

    /* ---- The form: one story, new or being edited ---- */
    const title = el("input", { id: "sisg-story-title", maxlength: String(B.MAX_TITLE_CHARS), required: true });
    const parts = Object.fromEntries(
      B.PARTS.map((part) => [part, el("textarea", { id: `sisg-story-${part}`, rows: "3", maxlength: String(B.MAX_PART_CHARS) })]),
    );
    const themeBoxes = el("fieldset", { class: "sisg-story-tags" });
    const questionBoxes = el("fieldset", { class: "sisg-story-tags sisg-story-tags--questions" });
    const questionCount = el("span", { class: "sisg-story-tags__count" });
    // Folded for a new story (the list is long); open when editing one that answers questions.
    const questionPick = el(
      "details",
      { class: "sisg-story-pick" },
      el("summary", {}, "Questions it answers ", questionCount),
      questionBoxes,
    );
    const saveButton = el("button", { type: "submit", class: "sisg-btn sisg-btn--primary", text: "Save story" });
    const cancelButton = el("button", { type: "button", class: "sisg-btn", text: "Cancel editing", hidden: true });
    const formHeading = el("h2", { id: "sisg-stories-form", text: "Write a story" });
    const form = el(
      "form",
      { class: "sisg-story-fields" },
      el("div", { class: "sisg-field" }, el("label", { for: title.id, text: "Title (a few words you will recognise)" }), title),
      B.PARTS.map((part) => el("div", { class: "sisg-field" }, el("label", { for: parts[part].id, text: B.PART_LABELS[part] }), parts[part])),
      themeBoxes,
      questionPick,
      el("div", { class: "sisg-field sisg-field--action" }, saveButton, cancelButton),
    );
    fill(formBox, formHeading, form);

    function checkbox(name, value, checked, ...label) {
      const box = el("input", { type: "checkbox", name, value, id: `sisg-story-${name}-${value}`, checked });
      return el("div", { class: "sisg-story-tag" }, box, el("label", { for: box.id }, ...label));
    }
    function drawForm(story) {
      const r = role();
      editing = story ? story.id : null;
      formHeading.textContent = story ? `Edit “${story.title}”` : "Write a story";
      cancelButton.hidden = !story;
      questionPick.open = Boolean(story && story.questions.length);
      title.value = story ? story.title : "";
      B.PARTS.forEach((part) => {
        parts[part].value = story ? story[part] : "";
      });
      fill(
        themeBoxes,
        el("legend", { text: "Themes it shows" }),
        r.story_themes.map((t) =>
          checkbox("theme", t.id, Boolean(story && story.themes.includes(t.id)), t.name, t.inferred ? " (inferred)" : ""),
        ),
      );
      fill(
        questionBoxes,
        el("legend", { class: "sisg-sr-only", text: "Questions it answers" }), // the summary says it on screen
        r.story_questions.map((id) =>
          checkbox("question", id, Boolean(story && story.questions.includes(id)), S.html(guide.question[id].prompt_html)),
        ),
      );
      countTicked();
    }
    const ticked = (box) => [...box.querySelectorAll("input:checked")].map((input) => input.value);
    const countTicked = () => {
      questionCount.textContent = `(${ticked(questionBoxes).length} of ${role().story_questions.length} ticked)`;
    };
    questionBoxes.addEventListener("change", countTicked);

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const before = editing && S.store.read().stories.find((s) => s.id === editing);
      const story = {
        id: editing || B.newId(),
        role: roleSelect.value,
        title: title.value,
        ...Object.fromEntries(B.PARTS.map((part) => [part, parts[part].value])),
        themes: ticked(themeBoxes),
        // Links to questions of other roles stay when a story is edited here.
        questions: [
          ...ticked(questionBoxes),
          ...(before ? before.questions.filter((id) => !role().story_questions.includes(id)) : []),
        ],
        at: new Date().toISOString(),
      };
      if (!title.value.trim()) {
        fail("Give the story a title first.");
        title.focus();
        return;
      }
      const result = S.store.saveStory(story);
      if (!result.ok) {
        fail(`Not saved: ${result.error}`);
        return;
      }
      say(`Saved “${story.title.trim()}”.`);
      drawForm(null);
    });
    cancelButton.addEventListener("click", () => {
      drawForm(null);
      say("");
    });

    /* ---- The role's stories ---- */
    function drawList(record) {
      const r = role();
      const mine = record.stories.filter((story) => story.role === r.id);
      const themeName = Object.fromEntries(r.story_themes.map((t) => [t.id, t.name]));
      fill(
        listBox,
        el("h2", { id: "sisg-stories-list", text: `Your stories (${mine.length})` }),
        mine.length
          ? mine.map((story) => {
              const view = B.view(story, { heading: "h3" });
              const themes = story.themes.filter((id) => themeName[id]);
              const questions = story.questions.filter((id) => guide.question[id]);
              const edit = el("button", { type: "button", class: "sisg-btn sisg-btn--small", text: "Edit" });
              const remove = el("button", { type: "button", class: "sisg-btn sisg-btn--small sisg-btn--danger", text: "Delete" });
              edit.setAttribute("aria-label", `Edit “${story.title}”`);
              remove.setAttribute("aria-label", `Delete “${story.title}”`);
              edit.addEventListener("click", () => {
                drawForm(story);
                title.focus();
              });
              remove.addEventListener("click", () => {
                if (!window.confirm(`Delete the story “${story.title}”? This cannot be undone.`)) return;
                const result = S.store.deleteStory(story.id);
                if (result.ok) say(`Deleted “${story.title}”.`);
                else fail(`Not deleted: ${result.error}`);
                if (editing === story.id) drawForm(null);
              });
              view.append(
                el(
                  "div",
                  { class: "sisg-story__links" },
                  themes.length ? el("p", { class: "sisg-story__themes" }, "Themes: ", themes.map((id) => el("span", { class: "guide-tag", text: themeName[id] }))) : null,
                questions.length
                  ? [el("p", { class: "sisg-story__label", text: "Answers:" }), el("ul", { class: "sisg-story__questions" }, questions.map((id) => el("li", {}, questionLink(id))))]
                  : null,
                  el("p", { class: "sisg-actions guide-screen-only" }, edit, " ", remove),
                ),
              );
              return view;
            })
          : el("p", { class: "sisg-note", text: "No story for this role yet: write your first one above." }),
      );
    }

    function draw(record) {
      root.querySelector(".sisg-story-print-title").textContent = `${role().title}: my stories`;
      drawCoverage(record);
      drawList(record);
    }

    roleSelect.addEventListener("change", () => {
      const url = new URL(location.href);
      url.searchParams.set("role", roleSelect.value);
      history.replaceState(history.state, "", url);
      drawForm(null);
      draw(S.store.read());
    });
    drawForm(null);
    draw(S.store.read());
    return S.store.subscribe(draw);
  }
})();
