"""Study tools built with the site: Anki decks, questions.csv/json, cheat sheets, the offline zip.

Expected values are derived here from the loaded data, independently of study_guide.downloads.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import genanki
import pytest
import yaml
from markupsafe import escape
from mkdocs.utils.yaml import yaml_load

from study_guide import downloads
from study_guide.downloads import anki
from study_guide.load import load_guide
from study_guide.markdown_html import SiteMarkdown, plain_text
from study_guide.paths import question_url
from study_guide.presenter import SECTIONS, Presenter

from .conftest import FIXTURE_DATA, ROOT, copy_project, mkdocs_build
from .sitecheck import html_pages, resolve

BUILD_OFFLINE = ROOT / "scripts" / "build_offline.py"
OFFLINE_FOLDER = "spotify-interview-study-guides-offline"


# Helpers -------------------------------------------------------------------------------


def read_apkg(path: Path, tmp_path: Path) -> dict:
    """The notes, cards, decks and note types of an .apkg (a zip holding a SQLite collection)."""
    with zipfile.ZipFile(path) as apkg:
        names = apkg.namelist()
        collection = tmp_path / f"{path.stem}.anki2"
        collection.write_bytes(apkg.read("collection.anki2"))
        infos = apkg.infolist()
    conn = sqlite3.connect(collection)
    try:
        notes = [
            {"id": nid, "guid": guid, "mid": mid, "mod": mod, "tags": tags.split(), "fields": flds.split("\x1f")}
            for nid, guid, mid, mod, tags, flds in conn.execute("SELECT id, guid, mid, mod, tags, flds FROM notes")
        ]
        cards = list(conn.execute("SELECT nid, did, due FROM cards ORDER BY due"))
        decks_json, models_json = conn.execute("SELECT decks, models FROM col").fetchone()
    finally:
        conn.close()
    return {
        "names": names,
        "infos": infos,
        "notes": notes,
        "cards": cards,
        "decks": json.loads(decks_json),
        "models": json.loads(models_json),
    }


def role_question_ids(guide, role) -> list[str]:
    """A role's questions in loop order, each once."""
    topics = {t.id: t for t in guide.topics}
    ids: dict[str, None] = {}
    for round_ in role.rounds:
        for topic_id in round_.focus_topics:
            ids.update(dict.fromkeys(q.id for q in topics[topic_id].questions))
    return list(ids)


def expected_tags(guide, topic, question) -> list[str]:
    tags = {f"kind::{question.kind.value}", f"level::{question.level.value}", f"topic::{topic.id}"}
    for role in guide.roles:
        for round_ in role.rounds:
            if topic.id in round_.focus_topics:
                tags.update({f"role::{role.id}", f"round::{round_.id}"})
    return sorted(tags)


def by_question(guide) -> dict:
    return {q.id: (topic, q) for topic in guide.topics for q in topic.questions}


def check_deck(path: Path, question_ids: list[str], guide, tmp_path: Path) -> dict:
    """Assert the deck at `path` holds exactly `question_ids`, in order, with fields and tags from data."""
    apkg = read_apkg(path, tmp_path)
    questions = by_question(guide)
    guid_to_id = {genanki.guid_for(anki.GUID_NAMESPACE, qid): qid for qid in questions}
    notes = {guid_to_id[note["guid"]]: note for note in apkg["notes"]}
    assert len(apkg["notes"]) == len(question_ids)
    assert set(notes) == set(question_ids)
    # One card per note, all in this file's one deck, new-card order = loop order.
    assert len(apkg["cards"]) == len(question_ids)
    note_ids = {note["id"]: guid_to_id[note["guid"]] for note in apkg["notes"]}
    assert [note_ids[nid] for nid, _, _ in apkg["cards"]] == question_ids
    deck_ids = {did for _, did, _ in apkg["cards"]}
    assert len(deck_ids) == 1
    deck_id = deck_ids.pop()
    assert apkg["decks"][str(deck_id)]["name"].startswith("Spotify Interview Study Guides::")
    (model,) = [m for m in apkg["models"].values() if m["name"] == anki.MODEL_NAME]
    assert [f["name"] for f in model["flds"]] == ["Prompt", "Guidance", "Context", "Id"]
    for qid, note in notes.items():
        topic, q = questions[qid]
        prompt, guidance, context, id_field = note["fields"]
        assert note["mid"] == int(model["id"])
        assert id_field == qid
        assert q.prompt.split()[0] in prompt
        shown = plain_text(guidance)
        for text in [*q.guidance.covers, *q.guidance.pitfalls, *q.guidance.follow_ups, q.guidance.staff_signal]:
            if text and not re.search(r"[`*_\[<&{]", text):  # without Markdown, the text appears as is
                assert " ".join(text.split()) in shown, (qid, text)
        for section in SECTIONS:
            assert (f"<h3>{section.label}</h3>" in guidance) == bool(section.value(q.guidance)), (qid, section)
        assert str(escape(topic.name)) in context
        assert sorted(note["tags"]) == expected_tags(guide, topic, q), qid
    return {"deck_id": deck_id, "model_id": int(model["id"]), "apkg": apkg}


