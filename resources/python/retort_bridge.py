"""Retort's bridge to Alembic: one long-lived helper process per project and interpreter.

Protocol: JSON lines. Each request on stdin is one line
    {"id": 7, "method": "sql", "params": {...}}
and gets exactly one answer line on stdout
    {"id": 7, "result": {...}}            or
    {"id": 7, "error": {"type": ..., "message": ..., "hint": ..., "frames": [...], "traceback": ...}}
Frames are {"file", "line", "function"}, innermost last. Logs and anything the project's own code
prints go to stderr: the real stdout is kept for the protocol only.

The project comes from the command line:
    retort_bridge.py --ini alembic.ini [--section alembic]
    retort_bridge.py --script-location DIR [--version-location DIR ...]
The process runs in the project's folder (Alembic 1.8 resolves a relative script_location against
the current directory, as the `alembic` command does).

Methods: hello, script, sql, revision, merge, reload, shutdown (see the handlers below), and from
retort_runs.py beside it: plan, step, stamp, upgrade, release. While working on a request the
helper may send events for it, {"id": 7, "event": "statement_started", "data": {...}}, before the one
answer. A line without an id is a notice: never answered, kept until a handler asks for it (`proceed`
and `hold`, about a run's steps: see retort_runs.CommitGate and Runs.step).
Written for Python 3.6+ and Alembic 1.5+; the first thing it does is answer `hello`, even when
Alembic cannot be imported, so that Retort can say what is missing.
"""

import argparse
import io
import json
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # not there under PYTHONSAFEPATH or -I
try:
    from retort_input import RequestInput, not_a_request
    from retort_streams import ProtocolStream, RequestOutput
finally:
    del sys.path[0]

PROTOCOL_VERSION = 1


# The protocol stream is a private duplicate of stdout; fd 1 then points at stderr so that a
# print() in env.py or a revision module cannot corrupt it. What Python code writes on sys.stdout or
# sys.stderr while a request is worked on goes to Retort as that request's "output" events.
_protocol = ProtocolStream(os.fdopen(os.dup(1), "w", encoding="utf-8", errors="backslashreplace", newline="\n"))
os.dup2(2, 1)
_stderr = sys.stderr
sys.stdout = sys.stderr = RequestOutput(_stderr, lambda: _current_request is not None,
                                        lambda text: emit("output", {"text": text}))
# Requests arrive on a private duplicate of stdin too: input(), pdb or a subprocess of env.py reads
# an empty stdin instead of swallowing the next request.
_requests_fd = os.dup(0)
_devnull = os.open(os.devnull, os.O_RDONLY)
os.dup2(_devnull, 0)
os.close(_devnull)
sys.stdin = open(os.devnull, "r")
# Revision files change under us while the user edits them: never trust or write .pyc files
# (Python validates them by second-granular mtime and size, which a quick edit can fool).
sys.dont_write_bytecode = True

try:
    import alembic
    import sqlalchemy
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import MigrationContext
    from alembic.operations import Operations
    from alembic.script import ScriptDirectory
    from alembic.util import pyfiles as _pyfiles
    _IMPORT_ERROR = None
except Exception as exc:  # noqa: BLE001 - reported to Retort as is
    _IMPORT_ERROR = exc


def log(message):
    _stderr.write("[retort-bridge] %s\n" % message)
    _stderr.flush()


class BridgeError(Exception):
    """An error with Retort's own type name and a hint for the user."""

    def __init__(self, type_, message, hint=""):
        Exception.__init__(self, message)
        self.type = type_
        self.message = message
        self.hint = hint


