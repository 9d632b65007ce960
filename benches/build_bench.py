#!/usr/bin/env python3
"""The build at scale and the planner near its bound, side by side in one run.

Prints, on this machine, in one run:

1. the 16,000-drone record show (examples/record): wall time and peak memory of
   `skyshow build` with every default export and with `--no-csv --no-vviz`, each run
   `--runs` times, against the goals (30 s and 3 GiB with every export, 15 s without the
   CSV and VVIZ), with the stages' times from report.json (`timing_ms`) so a stage that
   grows shows at once;
2. the 600-drone festival example (examples/eryueer): the same, against its goal (2.5 s),
   and its warm rebuilds (a second build into the same folder, reusing its cache: the
   designer's edit loop, goal 1 s): unchanged, and after an edit to one formation (the
   garland's colour, its size, its hold), each from a build of the unedited show;
3. every transition's duration over its lower bound, for both shows and for the planner's
   hard cases (show files in `benches/hard_cases/`, when there, and the point-set cases of
   `cargo run --release -p skyshow-plan --example hard_cases`), with the median and the
   worst per set;
4. the exact assignment against scipy's `linear_sum_assignment` at 600, 2,000, 5,000 and
   10,000 drones (`benches/compare/compare.py`, run from here; `--assign-kinds` picks the
   instance kinds, `--no-assign` skips it: scipy takes minutes on the show-like 10,000s).

With `--peer BIN` (another skyshow binary: an older release, main's build, a branch's)
every build also runs with the peer, interleaved run by run so both see the same machine
load, and each pair of rows is followed by the ratios ours / peer: wall time, CPU time,
peak memory and every stage of `timing_ms` (a stage the peer does not have shows `new`). The
transitions table then shows the peer's duration over bound next to ours.

Wall time, CPU time (user + system) and peak memory are measured per child process
(`os.wait4`: its own maximum resident set, nothing else's). Machine load changes absolute
times, wall far more than CPU: compare the rows of one run, and read the ratios. `--bin`
measures another binary as ours (a dev build: `--bin target/debug/skyshow`).

Usage:
  python3 benches/build_bench.py                  # everything (about half an hour with scipy)
  python3 benches/build_bench.py --no-assign      # builds and transitions only (a few minutes)
  python3 benches/build_bench.py --only example   # one part: record, example, transitions, assign
  python3 benches/build_bench.py --only example --peer /tmp/skyshow-old   # ours vs another binary
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


def timed_build(show, out, extra, binary=None):
    """Runs one build; returns (exit code, wall s, peak RSS bytes, report.json or None, CPU s:
    user + system, which a loaded machine changes far less than wall time)."""
    cmd = [binary or BIN, "build", show, "-o", out, "--no-progress"] + extra
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
    return code, wall, usage.ru_maxrss * 1024, report, usage.ru_utime + usage.ru_stime


def stages(report):
    """The stages' times of a report, seconds, in its order (without `total`)."""
    timing = (report or {}).get("timing_ms", {})
    items = timing.items() if isinstance(timing, dict) else timing
    return {k: v / 1000 for k, v in items if k != "total"}


def fmt_stages(report):
    return "  ".join(f"{k} {v:.2f}" for k, v in stages(report).items() if v >= 0.05)


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def fmt_stage_ratios(ours, peer):
    """Every stage's time ours / peer ("new" when the peer has no such stage)."""
    a, b = stages(ours), stages(peer)
    return "  ".join(f"{k} {ratio(v, b[k]) if k in b else 'new'}" for k, v in a.items() if v >= 0.05 or b.get(k, 0) >= 0.05)


def edited_copy(show, workdir, edit):
    """A copy of `show`'s folder in `workdir` (its artwork and music with it); returns the
    copy's show file path and the edited show file's text."""
    src = os.path.dirname(show)
    dst = os.path.join(workdir, "edit-" + os.path.basename(src))
    if not os.path.exists(dst):
        subprocess.run(["cp", "-r", src, dst], check=True)
    path = os.path.join(dst, os.path.basename(show))
    with open(show) as f:
        text = f.read()
    edited = edit(text)
    if edited == text:
        raise SystemExit(f"the edit left {show} unchanged")
    return path, text, edited


def formation_edit(name, key, old, new):
    """An edit of the show file's text: formation `name`'s `key = old` made `key = new`."""
    def edit(text):
        at = text.index(f'name = "{name}"')
        line = f"{key} = {old}\n"
        k = text.index(line, at)
        return text[:k] + f"{key} = {new}\n" + text[k + len(line):]
    return edit


