#!/usr/bin/python3
"""Expected answers from real Alembic (Debian's 1.8.1) for Retort's differential test.

Run with ``/usr/bin/python3`` (the interpreter that has Debian's ``python3-alembic``).

As a module::

    install_patches()                       # once per process; see below
    script = load_script_directory(project) # folder with alembic.ini, script dir or versions dir
    graph = expected_graph(script)          # revisions, heads, bases, history
    states = generate_states(script, rng)   # realistic alembic_version contents
    queries = generate_queries(script, rng, states)
    results = [run_plan(script, q) for q in queries]

On the command line it speaks the ``retort-cli`` contract, so it doubles as a reference
implementation (and lets ``differential_test.py --cli alembic_oracle.py`` test the driver)::

    alembic_oracle.py graph PATH --format json
    alembic_oracle.py plan PATH --batch FILE
    alembic_oracle.py queries PATH --seed S [--count N]   # print generated queries (JSON lines)

Plan results have the shape of ``retort-cli plan --batch`` output: ``{"steps": [{"revision",
"direction"}]}`` or ``{"error": "<CommandError text>"}``. When Alembic fails with something
other than a ``CommandError`` (an ``AssertionError`` deep in ``revision.py``: the command would
die with a traceback), the expected result is ``{"internal_error": "<type: text>"}``: Retort
must report *an* error there, its wording is not compared.

Patches (``install_patches``), all about order, none about semantics:

* ``Script._list_py_dir`` returns ``sorted(os.listdir(path))``. Alembic 1.8.1 uses raw
  ``os.listdir`` order; Retort, like Alembic >= 1.10, sorts file names within each folder.
* ``RevisionMap._normalize_depends_on`` keeps the declared ``depends_on`` order. Alembic builds
  ``_normalized_resolved_dependencies`` from a ``set`` of strings, so with two or more
  dependencies the topological order (``history``, plans) depends on ``PYTHONHASHSEED``.
* ``RevisionMap._map_branch_labels`` and ``_add_branches`` visit labelled revisions in load
  order instead of ``set`` (``id()``-hash) order, which fixes the order of label keys in the
  revision map and of label propagation.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import random
import re
import sys
import warnings
from typing import Iterable, Optional

sys.dont_write_bytecode = True  # never leave __pycache__ in generated versions folders

from alembic import util as _alembic_util  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import HeadMaintainer  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from alembic.script import base as _script_base  # noqa: E402
from alembic.script import revision as _revision  # noqa: E402

CommandError = _alembic_util.CommandError

# --------------------------------------------------------------------------------------------
# Patches
# --------------------------------------------------------------------------------------------

_patched = False


def install_patches() -> None:
    """Make Alembic 1.8.1 deterministic and file-order compatible with Retort (idempotent)."""
    global _patched
    if _patched:
        return
    _patched = True

    orig_list = _script_base.Script._list_py_dir.__func__

    def _list_py_dir(cls, scriptdir, path):
        if scriptdir.sourceless:
            return sorted(orig_list(cls, scriptdir, path))
        return sorted(os.listdir(path))

    _script_base.Script._list_py_dir = classmethod(_list_py_dir)

    RevisionMap = _revision.RevisionMap

    def _normalize_depends_on(self, revisions, map_):
        # Same as 1.8.1 except the result keeps the declared order instead of set order.
        for revision in revisions:
            if revision._resolved_dependencies:
                normalized_resolved = set(revision._resolved_dependencies)
                for rev in self._get_ancestor_nodes(
                    [revision], include_dependencies=False, map_=map_
                ):
                    if rev is revision:
                        continue
                    elif rev._resolved_dependencies:
                        normalized_resolved.difference_update(rev._resolved_dependencies)
                revision._normalized_resolved_dependencies = tuple(
                    d for d in _alembic_util.unique_list(revision._resolved_dependencies)
                    if d in normalized_resolved
                )
            else:
                revision._normalized_resolved_dependencies = ()

    RevisionMap._normalize_depends_on = _normalize_depends_on

    def _in_load_order(revisions, map_):
        position = {k: i for i, k in enumerate(map_) if isinstance(k, str)}
        return sorted(revisions, key=lambda r: position.get(r.revision, -1))

    orig_map_labels = RevisionMap._map_branch_labels
    orig_add_branches = RevisionMap._add_branches

    def _map_branch_labels(self, revisions, map_):
        return orig_map_labels(self, _in_load_order(revisions, map_), map_)

    def _add_branches(self, revisions, map_):
        return orig_add_branches(self, _in_load_order(revisions, map_), map_)

    RevisionMap._map_branch_labels = _map_branch_labels
    RevisionMap._add_branches = _add_branches


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_script_directory(path: str) -> ScriptDirectory:
    """Load a project the way retort-cli is given it: a folder with alembic.ini, a script
    directory (holding versions/), or a bare versions folder. The revision map is built
    eagerly; warnings Alembic emits while loading are collected in ``script.load_warnings``."""
    install_patches()
    path = os.path.abspath(path)
    ini = os.path.join(path, "alembic.ini")
    if os.path.isfile(path) and path.endswith(".ini"):
        ini = path
    if os.path.isfile(ini):
        script = ScriptDirectory.from_config(Config(ini))
    elif os.path.isdir(os.path.join(path, "versions")):
        script = ScriptDirectory(path)
    else:
        script = ScriptDirectory(os.path.dirname(path), version_locations=[path])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        script.revision_map._revision_map  # noqa: B018 - force loading now
    script.load_warnings = [str(w.message) for w in caught]  # type: ignore[attr-defined]
    return script


def scripts_in_load_order(script: ScriptDirectory) -> list:
    """Every Script once (label keys skipped), in load order."""
    out = []
    for key, rev in script.revision_map._revision_map.items():
        if isinstance(key, str) and rev is not None and rev.revision == key:
            out.append(rev)
    return out


def _revision_line(path: str) -> int:
    """1-based line of the last top-level `revision = ...` / `revision: str = ...`."""
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), path)
    line = 0
    for node in tree.body:
        if isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == "revision" for t in node.targets):
                line = node.lineno
        elif isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name) and node.target.id == "revision" and node.value:
                line = node.lineno
    return line


def expected_graph(script: ScriptDirectory, with_lines: bool = True) -> dict:
    """The expected `retort-cli graph --format json` answer (minus diagnostics).

    revisions: per file, as declared (down_revisions after Alembic's tuple-as-scalar
    normalisation, branch_labels as declared, depends_on unresolved), message = Script.doc.
    heads = ScriptDirectory.get_heads(), bases = get_bases(), history = walk_revisions order.
    """
    revisions = []
    for sc in scripts_in_load_order(script):
        entry = {
            "revision": sc.revision,
            "down_revisions": list(_alembic_util.to_tuple(sc.down_revision, default=())),
            "branch_labels": list(sc._orig_branch_labels),
            "depends_on": list(_alembic_util.to_tuple(sc.dependencies, default=())),
            "message": sc.doc,
            "path": os.path.realpath(sc.path),
        }
        if with_lines:
            entry["line"] = _revision_line(sc.path)
        revisions.append(entry)
    return {
        "revisions": revisions,
        "heads": list(script.get_heads()),
        "bases": list(script.get_bases()),
        "history": [sc.revision for sc in script.walk_revisions("base", "heads")],
    }


# --------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def plan_steps(script: ScriptDirectory, target: str, current: Iterable[str], down: bool):
    """The RevisionStep list `alembic upgrade/downgrade TARGET` would execute with the
    version table holding `current`. Raises what the command would raise."""
    if ":" in target:
        # command.upgrade / command.downgrade check this before anything else (no --sql here)
        raise CommandError("Range revision not allowed")
    with _quiet():
        if down:
            return script._downgrade_revs(target, tuple(current))
        return script._upgrade_revs(target, tuple(current))


def run_plan(script: ScriptDirectory, query: dict) -> dict:
    """One query {"from": [...], "to": "T", "down": bool} -> one result line (see module doc)."""
    try:
        steps = plan_steps(script, query["to"], query.get("from") or (), bool(query.get("down")))
    except CommandError as err:
        return {"error": str(err)}
    except Exception as err:  # noqa: BLE001 - Alembic's own crash is the expected answer
        return {"internal_error": "%s: %s" % (type(err).__name__, err)}
    return {"steps": [{"revision": s.revision.revision,
                       "direction": "up" if s.is_upgrade else "down"} for s in steps]}


class _SimulatedVersionTable(HeadMaintainer):
    """HeadMaintainer without a database: the rows alembic_version would hold."""

    def __init__(self, heads: Iterable[str]) -> None:  # noqa: D401 - no context needed
        self.heads = set(heads)

    def _insert_version(self, version: str) -> None:
        assert version not in self.heads
        self.heads.add(version)

    def _delete_version(self, version: str) -> None:
        self.heads.remove(version)

    def _update_version(self, from_: str, to_: str) -> None:
        assert to_ not in self.heads
        self.heads.remove(from_)
        self.heads.add(to_)


def apply_plan(script: ScriptDirectory, current: Iterable[str], target: str,
               down: bool) -> Optional[list[str]]:
    """alembic_version after running the command (sorted), or None if Alembic fails."""
    try:
        steps = plan_steps(script, target, current, down)
        table = _SimulatedVersionTable(current)
        for step in steps:
            table.update_to_step(step)
    except Exception:  # noqa: BLE001
        return None
    return sorted(table.heads)


# --------------------------------------------------------------------------------------------
# Query generation
# --------------------------------------------------------------------------------------------


def generate_states(script: ScriptDirectory, rng: random.Random, count: int = 4) -> list[list[str]]:
    """Realistic alembic_version contents: empty; the heads (counting depends_on) of a random
    set closed under down_revision and depends_on; and the result of simulated
    upgrades/downgrades from empty (so depends_on, merges and branch rows are exactly as
    Alembic leaves them, "effective head" rows included). Each state's row order is shuffled
    (row order is arbitrary in a database)."""
    scripts = scripts_in_load_order(script)
    ids = [sc.revision for sc in scripts]
    states: list[list[str]] = [[]]
    seen = {()}

    # A "clean" state: the heads (counting depends_on) of a random set closed under
    # down_revision and depends_on, as `alembic stamp` or a tidy history would leave it.
    by_id = {sc.revision: sc for sc in scripts}
    closed: set[str] = set()
    todo = rng.sample(ids, min(len(ids), rng.randint(1, 3)))
    while todo:
        r = todo.pop()
        if r not in closed:
            closed.add(r)
            todo.extend(by_id[r]._all_down_revisions)
    below = {d for r in closed for d in by_id[r]._all_down_revisions}
    clean = sorted(closed - below, key=ids.index)
    seen.add(tuple(sorted(clean)))
    rng.shuffle(clean)
    states.append(clean)

    attempts = 0
    while len(states) < count and attempts < count * 6:
        attempts += 1
        r = rng.random()
        if r < 0.2:
            state = apply_plan(script, [], "heads", False)
        else:
            state = apply_plan(script, [], rng.choice(ids), False)
            if state is not None and rng.random() < 0.5:
                nxt = apply_plan(script, state, rng.choice(ids), rng.random() < 0.4)
                state = nxt if nxt is not None else state
        if not state or tuple(state) in seen:
            continue
        seen.add(tuple(state))
        rng.shuffle(state)
        states.append(state)
    return states


class _TargetPicker:
    """Picks upgrade/downgrade targets exercising every identifier form, weighted so that
    roughly half of the queries produce a plan and the rest exercise Alembic's errors."""

    def __init__(self, script: ScriptDirectory, rng: random.Random):
        self.script = script
        self.rng = rng
        self.ids = [sc.revision for sc in scripts_in_load_order(script)]
        self.keys = [k for k in script.revision_map._revision_map if isinstance(k, str)]
        id_set = set(self.ids)
        self.labels = [k for k in self.keys if k not in id_set]
        self.heads = list(script.get_heads())
        self.prefixes = self._prefixes()

    def _prefixes(self) -> list[str]:
        """Unique prefixes (some shorter than 4 characters), ambiguous prefixes (the common
        prefix of neighbouring keys), and random proper prefixes of ids."""
        rng = self.rng
        long_keys = sorted(k for k in self.keys if len(k) > 3)  # partial matching sees these
        out = []
        for a, b in zip(long_keys, long_keys[1:]):
            n = len(os.path.commonprefix([a, b]))
            if n >= 1:
                out.append(a[:n])  # ambiguous (or exact when a == a[:n])
                if n >= 5:
                    out.append(a[: rng.randint(4, n - 1)])
        for rid in rng.sample(self.ids, min(4, len(self.ids))):
            if len(rid) < 2:
                continue
            out.append(rid[: rng.randint(1, len(rid) - 1)])
            for n in range(1, len(rid)):
                p = rid[:n]
                if p not in self.keys and sum(1 for k in long_keys if k.startswith(p)) == 1:
                    out.append(p)  # the shortest unique prefix, often < 4 characters
                    break
        return out or [self.ids[0][:1]]

    def rid(self) -> str:
        return self.rng.choice(self.ids)

    def branch(self) -> str:
        """A label, or now and then a (partial) revision id used as a branch name."""
        rng = self.rng
        if self.labels and rng.random() < 0.8:
            return rng.choice(self.labels)
        return self.rid() if rng.random() < 0.7 else rng.choice(self.prefixes)

    def pick(self, state: list[str], down: bool) -> str:
        rng = self.rng
        r = rng.random()
        if down and state and r < 0.35:
            # something below the current state: the common, successful downgrade
            applied = [rev.revision for rev in self.script.revision_map._get_ancestor_nodes(
                self.script.revision_map.get_revisions(state))]
            applied.sort(key=self.ids.index)
            return rng.choice(applied + ["base", "-1", "-1", "-2"])
        if r < 0.40:
            return rng.choice(["heads", "heads", "head", "base"] + [self.rid() for _ in range(6)])
        if r < 0.50:
            return rng.choice(self.prefixes)
        if r < 0.68:
            return rng.choice([
                "+1", "+2", "-1", "-2", "+3",
                "%s+1" % self.rid(), "%s-1" % self.rid(), "%s+2" % self.rid(),
                "%s-2" % self.rid(), "%s+1" % rng.choice(self.heads),
                "%s-1" % rng.choice(self.heads), "%s+1" % rng.choice(self.prefixes),
                "base+1", "base+2", "head-1", "heads-1", "head+1",
            ])
        if r < 0.94:
            b = self.branch()
            return rng.choice([
                "%s@head" % b, "%s@head" % b, "%s@heads" % b, "%s@base" % b,
                "%s@+1" % b, "%s@-1" % b, "%s@+2" % b, "%s@-2" % b, "%s@head-1" % b,
                "%s@%s" % (b, self.rid()), "%s@%s" % (b, rng.choice(self.prefixes)),
                "%s@%s+1" % (b, self.rid()), "%s@%s-1" % (b, self.rid()),
                "%s@base+1" % b,
            ])
        return rng.choice([
            "deadbeef0000", "nope_missing", "zz", "0", "ffff", "nosuchlabel@head",
            "nosuchlabel@+1", "%s@nosuchrev" % self.rid(), "+0", "-0", "base:heads",
            "%s:head" % self.rid(), "heads@head", "@head",
        ])


