"""Every fenced code block in data/ runs, and computes what the guide says it computes.

The guide's rule: any code in it is original, correct and run by the test suite. This module
finds every fenced block (```python, ```sql, bare ``` …) in every text field of the loaded guide
and runs it:

* ```python — executed in a fresh module namespace holding the small synthetic inputs the
  snippet assumes (`df`, `plays`, …). Inline claims are checked automatically: an expression or
  a `name = …` line ending in `# ≈ 0.947`, `# → 3` or `# == 'x'` must hold. `>>>` examples run
  as doctests. The block's setup then asserts what the code should compute.
* ```sql — run on an in-memory DuckDB against synthetic tables; the setup checks the result.
* ```text — illustrative, not run. A bare fence passes only when it clearly is not code.
  Any other language fails: mark it ```text or rewrite it as runnable Python or SQL.

Each block is identified by a stable key, `<owner id>:<field path>:<n>` — the owner is the
nearest item with an id (a question, a worked example, a framework …), the field path is relative
to it and n counts blocks within the field. A block without a setup fails with the key to add.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import doctest
import io
import linecache
import math
import random
import re
import signal
import sys
import tokenize
import types
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from study_guide.crossref import documents, walk
from study_guide.load import load_guide

from .conftest import FIXTURE_DATA, ROOT

GUIDE = load_guide(ROOT / "data")
TIME_LIMIT_S = 60  # per block; a snippet that loops forever fails instead of hanging the suite

PYTHON_LANGS = {"python", "py", "python3"}
SQL_LANGS = {"sql", "duckdb", "postgresql", "postgres", "pgsql"}
TEXT_LANGS = {"text", "txt", "plaintext"}


# ---------------------------------------------------------------------------------------------
# Finding the blocks
# ---------------------------------------------------------------------------------------------

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Fence:
    info: str  # the info string after the opening fence, stripped
    code: str
    line: int  # 0-based line of the opening fence within the text
    end: int  # 0-based line of the closing fence (or one past the last line when unclosed)


def fenced_blocks(text: str) -> Iterator[Fence]:
    """CommonMark fenced code blocks in `text`, at any indent (so fences inside list items count).

    A fence is three or more backticks or tildes; it closes at a line of the same character at
    least as long, with nothing after it, or at the end of the text. A backtick fence's info
    string cannot contain a backtick, so ```inline``` on one line is a code span, not a block.
    """
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if m is None or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        fence, indent = m["fence"], len(m["indent"].expandtabs(4))
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            line = lines[j].expandtabs(4)
            strip = min(indent, len(line) - len(line.lstrip(" ")))
            body.append(line[strip:])
            j += 1
        yield Fence(m["info"].strip(), "\n".join(body), i, j)
        i = j + 1


def stray_fences(text: str) -> list[str]:
    """Lines with ``` outside any fenced block: usually a block flattened by a folded YAML scalar."""
    inside = {n for fence in fenced_blocks(text) for n in range(fence.line, fence.end + 1)}
    return [line for n, line in enumerate(text.splitlines()) if n not in inside and "```" in line]


def _language(info: str) -> str:
    word = info.split()[0] if info.split() else ""
    return word.strip("{}").lstrip(".").lower()


@dataclass(frozen=True)
class Block:
    key: str  # "<owner id>:<field path>:<n>", stable when items are reordered
    file: str  # data/… path
    field: str  # path of the text field from the top of the file
    line: int | None  # 1-based line of the opening fence in the file, best effort
    lang: str  # "" for a bare fence
    code: str

    @property
    def where(self) -> str:
        line = f":{self.line}" if self.line else ""
        return f"{self.file}{line}: {self.field}"


LISTING_KEYS = {"sources.yaml": "sources", "frameworks.yaml": "frameworks", "glossary.yaml": "terms"}


