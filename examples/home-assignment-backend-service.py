"""Core of a take-home playlist API: an in-memory service plus a tiny HTTP-style router.

Endpoints (the brief's four operations):
    POST   /playlists                         {"name": str}            -> 201 playlist
    GET    /playlists/{id}                                             -> 200 playlist
    POST   /playlists/{id}/tracks             {"track_ids": [str], "version"?: int} -> 200 playlist
    DELETE /playlists/{id}/tracks/{track_id}  {"version"?: int}        -> 200 playlist

Decisions a README would state: duplicates are allowed (playlists often repeat a track) up to
`MAX_TRACKS`; removing a track removes its first occurrence, and a missing one is 404; writes may
carry the `version` the client last saw, and a stale version is 409 (optimistic concurrency, so
two clients editing at once cannot silently overwrite each other); storage sits behind a small
repository so a database can replace the dict.

Complexity: create and get O(1) (get copies the track list, O(n)); add O(m) for m new tracks;
remove O(n) for a playlist of n tracks. Space O(total tracks). One lock serialises writes.
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import Any

MAX_TRACKS = 10_000
MAX_NAME = 100
TRACK_ID = re.compile(r"[A-Za-z0-9]{1,64}")  # used with fullmatch: "$" would let a trailing newline in


class ServiceError(Exception):
    status = 500


class BadRequest(ServiceError):
    status = 400


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


@dataclass
class Playlist:
    id: str
    name: str
    tracks: list[str] = field(default_factory=list)
    version: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "tracks": list(self.tracks), "version": self.version}


class InMemoryRepository:
    def __init__(self) -> None:
        self._rows: dict[str, Playlist] = {}

    def get(self, playlist_id: str) -> Playlist | None:
        return self._rows.get(playlist_id)

    def put(self, playlist: Playlist) -> None:
        self._rows[playlist.id] = playlist


class PlaylistService:
    def __init__(self, repo: InMemoryRepository | None = None) -> None:
        self.repo = repo or InMemoryRepository()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def create(self, name: Any) -> dict[str, Any]:
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise BadRequest(f"name must be a non-empty string of at most {MAX_NAME} characters")
        with self._lock:
            playlist = Playlist(id=f"pl{next(self._ids)}", name=name.strip())
            self.repo.put(playlist)
            return playlist.to_json()

    def get(self, playlist_id: str) -> dict[str, Any]:
        return self._load(playlist_id).to_json()

    def add_tracks(self, playlist_id: str, track_ids: Any, version: int | None = None) -> dict[str, Any]:
        if not isinstance(track_ids, list) or not track_ids:
            raise BadRequest("track_ids must be a non-empty list")
        bad = [t for t in track_ids if not isinstance(t, str) or not TRACK_ID.fullmatch(t)]
        if bad:
            raise BadRequest(f"invalid track ids: {bad[:3]}")
        with self._lock:
            playlist = self._load(playlist_id)
            self._check_version(playlist, version)
            if len(playlist.tracks) + len(track_ids) > MAX_TRACKS:
                raise Conflict(f"a playlist holds at most {MAX_TRACKS} tracks")
            playlist.tracks.extend(track_ids)
            playlist.version += 1
            return playlist.to_json()

    def remove_track(self, playlist_id: str, track_id: str, version: int | None = None) -> dict[str, Any]:
        with self._lock:
            playlist = self._load(playlist_id)
            self._check_version(playlist, version)
            try:
                playlist.tracks.remove(track_id)
            except ValueError:
                raise NotFound(f"track {track_id} is not in playlist {playlist_id}") from None
            playlist.version += 1
            return playlist.to_json()

    def _load(self, playlist_id: str) -> Playlist:
        playlist = self.repo.get(playlist_id)
        if playlist is None:
            raise NotFound(f"playlist {playlist_id} not found")
        return playlist

    @staticmethod
    def _check_version(playlist: Playlist, version: int | None) -> None:
        if version is not None and version != playlist.version:
            raise Conflict(f"stale version {version}; current is {playlist.version}")


_ROUTES = [
    ("POST", re.compile(r"/playlists"), "create"),
    ("GET", re.compile(r"/playlists/(?P<pid>[^/]+)"), "get"),
    ("POST", re.compile(r"/playlists/(?P<pid>[^/]+)/tracks"), "add"),
    ("DELETE", re.compile(r"/playlists/(?P<pid>[^/]+)/tracks/(?P<tid>[^/]+)"), "remove"),
]


def handle(service: PlaylistService, method: str, path: str, body: Any = None) -> tuple[int, dict[str, Any]]:
    """Map a request to the service and errors to status codes, as a web framework adapter would."""
    body = body if body is not None else {}
    if not isinstance(body, dict):
        return 400, {"error": "body must be a JSON object"}
    path_matched = False
    for verb, pattern, action in _ROUTES:
        match = pattern.fullmatch(path)
        if not match:
            continue
        path_matched = True
        if verb != method:
            continue
        try:
            if action == "create":
                return 201, service.create(body.get("name"))
            if action == "get":
                return 200, service.get(match["pid"])
            if action == "add":
                return 200, service.add_tracks(match["pid"], body.get("track_ids"), body.get("version"))
            return 200, service.remove_track(match["pid"], match["tid"], body.get("version"))
        except ServiceError as err:
            return err.status, {"error": str(err)}
    return (405, {"error": "method not allowed"}) if path_matched else (404, {"error": "no such route"})