def build_rows(name, show, variants, runs, workdir, peer=None):
    """Builds `show` in each (label, extra args, goal s, goal bytes[, warm]) variant `runs`
    times, and with the `peer` binary too (interleaved). A warm variant builds once into the
    folder first, untimed, and times the rebuild that reuses its cache; when `warm` is an
    edit (a function of the show file's text), the first build is of a copy of the show and
    the timed one of the copy edited. Returns ({label: our last report}, {label: peer's last
    report})."""
    reports, peer_reports = {}, {}
    bins = [("ours", None)] + ([("peer", peer)] if peer else [])
    print(f"\n{name}: {os.path.relpath(show, ROOT)}" + (f"   (peer: {peer})" if peer else ""))
    print(f"  {'variant':<26} {'run':>3} {'binary':>6} {'wall s':>8} {'CPU s':>8} {'goal s':>7} {'wall/goal':>9} {'peak GiB':>9} {'goal GiB':>8} {'exit':>4}  stages (s)")
    for label, extra, goal_s, goal_b, *warm in variants:
        ratios = []
        for r in range(runs):
            got = {}
            for who, binary in bins:
                out = os.path.join(workdir, f"{name}-{who}-{label.replace(' ', '_')}-{r}")
                target = show
                if warm and callable(warm[0]):
                    target, text, edited = edited_copy(show, workdir, warm[0])
                    with open(target, "w") as f:
                        f.write(text)
                    timed_build(target, out, extra, binary)
                    with open(target, "w") as f:
                        f.write(edited)
                elif warm and warm[0]:
                    timed_build(show, out, extra, binary)
                code, wall, peak, rep, cpu = timed_build(target, out, extra, binary)
                got[who] = (wall, peak, rep, cpu)
                (reports if who == "ours" else peer_reports)[label] = rep
                gs = f"{goal_s:.1f}" if goal_s else "-"
                gb = f"{goal_b / GIB:.1f}" if goal_b else "-"
                print(f"  {label:<26} {r + 1:>3} {who:>6} {wall:>8.2f} {cpu:>8.2f} {gs:>7} {ratio(wall, goal_s):>9} {peak / GIB:>9.2f} {gb:>8} {code:>4}  {fmt_stages(rep)}", flush=True)
                subprocess.run(["rm", "-rf", out], check=False)
            if peer:
                (w, m, a, c), (pw, pm, b, pc) = got["ours"], got["peer"]
                ratios.append((w / pw, m / pm, c / pc))
                print(f"  {label:<26} {r + 1:>3} {'ratio':>6} {ratio(w, pw):>8} {ratio(c, pc):>8} {'':>7} {'':>9} {ratio(m, pm):>9} {'':>8} {'':>4}  {fmt_stage_ratios(a, b)}", flush=True)
        if len(ratios) > 1:
            wr = statistics.median(x for x, _, _ in ratios)
            mr = statistics.median(y for _, y, _ in ratios)
            cr = statistics.median(z for _, _, z in ratios)
            print(f"  {label:<26} {'median ours/peer':>19}: wall {wr:.2f}, CPU {cr:.2f}, peak memory {mr:.2f}")
    return reports, peer_reports


def transition_rows(label, report):
    """(set, from, to, duration, bound, method) rows of a report."""
    rows = []
    for t in (report or {}).get("transitions", []):
        bound = t.get("lower_bound_s") or 0.0
        rows.append((label, t["from"], t["to"], t["duration_s"], bound, t.get("method", "")))
    return rows


def print_transitions(rows, peer_rows=()):
    """Our transitions' duration / bound; with `peer_rows`, the peer's beside them (matched
    by set and formations) and each set's median and worst for both."""
    print("\nTransitions: duration over the lower bound (the goal: median ≤ 1.05, none above 1.25 unless noted)")
    peer = {(s, a, b): d / lb for s, a, b, d, lb, _ in peer_rows if lb > 0}
    extra = f" {'peer':>6}" if peer else ""
    print(f"  {'set':<14} {'from → to':<52} {'method':<12} {'duration s':>10} {'bound s':>8} {'ratio':>6}{extra}")
    by_set, peer_by_set = {}, {}
    for s, a, b, d, lb, m in rows:
        r = d / lb if lb > 0 else float("nan")
        by_set.setdefault(s, []).append(r)
        name = f"{a} → {b}"
        p = peer.get((s, a, b))
        if p is not None:
            peer_by_set.setdefault(s, []).append(p)
        pcol = (f" {p:>6.3f}" if p is not None else f" {'-':>6}") if peer else ""
        print(f"  {s:<14} {name[:52]:<52} {m:<12} {d:>10.2f} {lb:>8.2f} {r:>6.3f}{pcol}")
    extra = f" {'peer median':>11} {'peer worst':>10}" if peer else ""
    print(f"\n  {'set':<14} {'transitions':>11} {'median':>7} {'worst':>7} {'> 1.25':>7}{extra}")
    for s, rs in by_set.items():
        ok = [r for r in rs if r == r]
        if not ok:
            continue
        ps = peer_by_set.get(s)
        pcol = (f" {statistics.median(ps):>11.3f} {max(ps):>10.3f}" if ps else f" {'-':>11} {'-':>10}") if peer else ""
        print(f"  {s:<14} {len(ok):>11} {statistics.median(ok):>7.3f} {max(ok):>7.3f} {sum(r > 1.25 for r in ok):>7}{pcol}")


