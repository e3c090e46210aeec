"""A playback buffer over a fixed ring of bytes, with start level and fetch hysteresis.

Solution for audio-buffer-implement-ring-buffer. Single-threaded sketch: with one network thread
writing and one audio thread reading, add a lock or single-producer/single-consumer indices.

* `write` stores what fits and returns how many bytes it took (the caller re-sends the rest);
  the copy wraps round the end of the ring in at most two slices.
* Playback starts once `start_at` bytes are buffered; `read` returns silence (b"") until then
  and after an underrun, which puts the player back into buffering.
* `should_fetch` switches off at the `high` watermark and back on at `low`, so the fetcher does
  not flap around one level.
* `end_of_stream` lets the tail play out even below the start level.
"""

from __future__ import annotations


class AudioBuffer:
    def __init__(self, capacity: int, start_at: int, low: int, high: int):
        if capacity < 1 or not 0 <= start_at <= capacity or not 0 <= low < high <= capacity:
            # low == high would switch fetching off and on at every call at that level.
            raise ValueError("need capacity >= 1, 0 <= start_at <= capacity and 0 <= low < high <= capacity")
        self.buf, self.cap = bytearray(capacity), capacity
        self.head = self.size = 0  # read position, bytes stored
        self.start_at, self.low, self.high = start_at, low, high
        self.playing = self.eof = False
        self.fetching = True

    def write(self, data: bytes) -> int:
        """Called by the network fetcher; returns the number of bytes stored."""
        n = min(len(data), self.cap - self.size)
        tail = (self.head + self.size) % self.cap
        first = min(n, self.cap - tail)
        self.buf[tail : tail + first] = data[:first]
        self.buf[0 : n - first] = data[first:n]  # wrap-around part
        self.size += n
        if not self.playing and self.size >= self.start_at:
            self.playing = True
        return n

    def end_of_stream(self) -> None:
        self.eof = True
        self.playing = self.size > 0  # play out the tail

    def read(self, n: int) -> bytes:
        """Called by the audio thread; b"" while buffering."""
        if not self.playing:
            return b""
        n = min(n, self.size)
        first = min(n, self.cap - self.head)
        out = bytes(self.buf[self.head : self.head + first]) + bytes(self.buf[: n - first])
        self.head = (self.head + n) % self.cap
        self.size -= n
        if self.size == 0:
            self.playing = False  # underrun (or finished if eof)
        return out

    def should_fetch(self) -> bool:
        """Hysteresis between the low and high watermarks."""
        if self.eof:
            return False
        if self.fetching and self.size >= self.high:
            self.fetching = False
        elif not self.fetching and self.size <= self.low:
            self.fetching = True
        return self.fetching
