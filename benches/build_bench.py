#!/usr/bin/env python3
"""The build at scale and the planner near its bound, side by side in one run.

Prints, on this machine, in one run:

1. the 16,000-drone record show (examples/record): wall time and peak memory of
   `skyshow build` with every default export and with `--no-csv --no-vviz`, each run
   `--runs` times, against the goals (30 s and 3 GiB with every export, 15 s without the
   CSV and VVIZ), with the stages' times from report.json (`timing_ms`) so a stage that
   grows shows at once;
2. the 600-drone festival example (examples/eryueer): the same, against its goal (2.5 s);
3. every transition's duration over its lower bound, for both shows and for the planner's
   hard cases (show files in `benches/hard_cases/`, when there), with the median and the
   worst per set;
4. the exact assignment against scipy's `linear_sum_assignment` at 600, 2,000, 5,000 and
   10,000 drones (`benches/compare/compare.py`, run from here; `--assign-kinds` picks the
   instance kinds, `--no-assign` skips it: scipy takes minutes on the show-like 10,000s).

Wall time and peak memory are measured per child process (`os.wait4`: its own maximum
resident set, nothing else's). Machine load changes absolute times: compare the rows of
one run, and read the ratios.

Usage:
  python3 benches/build_bench.py                  # everything (about half an hour with scipy)
  python3 benches/build_bench.py --no-assign      # builds and transitions only (a few minutes)
  python3 benches/build_bench.py --only example   # one part: record, example, transitions, assign
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, "target", "release", "skyshow")
GIB = 1024 ** 3

RECORD = os.path.join(ROOT, "examples", "record", "show.toml")
EXAMPLE = os.path.join(ROOT, "examples", "eryueer", "show.toml")
HARD_CASES = os.path.join(HERE, "hard_cases")


def build_binary():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "skyshow-cli"], cwd=ROOT, check=True)


def timed_build(show, out, extra):
    """Runs one build; returns (exit code, wall s, peak RSS bytes, report.json or None)."""
    cmd = [BIN, "build", show, "-o", out, "--no-progress"] + extra
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"  build failed ({code}): {' '.join(cmd)}\n{err}", file=sys.stderr)
    report = None
    path = os.path.join(out, "report.json")
    if os.path.exists(path):
        with open(path) as f:
            report = json.load(f)
    # Linux reports ru_maxrss in KiB.
    return code, wall, usage.ru_maxrss * 1024, report


def fmt_stages(report):
    if not report:
        return ""
    timing = report.get("timing_ms", {})
    items = timing.items() if isinstance(timing, dict) else timing
    return "  ".join(f"{k} {v / 1000:.2f}" for k, v in items if k != "total" and v >= 50)


def build_rows(name, show, variants, runs, workdir):
    """Builds `show` in each (label, extra args, goal s, goal bytes) variant `runs` times."""
    reports = {}
    print(f"\n{name}: {os.path.relpath(show, ROOT)}")
    print(f"  {'variant':<26} {'run':>3} {'wall s':>8} {'goal s':>7} {'wall/goal':>9} {'peak GiB':>9} {'goal GiB':>8} {'exit':>4}  stages (s)")
    for label, extra, goal_s, goal_b in variants:
        for r in range(runs):
            out = os.path.join(workdir, f"{name}-{label.replace(' ', '_')}-{r}")
            code, wall, peak, rep = timed_build(show, out, extra)
            reports[label] = rep
            gs = f"{goal_s:.1f}" if goal_s else "-"
            ratio = f"{wall / goal_s:.2f}" if goal_s else "-"
            gb = f"{goal_b / GIB:.1f}" if goal_b else "-"
            print(f"  {label:<26} {r + 1:>3} {wall:>8.2f} {gs:>7} {ratio:>9} {peak / GIB:>9.2f} {gb:>8} {code:>4}  {fmt_stages(rep)}", flush=True)
            subprocess.run(["rm", "-rf", out], check=False)
    return reports


def transition_rows(label, report):
    """(set, from, to, duration, bound, method) rows of a report."""
    rows = []
    for t in (report or {}).get("transitions", []):
        bound = t.get("lower_bound_s") or 0.0
        rows.append((label, t["from"], t["to"], t["duration_s"], bound, t.get("method", "")))
    return rows


def print_transitions(rows):
    print("\nTransitions: duration over the lower bound (the goal: median ≤ 1.05, none above 1.25 unless noted)")
    print(f"  {'set':<14} {'from → to':<52} {'method':<12} {'duration s':>10} {'bound s':>8} {'ratio':>6}")
    by_set = {}
    for s, a, b, d, lb, m in rows:
        ratio = d / lb if lb > 0 else float("nan")
        by_set.setdefault(s, []).append(ratio)
        name = f"{a} → {b}"
        print(f"  {s:<14} {name[:52]:<52} {m:<12} {d:>10.2f} {lb:>8.2f} {ratio:>6.3f}")
    print(f"\n  {'set':<14} {'transitions':>11} {'median':>7} {'worst':>7} {'> 1.25':>7}")
    for s, rs in by_set.items():
        ok = [r for r in rs if r == r]
        if not ok:
            continue
        print(f"  {s:<14} {len(ok):>11} {statistics.median(ok):>7.3f} {max(ok):>7.3f} {sum(r > 1.25 for r in ok):>7}")


def hard_case_reports(workdir):
    reports = []
    for show in sorted(glob.glob(os.path.join(HARD_CASES, "*.toml"))):
        out = os.path.join(workdir, "hard-" + os.path.basename(show)[:-5])
        code, wall, _, rep = timed_build(show, out, ["--no-csv", "--no-vviz"])
        reports.append((os.path.basename(show)[:-5], rep))
        subprocess.run(["rm", "-rf", out], check=False)
    return reports


def run_assign(kinds, timeout):
    print("\nAssignment: skyshow's exact solver against scipy.optimize.linear_sum_assignment (benches/compare)")
    cmd = [sys.executable, os.path.join(HERE, "compare", "compare.py"), "--sizes", "600,2000,5000,10000", "--kinds", kinds, "--timeout", str(timeout)]
    subprocess.run(cmd, cwd=ROOT, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=2, help="runs of each build (default %(default)s)")
    ap.add_argument("--only", choices=["record", "example", "transitions", "assign"], help="one part only")
    ap.add_argument("--no-assign", action="store_true", help="skip the assignment against scipy")
    ap.add_argument("--assign-kinds", default="random,grid-sphere,sphere-wall,layers-wall,wall-ring", help="instance kinds for the assignment (default %(default)s)")
    ap.add_argument("--assign-timeout", type=float, default=1800.0, help="scipy time limit per instance, s (default %(default)s)")
    args = ap.parse_args()
    part = lambda p: args.only in (None, p)  # noqa: E731
    build_binary()
    rows = []
    with tempfile.TemporaryDirectory(prefix="skyshow-bench-") as work:
        if part("record"):
            reps = build_rows("record", RECORD, [
                ("every export", [], 30.0, 3 * GIB),
                ("--no-csv --no-vviz", ["--no-csv", "--no-vviz"], 15.0, None),
            ], args.runs, work)
            rows += transition_rows("record", reps.get("--no-csv --no-vviz"))
        if part("example"):
            reps = build_rows("example", EXAMPLE, [("every export", [], 2.5, None)], args.runs, work)
            rows += transition_rows("example", reps.get("every export"))
        if part("transitions"):
            if args.only == "transitions":
                for label, show in [("record", RECORD), ("example", EXAMPLE)]:
                    _, _, _, rep = timed_build(show, os.path.join(work, label), ["--no-csv", "--no-vviz"])
                    rows += transition_rows(label, rep)
            hard = hard_case_reports(work)
            if not hard:
                print(f"\n(no hard cases: {os.path.relpath(HARD_CASES, ROOT)}/*.toml not found)")
            for name, rep in hard:
                rows += transition_rows("hard:" + name[:9], rep)
        if rows:
            print_transitions(rows)
    if part("assign") and not args.no_assign:
        run_assign(args.assign_kinds, args.assign_timeout)


if __name__ == "__main__":
    main()
