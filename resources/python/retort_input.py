"""Retort's lines on the helper's stdin, for retort_bridge: requests, kept in order until served, and
notices (RequestInput)."""

import collections
import json
import os
import select


class RequestInput(object):
    """Retort's lines on stdin: requests (with an id), kept in order until served, and notices
    (without one, never answered): `proceed` and `hold` for a run's steps (retort_runs), kept by
    step until asked for. Reads without blocking when asked to (drain())."""

    def __init__(self, fd):
        self._fd = fd
        self._buffer = b""
        self._eof = False
        self.lines = collections.deque()  # requests not served yet: (line, (id, method, params))
        self.proceeds = {}                # request id of a step -> its proceed's params
        self.holds = set()                # request ids of steps not to start

    def _read(self, block):
        if self._eof or (not block and not self._ready()):
            return False
        data = os.read(self._fd, 65536)
        if not data:
            self._eof = True
            return False
        lines = (self._buffer + data).split(b"\n")
        self._buffer = lines.pop()
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if line:
                self._take(line)
        return True

    def _ready(self):
        try:
            return bool(select.select([self._fd], [], [], 0)[0])
        except (OSError, ValueError):  # no select() on this kind of pipe: nothing is read ahead
            return False

    def _take(self, line):
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        if not (isinstance(message, dict) and "id" not in message):
            self.lines.append((line, _parsed(message)))  # a request (or a bad line: serve() answers it)
            return
        params = message.get("params") or {}
        key = params.get("request")  # notices name the step by its request's id
        if message.get("method") == "proceed":
            self.proceeds[key] = params
        elif message.get("method") == "hold":
            self.holds.add(key)
        # any other notice means nothing to this helper

    def drain(self):
        """Takes what Retort has sent so far, without waiting."""
        while self._read(False):
            pass

    def next_request(self):
        """The next request as (line, (id, method, params)), waiting for it; None at the end of input."""
        while not self.lines:
            if not self._read(True):
                return None
        return self.lines.popleft()

    def wait_for(self, found):
        """Reads until found() gives something (returned) or the input ends (None)."""
        while True:
            result = found()
            if result is not None:
                return result
            if not self._read(True):
                return found()


def _parsed(message):
    """(id, method, params) of a request line's JSON; method None when it is not a request."""
    try:
        return message["id"], message["method"], message.get("params") or {}
    except Exception:  # noqa: BLE001
        return None, None, {}


def not_a_request(line):
    """Why `line` is not a request (for its BadRequest answer)."""
    try:
        request = json.loads(line)
        request["id"], request["method"]  # noqa: B018 - raises what is missing
    except Exception as exc:  # noqa: BLE001
        return str(exc)
    return "it has no method"
