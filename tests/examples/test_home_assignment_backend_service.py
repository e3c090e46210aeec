"""Tested solution for home-assignment-backend-service."""

from __future__ import annotations

import threading

import pytest

from . import load_example

mod = load_example("home-assignment-backend-service.py")


@pytest.fixture
def svc():
    return mod.PlaylistService()


def test_happy_path_through_router(svc):
    status, created = mod.handle(svc, "POST", "/playlists", {"name": " Road trip "})
    assert status == 201 and created == {"id": "pl1", "name": "Road trip", "tracks": [], "version": 1}
    status, body = mod.handle(svc, "POST", "/playlists/pl1/tracks", {"track_ids": ["t1", "t2", "t1"]})
    assert status == 200 and body["tracks"] == ["t1", "t2", "t1"] and body["version"] == 2
    status, body = mod.handle(svc, "DELETE", "/playlists/pl1/tracks/t1")
    assert status == 200 and body["tracks"] == ["t2", "t1"]
    assert mod.handle(svc, "GET", "/playlists/pl1")[1]["tracks"] == ["t2", "t1"]


def test_empty_playlist_and_returned_copy_is_not_shared(svc):
    created = svc.create("x")
    created["tracks"].append("hack")
    assert svc.get(created["id"])["tracks"] == []


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("POST", "/playlists", {"name": ""}, 400),
        ("POST", "/playlists", {"name": "x" * 101}, 400),
        ("POST", "/playlists", ["not", "an", "object"], 400),
        ("GET", "/playlists/nope", None, 404),
        ("POST", "/playlists/pl1/tracks", {"track_ids": []}, 400),
        ("POST", "/playlists/pl1/tracks", {"track_ids": ["ok", "bad id!"]}, 400),
        ("DELETE", "/playlists/pl1/tracks/absent", None, 404),
        ("PUT", "/playlists/pl1", {}, 405),
        ("GET", "/elsewhere", None, 404),
    ],
)
def test_errors_map_to_status_codes(svc, method, path, body, status):
    svc.create("seed")
    assert mod.handle(svc, method, path, body)[0] == status


def test_stale_version_is_conflict(svc):
    pid = svc.create("shared")["id"]
    svc.add_tracks(pid, ["a"], version=1)
    with pytest.raises(mod.Conflict):
        svc.add_tracks(pid, ["b"], version=1)
    assert mod.handle(svc, "DELETE", f"/playlists/{pid}/tracks/a", {"version": 1})[0] == 409
    assert svc.remove_track(pid, "a", version=2)["tracks"] == []


def test_size_limit(svc, monkeypatch):
    monkeypatch.setattr(mod, "MAX_TRACKS", 3)
    pid = svc.create("small")["id"]
    svc.add_tracks(pid, ["a", "b", "c"])
    with pytest.raises(mod.Conflict):
        svc.add_tracks(pid, ["d"])


def test_concurrent_adds_lose_nothing(svc):
    pid = svc.create("party")["id"]

    def worker(n):
        for i in range(200):
            svc.add_tracks(pid, [f"w{n}t{i}"])

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    playlist = svc.get(pid)
    assert len(playlist["tracks"]) == 800 and playlist["version"] == 801
