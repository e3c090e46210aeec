"""Data from a contributor we don't know: no script link, no foreign file, no hang, no traceback.

One case per class of issue 9, plus variants. Each edits a copy of the valid fixture data set and
asserts the exact problem line (`file:line: field: message`) or, for text that is allowed, that
nothing is reported. The bomb cases run `study-guide validate` in a child process and assert
its time and peak memory.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from study_guide import links, sanitise
from study_guide.errors import GuideDataError
from study_guide.load import load_guide
from study_guide.markdown_text import escape_markdown_text
from study_guide.yaml_source import MAX_BYTES, MAX_DEPTH, MAX_ITEMS, MAX_NODES

from .conftest import FIXTURE_DATA, ROOT, SITE_URL, copy_project, mkdocs_build

TOPIC = "topics/motivation.yaml"
RULE = links.RULE
PLAIN_RULE = (
    "plain text may not contain link syntax ([text](target), [text][ref], [ref]: target or <scheme:…>); "
    "put links in a Markdown field such as a description"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path) -> list[str]:
    try:
        load_guide(data)
    except GuideDataError as exc:
        return [str(problem) for problem in exc.problems]
    return []


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


# Script links ----------------------------------------------------------------------------

BAD_TARGET = f"link target 'javascript:alert(1' is not allowed: {RULE}"

UNSAFE_MARKDOWN = {
    "inline link": ("[x](javascript:alert(1))", BAD_TARGET),
    "reference definition": ("See [x][n].\n\n[n]: javascript:alert(1)", BAD_TARGET),
    "reference definition in angle brackets": ("[x][n]\n\n[n]: <javascript:alert(1)>", BAD_TARGET),
    "reference definition in a list item": ("- [x][n]\n- [n]: javascript:alert(1)", BAD_TARGET),
    "control character before the scheme": (
        "[x](\x01javascript:alert(1))",
        f"contains the control character U+0001; remove it; {BAD_TARGET}",
    ),
    "tab inside the scheme": ("[x](java\tscript:alert(1))", BAD_TARGET),
    "newline before the target": ("[x](\n  javascript:alert(1))", BAD_TARGET),
    "zero-width space before the scheme": (
        "[x](\u200bjavascript:alert(1))",
        f"link target '\\u200bjavascript:alert(1' is not allowed: {RULE}",
    ),
    "mixed case": ("[x](JaVaScRiPt:alert(1))", f"link target 'JaVaScRiPt:alert(1' is not allowed: {RULE}"),
    "decimal entity": ("[x](&#106;avascript:alert(1))", BAD_TARGET),
    "hex entity": ("[x](&#x6A;avascript:alert(1))", BAD_TARGET),
    "named entity colon": ("[x](javascript&colon;alert(1))", BAD_TARGET),
    "double-encoded entity": (
        "[x](&amp;#106;avascript:alert(1))",
        f"link target '&#106;avascript:alert(1' is not allowed: {RULE}",
    ),
    "backslash-escaped colon": (
        "[x](javascript\\:alert(1))",
        f"link target 'javascript\\\\:alert(1' is not allowed: {RULE}",
    ),
    "nested brackets": ("[a [b](javascript:alert(1)) c](https://example.com)", BAD_TARGET),
    "image with data: URL": (
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        f"link target 'data:text/html;base64,PHNjcmlwdD4=' is not allowed: {RULE}",
    ),
    "vbscript": ("[x](vbscript:msgbox(1))", f"link target 'vbscript:msgbox(1' is not allowed: {RULE}"),
    "file scheme": ("[x](file:///etc/passwd)", f"link target 'file:///etc/passwd' is not allowed: {RULE}"),
    "autolink": ("<javascript:alert(1)>", BAD_TARGET),
    "raw ftp URL": (
        "Get it from ftp://files.example/x today",
        f"raw URL 'ftp://files.example/x' is not allowed: {RULE}",
    ),
    "escaped backtick hiding nothing": ("\\`[x](javascript:alert(1))`", BAD_TARGET),
    "link left open for the template to finish": (
        "Read [the post](",
        "a link has no target; write [text](https://…) in full",
    ),
}


@pytest.mark.parametrize("text, message", UNSAFE_MARKDOWN.values(), ids=UNSAFE_MARKDOWN.keys())
def test_markdown_field_refuses_unsafe_link(data, text, message):
    edit(data, TOPIC, "description: What motivation covers.", f"description: {quoted(text)}")
    assert problems(data) == [f"data/{TOPIC}:3: description: {message}"]


@functools.cache
def _site_markdown():
    """A Markdown converter with the site's extensions, as mkdocs.yml configures them."""
    import markdown
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as config:
        listed = yaml_load(config)["markdown_extensions"]
    names = [next(iter(item)) if isinstance(item, dict) else item for item in listed]
    configs = {next(iter(item)): next(iter(item.values())) for item in listed if isinstance(item, dict)}
    return lambda text: markdown.markdown(text, extensions=names, extension_configs=configs)


