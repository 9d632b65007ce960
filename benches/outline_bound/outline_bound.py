#!/usr/bin/env python3
"""The most points any sampler can put on an outline at a given gap, proved with an exact
integer program.

For each artwork formation of examples/eryueer (or those whose name holds FILTER), at N
points and a gap d = RATIO x L/N (L: the length of the lines outline mode samples), this
prints two numbers:

* `certified at most`: no placement of points on the lines, anywhere, has more points
  pairwise at least d apart. Candidates are put every h = d/SUB along each line (every
  segment split evenly, its ends included), so any point of a line is within h/2 of one.
  Moving every point of a placement at least d apart to its nearest candidate moves it at
  most h/2, so the candidates reached are pairwise at least d - h apart: an independent
  set of the graph joining candidates closer than d - h. The maximum independent set of
  that graph, solved exactly (HiGHS through scipy.optimize.milp, with clique constraints:
  runs of candidates along a line, and discs round close pairs, that lie pairwise closer
  than d - h), is therefore at least as large as any placement. HiGHS's dual bound is
  used, which is valid even if it stops early. When it is below N, no sampler can give N
  points a gap of RATIO x L/N: the target is out of reach.
* `found`: the largest placement found on the same candidates, pairwise at least d apart
  (checked again on the result), as a witness of what is reachable.

Corners are not kept here (skyshow's sampler keeps the sharpest ones, which can only
lower its count): the bound holds for any sampler, with or without corners.

numpy and scipy are benchmark tools only, never a dependency of skyshow: if they are
missing, a venv is made next to this script and the script re-runs itself in it.

Usage: benches/outline_bound/outline_bound.py [--filter title] [--n 600] [--ratio 0.9]
       [--sub 64] [--time-limit 900]
       benches/outline_bound/outline_bound.py --self-test   (known answers, seconds)
       benches/outline_bound/outline_bound.py --best --filter 春潮  (bisections on the gap:
       the smallest ratio proved out of reach, the largest with a witness; an hour or so)
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(HERE))
from scipy_env import ensure  # noqa: E402


def outlines(filt):
    """The lines of the example's artwork formations, from the quality bench."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "outlines.json")
        cmd = ["cargo", "bench", "-q", "-p", "skyshow-formations", "--bench", "quality", "--"]
        if filt:
            cmd.append(filt)
        cmd.append("--dump-outlines=" + path)
        subprocess.check_call(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as f:
            return json.load(f)


def length(lines):
    return sum(math.dist(a, b) for l in lines for a, b in zip(l[:-1], l[1:]))


def candidates(lines, h):
    """Points at most h apart along every line (each segment split evenly, ends kept)."""
    pts, line_of = [], []
    for li, l in enumerate(lines):
        for a, b in zip(l[:-1], l[1:]):
            k = max(1, math.ceil(math.dist(a, b) / h))
            for j in range(k):
                f = j / k
                pts.append((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f))
                line_of.append(li)
        if l:
            pts.append(tuple(l[-1]))
            line_of.append(li)
    return pts, line_of


def max_independent(pts, line_of, t, time_limit):
    """Exact maximum set of `pts` pairwise at least `t` apart (pairs closer than `t`
    conflict). Returns (best found, proved upper bound, chosen mask, seconds)."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix
    from scipy.spatial import cKDTree

    P = np.array(pts)
    n = len(P)
    tree = cKDTree(P)
    # Pairs closer than t (a hair less, so that exact ties never count as conflicts:
    # fewer conflicts can only raise the maximum, so the bound stays valid).
    pairs = tree.query_pairs(t * (1.0 - 1e-9), output_type="ndarray")
    cliques = []
    member = [set() for _ in range(n)]

    def add(cl):
        r = len(cliques)
        cliques.append(cl)
        for k in cl:
            member[k].add(r)

    # Runs along each line, from every candidate, while pairwise closer than t.
    by_line = {}
    for i, li in enumerate(line_of):
        by_line.setdefault(li, []).append(i)
    for ids in by_line.values():
        m = len(ids)
        for s in range(m):
            run = [ids[s]]
            for k in range(s + 1, m):
                j = ids[k]
                if np.max(np.linalg.norm(P[run] - P[j], axis=1)) >= t:
                    break
                run.append(j)
            if len(run) > 1:
                add(run)
    # Close pairs not in a common run: a disc of diameter t round their midpoint, grown
    # greedily to a clique; pairs still uncovered get their own constraint.
    seen = set()
    for i, j in pairs:
        if member[i] & member[j]:
            continue
        c = (P[i] + P[j]) / 2
        cl = [i, j]
        for k in sorted(tree.query_ball_point(c, t / 2), key=lambda k: np.linalg.norm(P[k] - c)):
            if k not in (i, j) and np.all(np.linalg.norm(P[cl] - P[k], axis=1) < t):
                cl.append(k)
        key = tuple(sorted(cl))
        if key not in seen:
            seen.add(key)
            add(cl)
    for i, j in pairs:
        if not (member[i] & member[j]):
            add([i, j])
    rows = [r for r, cl in enumerate(cliques) for _ in cl]
    cols = [k for cl in cliques for k in cl]
    A = coo_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(cliques), n)).tocsr()
    t0 = time.time()
    res = milp(
        -np.ones(n),
        constraints=LinearConstraint(A, -np.inf, 1),
        bounds=Bounds(0, 1),
        integrality=np.ones(n),
        options={"time_limit": time_limit, "disp": False},
    )
    secs = time.time() - t0
    found = int(round(-res.fun)) if res.x is not None else 0
    bound = getattr(res, "mip_dual_bound", None)
    bound = math.floor(-bound + 1e-6) if bound is not None else n
    mask = (res.x > 0.5) if res.x is not None else None
    return found, bound, mask, secs


def self_test():
    """Known answers: the bound must hold them, the witness must reach or approach them."""
    circle = [[50 * math.cos(2 * math.pi * k / 720), 50 * math.sin(2 * math.pi * k / 720)] for k in range(721)]
    cases = [
        # a straight line 100 m long, 10 m gap: 11 points
        ("line", [[[0, 0], [100, 0]]], 10.0, 11, 11),
        # a stroke 100 m long and 4 m wide, 5 m gap: staggered 3 m apart along it, 34
        # points; on candidates every 5/64 m, steps of 3.047 m, 33
        ("stroke", [[[0, 0], [100, 0]], [[0, 4], [100, 4]]], 5.0, 34, 33),
        # a circle of radius 50, chords of at least 2·50·sin(π/20): 20 points
        ("circle", [circle], 2 * 50 * math.sin(math.pi / 20) * 0.999, 20, 20),
    ]
    for name, lines, d, best, witness in cases:
        h = d / 64
        pts, lo = candidates(lines, h)
        _, ub, _, _ = max_independent(pts, lo, d - h, 60)
        lb, _, _, _ = max_independent(pts, lo, d, 60)
        assert lb <= best <= ub, f"{name}: found {lb}, best {best}, bound {ub}"
        assert lb >= witness, f"{name}: found {lb} < {witness}"
        assert ub <= best + 2, f"{name}: bound {ub} far above {best}"
        print(f"{name}: found {lb} ≤ best {best} ≤ bound {ub}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--filter", default="title", help="formation name substring ('' for all)")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--ratio", type=float, default=0.9, help="the gap, x L/N")
    ap.add_argument("--sub", type=int, default=64, help="candidates per gap for the bound")
    ap.add_argument("--time-limit", type=float, default=900.0, help="seconds per solve")
    ap.add_argument("--self-test", action="store_true", help="check known answers and stop")
    ap.add_argument("--best", action="store_true",
                    help="bisect the gap ratio between --lo and --ratio instead: the smallest "
                    "proved out of reach and the largest with a witness")
    ap.add_argument("--lo", type=float, default=0.8, help="with --best: the low end")
    ap.add_argument("--steps", type=int, default=5, help="with --best: bisection steps")
    args = ap.parse_args()
    ensure(VENV)
    if args.self_test:
        self_test()
        return
    if args.best:
        best(args)
        return
    print("| formation | N | gap / (L/N) | certified at most | found | reachable | bound s | found s |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for f in outlines(args.filter):
        ub, lb, ub_s, lb_s = solve_at(f["lines"], args.n, args.ratio, args.sub, args.time_limit)
        verdict = "no (proved)" if ub < args.n else ("yes (witness)" if lb >= args.n else "open")
        print(
            f"| {f['name']} | {args.n} | {args.ratio} | {ub} | {lb} | {verdict} | {ub_s:.0f} | {lb_s:.0f} |",
            flush=True,
        )


def solve_at(lines, n, ratio, sub, time_limit, bound=True, witness=True):
    """(certified at most, found, seconds for each) at the gap ratio x L/n."""
    import numpy as np
    from scipy.spatial import cKDTree

    d = ratio * length(lines) / n
    h = d / sub
    pts, line_of = candidates(lines, h)
    ub, ub_s, lb, lb_s = len(pts), 0.0, 0, 0.0
    if bound:
        _, ub, _, ub_s = max_independent(pts, line_of, d - h, time_limit)
    if witness:
        lb, _, mask, lb_s = max_independent(pts, line_of, d, time_limit)
        if mask is not None and mask.sum() > 1:
            q = np.array(pts)[mask]
            gap = cKDTree(q).query(q, k=2)[0][:, 1].min()
            assert gap >= d * (1 - 1e-9), f"witness gap {gap} < {d}"
    return ub, lb, ub_s, lb_s


def best(args):
    """Bisections on the gap ratio: the smallest ratio proved out of reach (no sampler
    reaches it or anything above), and the largest with a witness of N points."""
    print("| formation | N | proved out of reach from | not proved at | witness at | none found at | solves |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for f in outlines(args.filter):
        lines = f["lines"]
        # Out of reach: every ratio at or above `hi` (a placement at a larger gap has the
        # smaller one too); `lo` is not proved out of reach.
        lo, hi, solves = args.lo, args.ratio, 0
        ub, _, _, _ = solve_at(lines, args.n, hi, args.sub, args.time_limit, witness=False)
        solves += 1
        if ub >= args.n:
            hi = float("nan")
        else:
            for _ in range(args.steps):
                mid = 0.5 * (lo + hi)
                ub, _, _, _ = solve_at(lines, args.n, mid, args.sub, args.time_limit, witness=False)
                solves += 1
                if ub < args.n:
                    hi = mid
                else:
                    lo = mid
        # Witness: N points found at `wlo`; not found at `whi`.
        wlo, whi = args.lo, args.ratio
        for _ in range(args.steps):
            mid = 0.5 * (wlo + whi)
            _, lb, _, _ = solve_at(lines, args.n, mid, args.sub, args.time_limit, bound=False)
            solves += 1
            if lb >= args.n:
                wlo = mid
            else:
                whi = mid
        print(
            f"| {f['name']} | {args.n} | {hi:.4f} | {lo:.4f} | {wlo:.4f} | {whi:.4f} | {solves} |",
            flush=True,
        )

if __name__ == "__main__":
    main()