def _load_module_from_source(module_id, path):
    """Alembic's load_module_py, from the source file every time (never a .pyc beside it): the file
    is read, and its bytecode comes from the helper's own cache when that holds the bytecode of
    exactly this content (_bytecode)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(module_id, path)
    module = importlib.util.module_from_spec(spec)
    with open(path, "rb") as handle:
        source = handle.read()
    exec(_bytecode(source, path), module.__dict__)
    return module


# Compiled revision files, one entry per file path (so an edited file replaces its entry), beside the
# helper (whose folder is per helper version): the interpreter's magic number and optimization level,
# a SHA-1 of the path as given (the code's file name) and of the source, then the marshalled code.
# Checked against the source read now, never against a modification time.
_BYTECODE_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bytecode")


def _bytecode(source, path):
    import hashlib
    import importlib.util
    import marshal
    import tempfile
    header = (importlib.util.MAGIC_NUMBER + bytes([sys.flags.optimize & 0xFF])
              + hashlib.sha1(os.fsencode(path)).digest() + hashlib.sha1(source).digest())
    entry = os.path.join(_BYTECODE_FOLDER, hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest())
    try:
        with open(entry, "rb") as handle:
            data = handle.read()
        if data.startswith(header):
            return marshal.loads(data[len(header):])
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing, unreadable or damaged: compiled again below
    code = compile(source, path, "exec", dont_inherit=True)
    partial = None
    try:
        os.makedirs(_BYTECODE_FOLDER, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=_BYTECODE_FOLDER, suffix=".partial")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(header + marshal.dumps(code))
        os.replace(partial, entry)  # whole or not at all, also with another helper writing it
    except OSError:  # a cache that cannot be written is only slower
        if partial is not None:
            try:
                os.unlink(partial)
            except OSError:
                pass
    return code


if _IMPORT_ERROR is None:
    _pyfiles.load_module_py = _load_module_from_source


_OWN_FOLDER = os.path.dirname(os.path.abspath(__file__))
_OWN_FILES = {os.path.join(_OWN_FOLDER, name) for name in os.listdir(_OWN_FOLDER)
              if name.startswith("retort_") and name.endswith(".py")}


def _frames(tb):
    frames = []
    for entry in traceback.extract_tb(tb):
        if os.path.abspath(entry.filename) in _OWN_FILES:
            continue
        frames.append({"file": os.path.abspath(entry.filename) if os.path.exists(entry.filename) else entry.filename,
                       "line": entry.lineno or 0, "function": entry.name})
    return frames


def _error_payload(exc, hint=""):
    frames = _frames(exc.__traceback__)
    # A syntax error's location is not a frame of the traceback.
    if isinstance(exc, SyntaxError) and exc.filename:
        frames.append({"file": os.path.abspath(exc.filename), "line": exc.lineno or 0, "function": "<module>"})
    type_ = getattr(exc, "type", None) if isinstance(exc, BridgeError) else None
    message = exc.message if isinstance(exc, BridgeError) else str(exc)
    if not message:
        message = type(exc).__name__
    payload = {
        "type": type_ or type(exc).__name__,
        "message": message,
        "frames": frames,
        "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    }
    hint = getattr(exc, "hint", "") or hint
    if hint:
        payload["hint"] = hint
    return payload


class Project(object):
    """The project's Config and a ScriptDirectory kept until the next `reload`."""

    def __init__(self, args):
        self.args = args
        self._script = None
        # What retort_runs learnt about env.py: it ran context.run_migrations() once (for this URL).
        self.env_runs_once = None

    def config(self, output_buffer=None):
        if self.args.ini:
            config = Config(self.args.ini, ini_section=self.args.section, output_buffer=output_buffer,
                            stdout=sys.stderr)
        else:
            config = Config(output_buffer=output_buffer, stdout=sys.stderr)
            config.set_main_option("script_location", self.args.script_location)
            if self.args.version_location:
                config.set_main_option("version_path_separator", "os")
                config.set_main_option("version_locations", os.pathsep.join(self.args.version_location))
        return config

    def script(self):
        if self._script is None:
            script = ScriptDirectory.from_config(self.config())
            script.revision_map.heads  # load every module now, so errors surface here
            self._script = script
        return self._script

    def reload(self):
        self._script = None
        self.env_runs_once = None
        # Modules env.py imported from the project (its models, say) are read again next time.
        root = os.path.join(os.path.abspath(os.getcwd()), "")
        for name, module in list(sys.modules.items()):
            path = getattr(module, "__file__", None) or ""
            if path and os.path.abspath(path).startswith(root):
                del sys.modules[name]


