#!/usr/bin/python3
"""Differential test: retort-cli against real Alembic 1.8.1 on thousands of random histories.

For each graph K of a run with master seed S:

1. ``generate_history`` writes a random Alembic project (seeded by S and K) into a temp folder;
2. ``alembic_oracle`` loads it in-process with Debian's Alembic (imported once per worker) and
   computes the expected revisions, heads, bases, history, realistic alembic_version states,
   ~20 plan queries and their results;
3. ``retort-cli graph PATH --format json`` runs once and ``retort-cli plan PATH --batch FILE``
   runs once; everything is compared.

On a mismatch the test prints the differing field with expected and actual values, a replay
line (``--seed S --only K``) and keeps the project folder (with ``queries.jsonl``,
``expected.json`` and the CLI's raw output). It runs the full ``--count`` (no time budget) and
ends with ``differential: N passed, M failed`` and ``N passed, M failed``; exit status 1 on any
mismatch.

Usage (always with Debian's interpreter, which has python3-alembic)::

    /usr/bin/python3 tests/differential/differential_test.py --cli build/app/retort-cli \\
        --count 2000 --seed 20261121 [--jobs 2] [--keep DIR]
    ... --only 17 --keep /tmp/g17          # replay one graph and keep its project
    ... --oracle-only --seed 5 --only 3    # no CLI: print the expected JSON for one graph
    ... --oracle-only --count 2000         # no CLI: time generator + oracle

``alembic_oracle.py`` speaks the retort-cli contract itself, so
``--cli tests/differential/alembic_oracle.py`` must always pass (a self-test of this driver).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from typing import Any, Optional

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import alembic  # noqa: E402
import alembic_oracle as oracle  # noqa: E402
import generate_history as gen  # noqa: E402

MAX_MISMATCHES_PER_GRAPH = 8

# --------------------------------------------------------------------------------------------
# One graph
# --------------------------------------------------------------------------------------------

_CONFIG: dict = {}


def _init_worker(config: dict) -> None:
    _CONFIG.clear()
    _CONFIG.update(config)
    oracle.install_patches()


def compute_expected(index: int, root: str, config: dict) -> tuple[gen.GeneratedProject, dict]:
    """Generate graph `index` under root and ask Alembic about it."""
    params = gen.GenParams(min_revisions=config["min_revisions"],
                           max_revisions=config["max_revisions"])
    project = gen.generate_project(root, gen.graph_rng(config["seed"], index), params)
    script = oracle.load_script_directory(project.root)
    if script.load_warnings:  # type: ignore[attr-defined]
        raise RuntimeError("generator produced a graph Alembic warns about: %s"
                           % script.load_warnings)  # type: ignore[attr-defined]
    qrng = random.Random("retort-differential-queries:%s:%d" % (config["seed"], index))
    states = oracle.generate_states(script, qrng)
    queries = oracle.generate_queries(script, qrng, states, count=config["queries"])
    expected = oracle.expected_graph(script)
    expected["queries"] = queries
    expected["results"] = [oracle.run_plan(script, q) for q in queries]
    return project, expected


def _run_cli(args: list[str], timeout: float) -> tuple[Optional[int], str, str]:
    try:
        proc = subprocess.run(args, capture_output=True, timeout=timeout,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    except subprocess.TimeoutExpired as err:
        return None, (err.stdout or b"").decode("utf-8", "replace"), "timed out after %ss" % timeout
    except OSError as err:
        return None, "", "cannot run: %s" % err
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def _short(text: str, limit: int = 600) -> str:
    return text if len(text) <= limit else text[:limit] + "... (%d chars)" % len(text)


def compare_graph(expected: dict, code: Optional[int], out: str, err: str) -> list[tuple]:
    """Mismatches between the oracle's graph and `retort-cli graph` output."""
    bad: list[tuple] = []
    if code is None:
        return [("graph.run", "exit 0", err)]
    try:
        actual = json.loads(out)
        if not isinstance(actual, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        return [("graph.stdout", "one JSON object", "%s: %s | stderr: %s"
                 % (exc, _short(out), _short(err)))]
    errors = [d for d in actual.get("diagnostics") or [] if d.get("severity") == "error"]
    if errors:
        bad.append(("graph.diagnostics", "no error diagnostics", errors[:5]))
    if code != 0:
        bad.append(("graph.exit", 0, "%s | stderr: %s" % (code, _short(err))))

    exp_revs = {r["revision"]: r for r in expected["revisions"]}
    act_list = actual.get("revisions")
    if not isinstance(act_list, list):
        bad.append(("revisions", "a list", act_list))
        act_list = []
    act_revs: dict[str, Any] = {}
    for r in act_list:
        rid = r.get("revision") if isinstance(r, dict) else None
        if rid in act_revs:
            bad.append(("revisions", "unique ids", "%r listed twice" % rid))
        act_revs[rid] = r
    if set(exp_revs) != set(act_revs):
        bad.append(("revisions.ids", sorted(exp_revs), sorted(map(str, act_revs))))
    for rid, exp in exp_revs.items():
        act = act_revs.get(rid)
        if act is None:
            continue
        for key in ("down_revisions", "branch_labels", "depends_on", "message", "line"):
            if act.get(key) != exp[key]:
                bad.append(("revisions[%s].%s" % (rid, key), exp[key], act.get(key)))
        apath = act.get("path")
        if not isinstance(apath, str) or os.path.realpath(apath) != exp["path"]:
            bad.append(("revisions[%s].path" % rid, exp["path"], apath))
    for key in ("heads", "bases", "history"):
        if actual.get(key) != expected[key]:
            bad.append((key, expected[key], actual.get(key)))
    return bad


def _result_matches(exp: dict, act: Any) -> bool:
    if not isinstance(act, dict):
        return False
    if "internal_error" in exp:
        # Alembic crashed (not a CommandError): any error from Retort is right
        return isinstance(act.get("error"), str) and "steps" not in act
    if "error" in exp:
        return (set(act) == {"error"} and isinstance(act["error"], str)
                and oracle.normalize_error(act["error"]) == oracle.normalize_error(exp["error"]))
    return set(act) == {"steps"} and act["steps"] == exp["steps"]


def compare_plans(expected: dict, code: Optional[int], out: str, err: str) -> list[tuple]:
    """Mismatches between the oracle's plan results and `retort-cli plan --batch` output."""
    if code is None:
        return [("plan.run", "exit 0", err)]
    bad: list[tuple] = []
    if code != 0:
        bad.append(("plan.exit", 0, "%s | stderr: %s" % (code, _short(err))))
    lines = [ln for ln in out.splitlines() if ln.strip()]
    queries, results = expected["queries"], expected["results"]
    if len(lines) != len(queries):
        bad.append(("plan.lines", "%d JSON lines" % len(queries),
                    "%d lines | stderr: %s" % (len(lines), _short(err))))
    for i, (q, exp) in enumerate(zip(queries, results)):
        if i >= len(lines):
            break
        try:
            act = json.loads(lines[i])
        except ValueError:
            act = lines[i]
        if not _result_matches(exp, act):
            bad.append(("plan[%d] %s" % (i, json.dumps(q)), exp, act))
    return bad


def check_graph(index: int) -> dict:
    """Generate, ask Alembic, ask retort-cli, compare. Runs in a worker."""
    config = _CONFIG
    root = os.path.join(config["workroot"], "g%05d" % index)
    if config.get("only") is not None and config.get("keep"):
        root = os.path.abspath(config["keep"])  # replaying one graph: generate it in place
        _clear_kept(root)
    result: dict = {"index": index, "mismatches": [], "root": root, "cli_path": root}
    t0 = time.perf_counter()
    try:
        project, expected = compute_expected(index, root, config)
    except Exception:  # noqa: BLE001 - a harness failure is a failure, and must be visible
        result["mismatches"] = [("harness", "generator and oracle succeed", traceback.format_exc())]
        result["kept"] = _keep(root, index, config, None, None)
        return result
    result["cli_path"] = project.cli_path
    result["revisions"] = len(expected["revisions"])
    result["oracle_seconds"] = time.perf_counter() - t0

    if config.get("oracle_only"):
        result["expected"] = expected
        result["outcomes"] = _outcomes(expected["results"])
        if not config.get("keep_always"):
            shutil.rmtree(root, ignore_errors=True)
        else:
            result["kept"] = _keep(root, index, config, expected, None)
        return result

    qfile = os.path.join(root, "queries.jsonl")
    with open(qfile, "w", encoding="utf-8") as f:
        for q in expected["queries"]:
            f.write(json.dumps(q) + "\n")
    cli, timeout = config["cli"], config["timeout"]
    graph_run = _run_cli([cli, "graph", project.cli_path, "--format", "json"], timeout)
    plan_run = _run_cli([cli, "plan", project.cli_path, "--batch", qfile], timeout)
    mismatches = compare_graph(expected, *graph_run) + compare_plans(expected, *plan_run)
    result["mismatches"] = mismatches[:MAX_MISMATCHES_PER_GRAPH]
    result["mismatch_count"] = len(mismatches)
    if mismatches or config.get("keep_always"):
        result["kept"] = _keep(root, index, config, expected, (graph_run, plan_run))
    else:
        shutil.rmtree(root, ignore_errors=True)
    return result


def _outcomes(results: list[dict]) -> dict:
    out = {"steps": 0, "empty": 0, "error": 0, "internal_error": 0}
    for r in results:
        if "steps" in r:
            out["steps" if r["steps"] else "empty"] += 1
        elif "error" in r:
            out["error"] += 1
        else:
            out["internal_error"] += 1
    return out


def _keep(root: str, index: int, config: dict, expected: Optional[dict],
          runs: Optional[tuple]) -> str:
    """Write the evidence next to the project and move it to --keep (if given)."""
    if os.path.isdir(root):
        if expected is not None:
            with open(os.path.join(root, "expected.json"), "w", encoding="utf-8") as f:
                json.dump(expected, f, indent=1, ensure_ascii=False)
            with open(os.path.join(root, "queries.jsonl"), "w", encoding="utf-8") as f:
                for q in expected["queries"]:
                    f.write(json.dumps(q) + "\n")
        if runs is not None:
            for name, (code, out, err) in zip(("graph", "plan"), runs):
                with open(os.path.join(root, "actual_%s.out" % name), "w", encoding="utf-8") as f:
                    f.write(out)
                with open(os.path.join(root, "actual_%s.err" % name), "w", encoding="utf-8") as f:
                    f.write("exit: %s\n%s" % (code, err))
        with open(os.path.join(root, "REPLAY.txt"), "w", encoding="utf-8") as f:
            f.write(_replay_line(config, index) + "\n")
    keep = config.get("keep")
    if not keep:
        return root
    dest = os.path.join(keep, "g%05d" % index) if config.get("only") is None else keep
    if os.path.abspath(dest) == os.path.abspath(root):
        return root
    _clear_kept(dest)
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    shutil.move(root, dest)
    return dest


def _clear_kept(path: str) -> None:
    """Remove a folder this script kept earlier; refuse to touch anything else."""
    if not os.path.exists(path):
        return
    if os.path.isdir(path) and (not os.listdir(path)
                                or os.path.exists(os.path.join(path, "REPLAY.txt"))
                                or os.path.exists(os.path.join(path, "queries.jsonl"))):
        shutil.rmtree(path)
        return
    raise RuntimeError("%s exists and was not written by differential_test.py" % path)


def _replay_line(config: dict, index: int) -> str:
    cli = "--oracle-only" if config.get("oracle_only") else "--cli %s" % config["cli"]
    return "%s %s %s --seed %s --only %d --keep /tmp/retort-diff-%s-%d" % (
        sys.executable, os.path.abspath(__file__), cli, config["seed"], index, config["seed"], index)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _short(text, 2000).replace("\n", "\n              ")


def report_failure(res: dict, config: dict, detailed: bool) -> None:
    index = res["index"]
    fields = [m[0] for m in res["mismatches"]]
    total = res.get("mismatch_count", len(fields))
    if not detailed:
        print("FAIL graph %d: %d mismatch(es): %s" % (index, total, ", ".join(f[:60] for f in fields[:4])))
        return
    print("FAIL graph %d (seed %s): %d mismatch(es)" % (index, config["seed"], total))
    print("  replay: %s" % _replay_line(config, index))
    if res.get("kept"):
        given = os.path.relpath(res.get("cli_path") or res["root"], res["root"])
        print("  project kept at: %s" % res["kept"])
        print("  retort-cli was given: %s" % (res["kept"] if given == "." else
                                             os.path.join(res["kept"], given)))
    for field, exp, act in res["mismatches"]:
        print("  - %s" % field)
        print("      expected: %s" % _fmt(exp))
        print("      actual:   %s" % _fmt(act))
    if total > len(res["mismatches"]):
        print("  ... and %d more" % (total - len(res["mismatches"])))
    sys.stdout.flush()


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="retort-cli vs Alembic 1.8.1 on random histories")
    ap.add_argument("--cli", help="path to retort-cli")
    ap.add_argument("--count", type=int, default=2000, help="number of graphs (default 2000)")
    ap.add_argument("--seed", default=None, help="master seed (default: random, printed)")
    ap.add_argument("--only", type=int, default=None, metavar="K", help="run graph K only")
    ap.add_argument("--keep", default=None, metavar="DIR",
                    help="move failing projects here (with --only: keep that project as DIR)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="worker processes (default 2)")
    ap.add_argument("--queries", type=int, default=20, help="plan queries per graph")
    ap.add_argument("--min-revisions", type=int, default=5)
    ap.add_argument("--max-revisions", type=int, default=40)
    ap.add_argument("--workdir", default=None,
                    help="where projects are generated (default: /dev/shm when writable)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per retort-cli call")
    ap.add_argument("--max-report", type=int, default=5,
                    help="failing graphs reported in full (others get one line)")
    ap.add_argument("--oracle-only", action="store_true",
                    help="no CLI: with --only print the expected JSON, else time the oracle")
    ap.add_argument("--dump", metavar="FILE",
                    help="--oracle-only: write every graph's expected answers as JSON lines")
    args = ap.parse_args(argv)

    if not args.oracle_only and not args.cli:
        ap.error("--cli is required (or use --oracle-only)")
    seed = args.seed if args.seed is not None else str(random.SystemRandom().randrange(10**9))
    cli = os.path.abspath(args.cli) if args.cli else None
    if cli and not os.access(cli, os.X_OK):
        print("error: %s is not an executable file" % cli, file=sys.stderr)
        return 2

    if args.only is not None and args.keep:
        try:
            _clear_kept(os.path.abspath(args.keep))
        except RuntimeError as err:
            print("error: %s" % err, file=sys.stderr)
            return 2

    print("seed=%s" % seed)
    print("differential: %s graphs, %d queries each, oracle alembic %s on %s (%s), cli %s, %d job(s)"
          % ("1" if args.only is not None else args.count, args.queries, alembic.__version__,
             sys.executable, sys.version.split()[0], cli or "(none: --oracle-only)", args.jobs))
    sys.stdout.flush()

    workdir = args.workdir
    if workdir is None and os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        workdir = "/dev/shm"  # tmpfs: thousands of small files are written and read
    workroot = tempfile.mkdtemp(prefix="retort-diff-", dir=workdir)
    config = {
        "seed": seed, "cli": cli, "workroot": workroot, "keep": args.keep, "only": args.only,
        "queries": args.queries, "timeout": args.timeout, "oracle_only": args.oracle_only,
        "min_revisions": args.min_revisions, "max_revisions": args.max_revisions,
        "keep_always": args.only is not None and args.keep is not None,
    }
    indices = [args.only] if args.only is not None else list(range(args.count))

    start = time.perf_counter()
    passed = failed = 0
    reported = 0
    outcomes = {"steps": 0, "empty": 0, "error": 0, "internal_error": 0}
    revisions = 0
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None

    def handle(res: dict) -> None:
        nonlocal passed, failed, reported, revisions
        revisions += res.get("revisions", 0)
        if args.oracle_only and "expected" in res:
            for k, v in res["outcomes"].items():
                outcomes[k] += v
            if dump:
                exp = dict(res["expected"])
                exp["results"] = [dict(r, error=oracle.normalize_error(r["error"])) if "error" in r
                                  else r for r in exp["results"]]
                for r in exp["revisions"]:
                    r["path"] = os.path.relpath(r["path"], res["root"])
                dump.write(json.dumps({"index": res["index"], **exp}, ensure_ascii=False) + "\n")
            if args.only is not None:
                json.dump(res["expected"], sys.stdout, indent=1, ensure_ascii=False)
                sys.stdout.write("\n")
        if res["mismatches"]:
            failed += 1
            report_failure(res, config, detailed=reported < args.max_report)
            reported += 1
        else:
            passed += 1

    try:
        if args.jobs <= 1 or len(indices) == 1:
            _init_worker(config)
            for i in indices:
                handle(check_graph(i))
        else:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(args.jobs, initializer=_init_worker, initargs=(config,)) as pool:
                for res in pool.imap(check_graph, indices, chunksize=2):
                    handle(res)
    finally:
        if dump:
            dump.close()
        if not args.keep and failed == 0 and not config["keep_always"]:
            shutil.rmtree(workroot, ignore_errors=True)
        elif args.keep:
            shutil.rmtree(workroot, ignore_errors=True)

    elapsed = time.perf_counter() - start
    if args.oracle_only:
        print("oracle: %d graphs, %d revisions, %.1fs; plan results: %s"
              % (len(indices), revisions, elapsed, json.dumps(outcomes)), file=sys.stderr)
    else:
        print("elapsed %.1fs (%d graphs, %d revisions)" % (elapsed, len(indices), revisions))
    if failed and not args.keep:
        print("failing projects are under %s" % workroot)
    print("differential: %d passed, %d failed" % (passed, failed))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
