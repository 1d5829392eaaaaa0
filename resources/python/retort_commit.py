"""A run step's COMMIT sent without waiting for it (CommitInFlight), for retort_runs.

While PostgreSQL writes a step's commit to its disk the helper has nothing to do but wait. When the
next step is already queued, it prepares that step meanwhile (Alembic's bookkeeping, the migration's
Python, its first statement's SQL): the commit goes out through libpq as `COMMIT; BEGIN`, and its
result is read when the connection is next needed. Nothing of the next step reaches the database
before that result is known (every way to the connection settles the commit first), and the step's
answer, which tells Retort that it was committed, goes out only then.

psycopg2 is not told: it still sees the transaction it began as open, and the server has one open,
the one `BEGIN` started, so the next statement runs in it, with no BEGIN of its own. This needs the
libpq psycopg2 itself uses (the one loaded in this process); without it every commit is psycopg2's.
"""

import ctypes

_PGRES_COMMAND_OK = 1
_CONNECTION_OK = 0
_PQTRANS_INTRANS = 2
_COMMIT_AND_BEGIN = b"COMMIT; BEGIN"


class CommitFailed(Exception):
    """The commit of the step sent as request `request` (which ran `revision`) failed: `message`.
    `lost`: the connection was lost on the way, so whether the server committed is not known."""

    def __init__(self, request, revision, message, lost=False):
        Exception.__init__(self, "the commit of %s failed: %s" % (revision, message))
        self.request = request
        self.revision = revision
        self.lost = lost


class CommitInFlight(object):
    """install(dialect) makes the dialect's do_commit ask here; arm() sends the next do_commit (only
    that one: a step's own commit, after on_version_apply) without waiting for it; owe(result) keeps
    the answer of the step whose commit is in flight; settle() reads the commit's result and then
    sends that answer, or, when the commit failed, keeps and raises CommitFailed (`failure` stays set
    and every later settle() raises it again: nothing runs after a failed commit)."""

    def __init__(self, requests):
        self._requests = requests    # the bridge's Requests: answer_to(), hold_events(), release_events()
        self._dialect = None
        self._armed = None           # (request, revision) of the step whose commit is next
        self._flight = None          # (request, revision, pgconn) of the commit sent
        self._owed = None            # the answer to send once it has succeeded
        self._opened = None          # the DBAPI connection whose transaction BEGIN opened
        self.failure = None

    @staticmethod
    def possible(dialect):
        return getattr(dialect, "driver", None) == "psycopg2" and _libpq() is not None

    def install(self, dialect):
        """From here on the dialect's commits go through arm() and, like its rollbacks and closes
        (a pool's reset included), wait for a commit in flight to be settled first."""
        commit, rollback, close = dialect.do_commit, dialect.do_rollback, dialect.do_close

        def do_commit(dbapi_connection):
            self.settle()
            armed, self._armed = self._armed, None
            if armed is None or not self._send(armed, dbapi_connection):
                return commit(dbapi_connection)
            return None

        def do_rollback(dbapi_connection):
            self.settle(raise_failure=False)  # the failure is the step's to report
            return rollback(dbapi_connection)

        def do_close(dbapi_connection):
            self.settle(raise_failure=False)
            self._opened = None
            return close(dbapi_connection)

        # Attributes of this instance hide the class's methods.
        dialect.do_commit, dialect.do_rollback, dialect.do_close = do_commit, do_rollback, do_close
        self._dialect = dialect

    def uninstall(self):
        if self._dialect is not None:
            self.settle(raise_failure=False)
            self._opened = None  # env.py has ended: its connection is closed
            del self._dialect.do_commit, self._dialect.do_rollback, self._dialect.do_close
            self._dialect = None

    def arm(self, request, revision):
        if self._dialect is not None:
            self._armed = (request, revision)

    def disarm(self):
        self._armed = None

    def in_flight(self):
        return self._flight is not None

    def owe(self, result):
        """The answer of the step whose commit is in flight: sent by settle() once it has succeeded.
        The next step goes on in the transaction BEGIN opened; its events (its output) wait for that
        answer."""
        self._owed = result
        self._opened = None
        self._requests.hold_events()

    def settle(self, raise_failure=True):
        if self._flight is not None:
            (request, revision, pgconn), self._flight = self._flight, None
            owed, self._owed = self._owed, None
            error, lost = _result(pgconn)
            if error is not None:
                self.failure = CommitFailed(request, revision, error, lost)
            elif owed is not None:
                self._requests.answer_to(request, owed)
            if owed is not None:
                self._requests.release_events()
        if self.failure is not None and raise_failure:
            raise self.failure

    def end_transaction(self):
        """After settle(), when no step goes on in the transaction that BEGIN opened: ends it, so that
        the connection is not left idle in a transaction while the helper waits for Retort."""
        connection, self._opened = self._opened, None
        if connection is not None and self.failure is None:
            connection.rollback()  # psycopg2's ROLLBACK of an empty transaction

    def _send(self, armed, dbapi_connection):
        library = _libpq()
        pgconn = getattr(dbapi_connection, "pgconn_ptr", None)
        if library is None or not pgconn or library.PQtransactionStatus(pgconn) != _PQTRANS_INTRANS:
            return False
        if library.PQsendQuery(pgconn, _COMMIT_AND_BEGIN) != 1:
            return False  # psycopg2's own commit says why
        self._flight = armed + (pgconn,)
        self._opened = dbapi_connection
        return True


