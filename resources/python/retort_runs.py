"""Retort's online work against a real database: plans, one-revision steps, stamp, upgrade.

Imported by retort_bridge.py, which owns the protocol; `handlers(...)` hands this module what it
needs from there. Every online request goes through the project's own env.py with the database URL
Retort chose injected (the `sqlalchemy.url` option and an environment variable), and the connection
env.py configures is checked against that URL first: an env.py that connects somewhere else is
refused before anything runs.

A step runs exactly one revision, from the alembic_version the plan expects (several steps in a row
may share one env.py session: see Runs.step); the statements it sends go out as events while it runs
({"id": N, "event": "statement_started", "data": {...}}), before the one answer.
"""

import os
import re
import sys
import time

from alembic import command
from alembic.runtime.environment import EnvironmentContext
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url


class Runs(object):
    def __init__(self, project, bridge_error, injected_url, emit, requests=None):
        self.project = project
        self.BridgeError = bridge_error
        self.InjectedUrl = injected_url
        self.emit = emit
        self.requests = requests

    # ---- plans ----

    def plan(self, params):
        """Alembic's own plan from `current` (revisions in alembic_version) to `target`."""
        script = self.project.script()
        direction = params.get("direction", "up")
        current = tuple(params.get("current") or ())
        target = params.get("target") or ""
        if not target:
            raise self.BridgeError("BadRequest", "plan needs a target")
        if direction == "up":
            steps = script._upgrade_revs(target, current)
        elif direction == "down":
            steps = script._downgrade_revs(target, current)
        else:
            raise self.BridgeError("BadRequest", "direction must be 'up' or 'down', not %r" % direction)
        return {"steps": [{"revision": step.revision.revision, "direction": "up" if step.is_upgrade else "down",
                           "message": step.revision.doc or ""} for step in steps]}

    # ---- online work ----

    def _url(self, params):
        url = params.get("url") or ""
        if not url:
            raise self.BridgeError("BadRequest", "this request needs the database URL")
        wanted = make_url(url)
        options = []
        if params.get("lock_timeout_ms"):
            options.append("-c lock_timeout=%d" % int(params["lock_timeout_ms"]))
        if params.get("statement_timeout_ms"):
            options.append("-c statement_timeout=%d" % int(params["statement_timeout_ms"]))
        if options and wanted.get_backend_name() == "postgresql":
            existing = wanted.query.get("options") or ""
            wanted = wanted.update_query_dict({"options": " ".join([existing] + options).strip()})
            url = wanted.render_as_string(hide_password=False)
        return url, wanted

    def _guarded(self, config, url, wanted, variable, work, on_version_apply=None, per_migration=False):
        """Runs `work()` with `url` injected and env.py's connection checked against it; the
        callable `on_version_apply` is added to whatever env.py gives to configure(), and with
        `per_migration` each migration runs in a transaction of its own (transaction_per_migration)."""
        original = EnvironmentContext.configure
        BridgeError = self.BridgeError

        def guarded(context_self, *args, **kwargs):
            connection = kwargs.get("connection")
            given = kwargs.get("url")
            if connection is not None:
                actual = connection.engine.url
            elif given is not None:
                actual = make_url(given)
            else:
                actual = make_url(context_self.config.get_main_option("sqlalchemy.url") or "none://")
            if not _same_database(actual, wanted):
                raise BridgeError("NotTheRequestedDatabase",
                                  "env.py connects to %s, not to %s" % (actual.render_as_string(hide_password=True),
                                                                          wanted.render_as_string(hide_password=True)),
                                  "This env.py does not take the database URL from sqlalchemy.url or "
                                  "RETORT_DATABASE_URL, so Retort did not run it against that database.")
            if on_version_apply is not None:
                given_callbacks = kwargs.get("on_version_apply") or ()
                if callable(given_callbacks):
                    given_callbacks = (given_callbacks,)
                kwargs["on_version_apply"] = tuple(given_callbacks) + (on_version_apply,)
            if per_migration:
                kwargs["transaction_per_migration"] = True
            return original(context_self, *args, **kwargs)

        EnvironmentContext.configure = guarded
        try:
            with self.InjectedUrl(config, url, variable):
                return work()
        finally:
            EnvironmentContext.configure = original

    def upgrade(self, params):
        """`alembic upgrade TARGET` in one go (default heads), for preparing Retort's own sandbox."""
        url, wanted = self._url(params)
        config = self.project.config()
        self._guarded(config, url, wanted, params.get("url_variable"),
                      lambda: command.upgrade(config, params.get("target") or "heads"))
        return {}

    def stamp(self, params):
        """`alembic stamp REVISION...`: writes alembic_version without running any migration."""
        url, wanted = self._url(params)
        revisions = params.get("revisions") or []
        if not revisions:
            raise self.BridgeError("BadRequest", "stamp needs the revisions to write")
        config = self.project.config()
        self._guarded(config, url, wanted, params.get("url_variable"),
                      lambda: command.stamp(config, revisions if len(revisions) > 1 else revisions[0],
                                            purge=bool(params.get("purge", False))))
        return {"revisions": revisions}

    def release(self, params):
        """Ends a run's env.py session the helper kept open after a step asked with `more` (see
        step()); any request other than the next step does too. Nothing to do by the time it is served."""
        return {}

    def step(self, params):
        """One revision's upgrade() or downgrade() with Alembic's own RevisionStep (which keeps
        alembic_version as `alembic upgrade` would), after checking that alembic_version holds
        `expect` (sorted revisions; the plan's idea of the database before this step; Retort
        compared the whole plan with Alembic's before the first step).

        `more`: Retort will ask for the next step as soon as it has checked this one. Once env.py is
        known to call context.run_migrations() once (learnt from a previous step on the same URL,
        env.py unchanged since),
        such a step runs in an env.py session that stays open: it runs in its own transaction
        (transaction_per_migration), is committed and answered from inside the session, and the next
        request, if it is the next step on the same URL, runs there too, from a fresh read of
        alembic_version. Any other request (`release`, say) ends the session first, as env.py ends.
        A step whose transaction is still open when it is done (env.py began one of its own) is
        answered after env.py has ended, as without `more`.

        `gated`: Retort sent this step before it had read alembic_version back after the previous one
        (a session's answer says `gate` when its steps can wait so). The step runs, but it waits for
        Retort's `proceed` notice before anything it does could lock alembic_version or be committed
        (CommitGate): `ok` lets it go on, anything else rolls it back ("Withdrawn"). A gated step that
        does not continue a session waits for it before it starts.

        `queued`: Retort sent this step while the one before it was still running, so that the session
        can go on without waiting for Retort. The answer of the step before says `continues` (the
        queued step's revision) when the helper took it: it was waiting on stdin as that step was
        committed, and no `hold` notice had come for it. A queued step not taken so is never started
        ("NotStarted"); Retort sends it again if the run goes on."""
        script = self.project.script()
        found = self._revision(script, params)
        url, wanted = self._url(params)
        config = self.project.config()
        BridgeError = self.BridgeError
        session_key = (url, params.get("url_variable") or "", params.get("direction", "up"), _env_py_stamp(script))
        session = (self.requests is not None and bool(params.get("more")) and
                   self.project.env_runs_once == session_key)
        current = {"params": params, "found": found, "outcome": self._outcome(found, params)}
        if params.get("queued"):
            raise BridgeError("NotStarted", "%s was queued behind a step it could not follow" % found.revision,
                              "Retort sends it again when the run goes on.")
        gate = CommitGate(self.requests, BridgeError, self.emit)
        recorder = StatementRecorder(self.emit, gate)
        if params.get("gated"):  # not taken in a session: it waits before it starts
            gate.arm(self.requests.current(), found.revision)
            gate.wait()
        calls = [0]
        answered = [False]

        def check_heads(heads):
            heads = sorted(heads or ())
            step_params, outcome = current["params"], current["outcome"]
            outcome["heads_before"] = heads
            expected = sorted(step_params.get("expect") or [])
            if "expect" in step_params and heads != expected:
                raise BridgeError("UnexpectedVersion",
                                  "alembic_version holds %s, but the plan expected %s before %s" % (
                                      _listed(heads), _listed(expected), current["found"].revision),
                                  "Something else changed the database since the plan was made. Read its "
                                  "current revision again and make a new plan.")

        def migration_step():
            from alembic.runtime.migration import MigrationStep
            if current["params"].get("direction", "up") == "up":
                return MigrationStep.upgrade_from_script(script.revision_map, current["found"])
            return MigrationStep.downgrade_from_script(script.revision_map, current["found"])


        def this_step(heads, context):
            calls[0] += 1
            check_heads(heads)
            return [migration_step()]

        def request_key(step_params):
            return (step_params.get("url"), step_params.get("lock_timeout_ms"),
                    step_params.get("statement_timeout_ms"), step_params.get("url_variable") or "",
                    step_params.get("direction", "up"))

        def accept(method, next_params):
            # The same database, timeouts and direction as the session's first step: the same env.py run.
            if method != "step" or request_key(next_params) != request_key(params):
                return False
            return script.get_revision(next_params.get("revision") or "") is not None

        def session_steps(heads, context):
            calls[0] += 1
            if calls[0] > 1:
                raise BridgeError("EnvRunsMigrationsTwice",
                                  "env.py called context.run_migrations() again in a run's session",
                                  "Retort runs several steps in one env.py only when env.py migrates once per "
                                  "run; send `reload` if env.py changed.")
            step = migration_step()
            while True:
                check_heads(heads)
                environment.context_opts["destination_rev"] = current["found"].revision
                yield step
                # Alembic asks for the next step once this one's transaction has ended.
                if not current["params"].get("more") or not _committed(context):
                    return  # answered when env.py has ended
                outcome = self._finished(current["outcome"], recorder)
                # The next step may come before Retort has checked this one: its commit waits.
                outcome["gate"] = gated = bool(getattr(context.impl, "transactional_ddl", False))
                queued = self.requests.waiting(lambda m, p: accept(m, p) and p.get("queued")) if gated else None
                if queued is not None and self.requests.held(queued[0]):
                    queued = None
                outcome["continues"] = queued[1]["revision"] if queued is not None else None
                self.requests.answer(outcome)
                answered[0] = True
                if queued is not None:
                    next_params = self.requests.next(accept)  # the queued step, first in line
                else:
                    next_params = self.requests.next(lambda m, p: accept(m, p) and not p.get("queued"))
                if next_params is None:
                    return  # served once env.py has ended
                answered[0] = False
                found_next = script.get_revision(next_params["revision"])
                current.update(params=next_params, found=found_next,
                               outcome=self._outcome(found_next, next_params))
                recorder.next_step()
                if next_params.get("gated"):
                    gate.arm(self.requests.current(), found_next.revision, context.version_table)
                step = migration_step()
                # Retort read alembic_version back after the previous step on its own connection and
                # found `expect` there. Where Alembic's own bookkeeping for this step verifies that
                # atomically, reading it here once more would only cost a round trip.
                expected = tuple(next_params.get("expect") or ())
                if "expect" in next_params and _alembic_verifies(step, expected, context):
                    heads = expected
                else:
                    heads = _current_heads(context)

        def after_step(ctx, step, heads, run_args):
            gate.wait()  # the last moment before the step's commit
            current["outcome"]["heads_after"] = sorted(heads)

        environment = EnvironmentContext(config, script, fn=session_steps if session else this_step,
                                         destination_rev=found.revision)

        def work():
            with environment:
                recorder.start()
                try:
                    script.run_env()
                finally:
                    recorder.stop()

        try:
            self._guarded(config, url, wanted, params.get("url_variable"), work, on_version_apply=after_step,
                          per_migration=session)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - see below
            if not answered[0]:
                raise
            # env.py failed as it ended, after its last step was committed and answered: no request
            # is left to carry the error.
            sys.__stderr__.write("[retort-bridge] env.py failed after the run's last step in it: %s: %s\n"
                                 % (type(exc).__name__, exc))
        if answered[0]:
            return self.requests.ANSWERED
        if not session:
            self.project.env_runs_once = session_key if calls[0] == 1 else None
        return self._finished(current["outcome"], recorder)

    def _revision(self, script, params):
        revision = params.get("revision") or ""
        direction = params.get("direction", "up")
        if direction not in ("up", "down"):
            raise self.BridgeError("BadRequest", "direction must be 'up' or 'down', not %r" % direction)
        found = script.get_revision(revision) if revision else None
        if found is None:
            raise self.BridgeError("UnknownRevision", "No revision %r" % revision)
        return found

    @staticmethod
    def _outcome(found, params):
        return {"revision": found.revision, "direction": params.get("direction", "up")}

    def _finished(self, outcome, recorder):
        if "heads_after" not in outcome:
            raise self.BridgeError("NothingRan", "env.py finished without running %s; does it call "
                                                 "context.run_migrations()?" % outcome["revision"])
        outcome["backend_pid"] = recorder.backend_pid
        outcome["statements"] = recorder.sequence
        return outcome