LINK_PIECES = [
    *"[]()<>:!*`\\'\"|{}#&",
    *["\n", "\n\n", " ", "\t", "\x01", "\u200b", "   ", "- ", "> ", "```", "//", "%3A"],
    *["javascript", "JaVaScript", "java", "script", "data", "vbscript", "http", "n", "x", "alert(1)"],
    *["&#106;", "&#x6a;", "&colon;", "&#58;", "&amp;", "&Tab;", "&NewLine;", "[n]: ", "](", "]["],
]


SCHEMES = ["javascript:", "JaVaScript:", "&#106;avascript:", "javascript&colon;", "java\tscript:", "data:"]
SCHEMES += ["vbscript:", "\x01javascript:", "java&#x0A;script:", "https:", "mailto:", "", "/", "#", "../"]
pieces = st.lists(st.sampled_from(LINK_PIECES), max_size=12).map("".join)
around = st.sampled_from(["", " ", "\n", "<", "\n   ", "\\", "`"])
LINKISH = st.one_of(
    pieces,
    st.builds("{}[x]({}{}alert(1)){}".format, pieces, around, st.sampled_from(SCHEMES), pieces),
    st.builds("{}[x][n]\n\n{}[n]:{}{}alert(1)".format, pieces, around, around, st.sampled_from(SCHEMES)),
    st.builds("{}<{}alert(1)>{}".format, pieces, st.sampled_from(SCHEMES), pieces),
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(LINKISH)
def test_text_the_gate_passes_never_renders_an_unsafe_link(text):
    """The gate agrees with Markdown itself: text it lets through makes no unsafe href or src,
    even printed without the templates' escaping (which would make entities inert)."""
    if links.markdown_problems(text):
        return
    render = _site_markdown()
    for markdown_text in (escape_markdown_text(text), text):
        assert links.unsafe_html_targets(render(markdown_text)) == [], markdown_text


def test_text_length_is_capped(data):
    edit(data, TOPIC, "description: What motivation covers.", f"description: {'a' * 20_001}")
    assert problems(data) == [f"data/{TOPIC}:3: description: string should have at most 20000 characters"]


@pytest.mark.parametrize("flood", ["](", "[x]:\n", "<", "](\t\t", "&#106;"])
def test_link_gate_stays_fast_on_the_longest_allowed_text(flood):
    # A regression guard, not a benchmark: the quadratic scan this replaced took 94 s on 1 MB.
    # CPU time of this process, so other work on the machine does not make it flaky.
    text = (flood * 20_000)[:20_000]
    started = time.process_time()
    links.markdown_problems(text)
    links.plain_text_problems(text)
    assert time.process_time() - started < 2


def test_unsafe_link_in_a_list_item_names_its_index(data):
    edit(data, TOPIC, "covers: [Point one., Point two.]", 'covers: ["[x](javascript:alert(1))", Point two.]')
    assert problems(data) == [f"data/{TOPIC}:11: questions[0].guidance.covers[0]: {BAD_TARGET}"]


SAFE_MARKDOWN = [
    "[site](https://example.com/a?b=c&d=e#f)",
    "[plain http](http://example.com)",
    "[mail](mailto:someone@example.com)",
    "[another page](../topics.md#motivation)",
    "[same page](#motivation)",
    "[root](/guide/)",
    "Ratio 3:1; note: a colon in prose is not a scheme.",
    "Typing javascript:alert(1) in prose is only text.",
    "Compare p < 0.05: significant.",
    "```python\nxs[i](y)\n```",
]


@pytest.mark.parametrize("text", SAFE_MARKDOWN)
def test_markdown_field_keeps_safe_links_and_prose(data, text):
    edit(data, TOPIC, "description: What motivation covers.", f"description: {quoted(text)}")
    assert problems(data) == []


PLAIN_TEXT_FIELDS = {
    "topic name": (TOPIC, "name: Topic motivation", "name: {}", "name", 2),
    "role title": ("roles/example-role.yaml", "title: Example Engineer", "title: {}", "title", None),
    "company location": ("company.yaml", "locations: [Stockholm]", "locations: [{}]", "locations[0]", 9),
}
PLAIN_TEXT_VALUES = {
    "script link": "[x](javascript:alert(1))",
    "http link": "[x](https://example.com)",
    "reference use": "[x][n]",
    "reference use with a space": "[x] [n]",
    "reference definition": "[n]: javascript:alert(1)",
    "autolink": "<https://example.com>",
    "entity-encoded bracket": "[x]&#40;javascript:alert(1))",
}


@pytest.mark.parametrize("field", PLAIN_TEXT_FIELDS.values(), ids=PLAIN_TEXT_FIELDS.keys())
@pytest.mark.parametrize("value", PLAIN_TEXT_VALUES.values(), ids=PLAIN_TEXT_VALUES.keys())
def test_plain_text_field_refuses_any_link_syntax(data, field, value):
    relative, old, template, loc, line = field
    edit(data, relative, old, template.format(quoted(value)))
    line = line or _line_of(data / relative, template.split(":")[0] + ":")
    assert problems(data) == [f"data/{relative}:{line}: {loc}: {PLAIN_RULE}"]


def test_plain_text_field_keeps_brackets_and_ampersands(data):
    edit(data, TOPIC, "name: Topic motivation", 'name: "Data & ML [beta] (new): a < b"')
    assert problems(data) == []


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(needle))


