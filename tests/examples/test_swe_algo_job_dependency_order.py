"""Tested solution for swe-algo-job-dependency-order."""

from __future__ import annotations

import random

import pytest

from . import load_example

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
