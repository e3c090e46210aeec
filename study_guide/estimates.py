"""Back-of-the-envelope estimates, computed with units.

A question's `guidance.estimate` names its inputs (value and unit, sourced or assumed) and its
derived quantities (a formula over earlier names). `evaluate` computes them with pint, after
reading each formula with a small evaluator over Python's `ast` that knows names, numbers,
+ - * / ** and parentheses and nothing else (no `eval`: a formula cannot call, index or import).
Units come from `units.txt`; bytes and dollars have dimensions of their own, counts are plain.

Every mistake (a formula that does not parse, an unknown or later name, a unit that does not
exist or does not match) is returned as (field path, message), so crossref.py reports it as
`file:line: field.path: message` like any other data error.
"""

from __future__ import annotations

import ast
import difflib
import math
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import Loc
from .model import Estimate

UNITS_FILE = Path(__file__).with_name("units.txt")
MAX_EXPONENT = 12  # a power is for squares, cubes and 10**n; anything larger is a typo or an attack
_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_SYMBOLS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷", ast.Pow: "^"}
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 3}


@lru_cache(maxsize=1)
def registry():
    import pint  # imported here: loading pint costs a second, and only estimates need it

    return pint.UnitRegistry(str(UNITS_FILE), cache_folder=None)


class FormulaError(ValueError):
    """A formula the evaluator refuses; the message says why."""


@dataclass(frozen=True)
class Row:
    """One line of an estimate's table."""

    name: str
    label: str
    value: str  # rounded and formatted, with the unit as the data writes it
    magnitude: float  # in the unit shown, unrounded
    figures: int
    formula: str | None = None  # derived: the formula in words (× ÷ and names as words)
    sources: tuple[str, ...] = ()  # input: the sources it cites
    why: str | None = None  # input: why the assumption is reasonable
    in_answer: bool = False


@dataclass(frozen=True)
class Computed:
    rows: list[Row]
    problems: list[tuple[Loc, str]]


def evaluate(estimate: Estimate) -> Computed:
    """Every input and derived quantity with its value, or the problems that stop one being computed."""
    ureg = registry()
    values: dict[str, object] = {}
    rows: list[Row] = []
    problems: list[tuple[Loc, str]] = []
    later = {d.name for d in estimate.derived}
    for index, item in enumerate(estimate.inputs):
        loc = ("inputs", index)
        if item.name in values:
            problems.append(((*loc, "name"), f"'{item.name}' is already a name in this estimate"))
            continue
        unit = _unit(item.unit, (*loc, "unit"), problems)
        if unit is None:
            continue
        quantity = ureg.Quantity(float(item.value), unit).to_base_units()  # 65 % is 0.65; TB is bits
        values[item.name] = quantity
        rows.append(
            Row(
                item.name,
                item.label,
                format_value(float(item.value), _figures(item.value), item.unit),
                float(item.value),
                _figures(item.value),
                sources=tuple(item.sources),
                why=item.why,
            )
        )
    for index, item in enumerate(estimate.derived):
        loc = ("derived", index)
        later.discard(item.name)
        if item.name in values:
            problems.append(((*loc, "name"), f"'{item.name}' is already a name in this estimate"))
            continue
        unit = _unit(item.unit, (*loc, "unit"), problems)
        try:
            tree = parse(item.formula)
            quantity = _value(tree.body, values, item.name, later)
        except FormulaError as exc:
            problems.append(((*loc, "formula"), str(exc)))
            continue
        if unit is None:
            continue
        try:
            magnitude = float(quantity.to(unit).magnitude)
        except Exception as exc:  # pint's DimensionalityError, with both units named
            if type(exc).__name__ != "DimensionalityError":
                raise
            problems.append(
                (
                    (*loc, "unit"),
                    f"the formula gives {_dimension(quantity)}, which cannot be shown in '{item.unit or '(a count)'}'",
                )
            )
            continue
        if not math.isfinite(magnitude):
            problems.append(((*loc, "formula"), "the formula does not give a finite number"))
            continue
        values[item.name] = quantity
        rows.append(
            Row(
                item.name,
                item.label,
                format_value(magnitude, item.figures, item.unit),
                magnitude,
                item.figures,
                formula=in_words(tree.body),
                in_answer=item.in_answer,
            )
        )
    return Computed(rows, problems)


