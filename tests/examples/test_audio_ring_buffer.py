"""Tested solution for audio-buffer-implement-ring-buffer."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

AudioBuffer = load_example("audio_ring_buffer.py").AudioBuffer


def test_start_level_watermarks_wrap_and_underrun():
    b = AudioBuffer(capacity=8, start_at=4, low=2, high=6)
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


def test_long_stream_through_a_small_buffer_comes_out_intact():
    rng = np.random.default_rng(3)
    data = bytes(rng.integers(0, 256, 5000, dtype=np.uint8))
    b, sent, received = AudioBuffer(capacity=97, start_at=40, low=20, high=80), 0, b""
    while len(received) < len(data):
        if sent < len(data) and b.should_fetch():
            sent += b.write(data[sent : sent + int(rng.integers(1, 50))])
        elif sent == len(data) and not b.eof:
            b.end_of_stream()
        received += b.read(int(rng.integers(1, 30)))
    assert received == data


class _QueueModel:
    """The buffer's rules over a plain growing bytearray: no ring, so no wrap-around arithmetic."""

    def __init__(self, capacity, start_at, low, high):
        self.data, self.capacity = bytearray(), capacity
        self.start_at, self.low, self.high = start_at, low, high
        self.playing = self.eof = False
        self.fetching = True

    def write(self, chunk):
        taken = chunk[: self.capacity - len(self.data)]
        self.data += taken
        if len(self.data) >= self.start_at:
            self.playing = True
        return len(taken)

    def read(self, n):
        if not self.playing:
            return b""
        out, self.data = bytes(self.data[:n]), self.data[n:]
        if not self.data:
            self.playing = False
        return out

    def end_of_stream(self):
        self.eof, self.playing = True, bool(self.data)

    def should_fetch(self):
        if self.eof:
            return False
        if len(self.data) >= self.high:
            self.fetching = False
        elif len(self.data) <= self.low:
            self.fetching = True
        return self.fetching


CALLS = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.binary(max_size=12)),
        st.tuples(st.just("read"), st.integers(0, 12)),
        st.tuples(st.just("should_fetch"), st.none()),
        st.tuples(st.just("end_of_stream"), st.none()),
    ),
    max_size=40,
)


@pytest.mark.parametrize(
    ("capacity", "start_at", "low", "high"),
    [(0, 0, 0, 0), (8, 9, 2, 6), (8, 4, 6, 6), (8, 4, 6, 2), (8, 4, -1, 6), (8, 4, 2, 9)],
)
def test_impossible_settings_are_rejected(capacity, start_at, low, high):
    with pytest.raises(ValueError):
        AudioBuffer(capacity, start_at, low, high)


@PROPERTY
@given(st.integers(1, 10), st.data(), CALLS)
def test_ring_behaves_like_a_plain_queue_with_the_same_rules(capacity, data, calls):
    start_at = data.draw(st.integers(0, capacity), label="start_at")
    low = data.draw(st.integers(0, capacity - 1), label="low")
    high = data.draw(st.integers(low + 1, capacity), label="high")  # the constructor requires low < high
    ring, model = AudioBuffer(capacity, start_at, low, high), _QueueModel(capacity, start_at, low, high)
    for name, argument in calls:
        args = () if argument is None else (argument,)
        assert getattr(ring, name)(*args) == getattr(model, name)(*args), name
        assert ring.size == len(model.data) and ring.playing == model.playing