def _result(pgconn):
    """Reads the results of COMMIT; BEGIN: (None, False) when both succeeded, else (what went wrong,
    whether the connection was lost)."""
    library = _libpq()
    problems = []
    index = 0
    while True:
        result = library.PQgetResult(pgconn)
        if not result:
            break
        if library.PQresultStatus(result) != _PGRES_COMMAND_OK:
            problems.append((library.PQresultErrorMessage(result) or b"").decode("utf-8", "replace").strip())
        elif index == 0 and library.PQcmdStatus(result) != b"COMMIT":
            problems.append("the transaction was rolled back (%s)" % library.PQcmdStatus(result).decode())
        library.PQclear(result)
        index += 1
    lost = library.PQstatus(pgconn) != _CONNECTION_OK
    if lost:
        problems.append((library.PQerrorMessage(pgconn) or b"").decode("utf-8", "replace").strip()
                        or "the connection was lost")
    elif not problems and library.PQtransactionStatus(pgconn) != _PQTRANS_INTRANS:
        problems.append("no transaction was open after it")
    if not problems:
        return None, False
    return "; ".join(p for p in problems if p) or "it did not succeed", lost


_library = []


def _libpq():
    """The libpq psycopg2 uses, as the one libpq mapped into this process; None when there is not
    exactly one (a psycopg2 wheel bundles its own: calling another copy with its PGconn is unsafe)."""
    if not _library:
        _library.append(_load_libpq())
    return _library[0]


def _load_libpq():
    try:
        import psycopg2  # noqa: F401 - maps the libpq it was built with
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps
                     if "/libpq" in line and line.rstrip().split("/")[-1].startswith("libpq")}
        if len(paths) != 1:
            return None
        library = ctypes.CDLL(paths.pop())
    except Exception:  # noqa: BLE001 - no /proc, no psycopg2, no libpq: commits stay psycopg2's
        return None
    pointer, text, number = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, restype, argtypes in (("PQsendQuery", number, [pointer, text]),
                                    ("PQgetResult", pointer, [pointer]),
                                    ("PQresultStatus", number, [pointer]),
                                    ("PQresultErrorMessage", text, [pointer]),
                                    ("PQcmdStatus", text, [pointer]),
                                    ("PQclear", None, [pointer]),
                                    ("PQstatus", number, [pointer]),
                                    ("PQtransactionStatus", number, [pointer]),
                                    ("PQerrorMessage", text, [pointer])):
        function = getattr(library, name)
        function.restype, function.argtypes = restype, argtypes
    return library
