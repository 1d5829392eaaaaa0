"""Retort's online work against a real database: plans, one-revision steps, stamp, upgrade.

Imported by retort_bridge.py, which owns the protocol; `handlers(...)` hands this module what it
needs from there. Every online request goes through the project's own env.py with the database URL
Retort chose injected (the `sqlalchemy.url` option and an environment variable), and the connection
env.py configures is checked against that URL first: an env.py that connects somewhere else is
refused before anything runs.

A step runs exactly one revision, from the alembic_version the plan expects; the statements it
sends go out as events while it runs ({"id": N, "event": "statement_started", "data": {...}}), before the one answer.
"""

import time

from alembic import command
from alembic.runtime.environment import EnvironmentContext
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url


class Runs(object):
    def __init__(self, project, bridge_error, injected_url, emit):
        self.project = project
        self.BridgeError = bridge_error
        self.InjectedUrl = injected_url
        self.emit = emit

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

    def _guarded(self, config, url, wanted, variable, work, on_version_apply=None):
        """Runs `work()` with `url` injected and env.py's connection checked against it; the
        callable `on_version_apply` is added to whatever env.py gives to configure()."""
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

    def step(self, params):
        """One revision's upgrade() or downgrade() with Alembic's own RevisionStep (which keeps
        alembic_version as `alembic upgrade` would), after checking that alembic_version holds
        `expect` (sorted revisions; the plan's idea of the database before this step; Retort
        compared the whole plan with Alembic's before the first step)."""
        from alembic.runtime.migration import MigrationStep
        script = self.project.script()
        revision = params.get("revision") or ""
        direction = params.get("direction", "up")
        expected = sorted(params.get("expect") or [])
        if direction not in ("up", "down"):
            raise self.BridgeError("BadRequest", "direction must be 'up' or 'down', not %r" % direction)
        found = script.get_revision(revision) if revision else None
        if found is None:
            raise self.BridgeError("UnknownRevision", "No revision %r" % revision)
        url, wanted = self._url(params)
        config = self.project.config()
        outcome = {"revision": found.revision, "direction": direction}
        BridgeError = self.BridgeError

        def this_step(heads, context):
            heads = sorted(heads or ())
            outcome["heads_before"] = heads
            if "expect" in params and heads != expected:
                raise BridgeError("UnexpectedVersion",
                                  "alembic_version holds %s, but the plan expected %s before %s" % (
                                      _listed(heads), _listed(expected), revision),
                                  "Something else changed the database since the plan was made. Read its "
                                  "current revision again and make a new plan.")
            if direction == "up":
                return [MigrationStep.upgrade_from_script(script.revision_map, found)]
            return [MigrationStep.downgrade_from_script(script.revision_map, found)]

        def after_step(ctx, step, heads, run_args):
            outcome["heads_after"] = sorted(heads)

        recorder = StatementRecorder(self.emit)

        def work():
            with EnvironmentContext(config, script, fn=this_step, destination_rev=found.revision):
                recorder.start()
                try:
                    script.run_env()
                finally:
                    recorder.stop()

        self._guarded(config, url, wanted, params.get("url_variable"), work, on_version_apply=after_step)
        if "heads_after" not in outcome:
            raise BridgeError("NothingRan", "env.py finished without running %s; does it call "
                                            "context.run_migrations()?" % revision)
        outcome["backend_pid"] = recorder.backend_pid
        outcome["statements"] = recorder.sequence
        return outcome


class StatementRecorder(object):
    """Reports every statement any SQLAlchemy engine sends while it listens: its text (with the
    parameters filled in when the driver can say how), duration, rows and server notices."""

    def __init__(self, emit):
        self.emit = emit
        self.sequence = 0
        self.backend_pid = 0
        self._started = {}

    def start(self):
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)
        event.listen(Engine, "handle_error", self._error)

    def stop(self):
        event.remove(Engine, "before_cursor_execute", self._before)
        event.remove(Engine, "after_cursor_execute", self._after)
        event.remove(Engine, "handle_error", self._error)

    def _before(self, conn, cursor, statement, parameters, context, executemany):
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
        notices = list(getattr(raw, "notices", None) or ())[notices_before:]
        if notices:
            data["notices"] = [n.strip() for n in notices]
        return data

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        rows = getattr(cursor, "rowcount", -1)
        self.emit("statement_finished", self._finish(cursor, {"rows": rows if isinstance(rows, int) else -1}))

    def _error(self, context):
        if not self._started:
            return  # not a statement (a failed connect)
        self.emit("statement_failed", self._finish(context.cursor, {"error": str(context.original_exception).strip()}))


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


def handlers(bridge_error, injected_url, emit):
    """The request handlers this module adds to the bridge: plan, step, stamp, upgrade."""
    def bind(name):
        return lambda project, params: getattr(Runs(project, bridge_error, injected_url, emit), name)(params)
    return {name: bind(name) for name in ("plan", "step", "stamp", "upgrade")}
