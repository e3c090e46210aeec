"""Tested solution for audio-buffer-implement-ring-buffer."""

from __future__ import annotations

import numpy as np

from . import load_example

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
