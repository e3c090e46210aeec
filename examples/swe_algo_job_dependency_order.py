"""Order data-pipeline jobs so every job runs after the jobs it depends on (topological sort).

Kahn's algorithm: count each job's unmet dependencies, start with the jobs that have none, and
release a job's dependants as it completes. A min-heap picks among ready jobs alphabetically so
the order is deterministic. If some jobs never become ready they sit on a cycle, which is
reported (one cycle is traced for the error message) instead of returning a partial order.
`waves` groups jobs into stages that can run in parallel.

Complexity: O((V + E) log V) time with the heap (O(V + E) with a plain queue); O(V + E) space.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping


class CycleError(ValueError):
    def __init__(self, cycle: list[str]) -> None:
        super().__init__("dependency cycle: " + " -> ".join(cycle))
        self.cycle = cycle


def _graph(deps: Mapping[str, Iterable[str]]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """deps maps a job to the jobs it needs. Jobs that only appear as dependencies are included."""
    dependants: dict[str, set[str]] = {}
    indegree: dict[str, int] = {}
    for job, needs in deps.items():
        dependants.setdefault(job, set())
        indegree.setdefault(job, 0)
        for need in set(needs):
            dependants.setdefault(need, set())
            indegree.setdefault(need, 0)
            if job not in dependants[need]:
                dependants[need].add(job)
                indegree[job] += 1
    return dependants, indegree


def _find_cycle(deps: Mapping[str, Iterable[str]], stuck: set[str]) -> list[str]:
    start = min(stuck)
    path, position, node = [], {}, start
    while node not in position:  # every stuck job has a stuck dependency, so this walk must loop
        position[node] = len(path)
        path.append(node)
        node = min(n for n in deps.get(node, ()) if n in stuck)
    return [*path[position[node] :], node]


def job_order(deps: Mapping[str, Iterable[str]]) -> list[str]:
    dependants, indegree = _graph(deps)
    ready = [job for job, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        job = heapq.heappop(ready)
        order.append(job)
        for nxt in dependants[job]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, nxt)
    if len(order) < len(indegree):
        raise CycleError(_find_cycle(deps, {j for j, d in indegree.items() if d > 0}))
    return order


def waves(deps: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Jobs grouped into stages; every job in a stage depends only on earlier stages."""
    dependants, indegree = _graph(deps)
    current = sorted(job for job, d in indegree.items() if d == 0)
    stages, done = [], 0
    while current:
        stages.append(current)
        done += len(current)
        released = []
        for job in current:
            for nxt in dependants[job]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    released.append(nxt)
        current = sorted(released)
    if done < len(indegree):
        raise CycleError(_find_cycle(deps, {j for j, d in indegree.items() if d > 0}))
    return stages
