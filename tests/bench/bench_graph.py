#!/usr/bin/python3
"""Benchmark `retort-cli graph DIR --format json` against `alembic history` on generated projects.

For each size (default 400 and 10000 revisions) a deterministic project is generated with
generate_bench_history.py (cached by seed and size under build/bench-data, or --data-dir), then
each tool is run once untimed (warm-up + output sanity check) and k times timed:

  retort:  retort-cli graph DIR --format json > /dev/null
  alembic: alembic history > /dev/null            (run in DIR; Debian's /usr/bin/alembic)

Wall time is the median over the timed runs (time.perf_counter around the process, including
~1 ms of /usr/bin/time overhead); peak RSS is the largest `/usr/bin/time -f %M` of those runs.
Alembic is measured warm (its __pycache__ of the revision files exists, written by the warm-up),
which is the conservative comparison; the first run without .pyc files is shown as an extra
informational row.

Targets, checked at 10,000 revisions: retort >= 50x faster than alembic history, retort median
< 0.3 s, retort peak RSS < 100 MB. Exit status: 0 all targets pass (or --no-fail), 1 a target
failed, 2 setup error (missing tool, a tool failed or produced implausible output).

Run with /usr/bin/python3 (stdlib only). scripts/bench builds the release retort-cli and runs this.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import generate_bench_history as gen  # noqa: E402

GNU_TIME = "/usr/bin/time"
TARGET_SIZE = 10000
TARGET_SPEEDUP = 50.0
TARGET_SECONDS = 0.3
TARGET_MB = 100.0
TIMEOUT = 1800  # seconds per process; alembic history at 10k takes ~10 s on a 2-core box


class SetupError(Exception):
    pass


def default_data_dir() -> Path:
    build = REPO / "build"
    if build.is_dir():
        return build / "bench-data"
    return Path(tempfile.gettempdir()) / f"retort-bench-{os.getuid()}"


def default_alembic() -> list[str]:
    if os.access("/usr/bin/alembic", os.X_OK):
        return ["/usr/bin/alembic"]
    return ["/usr/bin/python3", "-m", "alembic"]


def run_measured(cmd: list[str], cwd: Path, env: dict, capture: bool = False):
    """Runs cmd; returns (wall_seconds, peak_rss_kb, returncode, stdout_bytes|None, stderr_bytes)."""
    stdout = subprocess.PIPE if capture else subprocess.DEVNULL
    if os.access(GNU_TIME, os.X_OK):  # GNU time forks the tool from itself, a small process
        with tempfile.NamedTemporaryFile(prefix="retort-bench-time-", mode="r") as tf:
            full = [GNU_TIME, "-f", "%M", "-o", tf.name] + cmd
            t0 = time.perf_counter()
            p = subprocess.run(full, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE,
                               timeout=TIMEOUT)
            wall = time.perf_counter() - t0
            lines = [ln.strip() for ln in tf.read().splitlines() if ln.strip()]
        try:
            rss = int(lines[-1])
        except (IndexError, ValueError):
            raise SetupError(f"could not read peak RSS from {GNU_TIME}: {lines!r}")
        return wall, rss, p.returncode, p.stdout, p.stderr
    # No fallback through os.wait4: a child forked from this Python process carries Python's
    # RSS into ru_maxrss (Linux keeps the pre-exec high-water mark), inflating small numbers.
    raise SetupError(f"{GNU_TIME} (GNU time) is required for peak RSS: apt-get install time")


def _tail(b: bytes | None, n: int = 1500) -> str:
    if not b:
        return ""
    s = b.decode(errors="replace")
    return s if len(s) <= n else "..." + s[-n:]


def _rev_ids(items) -> set[str] | None:
    """Revision ids from a JSON list of strings or of objects with a revision/id field."""
    if isinstance(items, dict):
        items = list(items.keys()) if all(isinstance(v, dict) for v in items.values()) else None
    if not isinstance(items, list):
        return None
    ids = set()
    for it in items:
        if isinstance(it, str):
            ids.add(it)
        elif isinstance(it, dict):
            v = it.get("revision", it.get("id"))
            if not isinstance(v, str):
                return None
            ids.add(v)
        else:
            return None
    return ids


def check_retort_output(out: bytes, manifest: dict) -> list[str]:
    """Plausibility of retort's JSON (the schema is the CLI's; be tolerant). Returns problems."""
    problems = []
    try:
        doc = json.loads(out)
    except ValueError as e:
        return [f"output is not JSON ({e})"]
    if not isinstance(doc, dict):
        return ["output JSON is not an object"]
    revs = doc.get("revisions")
    if isinstance(revs, (list, dict)):
        if len(revs) != manifest["revisions"]:
            problems.append(f"{len(revs)} revisions in output, expected {manifest['revisions']}")
    else:
        print("  note: retort output has no 'revisions' list/object; revision count not checked")
    heads = _rev_ids(doc.get("heads"))
    if heads is not None:
        if heads != set(manifest["heads"]):
            problems.append(f"heads {sorted(heads)} != expected {manifest['heads']}")
    else:
        print("  note: retort output has no recognisable 'heads'; heads not checked")
    return problems


def bench_tool(name: str, cmd: list[str], cwd: Path, env: dict, runs: int, manifest: dict,
               verbose: bool) -> dict:
    # Warm-up (page cache, .pyc) and sanity check, untimed.
    wall, rss, rc, out, err = run_measured(cmd, cwd, env, capture=True)
    if rc != 0:
        raise SetupError(f"{name} failed (exit {rc}): {shlex.join(cmd)} in {cwd}\n{_tail(err)}")
    if name == "retort":
        problems = check_retort_output(out, manifest)
    else:
        lines = [ln for ln in out.decode(errors="replace").splitlines() if ln.strip()]
        problems = [] if len(lines) == manifest["revisions"] else [
            f"alembic history printed {len(lines)} lines, expected {manifest['revisions']}"]
    if problems:
        raise SetupError(f"{name} output implausible for {cwd}:\n  " + "\n  ".join(problems))
    walls, rsss = [], []
    for i in range(runs):
        wall, rss, rc, _, err = run_measured(cmd, cwd, env)
        if rc != 0:
            raise SetupError(f"{name} failed (exit {rc}) on timed run {i + 1}\n{_tail(err)}")
        walls.append(wall)
        rsss.append(rss)
        if verbose:
            print(f"  {name} run {i + 1}/{runs}: {wall:.4f} s, {rss / 1024:.1f} MB", flush=True)
    return {"runs": runs, "median_s": statistics.median(walls), "min_s": min(walls),
            "max_s": max(walls), "peak_kb": max(rsss), "walls": walls}


def alembic_cold(cmd: list[str], cwd: Path, env: dict) -> dict:
    """One alembic history run with no bytecode cache for the revision files (first run)."""
    pycache = cwd / "migrations" / "versions" / "__pycache__"
    shutil.rmtree(pycache, ignore_errors=True)
    wall, rss, rc, _, err = run_measured(cmd, cwd, env)
    if rc != 0:
        raise SetupError(f"alembic (cold) failed (exit {rc})\n{_tail(err)}")
    return {"runs": 1, "median_s": wall, "min_s": wall, "max_s": wall, "peak_kb": rss, "walls": [wall]}


def parse_sizes(values: list[str]) -> list[int]:
    sizes = []
    for v in values:
        for part in v.replace(",", " ").split():
            sizes.append(int(part))
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=str(REPO / "build/release/app/retort-cli"),
                    help="retort-cli binary (default: build/release/app/retort-cli)")
    ap.add_argument("--sizes", nargs="+", default=["400", "10000"],
                    help="revision counts, e.g. --sizes 400 10000 or --sizes 400,10000")
    ap.add_argument("--runs", type=int, default=None,
                    help="timed runs per tool and size (default: retort 5; alembic 5, or 3 above 1000 revisions)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    ap.add_argument("--data-dir", default=None,
                    help="cache of generated projects (default: build/bench-data, else /tmp)")
    ap.add_argument("--alembic", default=None,
                    help="alembic command (default: /usr/bin/alembic, else /usr/bin/python3 -m alembic)")
    ap.add_argument("--tools", default="retort,alembic", help="comma list of tools to run (retort,alembic)")
    ap.add_argument("--no-cold", action="store_true", help="skip the informational cold alembic run")
    ap.add_argument("--json", dest="json_out", default=None, help="also write results as JSON here")
    ap.add_argument("--no-fail", action="store_true", help="report target failures but exit 0")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every timed run")
    args = ap.parse_args(argv)

    try:
        sizes = parse_sizes(args.sizes)
    except (ValueError, argparse.ArgumentTypeError) as e:
        ap.error(f"--sizes: {e}")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not tools or any(t not in ("retort", "alembic") for t in tools):
        ap.error("--tools takes retort and/or alembic")
    if args.runs is not None and args.runs < 1:
        ap.error("--runs must be >= 1")

    cli = Path(args.cli).resolve()
    if "retort" in tools and not os.access(cli, os.X_OK):
        print(f"error: retort-cli not found or not executable: {cli} (build the release preset: "
              f"scripts/bench, or pass --cli)", file=sys.stderr)
        return 2
    alembic_cmd = shlex.split(args.alembic) if args.alembic else default_alembic()
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not os.access(GNU_TIME, os.X_OK):
        print(f"error: {GNU_TIME} (GNU time) is required for peak RSS: apt-get install time", file=sys.stderr)
        return 2

    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # alembic is measured with its .pyc cache warm
    env.setdefault("QT_QPA_PLATFORM", "offscreen")

    print(f"retort-cli: {cli if 'retort' in tools else '(skipped)'}")
    print(f"alembic:    {shlex.join(alembic_cmd) if 'alembic' in tools else '(skipped)'}")
    print(f"data:       {data_dir} (seed {args.seed})")
    print(f"host:       {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}", flush=True)

    results = []  # dicts: size, tool, stats
    try:
        for n in sizes:
            t0 = time.perf_counter()
            project, manifest = gen.ensure_project(data_dir, n, args.seed)
            print(f"\n[{n} revisions] {project} ({manifest['merges']} merges, "
                  f"{len(manifest['heads'])} heads, {manifest['total_bytes'] / 1e6:.1f} MB of revision files; "
                  f"ready in {time.perf_counter() - t0:.1f} s)", flush=True)
            if "retort" in tools:
                runs = args.runs or 5
                cmd = [str(cli), "graph", str(project), "--format", "json"]
                r = bench_tool("retort", cmd, project, env, runs, manifest, args.verbose)
                results.append({"size": n, "tool": "retort", "label": "retort-cli graph --format json", **r})
                print(f"  retort:  median {r['median_s']:.4f} s, peak {r['peak_kb'] / 1024:.1f} MB", flush=True)
            if "alembic" in tools:
                runs = args.runs or (5 if n <= 1000 else 3)
                cmd = alembic_cmd + ["history"]
                if not args.no_cold:
                    c = alembic_cold(cmd, project, env)
                    results.append({"size": n, "tool": "alembic-cold",
                                    "label": "alembic history (first run, no .pyc)", **c})
                    print(f"  alembic first run (no .pyc): {c['median_s']:.3f} s", flush=True)
                r = bench_tool("alembic", cmd, project, env, runs, manifest, args.verbose)
                results.append({"size": n, "tool": "alembic", "label": "alembic history", **r})
                print(f"  alembic: median {r['median_s']:.3f} s, peak {r['peak_kb'] / 1024:.1f} MB", flush=True)
    except SetupError as e:
        print(f"\nerror: {e}", file=sys.stderr)
        return 2
    except subprocess.TimeoutExpired as e:
        print(f"\nerror: timed out after {e.timeout} s: {e.cmd}", file=sys.stderr)
        return 2

    def find(size, tool):
        return next((r for r in results if r["size"] == size and r["tool"] == tool), None)

    # Table
    print()
    header = f"{'size':>6}  {'tool':<38} {'runs':>4} {'median s':>10} {'min s':>9} {'peak MB':>8} {'alembic/retort':>15}"
    print(header)
    print("-" * len(header))
    for r in results:
        ratio = ""
        ret = find(r["size"], "retort")
        if r["tool"] in ("alembic", "alembic-cold") and ret and ret["median_s"] > 0:
            r["ratio"] = r["median_s"] / ret["median_s"]
            ratio = f"{r['ratio']:.1f}x"
        print(f"{r['size']:>6}  {r['label']:<38} {r['runs']:>4} {r['median_s']:>10.4f} {r['min_s']:>9.4f} "
              f"{r['peak_kb'] / 1024:>8.1f} {ratio:>15}")

    # Targets
    print()
    failed = False
    ret, alb = find(TARGET_SIZE, "retort"), find(TARGET_SIZE, "alembic")
    targets = []

    def target(name, ok, detail):
        nonlocal failed
        if ok is None:
            line = f"SKIP  {name} ({detail})"
        else:
            line = f"{'PASS' if ok else 'FAIL'}  {name}: {detail}"
            failed |= not ok
        targets.append({"target": name, "ok": ok, "detail": detail})
        print(line)

    missing = f"{TARGET_SIZE} revisions not measured for both tools"
    if ret and alb:
        speed = alb["median_s"] / ret["median_s"] if ret["median_s"] > 0 else float("inf")
        target(f"retort >= {TARGET_SPEEDUP:.0f}x faster than alembic history at {TARGET_SIZE}",
               speed >= TARGET_SPEEDUP, f"{speed:.1f}x ({alb['median_s']:.3f} s / {ret['median_s']:.4f} s)")
    else:
        target(f"retort >= {TARGET_SPEEDUP:.0f}x faster than alembic history at {TARGET_SIZE}", None, missing)
    if ret:
        target(f"retort < {TARGET_SECONDS} s at {TARGET_SIZE}", ret["median_s"] < TARGET_SECONDS,
               f"median {ret['median_s']:.4f} s")
        target(f"retort < {TARGET_MB:.0f} MB at {TARGET_SIZE}", ret["peak_kb"] / 1024 < TARGET_MB,
               f"peak {ret['peak_kb'] / 1024:.1f} MB")
    else:
        target(f"retort < {TARGET_SECONDS} s at {TARGET_SIZE}", None, f"{TARGET_SIZE} revisions not measured")
        target(f"retort < {TARGET_MB:.0f} MB at {TARGET_SIZE}", None, f"{TARGET_SIZE} revisions not measured")

    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"seed": args.seed, "results": results, "targets": targets},
                                                  indent=2) + "\n")
    if failed and not args.no_fail:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