def _env_py_stamp(script):
    """env.py's modification time and size: what was learnt about it holds while they do."""
    try:
        info = os.stat(script.env_py_location)
        return (info.st_mtime_ns, info.st_size)
    except (AttributeError, OSError):
        return None


def _committed(context):
    """Whether nothing is left open on the migration's connection (its last step was committed)."""
    return (not context._in_external_transaction and context._transaction is None and
            not context._in_connection_transaction())


def _alembic_verifies(step, heads, context):
    """Whether Alembic's own bookkeeping for `step` from `heads` proves that alembic_version holds
    `heads`: every change it makes is an UPDATE or DELETE of a row it names whose row count it
    checks (raising when the row is not there), inside the step's transaction, which the database
    rolls back together with the step's DDL. A step that inserts a row (a new branch) proves
    nothing about the other rows, and without transactional DDL a failed check comes too late."""
    heads = set(heads)
    return bool(heads and getattr(context.impl, "transactional_ddl", False) and
                getattr(context.dialect, "supports_sane_rowcount", False) and
                not step.should_create_branch(heads) and not step.should_unmerge_branches(heads))


def _current_heads(context):
    """alembic_version as it is now, read on the migration's connection (in the transaction the next
    step runs in). Read through the driver's own cursor: it is Retort's check, not one of the step's
    statements, and SQLAlchemy's execution machinery would double what the read costs."""
    version = getattr(context, "_version", None)
    raw = getattr(context.connection, "connection", None)
    if version is None or raw is None:
        return context.get_current_heads()
    sql = context.__dict__.get("_retort_heads_sql")
    if sql is None:
        sql = context._retort_heads_sql = str(version.select().compile(dialect=context.connection.dialect))
    cursor = raw.cursor()
    try:
        cursor.execute(sql)
        return tuple(row[0] for row in cursor.fetchall())
    finally:
        cursor.close()