UNSAFE_URLS = {
    "breaks out of a Markdown link": "https://x.example/a)[x](javascript:alert(1))",
    "script": "javascript:alert(1)",
    "mixed-case script": "JavaScript:alert(1)",
    "ftp": "ftp://files.example/",
    "space": "https://x.example/a b",
    "quote": 'https://x.example/"><script>',
    "no host": "https:///path",
}


@pytest.mark.parametrize("url", UNSAFE_URLS.values(), ids=UNSAFE_URLS.keys())
def test_url_field_must_be_a_full_http_url(data, url):
    edit(
        data, "company.yaml", "engineering_blog: https://engineering.atspotify.com/", f"engineering_blog: {quoted(url)}"
    )
    assert problems(data) == [
        f"data/company.yaml:12: engineering_blog: got {url!r}; "
        "expected a full http:// or https:// URL with a host and no spaces or quotes"
    ]


HTML_TARGETS = {
    '<a href="javascript:alert(1)">x</a>': ["<a href='javascript:alert(1)'>"],
    '<a href="&#106;avascript:alert(1)">x</a>': ["<a href='javascript:alert(1)'>"],
    '<a href=" \x01JAVASCRIPT:alert(1)">x</a>': ["<a href=' \\x01JAVASCRIPT:alert(1)'>"],
    '<a href="java\tscript:alert(1)">x</a>': ["<a href='java\\tscript:alert(1)'>"],
    '<img src="data:image/svg+xml,<svg/onload=alert(1)>">': ["<img src='data:image/svg+xml,<svg/onload=alert(1)>'>"],
    '<a href="https://example.com">x</a> <a href="../x/#y">y</a> <a href="mailto:a@b.c">z</a>': [],
}


@pytest.mark.parametrize("page, unsafe", HTML_TARGETS.items())
def test_built_html_check_reads_targets_as_a_browser_does(page, unsafe):
    assert links.unsafe_html_targets(page) == unsafe