def parse(formula: str) -> ast.Expression:
    try:
        return ast.parse(formula.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise FormulaError(f"'{formula}' is not a formula: {getattr(exc, 'msg', exc)}") from None


def _value(node: ast.AST, values: dict, own: str, later: set[str]):
    ureg = registry()
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return ureg.Quantity(float(node.value))  # floats: a huge integer power would never finish
    if isinstance(node, ast.Name):
        if node.id in values:
            return values[node.id]
        if node.id == own:
            raise FormulaError(f"'{own}' uses itself; a formula may use only the inputs and the quantities above it")
        if node.id in later:
            raise FormulaError(
                f"'{node.id}' is worked out below '{own}'; a formula may use only the inputs and the quantities "
                "above it (so no cycle is possible)"
            )
        hint = difflib.get_close_matches(node.id, sorted(values), n=1)
        did_you_mean = f"; did you mean '{hint[0]}'?" if hint else ""
        raise FormulaError(f"unknown name '{node.id}' in the formula{did_you_mean}")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _value(node.operand, values, own, later)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        exponent = node.right
        if not (
            isinstance(exponent, ast.Constant)
            and type(exponent.value) in (int, float)
            and abs(exponent.value) <= MAX_EXPONENT
        ):
            raise FormulaError(f"an exponent must be a number between -{MAX_EXPONENT} and {MAX_EXPONENT}")
        return _value(node.left, values, own, later) ** float(exponent.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left = _value(node.left, values, own, later)
        right = _value(node.right, values, own, later)
        try:
            return _OPERATORS[type(node.op)](left, right).to_base_units()
        except ZeroDivisionError:
            raise FormulaError(f"'{ast.unparse(node)}' divides by zero") from None
        except OverflowError:
            raise FormulaError(f"'{ast.unparse(node)}' is too large to compute") from None
        except Exception as exc:  # pint's DimensionalityError: adding seconds to bytes
            if type(exc).__name__ != "DimensionalityError":
                raise
            raise FormulaError(
                f"units do not match in '{ast.unparse(node)}': {_dimension(left)} and {_dimension(right)}"
            ) from None
    raise FormulaError(
        f"'{ast.unparse(node)}' is not allowed; a formula uses names, numbers, + - * / ** and parentheses"
    )


def in_words(node: ast.AST, parent: int = 0) -> str:
    """The formula as the table shows it: × and ÷, names with spaces, numbers with thousands separators."""
    if isinstance(node, ast.Constant):
        return f"{node.value:,}" if isinstance(node.value, int) else f"{node.value:,g}"
    if isinstance(node, ast.Name):
        return node.id.replace("_", " ")
    if isinstance(node, ast.UnaryOp):
        return ("−" if isinstance(node.op, ast.USub) else "+") + in_words(node.operand, 4)
    if isinstance(node, ast.BinOp):
        precedence = _PRECEDENCE[type(node.op)]
        # The right side of − and ÷ keeps its brackets at equal precedence: a − (b − c).
        right_parent = precedence + 1 if isinstance(node.op, ast.Sub | ast.Div) else precedence
        text = f"{in_words(node.left, precedence)} {_SYMBOLS[type(node.op)]} {in_words(node.right, right_parent)}"
        return f"({text})" if precedence < parent else text
    raise FormulaError(f"no words for {ast.unparse(node)}")  # parse and _value refuse it first


def _unit(text: str, loc: Loc, problems: list[tuple[Loc, str]]):
    try:
        return registry().parse_units(text) if text.strip() else registry().dimensionless
    except Exception:  # pint's UndefinedUnitError or a parse error of the unit text
        problems.append((loc, f"unknown unit '{text}'; units are listed in study_guide/units.txt"))
        return None


def _dimension(quantity) -> str:
    units = str(quantity.units)
    return f"'{units}'" if units != "dimensionless" else "a count"


def _figures(value: float) -> int:
    """Significant figures an input is written with (at least 1, at most 4)."""
    digits = re.sub(r"[^0-9]", "", f"{value:g}".split("e")[0]).strip("0")
    return max(1, min(4, len(digits)))


def round_to(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_value(value: float, figures: int, unit: str = "") -> str:
    """118,500 at 2 figures -> '120,000'; 2.9e10 -> '29 billion'; the unit as the data writes it."""
    rounded = round_to(value, figures)
    number = None
    for scale, word in _SCALES:
        if abs(rounded) >= scale:
            number = f"{_plain(rounded / scale, figures)} {word}"
            break
    number = number or _plain(rounded, figures)
    if not unit or unit == "%" or unit.startswith("1/"):  # 25%, 120,000/s
        return f"{number}{unit.removeprefix('1')}"
    if number == "1" and unit.isalpha() and unit.endswith("s"):  # 1 week, not 1 weeks
        unit = unit[:-1]
    return f"{number} {unit}"


def _plain(value: float, figures: int) -> str:
    if value == 0:
        return "0"
    decimals = max(0, figures - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- Does the model answer state the computed figures? -------------------------------------------

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
# A number as prose writes one: 120,000 · 14.4 · 1.2 M · 29 billion · $72k · 0.5. A letter right
# after the multiplier (MB, ms) makes it part of a unit, not a multiplier.
_NUMBER = re.compile(
    r"(?<![\w.])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>k|K|M|B|T|bn|thousand|million|billion|trillion)(?![A-Za-z]))?"
)


@dataclass(frozen=True)
class ProseFigure:
    value: float
    figures: int  # significant figures as written: '120,000' has 2, '118,500' has 4


def figures_in(text: str) -> list[ProseFigure]:
    found = []
    for match in _NUMBER.finditer(text):
        digits = match.group("digits").replace(",", "")
        scale = _MULTIPLIERS[match.group("scale").lower()] if match.group("scale") else 1.0
        significant = digits.replace(".", "").lstrip("0")
        if "." not in digits:
            significant = significant.rstrip("0")
        found.append(ProseFigure(float(digits) * scale, max(1, len(significant))))
    return found


def states(text: str, row: Row) -> bool:
    """True when the text gives the row's value: some figure in it equals the computed value rounded
    to that figure's own precision (at least 2 significant figures), so 'about 120,000' states
    118,500 but '100,000' and '80–90,000' do not."""
    for figure in figures_in(text):
        figures = max(2, figure.figures)
        if round_to(figure.value, figures) == round_to(row.magnitude, figures):
            return True
    return False


# --- Statistics the answer states (recomputed by tests/test_statistics.py with statsmodels) ------


@dataclass(frozen=True)
class StatisticLine:
    label: str
    value: str
    given: str  # the inputs in words


def statistic_lines(estimate: Estimate) -> list[StatisticLine]:
    lines = []
    for s in estimate.statistics:
        if s.kind.value == "sample-size-proportions":
            given = f"{_percent(s.baseline)} → {_percent(s.treatment)}"
        elif s.kind.value == "sample-size-means":
            given = f"a difference of {s.difference:,g} on a standard deviation of {s.sd:,g}"
        elif s.kind.value == "sample-size-margin":
            given = f"a mean to within ±{s.difference:,g} on a standard deviation of {s.sd:,g}"
        elif s.kind.value == "interval-proportions":
            given = f"{s.n:,} per arm on a rate near {_percent(s.baseline)}, in percentage points"
        else:
            given = f"{s.n:,} per arm on a standard deviation of {s.sd:,g}"
        sized = s.kind.value.startswith("sample-size") and s.kind.value != "sample-size-margin"
        level = f"two-sided α = {s.alpha:g}" + (f", power {s.power:g}" if sized else "")
        value = format_value(s.stated, _figures(s.stated))
        lines.append(
            StatisticLine(s.label, f"±{value}" if s.kind.value.startswith("interval") else value, f"{given}, {level}")
        )
    return lines


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.4g} %"