def generate_queries(script: ScriptDirectory, rng: random.Random,
                     states: Optional[list[list[str]]] = None, count: int = 20) -> list[dict]:
    """count plan queries mixing targets, directions and version-table states."""
    if states is None:
        states = generate_states(script, rng)
    picker = _TargetPicker(script, rng)
    non_empty = [s for s in states if s] or states
    queries = []
    for _ in range(count):
        down = rng.random() < 0.4
        state = rng.choice(non_empty if down and rng.random() < 0.9 else states)
        queries.append({"from": list(state), "to": picker.pick(state, down), "down": down})
    return queries


# --------------------------------------------------------------------------------------------
# Error-message normalisation shared with the driver
# --------------------------------------------------------------------------------------------

_OVERLAP = re.compile(r"^(Requested revision \S+ overlaps with other requested revisions )(.*)$")


def normalize_error(message: Optional[str]) -> Optional[str]:
    """Alembic joins a set here (hash order); compare the listed ids as a sorted list."""
    if message is None:
        return None
    m = _OVERLAP.match(message)
    if m:
        return m.group(1) + ", ".join(sorted(m.group(2).split(", ")))
    return message


# --------------------------------------------------------------------------------------------
# Command line: the retort-cli contract, answered by Alembic
# --------------------------------------------------------------------------------------------


