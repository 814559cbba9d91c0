"""The host's side of the supervisor protocol: frames of any bytes, in chunks of any size."""

from __future__ import annotations

import json
import random

import pytest

from codearena.sandbox import protocol
from codearena.sandbox.protocol import Frame, FrameReader, ProgramLimits, ProtocolError, RunReply


def test_a_frame_carries_any_bytes_at_their_own_size() -> None:
    payload = bytes(range(256)) * 4096 + b"\x00\n\xff"
    frame = Frame({"ok": True, "exit_code": 0}, (("stdout", payload), ("stderr", b"")))
    encoded = frame.encode()
    assert len(encoded) < len(payload) + 200  # no escaping: 1 MiB of bytes costs 1 MiB
    reader = FrameReader()
    reader.feed(encoded)
    decoded = reader.next_frame()
    assert decoded is not None
    assert decoded.blob("stdout") == payload and decoded.blob("stderr") == b""
    assert reader.next_frame() is None


def test_frames_split_anywhere_and_back_to_back_are_read_in_order() -> None:
    frames = [Frame({"ok": True, "n": i}, (("stdout", bytes([i]) * i * 1000),)) for i in range(20)]
    stream = b"".join(f.encode() for f in frames)
    reader = FrameReader()
    got: list[Frame] = []
    rng = random.Random(7)
    position = 0
    while position < len(stream):
        step = rng.randint(1, 5000)
        reader.feed(stream[position : position + step])
        position += step
        while (frame := reader.next_frame()) is not None:
            got.append(frame)
    assert [f.header["n"] for f in got] == list(range(20))
    assert all(f.blob("stdout") == bytes([i]) * i * 1000 for i, f in enumerate(got))


@pytest.mark.parametrize("garbage", [b"not json\n", b'{"blobs": [["x", -1]]}\n', b"[1, 2]\n"])
def test_garbage_is_a_protocol_error(garbage: bytes) -> None:
    reader = FrameReader()
    reader.feed(garbage)
    with pytest.raises(ProtocolError):
        reader.next_frame()


def test_a_run_request_sends_stdin_raw() -> None:
    limits = ProgramLimits(cpu_ms=1000, wall_ms=2500, memory_kb=65536, output_bytes=1 << 20)
    frame = protocol.run(["python3", "main.py"], limits, b"\xff\x00 input", skip_if_stopped=True)
    line, _, rest = frame.encode().partition(b"\n")
    header = json.loads(line)
    assert header["op"] == "run" and header["skip_if_stopped"] is True
    assert header["blobs"] == [["stdin", 8]] and rest == b"\xff\x00 input"
    assert header["limits"]["report_bytes"] == 1 << 20


def test_a_run_reply_is_typed() -> None:
    frame = Frame(
        {"ok": True, "exit_code": None, "signal": 11, "cpu_ms": 12, "memory_kb": 900, "killed_for": None},
        (("stdout", b"\xff"), ("stderr", b"boom"), ("feedback/judgemessage.txt", b"why")),
    )
    reply = RunReply.parse(frame)
    assert reply.signal == 11 and reply.exit_code is None and reply.cpu_ms == 12
    assert reply.stdout == b"\xff" and reply.stderr == b"boom"
    assert reply.files == {"feedback/judgemessage.txt": b"why"}
    assert RunReply.parse(Frame({"ok": True, "skipped": True})).skipped
    with pytest.raises(ProtocolError):
        RunReply.parse(Frame({"ok": True}))