class StatementRecorder(object):
    """Reports every statement any SQLAlchemy engine sends while it listens: its text (with the
    parameters filled in when the driver can say how), duration, rows and server notices."""

    def __init__(self, emit, gate=None):
        self.emit = emit
        self.gate = gate
        self._gate_stopped = False
        self.sequence = 0
        self.backend_pid = 0
        self._started = {}

    def next_step(self):
        """Statements count from 1 again, and the backend is reported again (the step's runner asks)."""
        self.sequence = 0
        self.backend_pid = 0
        self._started = {}

    def start(self):
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)
        event.listen(Engine, "handle_error", self._error)
        event.listen(Engine, "commit", self._commit)

    def stop(self):
        event.remove(Engine, "before_cursor_execute", self._before)
        event.remove(Engine, "after_cursor_execute", self._after)
        event.remove(Engine, "handle_error", self._error)
        event.remove(Engine, "commit", self._commit)

    def _commit(self, conn):
        if self.gate is not None:
            self.gate.wait()  # a commit inside a step (autocommit_block) waits for Retort as well

    def _before(self, conn, cursor, statement, parameters, context, executemany):
        # (SQLAlchemy 1.4 calls no handle_error for what this raises: a stop is forgotten here.)
        self._gate_stopped = False
        if self.gate is not None:
            raw = getattr(cursor, "connection", None)
            try:
                self.gate.before(statement, bool(getattr(raw, "autocommit", False)))
            except Exception:
                self._gate_stopped = True  # not a statement that ran: nothing to report as failed
                raise
        raw = getattr(cursor, "connection", None)
        pid = getattr(raw, "get_backend_pid", None)
        if pid is not None:
            try:
                backend = pid()
                if backend != self.backend_pid:
                    self.backend_pid = backend
                    self.emit("backend", {"pid": backend})
            except Exception:  # noqa: BLE001 - only informative
                pass
        self.sequence += 1
        self._started[id(cursor)] = (self.sequence, time.perf_counter(), len(getattr(raw, "notices", None) or ()))
        self.emit("statement_started", {"sequence": self.sequence, "sql": _rendered(cursor, statement, parameters,
                                                                                     executemany),
                                        "at": time.time()})

    def _finish(self, cursor, data):
        key = id(cursor)
        if key not in self._started and self._started:
            key = list(self._started)[-1]  # SQLAlchemy 1.4 gives handle_error no cursor: the latest one
        sequence, started, notices_before = self._started.pop(key, (self.sequence, time.perf_counter(), 0))
        data["sequence"] = sequence
        data["duration_us"] = int((time.perf_counter() - started) * 1e6)
        raw = getattr(cursor, "connection", None)
        notices = list(getattr(raw, "notices", None) or ())[notices_before:]  # a list, or a deque
        if notices:
            data["notices"] = [n.strip() for n in notices]
        return data

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        rows = getattr(cursor, "rowcount", -1)
        self.emit("statement_finished", self._finish(cursor, {"rows": rows if isinstance(rows, int) else -1}))

    def _error(self, context):
        if self._gate_stopped:
            self._gate_stopped = False
            return
        if not self._started:
            return  # not a statement (a failed connect)
        self.emit("statement_failed", self._finish(context.cursor, {"error": str(context.original_exception).strip()}))