def _display_file(where: tuple[str, str | None]) -> str:
    folder, item_id = where
    return f"data/{folder}/{item_id}.yaml" if item_id else f"data/{folder}"


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _strings(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every str in a field value: the value itself or the strings inside (nested) lists."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))


def _fence_line(file_lines: list[str], fence_info: str, code: str) -> int | None:
    """Line of the opening fence whose first code line matches, or None."""
    first = next((ln.strip() for ln in code.splitlines() if ln.strip()), "")
    for i, line in enumerate(file_lines):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")) and stripped.lstrip("`~").strip() == fence_info:
            following = next((ln.strip() for ln in file_lines[i + 1 :] if ln.strip()), "")
            if following == first:
                return i + 1
    return None


@dataclass(frozen=True)
class TextField:
    file: str
    field: str  # path from the top of the file
    owner: str  # id of the nearest item with one
    relative: str  # path from that item
    text: str


def text_fields(guide: Any) -> Iterator[TextField]:
    """Every str in the guide: each str field of every model, and every str inside list fields."""
    for where, base, document in documents(guide):
        file = _display_file(where)
        # The nearest item with an id owns the fields below it; walk visits parents first.
        top = getattr(document, "id", None) or getattr(document, "term", None) or where[0].removesuffix(".yaml")
        owners: dict[tuple[Any, ...], tuple[str, int]] = {tuple(base): (str(top), len(base))}
        for loc, item in walk(document, base):
            loc = tuple(loc)
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str):
                owners[loc] = (item_id, len(loc))
            else:
                owners[loc] = next(owners[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in owners)
            owner, depth = owners[loc]
            for name in type(item).model_fields:
                for field_loc, text in _strings(getattr(item, name), (*loc, name)):
                    shown = _path((LISTING_KEYS[where[0]], *field_loc) if base else field_loc)
                    yield TextField(file, shown, owner, _path(field_loc[depth:]), text)


def guide_blocks(guide: Any) -> list[Block]:
    blocks: list[Block] = []
    file_lines: dict[str, list[str]] = {}
    for text_field in text_fields(guide):
        if text_field.file not in file_lines:
            path = ROOT / text_field.file
            file_lines[text_field.file] = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        for n, fence in enumerate(fenced_blocks(text_field.text)):
            blocks.append(
                Block(
                    key=f"{text_field.owner}:{text_field.relative}:{n}",
                    file=text_field.file,
                    field=text_field.field,
                    line=_fence_line(file_lines[text_field.file], fence.info, fence.code),
                    lang=_language(fence.info),
                    code=fence.code,
                )
            )
    return blocks


BLOCKS = guide_blocks(GUIDE)


# ---------------------------------------------------------------------------------------------
# Running Python: fresh module, inline claims, doctests
# ---------------------------------------------------------------------------------------------

_CLAIM = re.compile(r"#\s*(?P<op>≈|~=|==|=>|->|→)\s*(?P<value>.+)$")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass
class Claim:
    line: int
    source: str  # the claimed expression or name, as written
    op: str
    text: str  # the claimed value, as written
    value: Any


def _leading_literal(text: str) -> tuple[str, Any]:
    """The longest prefix of `text` that is a Python literal: `0.947 (top 3)` gives 0.947."""
    text = text.strip()
    for end in range(len(text), 0, -1):
        with contextlib.suppress(ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return text[:end].strip(), ast.literal_eval(text[:end].strip())
    raise ValueError(f"cannot read a value from {text!r}")


def _with_claims(code: str, filename: str) -> tuple[types.CodeType, list[Claim]]:
    """Compile `code`, capturing the value of each top-level statement that carries a claim comment.

    `expr  # ≈ 0.947` stores the expression's value; `name = expr  # → 3` stores `name` after
    the assignment. The snippet still runs exactly once, top to bottom.
    """
    tree = ast.parse(code, filename)
    comments = {
        tok.start[0]: tok.string
        for tok in tokenize.generate_tokens(io.StringIO(code).readline)
        if tok.type == tokenize.COMMENT
    }
    source_lines = code.splitlines()
    claims: list[Claim] = []
    body: list[ast.stmt] = []
    for stmt in tree.body:
        m = _CLAIM.search(comments.get(stmt.end_lineno or stmt.lineno, "")) or _CLAIM.search(
            comments.get(stmt.lineno, "")
        )
        if m is None:
            body.append(stmt)
            continue
        try:
            text, value = _leading_literal(m["value"])
        except ValueError:
            if m["op"] in {"->", "→"}:  # `# -> DataFrame` describes a type, it claims no value
                body.append(stmt)
                continue
            raise AssertionError(
                f"line {stmt.lineno}: `# {m['op']} {m['value']}` claims a value that is not a Python literal"
            ) from None
        target = f"__claim_{len(claims)}__"
        if isinstance(stmt, ast.Expr):
            source = ast.get_source_segment(code, stmt.value) or source_lines[stmt.lineno - 1]
            captured: ast.expr = stmt.value
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if len(targets) != 1 or not isinstance(targets[0], ast.Name):
                raise AssertionError(f"line {stmt.lineno}: a claim needs one plain name on the left of `=`")
            body.append(stmt)
            source = targets[0].id
            captured = ast.Name(targets[0].id, ast.Load())
        else:
            raise AssertionError(
                f"line {stmt.lineno}: a `# {m['op']} …` claim must follow an expression or `name = …`; "
                "this one would go unchecked"
            )
        assign = ast.Assign([ast.Name(target, ast.Store())], captured)
        body.append(ast.fix_missing_locations(ast.copy_location(assign, stmt)))
        claims.append(Claim(stmt.lineno, source, m["op"], text, value))
    tree.body = body
    return compile(tree, filename, "exec"), claims


def _flat_numbers(value: Any) -> list[float]:
    if isinstance(value, dict):
        value = list(value.values())
    return [float(x) for x in np.ravel(np.asarray(value, dtype=float))]


def _check_claim(claim: Claim, actual: Any) -> None:
    said = f"line {claim.line}: `{claim.source}` {claim.op} {claim.text}"
    if claim.op in {"≈", "~="}:
        expected = _flat_numbers(claim.value)
        got = _flat_numbers(actual)
        assert len(got) == len(expected), f"{said}, but it is {actual!r}"
        for number_text, want, have in zip(_NUMBER.findall(claim.text), expected, got, strict=False):
            decimals = len(number_text.split(".")[1].split("e")[0].split("E")[0]) if "." in number_text else 0
            assert abs(have - want) <= 0.5 * 10**-decimals + 1e-12, f"{said}, but it is {actual!r}"
        return
    if isinstance(actual, float) or isinstance(claim.value, float):
        assert math.isclose(actual, claim.value, rel_tol=1e-9, abs_tol=1e-12), f"{said}, but it is {actual!r}"
    elif isinstance(actual, np.ndarray | pd.Series | pd.Index):
        assert np.array_equal(np.asarray(actual), np.asarray(claim.value)), f"{said}, but it is {actual!r}"
    else:
        assert actual == claim.value, f"{said}, but it is {actual!r}"


SNIPPET_MODULE = "guide_snippet_"


@contextlib.contextmanager
def strict_warnings() -> Iterator[None]:
    """Deprecation and future warnings raised at a line of guide code are errors.

    Code in the guide should not lean on behaviour its libraries are about to change. Only
    warnings attributed to a snippet's own lines count (pandas and scikit-learn point their
    warnings at the caller), so noise from inside the libraries does not fail the test.
    """
    with warnings.catch_warnings():
        for category in (FutureWarning, DeprecationWarning):
            warnings.filterwarnings("error", category=category, module=SNIPPET_MODULE)
        yield


@contextlib.contextmanager
def _time_limit(seconds: int, what: str) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"{what} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Ran:
    """A finished run of a Python block: its namespace and what it printed."""

    ns: dict[str, Any]
    stdout: str

    def __getitem__(self, name: str) -> Any:
        assert name in self.ns, f"the snippet does not define `{name}`"
        return self.ns[name]


@dataclass
class Runner:
    block: Block
    runs: int = 0

    def python(self, **given: Any) -> Ran:
        """Run the block in a fresh module whose globals start as `given`; check its claims."""
        block = self.block
        self.runs += 1
        filename = f"<data block {block.key}>"
        linecache.cache[filename] = (len(block.code), None, block.code.splitlines(True), filename)
        try:
            code, claims = _with_claims(block.code, filename)
        except SyntaxError as exc:
            raise AssertionError(f"{block.where}: the ```python block is not valid Python: {exc}") from exc
        name = f"{SNIPPET_MODULE}{abs(hash(block.key))}"
        module = types.ModuleType(name)
        module.__dict__.update(given)
        random.seed(0)
        np.random.seed(0)
        out = io.StringIO()
        sys.modules[name] = module
        try:
            with (
                strict_warnings(),
                contextlib.redirect_stdout(out),
                _time_limit(TIME_LIMIT_S, block.where),
                threadpool_limits(1),  # no OpenMP/BLAS oversubscription next to pytest-xdist workers
            ):
                try:
                    exec(code, module.__dict__)
                except Exception as exc:
                    hint = (
                        " (if the snippet assumes this name exists, pass it to run.python(...) in its setup)"
                        if isinstance(exc, NameError)
                        else ""
                    )
                    raise AssertionError(
                        f"{block.where}: the ```python block raised {type(exc).__name__}: {exc}{hint}"
                    ) from exc
                if ">>>" in block.code:
                    self._doctest(module.__dict__)
        finally:
            sys.modules.pop(name, None)
        ns = module.__dict__
        for index, claim in enumerate(claims):
            _check_claim(claim, ns.pop(f"__claim_{index}__"))
        return Ran(ns, out.getvalue())

    def _doctest(self, ns: dict[str, Any]) -> None:
        test = doctest.DocTestParser().get_doctest(self.block.code, dict(ns), self.block.key, None, 0)
        report = io.StringIO()
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test, out=report.write)
        assert result.failed == 0, f"{self.block.where}: doctest examples fail:\n{report.getvalue()}"

    def sql(self, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        """Run the block on `con` (tables already created) and return the result."""
        self.runs += 1
        try:
            with _time_limit(TIME_LIMIT_S, self.block.where):
                return con.execute(self.block.code).df()
        except duckdb.Error as exc:
            raise AssertionError(
                f"{self.block.where}: the ```sql block does not run on DuckDB ({type(exc).__name__}: {exc}). "
                "If it uses PostgreSQL-only syntax, rewrite it in portable SQL."
            ) from exc


# ---------------------------------------------------------------------------------------------
# Setups: one per block, keyed by Block.key
# ---------------------------------------------------------------------------------------------

Setup = Callable[[Runner], None]
SETUPS: dict[str, tuple[str, Setup]] = {}


def _register(kind: str, key: str) -> Callable[[Setup], Setup]:
    def register(fn: Setup) -> Setup:
        assert key not in SETUPS, f"two setups for {key}"
        SETUPS[key] = (kind, fn)
        return fn

    return register


def python_setup(key: str) -> Callable[[Setup], Setup]:
    return _register("python", key)


def sql_setup(key: str) -> Callable[[Setup], Setup]:
    return _register("sql", key)


# --- applied-ml-python -------------------------------------------------------------------------


def _skip_plays(n: int = 800, seed: int = 0) -> pd.DataFrame:
    """Plays with a skip label that depends on the prior skip rate, context and position."""
    rng = np.random.default_rng(seed)
    ts = pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.uniform(0, 30 * 24 * 60, n)), unit="min")
    context = rng.choice(["playlist", "album", "radio", "search"], n).astype("U16")
    # A context the model never saw in training, only in the last days: tests handle_unknown.
    context[int(n * 0.9) :] = np.where(rng.random(n - int(n * 0.9)) < 0.3, "podcast_shelf", context[int(n * 0.9) :])
    prior = rng.beta(2, 3, n)
    position = rng.integers(1, 40, n)
    logit = -2.0 + 4.0 * prior + 0.8 * (context == "radio") + 0.02 * position
    return pd.DataFrame(
        {
            "ts": ts,
            "context": context,
            "device": rng.choice(["mobile", "desktop", "tv"], n),
            "track_ms": rng.integers(90_000, 360_000, n),
            "prior_skip_rate": prior,
            "session_position": position,
            "skipped": (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int),
        }
    )


@python_setup("applied-py-skip-baseline-end-to-end:guidance.example:0")
def _skip_baseline(run: Runner) -> None:
    from sklearn.metrics import average_precision_score
    from sklearn.pipeline import Pipeline

    df = _skip_plays()
    ran = run.python(df=df)
    train, test, p = ran["train"], ran["test"], ran["p"]
    assert train["ts"].max() < test["ts"].min(), "the split must be by time"
    assert len(train) + len(test) == len(df) and 0.15 < len(test) / len(df) < 0.25
    assert "podcast_shelf" in set(test["context"]) - set(train["context"])  # unseen category handled
    assert isinstance(ran["model"], Pipeline) and p.shape == (len(test),) and ((p >= 0) & (p <= 1)).all()
    assert "PR-AUC" in ran.stdout and "ROC-AUC" in ran.stdout
    # The label carries signal, so the model beats the trivial baseline of the base rate.
    assert average_precision_score(test["skipped"], p) > test["skipped"].mean() + 0.1


def _reference_smoothed(plays: pd.DataFrame, rate: float, alpha: float) -> pd.Series:
    out = {}
    for _, rows in plays.sort_values("ts").groupby("user_id"):
        seen = skips = 0
        for index, skipped in rows["skipped"].items():
            out[index] = (skips + alpha * rate) / (seen + alpha)
            seen, skips = seen + 1, skips + skipped
    return pd.Series(out)


@python_setup("applied-py-leak-free-user-features:guidance.example:0")
def _leak_free(run: Runner) -> None:
    rng = np.random.default_rng(1)
    n = 300
    plays = pd.DataFrame(
        {
            "user_id": rng.choice([f"u{i}" for i in range(25)], n),
            "ts": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.permutation(n), unit="h"),  # shuffled
            "skipped": rng.integers(0, 2, n),
        }
    )
    ran = run.python(plays=plays.copy(), train_skip_rate=0.3)
    got = ran["plays"]["smoothed_skip_rate"]
    expected = _reference_smoothed(plays, 0.3, 5)
    assert np.allclose(got.sort_index(), expected.sort_index())
    # A listener's first play gets the global rate: nothing of its own label leaks in.
    first = ran["plays"].groupby("user_id").head(1)
    assert np.allclose(first["smoothed_skip_rate"], 0.3)


def _reference_ndcg(relevance: list[float], k: int) -> float:
    def dcg(rels: list[float]) -> float:
        return sum((2**r - 1) / math.log2(i + 2) for i, r in enumerate(rels[:k]))

    ideal = dcg(sorted(relevance, reverse=True))
    return dcg(list(relevance)) / ideal if ideal > 0 else 0.0


@python_setup("applied-py-ndcg-at-k:guidance.example:0")
def _ndcg(run: Runner) -> None:
    ndcg = run.python()["ndcg_at_k"]  # the inline claim, ndcg_at_k([3, 2, 0, 1], k=3) ≈ 0.947, is checked
    assert ndcg([3, 2, 1, 0], k=4) == pytest.approx(1.0)
    assert ndcg([], k=3) == 0.0 and ndcg([0, 0, 0], k=2) == 0.0 and ndcg([3, 1], k=0) == 0.0
    assert ndcg([0, 1], k=5) == pytest.approx(_reference_ndcg([0, 1], 5))  # k beyond the list
    rng = np.random.default_rng(2)
    for _ in range(50):
        rel = list(rng.integers(0, 4, rng.integers(1, 12)))
        k = int(rng.integers(1, 15))
        assert ndcg(rel, k) == pytest.approx(_reference_ndcg(rel, k)), (rel, k)


# --- audio-buffering-algorithm -----------------------------------------------------------------


@python_setup("audio-buffer-implement-ring-buffer:guidance.example:0")
def _audio_buffer(run: Runner) -> None:
    buffer_class = run.python()["AudioBuffer"]
    b = buffer_class(capacity=8, start_at=4, low=2, high=6)
    assert b.write(b"abc") == 3 and b.read(2) == b""  # below the start level: silence
    assert b.write(b"def") == 3 and b.playing
    assert not b.should_fetch()  # reached the high watermark
    assert b.read(4) == b"abcd"
    assert b.should_fetch()  # dropped to the low watermark
    assert b.write(b"ghijklmnop") == 6  # only the free space; the write wraps round the end
    assert b.read(8) == b"efghijkl"  # order kept across the wrap
    assert not b.playing and b.read(1) == b""  # underrun: rebuffering
    assert b.write(b"mn") == 2 and not b.playing
    b.end_of_stream()
    assert b.playing and b.read(10) == b"mn" and not b.playing and not b.should_fetch()
    # A long stream through a small buffer comes out intact.
    rng = np.random.default_rng(3)
    data = bytes(rng.integers(0, 256, 5000, dtype=np.uint8))
    b, sent, received = buffer_class(capacity=97, start_at=40, low=20, high=80), 0, b""
    while len(received) < len(data):
        if sent < len(data) and b.should_fetch():
            sent += b.write(data[sent : sent + int(rng.integers(1, 50))])
        elif sent == len(data) and not b.eof:
            b.end_of_stream()
        received += b.read(int(rng.integers(1, 30)))
    assert received == data


# --- data-quality-bias-handling ----------------------------------------------------------------


@python_setup("dq-clean-listening-events:guidance.example:0")
def _clean_plays(run: Runner) -> None:
    clean_plays = run.python()["clean_plays"]
    ts = pd.date_range("2024-05-01", periods=7, freq="h")
    events = pd.DataFrame(
        [
            ("u1", "t1", ts[0], 150_000.0, 200_000),  # kept
            ("u1", "t1", ts[0], 150_000.0, 200_000),  # client retry: duplicate
            ("u1", "t2", ts[1], -5.0, 200_000),  # impossible: negative
            ("u2", "t1", ts[2], 300_000.0, 200_000),  # impossible: far longer than the track
            ("u2", "t2", ts[3], np.nan, 200_000),  # missing: kept and flagged
            (None, "t3", ts[4], 1_000.0, 200_000),  # no user: dropped
            ("u3", "t3", ts[5], 209_000.0, 200_000),  # within the 5 % tolerance: kept
            ("u3", "t1", ts[6], 200_000.0, 200_000),  # kept
        ],
        columns=["user_id", "track_id", "ts", "ms_played", "track_ms"],
    )
    cleaned, report = clean_plays(events)
    assert report == {"rows_in": 8, "impossible_duration": 2, "missing_ms_played": 1, "rows_out": 4}
    assert list(cleaned.index) == [0, 4, 6, 7]
    assert cleaned["ms_played_missing"].tolist() == [False, True, False, False]
    assert len(events) == 8  # the input is not modified


# --- ds-sql-python-analysis --------------------------------------------------------------------


def _plays_table(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str, str, str]]) -> None:
    con.execute("CREATE TABLE plays (user_id VARCHAR, track_id VARCHAR, surface VARCHAR, played_at TIMESTAMP)")
    con.executemany("INSERT INTO plays VALUES (?, ?, ?, CAST(? AS TIMESTAMP))", rows)


@sql_setup("ds-sql-repeat-track-share:guidance.example:0")
def _repeat_share(run: Runner) -> None:
    con = duckdb.connect()
    _plays_table(
        con,
        [
            ("u1", "t1", "radio", "2024-03-05 10:00"),  # first heard elsewhere
            ("u1", "t1", "daily_mix", "2024-03-10 09:00"),  # repeat (5 days)
            ("u1", "t2", "daily_mix", "2024-03-10 10:00"),  # first listen
            ("u2", "t1", "daily_mix", "2024-03-01 08:00"),  # first listen
            ("u2", "t1", "daily_mix", "2024-03-10 11:00"),  # 9 days later: not a repeat
            ("u2", "t3", "search", "2024-03-03 12:00"),
            ("u2", "t3", "daily_mix", "2024-03-10 12:00"),  # exactly 7 days: a repeat
            ("u1", "t1", "daily_mix", "2024-03-11 07:00"),  # repeat (previous: yesterday)
            ("u3", "t1", "daily_mix", "2024-03-11 08:00"),  # other listener: first listen
        ],
    )
    result = run.sql(con)
    assert list(result.columns) == ["play_date", "repeat_share"]
    got = [(pd.Timestamp(d).date(), share) for d, share in result.itertuples(index=False)]
    assert got == [(dt.date(2024, 3, 1), 0.0), (dt.date(2024, 3, 10), 0.5), (dt.date(2024, 3, 11), 0.5)]


@sql_setup("ds-sql-monthly-mix-churn:guidance.example:0")
def _monthly_churn(run: Runner) -> None:
    con = duckdb.connect()
    # The query reads CURRENT_DATE; take the months around it from DuckDB itself.
    this_month = con.execute("SELECT CAST(DATE_TRUNC('month', CURRENT_DATE) AS DATE)").fetchone()[0]
    last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
    two_ago = (last_month - dt.timedelta(days=1)).replace(day=1)
    rows = [
        *[(u, "t1", "daily_mix", "2024-01-05") for u in ("u1", "u2", "u3", "u4")],
        ("u1", "t2", "daily_mix", "2024-01-20"),  # a second play: still one listener
        *[(u, "t1", "daily_mix", "2024-02-07") for u in ("u1", "u2", "u5")],
        *[(u, "t1", "daily_mix", "2024-03-09") for u in ("u1", "u5")],
        ("u1", "t1", "radio", "2024-04-02"),  # not Daily Mix: u1 churned from the surface
        ("u9", "t1", "daily_mix", f"{two_ago}"),  # next month is complete: reported
        ("u9", "t1", "daily_mix", f"{last_month}"),  # next month has just started: left out
        ("u9", "t1", "daily_mix", f"{this_month}"),  # left out
    ]
    _plays_table(con, rows)
    result = run.sql(con)
    assert list(result.columns) == ["month", "listeners", "churn_rate"]
    got = [(pd.Timestamp(m).date(), int(n), rate) for m, n, rate in result.itertuples(index=False)]
    expected = [
        (dt.date(2024, 1, 1), 4, 0.5),
        (dt.date(2024, 2, 1), 3, pytest.approx(1 / 3)),
        (dt.date(2024, 3, 1), 2, 1.0),
        (two_ago, 1, 0.0),
    ]
    assert got == expected


@python_setup("ds-python-ab-session-length:guidance.example:0")
def _relative_lift(run: Runner) -> None:
    relative_lift = run.python()["relative_lift"]
    # By hand: per-listener means control 10, 20 and treatment 15, 25 → diff 5, se √50, base 15.
    days = pd.DataFrame(
        [
            ("a", "control", 8.0),
            ("a", "control", 12.0),
            ("b", "control", 20.0),
            ("b", "control", 20.0),
            ("c", "treatment", 15.0),
            ("d", "treatment", 20.0),
            ("d", "treatment", 30.0),
        ],
        columns=["user_id", "group", "minutes"],
    )
    lift, low, high = relative_lift(days)
    se = math.sqrt(50)
    assert (lift, low, high) == pytest.approx((5 / 15, (5 - 1.96 * se) / 15, (5 + 1.96 * se) / 15))
    # A simulated 5 % lift on listener-days is recovered, and the interval covers it.
    rng = np.random.default_rng(4)
    users = pd.DataFrame({"user_id": range(4000), "group": np.where(np.arange(4000) % 2, "treatment", "control")})
    users["base"] = rng.gamma(4.0, 10.0, len(users)) * np.where(users["group"] == "treatment", 1.05, 1.0)
    days = users.loc[users.index.repeat(7)].assign(minutes=lambda d: d["base"] * rng.lognormal(0, 0.3, len(d)))
    lift, low, high = relative_lift(days[["user_id", "group", "minutes"]])
    assert low < 0.05 < high and low < lift < high and 0.0 < lift < 0.1


# --- graph-algorithms-coding -------------------------------------------------------------------


@python_setup("graph-degrees-of-separation:guidance.example:0")
def _separation(run: Runner) -> None:
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import shortest_path

    separation = run.python()["separation"]
    follows = {"a": ["b", "c"], "b": ["d"], "c": ["e"], "d": ["e"], "e": ["f", "a"], "x": ["a"]}
    assert separation(follows, "a", "f") == 3  # a→c→e→f, not the longer a→b→d→e→f
    assert separation(follows, "a", "a") == 0
    assert separation(follows, "f", "a") == -1  # follows are one-way
    assert separation(follows, "a", "nobody") == -1 and separation(follows, "nobody", "a") == -1
    # Against SciPy's shortest paths on random directed graphs.
    rng = np.random.default_rng(5)
    for _ in range(5):
        n = 40
        edges = rng.random((n, n)) < 0.05
        graph = {u: [int(v) for v in np.flatnonzero(edges[u])] for u in range(n)}
        dist = shortest_path(csr_array(edges.astype(float)), unweighted=True)
        for a in range(n):
            for b in range(n):
                want = -1 if math.isinf(dist[a, b]) else int(dist[a, b])
                assert separation(graph, a, b) == want, (a, b)


# --- string-manipulation-coding ----------------------------------------------------------------


@python_setup("string-normalize-track-titles:guidance.example:0")
def _group_titles(run: Runner) -> None:
    ran = run.python()
    titles = [
        "Song Title (Remastered 2011)",
        "song title - remastered",
        "Sóng Title",
        "Song Title (Live)",
        "Song Title - Live",
        "Other Song [Remaster]",
        "other song",
        "東京 (Remastered)",
        "東京",
    ]
    assert ran["group_titles"](titles) == [
        ["Song Title (Remastered 2011)", "song title - remastered", "Sóng Title"],
        ["Song Title (Live)", "Song Title - Live"],  # a different recording stays apart
        ["Other Song [Remaster]", "other song"],
        ["東京 (Remastered)", "東京"],  # non-Latin titles are kept, not stripped
    ]
    assert ran["key"]("STRASSE") == ran["key"]("straße")  # case folding, not lower()


def _reference_levenshtein(a: str, b: str) -> int:
    @__import__("functools").cache
    def d(i: int, j: int) -> int:
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


@python_setup("string-did-you-mean-edit-distance:guidance.example:0")
def _edit_distance(run: Runner) -> None:
    edit_distance = run.python()["edit_distance"]
    cases = {("kitten", "sitting"): 3, ("flaw", "lawn"): 2, ("", "abc"): 3, ("abc", ""): 3, ("same", "same"): 0}
    for (a, b), want in cases.items():
        assert edit_distance(a, b) == want == edit_distance(b, a), (a, b)
    assert edit_distance("teh", "the") == 2  # plain Levenshtein: a transposition is two edits
    rng = random.Random(6)
    for _ in range(200):
        a = "".join(rng.choices("abé", k=rng.randint(0, 7)))
        b = "".join(rng.choices("abé", k=rng.randint(0, 7)))
        assert edit_distance(a, b) == _reference_levenshtein(a, b), (a, b)


# ---------------------------------------------------------------------------------------------
# Bare fences and other languages
# ---------------------------------------------------------------------------------------------

_SQL = re.compile(
    r"(?im)^\s*(?:(?:select|with)\b[\s\S]*\bfrom\b|insert\s+into|update\s+\w+\s+set|delete\s+from|"
    r"create\s+(?:or\s+replace\s+)?(?:table|view|index)|alter\s+table|drop\s+table)"
)
_SHELL = re.compile(
    r"(?m)^\s*(?:\$ |sudo |pip3? |python3? |docker |kubectl |curl |wget |git |cd |export |npm |apt(?:-get)? )"
)
_DOCKERFILE = re.compile(r"(?m)^(?:FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|WORKDIR|ENV|EXPOSE)\s")
_BRACES = re.compile(r"(?m)(?:[;{]\s*$|^\s*}\s*$)")


def code_signal(text: str) -> str | None:
    """Why an unlabelled fence looks like code, or None when it clearly is not (prose, a diagram)."""
    with contextlib.suppress(SyntaxError, ValueError):
        tree = ast.parse(text)
        trivial = (ast.Name, ast.Constant, ast.Tuple, ast.Attribute, ast.Compare, ast.BinOp, ast.UnaryOp)
        if any(not (isinstance(s, ast.Expr) and isinstance(s.value, trivial)) for s in tree.body):
            return "it parses as Python"
    for pattern, what in (
        (_SQL, "SQL"),
        (_DOCKERFILE, "a Dockerfile"),
        (_SHELL, "shell commands"),
        (_BRACES, "code with braces or semicolons"),
    ):
        if pattern.search(text):
            return f"it looks like {what}"
    return None


def _unrunnable(block: Block, reason: str) -> str:
    return (
        f"{block.where}: {reason}. The guide only shows code the tests run: either mark the fence "
        "```text if the block is illustrative, not code, or rewrite it as ```python or ```sql and add "
        f"a setup keyed {block.key!r} in tests/test_data_code.py."
    )


def _missing_setup(block: Block, kind: str) -> str:
    return (
        f"{block.where}: this ```{block.lang} block has no setup, so it is not run. Add one to "
        f"tests/test_data_code.py that builds the inputs it assumes and checks what it computes:\n\n"
        f"@{kind}_setup({block.key!r})\n"
        f"def _(run: Runner) -> None:\n"
        + (
            "    ran = run.python(df=...)  # the names the snippet uses but does not define\n"
            "    assert ran['result'] == ...\n"
            if kind == "python"
            else "    con = duckdb.connect()\n    con.execute('CREATE TABLE plays (...)')  # tables it reads\n"
            "    result = run.sql(con)\n    assert list(result.columns) == [...]\n"
        )
        + "\nOr mark the fence ```text if the block is illustrative, not code."
    )


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("block", BLOCKS, ids=[b.key for b in BLOCKS])
def test_code_block_runs_and_computes_what_it_claims(block: Block) -> None:
    if block.lang in TEXT_LANGS:
        return  # marked illustrative
    if block.lang == "":
        reason = code_signal(block.code)
        assert reason is None, _unrunnable(block, f"this fence has no language but {reason}")
        return
    if block.lang in PYTHON_LANGS:
        kind = "python"
    elif block.lang in SQL_LANGS:
        kind = "sql"
    else:
        pytest.fail(_unrunnable(block, f"```{block.lang} is not a language the tests can run"))
    registered = SETUPS.get(block.key)
    assert registered is not None, _missing_setup(block, kind)
    assert registered[0] == kind, f"{block.where}: the setup for {block.key!r} is for {registered[0]}, not {kind}"
    runner = Runner(block)
    with strict_warnings():  # also while the setup calls functions the snippet defined
        registered[1](runner)
    assert runner.runs > 0, f"the setup for {block.key!r} never runs the block"


def test_blocks_are_found():
    assert BLOCKS, "no fenced code found in data/: the extractor is probably broken"
    assert len({b.key for b in BLOCKS}) == len(BLOCKS), "block keys must be unique"


def test_no_fence_is_flattened_into_a_line():
    stray = [f"{t.file}: {t.field}: {line.strip()[:60]!r}" for t in text_fields(GUIDE) for line in stray_fences(t.text)]
    assert stray == [], (
        "``` inside a line is not a code block; a block written in a folded scalar (`>-`) loses its line "
        "breaks. Write the field as a literal block scalar (`|-`) with the fences on their own lines:\n"
        + "\n".join(stray)
    )


def test_every_setup_belongs_to_a_block():
    stale = sorted(set(SETUPS) - {b.key for b in BLOCKS})
    assert stale == [], (
        f"setups for blocks that no longer exist (renamed id or moved field?): {stale}; "
        f"current keys: {sorted(b.key for b in BLOCKS)}"
    )


def test_blocks_in_list_fields_and_nested_items_are_found():
    guide = load_guide(FIXTURE_DATA)
    assert guide_blocks(guide) == []
    topic, framework = guide.topics[0], guide.frameworks[0]
    question = topic.questions[0]
    covers = [*question.guidance.covers, "Like this:\n\n```python\nx = 1\n```"]
    question = question.model_copy(update={"guidance": question.guidance.model_copy(update={"covers": covers})})
    topic = topic.model_copy(update={"questions": [question, *topic.questions[1:]]})
    step = framework.steps[1].model_copy(update={"detail": "- a list item\n\n  ~~~\n  SELECT a FROM t\n  ~~~"})
    framework = framework.model_copy(update={"steps": [framework.steps[0], step, *framework.steps[2:]]})
    guide = guide.model_copy(update={"topics": [topic, *guide.topics[1:]], "frameworks": [framework]})
    found = [(b.key, b.file, b.field, b.lang, b.code) for b in guide_blocks(guide)]
    n = len(covers) - 1
    assert found == [
        (
            f"{framework.id}:steps[1].detail:0",
            "data/frameworks.yaml",
            "frameworks[0].steps[1].detail",
            "",
            "SELECT a FROM t",
        ),
        (
            f"{question.id}:guidance.covers[{n}]:0",
            f"data/topics/{topic.id}.yaml",
            f"questions[0].guidance.covers[{n}]",
            "python",
            "x = 1",
        ),
    ]


def test_fence_extraction_follows_commonmark():
    text = (
        "Intro with ```inline``` code.\n\n"
        "```python\nx = 1\n```\n"
        "- item\n\n  ~~~sql\n  SELECT 1\n  ~~~\n"
        "````\n```\nnested\n```\n````\n"
        "```\nunclosed\n"
    )
    assert list(fenced_blocks(text)) == [
        Fence("python", "x = 1", 2, 4),
        Fence("sql", "SELECT 1", 7, 9),
        Fence("", "```\nnested\n```", 10, 14),
        Fence("", "unclosed", 15, 17),
    ]
    assert stray_fences("a ```python x = 1``` b\n```\nok\n```") == ["a ```python x = 1``` b"]
    assert [_language(i) for i in ("python", "Python title='a.py'", "{.sql}", "")] == ["python", "python", "sql", ""]


def test_bare_fences_that_are_code_are_recognised():
    for code in (
        "x = compute(1)",
        "SELECT a FROM t",
        "$ pip install x",
        "FROM python:3.11\nRUN pip install x",
        "int main() {\n  return 0;\n}",
    ):
        assert code_signal(code), code
    for prose in ("Buffering → Playing → Rebuffering", "clarify, explore, model", "data/ ──► site/", "Step 1"):
        assert code_signal(prose) is None, prose


def test_inline_claims_are_checked():
    def run(code: str) -> Ran:
        block = Block("demo:example:0", "data/x.yaml", "example", None, "python", code)
        return Runner(block).python()

    run("def f(x):\n    return x / 3\n\nf(1)  # ≈ 0.333\ny = f(3)  # → 1.0\n'a' * 2  # == 'aa'\n")
    with pytest.raises(AssertionError, match=r"`f\(1\)` ≈ 0.34"):
        run("def f(x):\n    return x / 3\n\nf(1)  # ≈ 0.34 (a third)\n")
    with pytest.raises(AssertionError, match="would go unchecked"):
        run("for i in range(2):  # → 1\n    pass\n")
    with pytest.raises(AssertionError, match="FutureWarning"):
        run("import warnings\nwarnings.warn('old API', FutureWarning)\n")
    with pytest.raises(AssertionError, match="doctest"):
        run('def f():\n    """\n    >>> f()\n    2\n    """\n    return 1\n')
