"""Tested solution for home-assignment-backend-service."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

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


TRACK_IDS = st.sampled_from(["t1", "t2", "T3", "x" * 64, "x" * 65, "", "t 1", "t1\n", "të", "٣"])
REQUESTS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.lists(TRACK_IDS, max_size=3), st.sampled_from(["current", "stale", None])),
        st.tuples(st.just("remove"), TRACK_IDS, st.sampled_from(["current", "stale", None])),
    ),
    max_size=15,
)


def _valid_track_id(track_id):
    return 1 <= len(track_id) <= 64 and track_id.isascii() and track_id.isalnum()


@PROPERTY
@given(REQUESTS)
def test_a_playlist_behaves_like_a_list_with_a_version_number(requests):
    svc = mod.PlaylistService()
    playlist_id = mod.handle(svc, "POST", "/playlists", {"name": "mix"})[1]["id"]
    tracks, version = [], 1  # the model: a list and a counter
    for action, argument, which_version in requests:
        body = {} if which_version is None else {"version": version if which_version == "current" else version - 1}
        if action == "add":
            status, _ = mod.handle(svc, "POST", f"/playlists/{playlist_id}/tracks", {**body, "track_ids": argument})
            if not argument or not all(map(_valid_track_id, argument)):
                assert status == 400
            elif which_version == "stale":
                assert status == 409
            else:
                assert status == 200
                tracks, version = tracks + argument, version + 1
        else:
            status, _ = mod.handle(svc, "DELETE", f"/playlists/{playlist_id}/tracks/{argument}", body)
            if not argument:
                assert status == 404  # "/tracks/" with no id is not a route
            elif which_version == "stale":
                assert status == 409
            elif argument not in tracks:
                assert status == 404
            else:
                assert status == 200
                tracks.remove(argument)  # the first occurrence goes
                version += 1
        status, current = mod.handle(svc, "GET", f"/playlists/{playlist_id}")
        assert status == 200 and current["tracks"] == tracks and current["version"] == version