# Statements that end the transaction themselves (op.execute("COMMIT"), say).
_COMMITS = re.compile(r"\s*(COMMIT|END|PREPARE\s+TRANSACTION|COMMIT\s+PREPARED)\b", re.IGNORECASE)


class CommitGate(object):
    """Holds a step that Retort sent ahead (`gated`) until Retort has read alembic_version back after
    the step before it on a connection of its own: that read must see the earlier step committed and
    nothing of this one. So the step waits for Retort's `proceed` notice before its first statement
    that names the version table (a lock there could block Retort's read, which this step would wait
    for), before any commit (SQLAlchemy's, a COMMIT statement, a statement in autocommit), and at the
    latest as it is about to be committed; a "waiting" event says
    when it has to wait for it. `proceed` with `ok` lets it go on; anything else (`ok` false, a
    shutdown, the end of input) raises Withdrawn, and the step's transaction is rolled back with
    everything it did. Notices name the step by the id of the request that sent it."""

    def __init__(self, requests, bridge_error, emit):
        self.requests = requests
        self.BridgeError = bridge_error
        self.emit = emit
        self.request = None
        self.revision = None
        self.version_table = "alembic_version"

    def arm(self, request, revision, version_table=None):
        """Holds the next commit of the step Retort sent as `request` (its id), which runs `revision`."""
        self.request = request
        self.revision = revision
        if version_table:
            self.version_table = version_table.lower()

    def before(self, statement, autocommit=False):
        """Before `statement` runs (on a connection in autocommit when `autocommit`)."""
        if self.request is not None and (autocommit or self.version_table in statement.lower()
                                         or _COMMITS.match(statement)):
            self.wait()

    def wait(self):
        if self.request is None:
            return
        step, self.request = self.request, None
        word = None
        if self.requests is not None:
            word = self.requests.proceed(step, block=False)
            if word is None:  # Retort has not checked the step before yet: say so, then wait
                self.emit("waiting", {"for": "proceed"})
                word = self.requests.proceed(step)
        if not word or not word.get("ok"):
            reason = (word or {}).get("reason") or "Retort did not let it go on"
            raise self.BridgeError("Withdrawn", "%s was rolled back before it was committed: %s" % (self.revision, reason))


def _rendered(cursor, statement, parameters, executemany):
    if parameters and not executemany and hasattr(cursor, "mogrify"):
        try:
            text = cursor.mogrify(statement, parameters)
            return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        except Exception:  # noqa: BLE001 - fall back to the plain text
            pass
    if parameters:
        return "%s\n-- parameters: %r" % (statement, parameters)
    return statement


def _listed(revisions):
    return ", ".join(revisions) if revisions else "nothing (base)"


def _same_database(a, b):
    return (a.host or "", a.port, a.database or "") == (b.host or "", b.port, b.database or "")


def handlers(bridge_error, injected_url, emit, requests=None):
    """The request handlers this module adds to the bridge: plan, step, stamp, upgrade, release.
    `requests` (the bridge's Requests) lets a step answer itself and take the next one."""
    def bind(name):
        return lambda project, params: getattr(Runs(project, bridge_error, injected_url, emit, requests),
                                               name)(params)
    return {name: bind(name) for name in ("plan", "step", "stamp", "upgrade", "release")}
