"""The helper's two output streams, for retort_bridge: the protocol's own stdout (ProtocolStream) and
what the project's Python code prints (RequestOutput)."""

import threading
import time


class ProtocolStream(object):
    """The protocol's own stdout. An answer goes out at once. An event may wait up to LATE seconds
    for company (more events, the answer): a statement that ends quickly is reported with the
    rest of its step in one write, and one that runs longer is still seen running within LATE.
    What waited that long is sent by a thread of its own, which looks every LATE seconds while
    events come and sleeps once none came for IDLE seconds (so a run's steps do not each wake it)."""

    LATE = 0.02
    IDLE = 1.0

    def __init__(self, stream):
        self._stream = stream
        self._lock = threading.Condition()
        self._waiting_since = None  # the oldest event not sent yet
        self._last_event = 0.0
        self._sender = None
        self._sender_asleep = False

    def write_line(self, text, at_once):
        with self._lock:
            self._stream.write(text)
            if at_once:
                self._stream.flush()
                self._waiting_since = None
                return
            now = time.monotonic()
            self._last_event = now
            if self._waiting_since is None:
                self._waiting_since = now
            if self._sender is None:
                self._sender = threading.Thread(target=self._send_late, name="retort-protocol", daemon=True)
                self._sender.start()
            elif self._sender_asleep:
                self._lock.notify()

    def flush(self):
        with self._lock:
            self._stream.flush()
            self._waiting_since = None

    def _send_late(self):
        with self._lock:
            while True:
                now = time.monotonic()
                if self._waiting_since is not None and now - self._waiting_since >= self.LATE:
                    try:
                        self._stream.flush()
                    except (OSError, ValueError):
                        pass  # Retort is gone; the main thread finds out on its next answer
                    self._waiting_since = None
                if self._waiting_since is None and now - self._last_event >= self.IDLE:
                    self._sender_asleep = True
                    self._lock.wait()
                    self._sender_asleep = False
                else:
                    self._lock.wait(self.LATE)


class RequestOutput(object):
    """sys.stdout and sys.stderr of the helper. While a request is worked on, what is written goes to
    Retort as that request's events, one per line (so a step's output is known to be that step's, in
    order with its statements and answer); otherwise it goes to the real stderr, Retort's log."""

    def __init__(self, stream, in_request, emit):
        self._stream = stream
        self._in_request = in_request  # in_request(): whether a request is being worked on
        self._emit = emit              # emit(text): one line of the current request's output
        self._partial = ""
        self._lock = threading.RLock()  # threads of the project's code may print at once

    def write(self, text):
        with self._lock:
            if not self._in_request():
                self.flush()
                return self._stream.write(text)
            lines = (self._partial + text).split("\n")
            self._partial = lines.pop()
            for line in lines:
                self._emit(line)
            return len(text)

    def flush(self):
        """Sends what is left of a line without its end (before a request's answer, say)."""
        with self._lock:
            if self._partial:
                partial, self._partial = self._partial, ""
                if self._in_request():
                    self._emit(partial)
                else:
                    self._stream.write(partial + "\n")
            self._stream.flush()

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def isatty(self):
        return False

    def __getattr__(self, name):  # fileno, encoding, errors, buffer...: the real stderr's
        return getattr(self._stream, name)