def _cli_graph(path: str) -> int:
    diagnostics = []
    try:
        script = load_script_directory(path)
        graph = expected_graph(script)
        for w in script.load_warnings:  # type: ignore[attr-defined]
            diagnostics.append({"severity": "warning", "path": "", "line": 0, "message": w})
    except Exception as err:  # noqa: BLE001
        graph = {"revisions": [], "heads": [], "bases": [], "history": []}
        diagnostics.append({"severity": "error", "path": "", "line": 0,
                            "message": "%s: %s" % (type(err).__name__, err)})
    graph["diagnostics"] = diagnostics
    json.dump(graph, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if any(d["severity"] == "error" for d in diagnostics) else 0


def _cli_plan(path: str, batch: str) -> int:
    script = load_script_directory(path)
    with open(batch, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            res = run_plan(script, json.loads(line))
            if "internal_error" in res:
                res = {"error": "internal error: " + res["internal_error"]}
            sys.stdout.write(json.dumps(res, ensure_ascii=False) + "\n")
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Alembic 1.8.1 answers in retort-cli's format.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("graph", help="revisions, heads, bases, history as JSON")
    g.add_argument("path")
    g.add_argument("--format", default="json", choices=["json"])
    p = sub.add_parser("plan", help="answer plan queries, one JSON line each")
    p.add_argument("path")
    p.add_argument("--batch", required=True)
    q = sub.add_parser("queries", help="print generated queries as JSON lines")
    q.add_argument("path")
    q.add_argument("--seed", default="0")
    q.add_argument("--count", type=int, default=20)
    args = ap.parse_args(argv)
    if args.cmd == "graph":
        return _cli_graph(args.path)
    if args.cmd == "plan":
        return _cli_plan(args.path, args.batch)
    script = load_script_directory(args.path)
    for query in generate_queries(script, random.Random(str(args.seed)), count=args.count):
        print(json.dumps(query))
    return 0


if __name__ == "__main__":
    sys.exit(main())