def offline_zip(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BUILD_OFFLINE), "--project", str(project), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        timeout=900,
    )


# The fixture site, built once for this module, with its offline copy -------------------


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("downloads") / "project", FIXTURE_DATA)
    shutil.copy2(ROOT / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    result = mkdocs_build(project, with_offline_zip=True)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    result = offline_zip(project, site)
    assert result.returncode == 0, result.stderr
    return site


FIXTURE_GUIDE = load_guide(FIXTURE_DATA)


def test_each_role_deck_holds_its_questions_with_fields_and_tags(fixture_site, tmp_path):
    seen = {}
    for role in FIXTURE_GUIDE.roles:
        seen[role.id] = check_deck(
            fixture_site / "downloads" / f"{role.id}.apkg",
            role_question_ids(FIXTURE_GUIDE, role),
            FIXTURE_GUIDE,
            tmp_path,
        )
    everything = list(
        dict.fromkeys(qid for role in FIXTURE_GUIDE.roles for qid in role_question_ids(FIXTURE_GUIDE, role))
    )
    assert set(everything) == {q.id for t in FIXTURE_GUIDE.topics for q in t.questions}
    seen["all"] = check_deck(fixture_site / "downloads" / "all-roles.apkg", everything, FIXTURE_GUIDE, tmp_path)
    # Stable ids: every deck its own id, one shared note type.
    assert len({s["deck_id"] for s in seen.values()}) == len(seen)
    assert len({s["model_id"] for s in seen.values()}) == 1


def test_deck_and_model_ids_are_fixed_hashes(fixture_site, tmp_path):
    role = FIXTURE_GUIDE.roles[0]
    apkg = read_apkg(fixture_site / "downloads" / f"{role.id}.apkg", tmp_path)
    assert str(anki.anki_id(f"deck:{role.id}")) in apkg["decks"]
    assert str(anki.anki_id("model:question")) in apkg["models"]
    assert 1 << 30 <= anki.anki_id(f"deck:{role.id}") < 1 << 31


def test_csv_and_json_rows_match_the_questions(fixture_site):
    questions = [(t, q) for t in FIXTURE_GUIDE.topics for q in t.questions]
    raw = (fixture_site / "downloads" / "questions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # byte-order mark for spreadsheet programs
    csv_rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    json_rows = json.loads((fixture_site / "downloads" / "questions.json").read_text(encoding="utf-8"))
    required = ["id", "roles", "rounds", "topic", "kind", "level", "origin", "prompt", "url"]
    assert set(required) <= set(csv_rows[0])
    assert [c for c in csv_rows[0] if c in {s.field for s in SECTIONS}] == [s.field for s in SECTIONS]
    assert [r["id"] for r in csv_rows] == [r["id"] for r in json_rows] == [q.id for _, q in questions]
    for (topic, q), row, obj in zip(questions, csv_rows, json_rows, strict=True):
        assert list(obj) == list(row)  # same columns, same order
        roles = [r.id for r in FIXTURE_GUIDE.roles if any(topic.id in rd.focus_topics for rd in r.rounds)]
        expected = {
            "roles": roles,
            "topic": topic.id,
            "kind": q.kind.value,
            "level": q.level.value,
            "origin": q.origin.value,
            "prompt": q.prompt,  # the fixture's text has no Markdown: plain text is the text
            "covers": list(q.guidance.covers),
            "structure": q.guidance.structure,
            "pitfalls": list(q.guidance.pitfalls),
            "follow_ups": list(q.guidance.follow_ups),
            "url": question_url(q, topic),
        }
        for key, value in expected.items():
            assert obj[key] == value, (q.id, key)
            assert row[key] == ("\n".join(value) if isinstance(value, list) else value), (q.id, key)
        rounds = [f"{r.id}/{rd.id}" for r in FIXTURE_GUIDE.roles for rd in r.rounds if topic.id in rd.focus_topics]
        assert obj["rounds"] == rounds


def test_downloads_are_reproducible(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    presenter = Presenter(FIXTURE_GUIDE, ROOT, SiteMarkdown.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    first = downloads.write_downloads(FIXTURE_GUIDE, presenter, tmp_path / "a", ROOT)
    second = downloads.write_downloads(FIXTURE_GUIDE, presenter, tmp_path / "b", ROOT)
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    apkg = read_apkg(first[0], tmp_path)
    assert {info.date_time for info in apkg["infos"]} == {(2026, 1, 1, 0, 0, 0)}
    assert {note["mod"] for note in apkg["notes"]} == {1767225600}  # newer build time: Anki updates the notes


def test_cheat_sheet_per_role_lists_every_round_and_is_linked(fixture_site):
    pages = html_pages(fixture_site)
    for role in FIXTURE_GUIDE.roles:
        page = f"cheatsheets/{role.id}/index.html"
        assert page in pages, page
        html = (fixture_site / page).read_text(encoding="utf-8")
        for round_ in role.rounds:
            assert f"roles/{role.id}/#{round_.id}" in html, round_.id
            assert round_.name in html
        role_links = pages[f"roles/{role.id}/index.html"].links
        assert f"../../cheatsheets/{role.id}/" in role_links
        assert 'class="guide-cheatsheet"' in html
    # Not in the navigation (not_in_nav), not in search; listed on the Downloads page.
    assert not any("cheatsheets/" in link for link in pages["index.html"].links)
    assert "cheatsheets/" not in (fixture_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert all(f"../cheatsheets/{r.id}/" in pages["downloads/index.html"].links for r in FIXTURE_GUIDE.roles)


def test_print_stylesheet_is_loaded_on_every_page(fixture_site):
    # The print rules live in guide.css, which every page loads.
    assert "@media print" in (fixture_site / "assets" / "guide.css").read_text(encoding="utf-8")
    pages = html_pages(fixture_site)
    missing = [p for p, info in pages.items() if not any(r.endswith("assets/guide.css") for r in info.resources)]
    assert missing == []


def test_downloads_page_links_resolve_to_the_files(fixture_site):
    pages = html_pages(fixture_site)
    links = pages["downloads/index.html"].links
    wanted = [f"{role.id}.apkg" for role in FIXTURE_GUIDE.roles]
    wanted += ["all-roles.apkg", "questions.csv", "questions.json", downloads.OFFLINE_ZIP]
    for name in wanted:
        assert name in links, name
        target, _ = resolve("downloads/index.html", name)
        assert (fixture_site / target).is_file(), target


def test_offline_zip_opens_from_the_file_system(fixture_site, tmp_path):
    path = fixture_site / "downloads" / downloads.OFFLINE_ZIP
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert f"{OFFLINE_FOLDER}/index.html" in names
        assert all(name.startswith(f"{OFFLINE_FOLDER}/") for name in names)
        assert {info.date_time for info in archive.infolist()} == {archive.infolist()[0].date_time}
        archive.extractall(tmp_path)
    root = tmp_path / OFFLINE_FOLDER
    assert (root / "search" / "search_index.js").is_file()  # search without a server
    assert (root / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    pages = html_pages(root)
    assert "roles/example-role.html" in pages and "downloads.html" in pages
    problems = []
    for page, info in pages.items():
        if page == "404.html":  # only a web server shows it; MkDocs gives it root-absolute links
            continue
        for link in info.resources:
            if re.match(r"(?:[a-z]+:)?//", link):
                problems.append(f"{page}: loads {link} from another origin")
        for link in info.links:
            resolved = resolve(page, link)
            if resolved is None or link.startswith(("mailto:", "javascript:", "#")) or not resolved[0]:
                continue
            if link.split("#")[0].endswith("/"):
                problems.append(f"{page}: {link} needs a server to find index.html")
            elif not (root / resolved[0]).is_file():
                problems.append(f"{page}: {link} -> missing {resolved[0]}")
    assert problems == []
    # The decks travel with the copy; the page says it is the offline copy instead of linking itself.
    assert (root / "downloads" / "all-roles.apkg").is_file()
    assert "You are reading the offline copy" in (root / "downloads.html").read_text(encoding="utf-8")


def test_offline_build_uses_the_site_plugins_plus_offline():
    spec = importlib.util.spec_from_file_location("build_offline", BUILD_OFFLINE)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    with open(ROOT / "mkdocs.yml", "rb") as f:
        site = yaml_load(f)
    with open(ROOT / "mkdocs.offline.yml", "rb") as f:
        assert "plugins" not in yaml.safe_load(f)  # nothing to drift from mkdocs.yml: the script adds `offline`
    with open(ROOT / "mkdocs.offline.yml", "rb") as f:
        offline = yaml_load(f)  # INHERIT resolved, as MkDocs reads it
    assert script.offline_plugins(ROOT / "mkdocs.offline.yml") == [*site["plugins"], "offline"]
    assert {k: v for k, v in offline.items() if k != "extra"} == {k: v for k, v in site.items() if k != "extra"}


def test_card_fields_escape_html_and_shared_questions_carry_every_role(fixture_project, tmp_path):
    topic_file = fixture_project / "data" / "topics" / "motivation.yaml"
    text = topic_file.read_text(encoding="utf-8")
    text = text.replace(
        "prompt: First question about motivation?",
        "prompt: 'Why <script>alert(1)</script> us? Use `a < b` & **bold** {{ 6*7 }}'",
        1,
    )
    text = text.replace("name: Topic motivation", "name: Motivation <img src=x onerror=alert(1)>", 1)
    topic_file.write_text(text, encoding="utf-8")
    role_file = fixture_project / "data" / "roles" / "example-role.yaml"
    other = role_file.read_text(encoding="utf-8").replace("id: example-role", "id: other-role", 1)
    other = other.replace("short_title: Example", "short_title: <b>Other</b>", 1)
    (fixture_project / "data" / "roles" / "other-role.yaml").write_text(other, encoding="utf-8")
    result = mkdocs_build(fixture_project)
    assert result.returncode == 0, result.stderr
    guide = load_guide(fixture_project / "data")
    out = fixture_project / "site" / "downloads"
    for role in guide.roles:
        check_deck(out / f"{role.id}.apkg", role_question_ids(guide, role), guide, tmp_path)
    everything = list(dict.fromkeys(qid for role in guide.roles for qid in role_question_ids(guide, role)))
    apkg = check_deck(out / "all-roles.apkg", everything, guide, tmp_path)["apkg"]
    assert len(apkg["notes"]) == len(everything)  # shared questions once, not once per role
    note = next(n for n in apkg["notes"] if n["fields"][3] == "motivation-first")
    assert {"role::example-role", "role::other-role"} <= set(note["tags"])
    prompt, _, context, _ = note["fields"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in prompt
    assert "<code>a &lt; b</code>" in prompt and "&amp;" in prompt and "<strong>bold</strong>" in prompt
    assert "{{ 6*7 }}" in plain_text(prompt)  # shown as written, never evaluated
    assert "&lt;img src=x onerror=alert(1)&gt;" in context and "&lt;b&gt;Other&lt;/b&gt;" in context
    for n in apkg["notes"]:
        for field in n["fields"]:
            assert not re.search(r"<(?:script|img|b)\b", field), field


# The real site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_offline_zip(built_site) -> tuple[Path, float]:
    """The offline zip of the real site in built_site, as the deploy workflow adds it after `mkdocs build`.

    Built here unless built_site already has it; the Downloads page links to it, so the link
    check in test_site.py needs it too.
    """
    path = built_site / "downloads" / downloads.OFFLINE_ZIP
    start = time.monotonic()
    if not path.is_file():
        result = offline_zip(ROOT, built_site)
        assert result.returncode == 0, result.stderr
    return path, time.monotonic() - start


def test_every_real_role_has_a_deck(built_site, tmp_path):
    guide = load_guide(ROOT / "data")
    for role in guide.roles:
        path = built_site / "downloads" / f"{role.id}.apkg"
        assert path.is_file(), role.id
        apkg = read_apkg(path, tmp_path)
        assert len(apkg["notes"]) == len(role_question_ids(guide, role)), role.id
        assert (built_site / "cheatsheets" / role.id / "index.html").is_file(), role.id
    apkg = read_apkg(built_site / "downloads" / "all-roles.apkg", tmp_path)
    assert len(apkg["notes"]) == sum(len(t.questions) for t in guide.topics)


def test_real_offline_zip_is_built(real_offline_zip, record_property):
    path, seconds = real_offline_zip
    record_property("offline_build_seconds", round(seconds, 1))
    with zipfile.ZipFile(path) as archive:
        assert f"{OFFLINE_FOLDER}/index.html" in archive.namelist()