def test_build_stops_on_a_page_linking_to_a_script(fixture_project):
    """The last line of defence: whatever Markdown made, a built page never links to javascript:."""
    with (fixture_project / "docs" / "glossary.md").open("a", encoding="utf-8") as page:
        page.write("\n[x](javascript:alert(1))\n")
    result = mkdocs_build(fixture_project)
    assert result.returncode == 1
    assert (
        "page glossary.md (made from docs/glossary.md and data/glossary.yaml) would carry HTML "
        "the guide does not allow (<a href='javascript:alert(1)'>)" in result.stderr
    )
    assert "Traceback" not in result.stdout + result.stderr


# Files from outside the project --------------------------------------------------------


def _with_code_file(data: Path, value: str) -> str:
    edit(data, TOPIC, 'follow_ups: ["Why?"]', f'follow_ups: ["Why?"]\n      code_file: {quoted(value)}')
    return f"data/{TOPIC}:16: questions[0].guidance.code_file: "


BAD_PATHS = ["/etc/passwd", "../../etc/passwd", "examples/../../etc/passwd", "examples/.hidden.py", "examples/x.txt"]


@pytest.mark.parametrize("value", BAD_PATHS)
def test_code_file_path_must_name_a_file_under_examples(data, value):
    where = _with_code_file(data, value)
    assert problems(data) == [
        f"{where}got {value!r}; expected a path like examples/<name>.py or examples/<name>.sql, without '..'"
    ]


def test_code_file_must_exist(data):
    where = _with_code_file(data, "examples/missing.py")
    assert problems(data) == [
        f"{where}'examples/missing.py' does not exist; add the file under examples/ or fix the path"
    ]


def test_code_file_symlink_may_not_lead_outside(data):
    (data.parent / "examples").mkdir()
    (data.parent / "examples" / "leak.py").symlink_to("/etc/passwd")
    where = _with_code_file(data, "examples/leak.py")
    assert problems(data) == [f"{where}'examples/leak.py' leads outside examples/ through a symbolic link"]


def test_code_file_must_be_a_regular_utf8_file(data):
    examples = data.parent / "examples"
    (examples / "folder.py").mkdir(parents=True)
    where = _with_code_file(data, "examples/folder.py")
    assert problems(data) == [f"{where}'examples/folder.py' is not a regular file"]
    (examples / "latin.sql").write_bytes(b"SELECT '\xe9';\n")
    edit(data, TOPIC, "examples/folder.py", "examples/latin.sql")
    assert problems(data) == [f"{where}'examples/latin.sql' is not UTF-8 text"]


@pytest.mark.parametrize("name", ["solution.py", "query.sql", "sub/solution.py"])
def test_code_file_under_examples_is_accepted(data, name):
    path = data.parent / "examples" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("print(1)\n", encoding="utf-8")
    _with_code_file(data, f"examples/{name}")
    assert problems(data) == []


def test_build_refuses_a_code_file_outside_examples_without_publishing_it(fixture_project):
    where = _with_code_file(fixture_project / "data", "/etc/passwd")
    result = mkdocs_build(fixture_project)
    assert result.returncode == 1
    assert where in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (fixture_project / "site" / "search" / "search_index.json").exists()


# Hangs and blow-ups: bounded time and memory ------------------------------------------

SECONDS = 5
MEGABYTES = 200


def alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    lines = ["g0: &g0 {k: v}"]
    lines += [f"g{i}: &g{i}\n  <<: [{', '.join([f'*g{i - 1}'] * 9)}]\n  k{i}: v" for i in range(1, 8)]
    return "\n".join(lines) + "\n"