def hard_case_reports(workdir):
    reports = []
    for show in sorted(glob.glob(os.path.join(HARD_CASES, "*.toml"))):
        out = os.path.join(workdir, "hard-" + os.path.basename(show)[:-5])
        code, wall, _, rep, _ = timed_build(show, out, ["--no-csv", "--no-vviz"])
        reports.append((os.path.basename(show)[:-5], rep))
        subprocess.run(["rm", "-rf", out], check=False)
    return reports


def planner_hard_case_rows():
    """The planner's own hard cases (crates/skyshow-plan/benches/common/hard_cases.rs: quarter
    and half turns in plane and in depth, sphere ↔ picture, exactly spaced grids, merges and
    splits), planned and validated by the `hard_cases` example; rows as `transition_rows`."""
    cmd = ["cargo", "run", "--release", "-q", "-p", "skyshow-plan", "--example", "hard_cases", "--", "--json"]
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, check=True)
    rows = []
    for line in p.stdout.decode().splitlines():
        c = json.loads(line)
        if "error" in c:
            print(f"  hard case {c['name']} REFUSED: {c['error']}")
            continue
        if c.get("violations"):
            print(f"  hard case {c['name']}: {c['violations']} violations")
        rows.append(("planner-hard", c["name"], f"{c['n']} drones", c["duration_s"], c["lower_bound_s"], c["method"]))
    return rows


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
    ap.add_argument("--no-build", action="store_true", help="use target/release/skyshow as it is (no `cargo build --release` first)")
    ap.add_argument("--bin", help="our skyshow binary (default target/release/skyshow, built first unless --no-build)")
    ap.add_argument("--peer", help="another skyshow binary to run every build with, interleaved, printing ours / peer ratios")
    ap.add_argument("--assign-timeout", type=float, default=1800.0, help="scipy time limit per instance, s (default %(default)s)")
    args = ap.parse_args()
    part = lambda p: args.only in (None, p)  # noqa: E731
    global BIN
    if args.bin:
        BIN = os.path.abspath(args.bin)
    elif not args.no_build:
        build_binary()
    rows, peer_rows = [], []
    peer = os.path.abspath(args.peer) if args.peer else None
    with tempfile.TemporaryDirectory(prefix="skyshow-bench-") as work:
        if part("record"):
            reps, peers = build_rows("record", RECORD, [
                ("every export", [], 30.0, 3 * GIB),
                ("--no-csv --no-vviz", ["--no-csv", "--no-vviz"], 15.0, None),
            ], args.runs, work, peer)
            rows += transition_rows("record", reps.get("--no-csv --no-vviz"))
            peer_rows += transition_rows("record", peers.get("--no-csv --no-vviz"))
        if part("example"):
            reps, peers = build_rows("example", EXAMPLE, [
                ("every export", [], 2.5, None),
                ("warm rebuild", [], 1.0, None, True),
                ("warm: one colour", [], 1.0, None, formation_edit("花环 garland", "color", '"gold"', '"white"')),
                ("warm: one size", [], 1.0, None, formation_edit("花环 garland", "radius_m", "60", "55")),
                ("warm: one hold", [], 1.0, None, formation_edit("花环 garland", "hold", "45", "40")),
            ], args.runs, work, peer)
            rows += transition_rows("example", reps.get("every export"))
            peer_rows += transition_rows("example", peers.get("every export"))
        if part("transitions"):
            if args.only == "transitions":
                for label, show in [("record", RECORD), ("example", EXAMPLE)]:
                    _, _, _, rep, _ = timed_build(show, os.path.join(work, label), ["--no-csv", "--no-vviz"])
                    rows += transition_rows(label, rep)
            hard = hard_case_reports(work)
            if not hard:
                print(f"\n(no hard cases: {os.path.relpath(HARD_CASES, ROOT)}/*.toml not found)")
            for name, rep in hard:
                rows += transition_rows("hard:" + name[:9], rep)
            rows += planner_hard_case_rows()
        if rows:
            print_transitions(rows, peer_rows)
    if part("assign") and not args.no_assign:
        run_assign(args.assign_kinds, args.assign_timeout)


if __name__ == "__main__":
    main()
