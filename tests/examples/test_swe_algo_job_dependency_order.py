"""Tested solution for swe-algo-job-dependency-order."""

from __future__ import annotations

import functools
import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_job_dependency_order.py")


DEPS = {"report": ["aggregate", "dims"], "aggregate": ["ingest"], "dims": ["ingest"], "ingest": []}


def test_order_respects_dependencies_and_is_deterministic():
    assert mod.job_order(DEPS) == ["ingest", "aggregate", "dims", "report"]
    assert mod.waves(DEPS) == [["ingest"], ["aggregate", "dims"], ["report"]]


def test_jobs_only_named_as_dependencies_are_included():
    assert mod.job_order({"b": ["a"]}) == ["a", "b"]


def test_empty_single_duplicates():
    assert mod.job_order({}) == [] and mod.waves({}) == []
    assert mod.job_order({"solo": []}) == ["solo"]
    assert mod.job_order({"b": ["a", "a"]}) == ["a", "b"]


def test_cycle_is_reported_with_its_path():
    with pytest.raises(mod.CycleError) as err:
        mod.job_order({"a": ["b"], "b": ["c"], "c": ["a"], "d": []})
    cycle = err.value.cycle
    assert cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}
    with pytest.raises(mod.CycleError):
        mod.waves({"x": ["x"]})


def test_random_dag():
    rng = random.Random(1)
    jobs = [f"j{i:03d}" for i in range(300)]
    deps = {job: rng.sample(jobs[:i], min(i, 3)) for i, job in enumerate(jobs)}
    order = mod.job_order(deps)
    where = {job: i for i, job in enumerate(order)}
    assert len(order) == 300
    assert all(where[need] < where[job] for job, needs in deps.items() for need in needs)


JOBS = ["a", "b", "c", "d", "é", "東"]
DEPENDENCIES = st.dictionaries(st.sampled_from(JOBS), st.lists(st.sampled_from(JOBS), max_size=3), max_size=6)


def _all_jobs(deps):
    return {job for job in deps} | {need for needs in deps.values() for need in needs}


def _respects(order, deps):
    where = {job: i for i, job in enumerate(order)}
    return all(where[need] < where[job] for job, needs in deps.items() for need in needs)


@PROPERTY
@given(DEPENDENCIES)
def test_order_is_the_alphabetically_first_valid_order_or_a_real_cycle(deps):
    valid = [order for order in itertools.permutations(sorted(_all_jobs(deps))) if _respects(order, deps)]
    if valid:
        assert mod.job_order(deps) == list(min(valid))  # brute force over every ordering
    else:
        with pytest.raises(mod.CycleError) as err:
            mod.job_order(deps)
        cycle = err.value.cycle
        assert cycle[0] == cycle[-1]
        assert all(b in deps.get(a, ()) for a, b in itertools.pairwise(cycle))  # each job needs the next


@PROPERTY
@given(DEPENDENCIES)
def test_a_jobs_wave_is_the_length_of_its_longest_chain_of_dependencies(deps):
    try:
        stages = mod.waves(deps)
    except mod.CycleError:
        assert not any(_respects(o, deps) for o in itertools.permutations(sorted(_all_jobs(deps))))
        return

    @functools.cache
    def depth(job):
        return 1 + max((depth(need) for need in deps.get(job, ())), default=-1)

    expected: dict[int, list[str]] = {}
    for job in sorted(_all_jobs(deps)):
        expected.setdefault(depth(job), []).append(job)
    assert stages == [expected[level] for level in range(len(expected))]


@PROPERTY
@given(DEPENDENCIES)
def test_one_shot_dependency_lists_give_the_same_order(deps):
    try:
        order = mod.job_order(deps)
    except mod.CycleError:
        return
    assert mod.job_order({job: iter(needs) for job, needs in deps.items()}) == order