ANCHORS = "anchors (&name) and aliases (*name) are not allowed in data files; write the value out"
BOMBS = {
    "alias bomb": (alias_bomb(), f":1: {ANCHORS}"),
    "merge-key bomb": (merge_bomb(), f":1: {ANCHORS}"),
    "recursive alias": ("zz: &r [*r]\n", f":1: {ANCHORS}"),
    "1,000 nested brackets": ("x: " + "[" * 1000 + "]" * 1000 + "\n", f":1: nested more than {MAX_DEPTH} levels deep"),
    "1,000 unclosed brackets": ("x: " + "[" * 1000 + "\n", f":1: nested more than {MAX_DEPTH} levels deep"),
    "too many nodes": (
        "x: {" + ",".join(f"k{i}: 1" for i in range(MAX_NODES // 2 + 10)) + "}\n",
        f":1: has more than {MAX_NODES:,} YAML nodes; split it into smaller files",
    ),
    "too large": (
        "x: " + "a" * (MAX_BYTES + 1) + "\n",
        f": is larger than {MAX_BYTES // 1000} kB; split it into smaller files",
    ),
    "too many items in one list": (
        "x: [" + ",".join(["1"] * (MAX_ITEMS + 1)) + "]\n",
        f":1: a list has more than {MAX_ITEMS} items; split it or shorten it",
    ),
}


# `study-guide validate`, then this process's own peak memory. VmHWM belongs to the process
# image after exec; getrusage's ru_maxrss would also count the forked test worker.
VALIDATE_AND_MEASURE = """
import sys
from study_guide.cli import main
code = main(["validate", "--data", sys.argv[1]])
status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
print(int(status) / 1024)
sys.exit(code)
"""


def run_validate(data: Path) -> tuple[int, str, float, float]:
    """`study-guide validate` in a child process: exit code, stderr, wall seconds, peak RSS in MB."""
    limit = 1024 * 1024 * 1024  # a safety net: a regression fails here instead of swapping

    def cap_memory():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", VALIDATE_AND_MEASURE, str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=cap_memory,
    )
    seconds = time.monotonic() - start
    megabytes = float(result.stdout.split()[-1]) if result.stdout.strip() else float("inf")
    return result.returncode, result.stderr, seconds, megabytes


@pytest.mark.parametrize("text, message", BOMBS.values(), ids=BOMBS.keys())
def test_bomb_fails_fast_and_small(data, text, message, record_property):
    (data / "topics" / "bomb.yaml").write_text(text, encoding="utf-8")
    code, stderr, seconds, megabytes = run_validate(data)
    assert code == 1
    assert stderr.splitlines()[1:] == [f"  data/topics/bomb.yaml{message}"]
    assert "Traceback" not in stderr
    assert seconds < SECONDS, seconds
    assert megabytes < MEGABYTES, megabytes
    record_property("summary", f"{seconds:.2f} s, peak {megabytes:.0f} MB")


def test_strict_build_reports_a_bomb_without_traceback(fixture_project):
    (fixture_project / "data" / "topics" / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    started = time.monotonic()
    result = mkdocs_build(fixture_project)
    assert result.returncode == 1
    assert f"data/topics/bomb.yaml:1: {ANCHORS}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert time.monotonic() - started < 30


def test_merge_key_is_refused_with_its_line(data):
    edit(data, TOPIC, "name: Topic motivation", "name: Topic motivation\nextra:\n  <<: {a: 1}\n  a: 2")
    assert problems(data) == [f"data/{TOPIC}:4: merge keys (<<) are not allowed in data files; write the keys out"]


def test_real_data_uses_no_anchor_alias_or_merge_key():
    """The refusal costs the real data nothing: it loads as it is."""
    assert load_guide(ROOT / "data").roles


# Tracebacks: OS errors and encodings become problems ----------------------------------


def test_data_file_symlink_may_not_lead_outside(data, tmp_path):
    outside = tmp_path / "outside.yaml"
    shutil.copy2(data / TOPIC, outside)
    (data / TOPIC).unlink()
    (data / TOPIC).symlink_to(outside)
    assert problems(data) == [f"data/{TOPIC}: is a symbolic link leading outside data/; copy the file in"]


def test_data_file_symlink_inside_data_is_read(data):
    (data / TOPIC).rename(data / "topics" / ".motivation-real")
    (data / TOPIC).symlink_to(".motivation-real")
    assert problems(data) == []


def test_symlink_loop(data):
    (data / "topics" / "loop.yaml").symlink_to(data / "topics" / "loop.yaml")
    assert problems(data) == ["data/topics/loop.yaml: cannot be read: Too many levels of symbolic links"]


def test_folder_named_like_a_data_file(data):
    (data / "roles" / "x.yaml").mkdir()
    assert problems(data) == ["data/roles/x.yaml: is a folder, not a YAML file"]


def test_broken_symlink(data):
    (data / "topics" / "gone.yaml").symlink_to(data / "topics" / "nowhere.yaml")
    assert problems(data) == ["data/topics/gone.yaml: cannot be opened: it is a broken symbolic link or was removed"]


def test_unreadable_file(data, monkeypatch):
    # Tests run as root in CI, where chmod 000 does not stop a read; the loader sees the same error.
    target = data / TOPIC
    real_open = Path.open

    def open_refusing(self, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_refusing)
    assert problems(data) == [f"data/{TOPIC}: cannot be read: Permission denied"]


def test_file_that_is_not_utf8(data):
    (data / TOPIC).write_bytes((data / TOPIC).read_bytes().replace(b"Topic motivation", b"Topic \xe9"))
    assert problems(data) == [f"data/{TOPIC}:2: file is not valid UTF-8 text"]


# Nothing silently skipped ---------------------------------------------------------------

UNEXPECTED = {
    "topics/X.YAML": "data/topics/X.YAML: the extension must be lowercase: rename it to X.yaml",
    "topics/x.yml": "data/topics/x.yml: '.yml' files are not read; rename it to x.yaml",
    "roles/x.yaml.bak": (
        "data/roles/x.yaml.bak: unexpected file: roles/ holds only <id>.yaml files; rename it or move it out of data/"
    ),
    "topics/README.md": (
        "data/topics/README.md: unexpected file: topics/ holds only <id>.yaml files; rename it or move it out of data/"
    ),
    "notes.txt": (
        "data/notes.txt: unexpected file or folder in data/: the loader does not read it; move it out of data/"
    ),
}


@pytest.mark.parametrize("name, message", UNEXPECTED.items(), ids=UNEXPECTED.keys())
def test_unexpected_file_is_reported(data, name, message):
    (data / name).write_text("id: x\n", encoding="utf-8")
    assert problems(data) == [message]


def test_hidden_files_are_left_alone(data):
    (data / "topics" / ".DS_Store").write_bytes(b"\0")
    (data / "topics" / ".motivation.yaml.swp").write_bytes(b"\0")
    assert problems(data) == []


# Small things -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, loc, line, got",
    [
        ("duration: {min: 30}", 'duration: {min: "30"}', "rounds[0].duration.min", 12, "str '30'"),
        ("title: Example Engineer", "title: Example Engineer\norder: '5'", "order", 3, "str '5'"),
    ],
)
def test_numbers_are_not_coerced_from_strings(data, old, new, loc, line, got):
    edit(data, "roles/example-role.yaml", old, new)
    assert problems(data) == [
        f"data/roles/example-role.yaml:{line}: {loc}: input should be a valid integer (got {got})"
    ]


def test_booleans_are_not_coerced_from_strings(data):
    edit(data, "roles/example-role.yaml", "title: Example Engineer", "title: Example Engineer\nrounds_inferred: 'yes'")
    assert problems(data) == [
        "data/roles/example-role.yaml:3: rounds_inferred: input should be a valid boolean (got str 'yes')"
    ]


# mkdocs serve keeps running on a data mistake and recovers ----------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(log: Path, needle: str, after: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        found = text.find(needle, after)
        if found >= 0:
            return found + len(needle)
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not logged within {seconds} s:\n{log.read_text()[after:]}")


def test_serve_reports_a_data_mistake_and_recovers(tmp_path):
    project = copy_project(tmp_path / "project", FIXTURE_DATA)
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        seen = _wait_for(log, "Serving on", 0, 120)
        topic = project / "data" / TOPIC
        good = topic.read_text(encoding="utf-8")
        topic.write_text(good + "zz: &r [*r]\n", encoding="utf-8")
        seen = _wait_for(log, f"data/{TOPIC}:{good.count(chr(10)) + 1}: {ANCHORS}", seen, 60)
        assert server.poll() is None, "mkdocs serve exited on a data mistake"
        # A missing code file used to end a running serve with the macros plugin's traceback.
        topic.write_text(
            good.replace('follow_ups: ["Why?"]', 'follow_ups: ["Why?"]\n      code_file: examples/gone.py')
        )
        seen = _wait_for(log, "'examples/gone.py' does not exist", seen, 60)
        assert server.poll() is None, "mkdocs serve exited on a data mistake"
        topic.write_text(good, encoding="utf-8")
        _wait_for(log, "Documentation built", seen, 120)
        assert server.poll() is None
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/guide/topics/", timeout=10) as page:
            assert "Topic motivation" in page.read().decode()
        assert "Traceback" not in log.read_text()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# Issue 20: values YAML cannot hold, tags, files that are not files, code that ends its fence ------


IMPOSSIBLE_VALUES = {
    "a day that does not exist": (
        "level: 2023-02-30",
        "YAML value error: '2023-02-30' is not a valid date (day is out of range for month); quote it to keep it "
        "as text",
    ),
    "an hour past the day": (
        "level: 2023-01-01 25:00:00",
        "YAML value error: '2023-01-01 25:00:00' is not a valid date (hour must be in 0..23); quote it to keep it as "
        "text",
    ),
    "an integer past Python's digit limit": (
        "level: " + "9" * 5000,
        f"YAML value error: {'9' * 40!r} is not a valid integer (Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit); quote it to keep "
        "it as text",
    ),
}


@pytest.mark.parametrize("line, message", IMPOSSIBLE_VALUES.values(), ids=IMPOSSIBLE_VALUES.keys())
def test_a_value_yaml_cannot_build_is_a_data_error_with_its_line(data, line, message):
    edit(data, TOPIC, "    kind: behavioral\n", f"    kind: behavioral\n    {line}\n")
    assert problems(data) == [f"data/{TOPIC}:9: {message}"]


TAGS = {
    "binary": ("description: !!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==", "tag:yaml.org,2002:binary"),
    "set": ("description: !!set {a, b}", "tag:yaml.org,2002:set"),
    "explicit string": ("description: !!str plain", "tag:yaml.org,2002:str"),
    "local tag": ("description: !mine text", "!mine"),
}


@pytest.mark.parametrize("line, tag", TAGS.values(), ids=TAGS.keys())
def test_only_plain_yaml_is_accepted(data, line, tag):
    edit(data, TOPIC, "description: What motivation covers.", line)
    assert problems(data) == [
        f"data/{TOPIC}:3: the tag {tag} is not allowed in data files; write the value as plain YAML without a tag"
    ]


def test_a_fifo_in_data_is_reported_never_opened(data):
    os.mkfifo(data / "topics" / "pipe.yaml")
    started = time.monotonic()
    assert problems(data) == [
        "data/topics/pipe.yaml: is not a regular file (a pipe, socket or device); data/ holds only YAML files"
    ]
    assert time.monotonic() - started < 30  # opening it would block forever


@pytest.mark.parametrize("closing_line", ["``` ", "```\t", "   ```", "````", "```python"])
def test_a_code_file_line_of_backticks_cannot_end_its_fence(tmp_path, closing_line):
    """The fence is longer than any run of backticks in the file, so no line of it closes the block."""
    from study_guide.presenter import fenced_code

    (tmp_path / "examples").mkdir()
    code = f"x = 1\n{closing_line}\n<img src=x onerror=alert(1)>\n"
    (tmp_path / "examples" / "trap.py").write_text(code, encoding="utf-8")
    html = _site_markdown()(str(fenced_code(tmp_path, "examples/trap.py")))
    tokens = sanitise.tokens(html)
    assert [t[1] for t in tokens if t[0] == "<" and t[1] in ("pre", "img")] == ["pre"]
    assert tokens[-1] == ("/", "div")  # the highlight block ends the output: nothing after it
    assert "\n<img src=x onerror=alert(1)>\n" in "".join(t[1] for t in tokens if t[0] == "text")  # shown as code


def test_a_list_longer_than_the_cap_is_refused_with_its_line(data):
    covers = ", ".join(f"Point {i}." for i in range(MAX_ITEMS + 1))
    edit(data, TOPIC, "covers: [Point one., Point two.]", f"covers: [{covers}]")
    assert problems(data) == [f"data/{TOPIC}:11: a list has more than {MAX_ITEMS} items; split it or shorten it"]