def _tuple(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


# ---- handlers: each takes (project, params) and returns a JSON-able result ----

def handle_hello(project, params):
    result = {
        "protocol": PROTOCOL_VERSION,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "pid": os.getpid(),
        "cwd": os.getcwd(),
    }
    if _IMPORT_ERROR is not None:
        result["alembic_error"] = "%s: %s" % (type(_IMPORT_ERROR).__name__, _IMPORT_ERROR)
    else:
        result["alembic"] = alembic.__version__
        result["sqlalchemy"] = sqlalchemy.__version__
    return result


def handle_script(project, params):
    """Alembic's own view of the script directory."""
    script = project.script()
    revisions = []
    for rev in script.walk_revisions():
        revisions.append({
            "revision": rev.revision,
            "down_revisions": _tuple(rev.down_revision),
            "branch_labels": sorted(rev._orig_branch_labels or ()),
            "effective_branch_labels": sorted(rev.branch_labels or ()),
            "depends_on": _tuple(rev.dependencies),
            "path": os.path.abspath(rev.path),
            "message": rev.doc or "",
        })
    return {
        "revisions": revisions,
        "heads": list(script.get_heads()),
        "bases": list(script.get_bases()),
    }


def _as_tuple(value):
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _range_for(script, params):
    """(start revisions, destination) for a request: an explicit range or one revision."""
    direction = params.get("direction", "up")
    if "revision" in params:
        rev = script.get_revision(params["revision"])
        if rev is None:
            raise BridgeError("UnknownRevision", "No revision %r" % params["revision"])
        parents = _as_tuple(rev.down_revision)
        if direction == "up":
            return parents, rev.revision
        return (rev.revision,), (parents[0] if parents else "base")
    start = params.get("from") or ()
    if isinstance(start, str):
        start = tuple(s for s in start.split(",") if s)
    return tuple(start), params["to"]


_OFFLINE_HINT = ("This revision reads from the database (for example with op.get_bind()), which offline SQL "
                 "cannot do. Guard the query with `if context.is_offline_mode():` or look at it in a run "
                 "against a database.")
_ENV_HINT = ("env.py failed while Alembic prepared the offline run. Direct mode runs the revision without "
             "env.py.")


def _sql_hint(exc, frames, script_dir):
    text = str(exc)
    in_revision = any(f["file"].startswith(os.path.join(script_dir, "")) and os.path.basename(f["file"]) != "env.py"
                      for f in frames)
    in_env = any(os.path.basename(f["file"]) == "env.py" for f in frames)
    if in_revision and (isinstance(exc, AttributeError) and "NoneType" in text or "bind" in text.lower()):
        return _OFFLINE_HINT
    if in_env and not in_revision:
        return _ENV_HINT
    return ""


class _InjectedUrl(object):
    """The database URL Retort chose, where env.py looks for one: the `sqlalchemy.url` option and an
    environment variable (RETORT_DATABASE_URL unless the request names another), for one request."""

    def __init__(self, config, url, variable):
        self.config, self.url, self.variable = config, url, variable or "RETORT_DATABASE_URL"
        self.saved = None

    def __enter__(self):
        if self.url:
            self.config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
            self.saved = os.environ.get(self.variable)
            os.environ[self.variable] = self.url
        return self

    def __exit__(self, *exc):
        if self.url:
            if self.saved is None:
                os.environ.pop(self.variable, None)
            else:
                os.environ[self.variable] = self.saved
        return False


def _sql_env(project, script, start, destination, direction, buffer, url=None, url_variable=None):
    config = project.config(output_buffer=buffer)

    def upgrade(rev, context):
        return script._upgrade_revs(destination, rev)

    def downgrade(rev, context):
        return script._downgrade_revs(destination, rev)

    with _InjectedUrl(config, url, url_variable), \
            EnvironmentContext(config, script, fn=upgrade if direction == "up" else downgrade, as_sql=True,
                               starting_rev=start or None, destination_rev=destination):
        script.run_env()


def _sql_direct(script, start, destination, direction, dialect, buffer):
    context = MigrationContext.configure(dialect_name=dialect,
                                         opts={"as_sql": True, "output_buffer": buffer, "literal_binds": True})
    if direction == "up":
        steps = script._upgrade_revs(destination, start)
    else:
        steps = script._downgrade_revs(destination, start)
    with Operations.context(context), context.begin_transaction():
        for step in steps:
            rev = step.revision
            buffer.write("-- Running %s\n\n" % step.short_log)
            (rev.module.upgrade if direction == "up" else rev.module.downgrade)()


def handle_sql(project, params):
    """Offline SQL for one revision ({"revision"}) or a range ({"from": [...], "to"}).

    mode "env": through the project's env.py, as `alembic upgrade a:b --sql` prints it; "url" (e.g.
    "postgresql://", enough for offline SQL) replaces the project's database URL for the request.
    mode "direct": the revision modules against a MigrationContext for `dialect`, no env.py and no
    version-table statements.
    """
    script = project.script()
    direction = params.get("direction", "up")
    mode = params.get("mode", "env")
    if direction not in ("up", "down"):
        raise BridgeError("BadRequest", "direction must be 'up' or 'down', not %r" % direction)
    start, destination = _range_for(script, params)
    buffer = io.StringIO()
    try:
        if mode == "env":
            if not os.path.exists(os.path.join(script.dir, "env.py")):
                raise BridgeError("NoEnvPy", "%s has no env.py" % script.dir,
                                  "Use Direct mode: it runs the revision without env.py.")
            url = params.get("url") or ""
            _sql_env(project, script, start, destination, direction, buffer, url, params.get("url_variable"))
            dialect = url.split(":", 1)[0].split("+", 1)[0] if url else ""
        elif mode == "direct":
            dialect = params.get("dialect", "postgresql")
            _sql_direct(script, start, destination, direction, dialect, buffer)
        else:
            raise BridgeError("BadRequest", "mode must be 'env' or 'direct', not %r" % mode)
    except BridgeError:
        raise
    except Exception as exc:  # noqa: BLE001 - the user's code may raise anything
        hint = _sql_hint(exc, _frames(exc.__traceback__), os.path.abspath(script.dir))
        if hint and not getattr(exc, "hint", ""):
            exc.hint = hint
        raise
    return {"sql": buffer.getvalue(), "dialect": dialect, "from": list(start), "to": destination}


def _script_result(script_or_list):
    scripts = script_or_list if isinstance(script_or_list, list) else [script_or_list]
    scripts = [s for s in scripts if s is not None]
    if not scripts:
        raise BridgeError("NothingGenerated", "Alembic generated no revision file")
    return {"revision": scripts[0].revision, "path": os.path.abspath(scripts[0].path),
            "paths": [os.path.abspath(s.path) for s in scripts]}


def handle_revision(project, params):
    """A new revision file, as `alembic revision` makes it."""
    kwargs = {"message": params.get("message") or None,
              "autogenerate": bool(params.get("autogenerate", False)),
              "head": params.get("head") or "head",
              "splice": bool(params.get("splice", False)),
              "branch_label": params.get("branch_label") or None,
              "version_path": params.get("version_path") or None,
              "rev_id": params.get("rev_id") or None,
              "depends_on": params.get("depends_on") or None}
    result = command.revision(project.config(), **kwargs)
    project.reload()
    return _script_result(result)


def handle_merge(project, params):
    """A merge revision of `revisions`, as `alembic merge` makes it."""
    revisions = params.get("revisions") or []
    if len(revisions) < 2 and revisions != ["heads"]:
        raise BridgeError("BadRequest", "A merge needs at least two revisions (or 'heads')")
    result = command.merge(project.config(), revisions, message=params.get("message") or None,
                           branch_label=params.get("branch_label") or None, rev_id=params.get("rev_id") or None)
    project.reload()
    return _script_result(result)


def handle_reload(project, params):
    project.reload()
    return {}


HANDLERS = {
    "hello": handle_hello,
    "script": handle_script,
    "sql": handle_sql,
    "revision": handle_revision,
    "merge": handle_merge,
    "reload": handle_reload,
}

_current_request = None


def answer(payload, at_once=True):
    if at_once:
        sys.stderr.flush()  # a line of the request's output without its end goes first
    _protocol.write_line(json.dumps(payload, ensure_ascii=False, default=str) + "\n", at_once)


def emit(name, data):
    """An event about the request being worked on, before its answer (a statement that started);
    it reaches Retort within ProtocolStream.LATE, or with the answer if that comes first."""
    if _current_request is not None:
        answer({"id": _current_request, "event": name, "data": data}, at_once=False)


class Requests(object):
    """For a handler that goes on working across requests (a run's steps in one env.py session): it
    answers the current request itself, then takes the next one if it is what it can continue with.
    A request it does not take is kept and served as usual once the handler has returned."""

    # What a handler returns when it has answered its last request itself.
    ANSWERED = object()

    @staticmethod
    def answer(result):
        answer({"id": _current_request, "result": result})

    @staticmethod
    def next(accept):
        """Blocks for the next request. When accept(method, params) is true it becomes the current
        request (its events and its answer carry its id) and its params are returned; otherwise it
        is kept for serve() and None is returned (also at the end of input)."""
        global _current_request
        request = _input.next_request()
        if request is None:
            return None
        request_id, method, params = request[1]
        try:
            taken = method is not None and method != "shutdown" and accept(method, params)
        except Exception:  # noqa: BLE001 - a request accept cannot read is serve()'s to answer
            taken = False
        if not taken:
            _input.lines.appendleft(request)
            return None
        _current_request = request_id
        return params

    @staticmethod
    def current():
        """The id of the request being worked on."""
        return _current_request

    @staticmethod
    def waiting(accept):
        """Without blocking: (id, params) of the request Retort has already sent next, when
        accept(method, params) says it would be taken; else None."""
        _input.drain()
        if not _input.lines:
            return None
        request_id, method, params = _input.lines[0][1]
        try:
            return (request_id, params) if method is not None and accept(method, params) else None
        except Exception:  # noqa: BLE001
            return None

    @staticmethod
    def held(request_id):
        """Whether Retort asked (a `hold` notice) that the step sent as request `request_id` not start."""
        _input.drain()
        return request_id in _input.holds

    @staticmethod
    def proceed(request_id, block=True):
        """Blocks for Retort's `proceed` notice for the step sent as request `request_id` and returns
        its params; None when Retort asks the helper to shut down first, or the input ends (or,
        without `block`, when it has not come yet). Notices for other requests are stale (their
        steps ended before they asked; ids are never used twice) and dropped."""
        def found():
            for key in [key for key in _input.proceeds if key != request_id]:
                del _input.proceeds[key]
            if request_id in _input.proceeds:
                return _input.proceeds.pop(request_id)
            if any(parsed[1] == "shutdown" for _, parsed in _input.lines):
                return {}
            return None
        if not block:
            _input.drain()
            return found() or None
        return _input.wait_for(found) or None


_input = RequestInput(_requests_fd)


if _IMPORT_ERROR is None:
    # The online methods (plan, step, stamp, upgrade, release) live beside this file.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        import retort_runs
        HANDLERS.update(retort_runs.handlers(BridgeError, _InjectedUrl, emit, Requests))
    finally:
        del sys.path[0]


def _requests():
    """(line, (id, method, params)) of each request as it comes (each line is parsed once)."""
    while True:
        # A hold is for a step queued in a run's session: between requests it has done its work. (A
        # proceed may be for the request served next: kept; stale ones go when a step waits.)
        _input.holds.clear()
        request = _input.next_request()
        if request is None:
            return
        yield request


def serve(project):
    global _current_request
    for line, (request_id, method, params) in _requests():
        if method is None and request_id is None:
            answer({"id": None, "error": {"type": "BadRequest", "message": "not a request: %s" % not_a_request(line),
                                          "frames": []}})
            continue
        if method == "shutdown":
            answer({"id": request_id, "result": {}})
            return
        handler = HANDLERS.get(method)
        _current_request = request_id
        # A handler may answer requests itself and take further ones (Requests): whatever it returns
        # or raises answers the request that is current when it ends.
        try:
            if handler is None:
                raise BridgeError("BadRequest", "unknown method %r" % method)
            if method != "hello" and _IMPORT_ERROR is not None:
                raise BridgeError("AlembicMissing", "%s cannot import Alembic: %s" % (sys.executable, _IMPORT_ERROR))
            result = handler(project, params)
            if result is not Requests.ANSWERED:
                answer({"id": _current_request, "result": result})
        except SystemExit as exc:
            # Alembic's command layer exits on some errors; keep serving.
            answer({"id": _current_request, "error": _error_payload(BridgeError("SystemExit", "exit %s" % exc.code))})
        except Exception as exc:  # noqa: BLE001 - every failure is an answer, never a dead helper
            answer({"id": _current_request, "error": _error_payload(exc)})
        finally:
            try:
                sys.stderr.flush()  # a line of its output without its end still goes with it
            except (OSError, ValueError):
                pass  # Retort is gone: the next answer finds out
            _current_request = None
            # ScriptDirectory.from_config prepends prepend_sys_path on every call: keep each entry once.
            seen = set()
            sys.path[:] = [p for p in sys.path if not (p in seen or seen.add(p))]


def main():
    parser = argparse.ArgumentParser(description="Retort's Alembic helper (JSON lines on stdin/stdout)")
    parser.add_argument("--ini")
    parser.add_argument("--section", default="alembic")
    parser.add_argument("--script-location")
    parser.add_argument("--version-location", action="append", default=[])
    args = parser.parse_args()
    if not args.ini and not args.script_location:
        parser.error("--ini or --script-location is required")
    log("python %s, alembic %s, pid %d" % (sys.version.split()[0],
                                          getattr(sys.modules.get("alembic"), "__version__", "missing"),
                                          os.getpid()))
    serve(Project(args))
    # Every request is answered and every env.py session has ended: skip the interpreter's teardown
    # (collecting Alembic's and SQLAlchemy's modules takes longer than the answer Retort waits for).
    _protocol.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
