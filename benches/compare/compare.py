#!/usr/bin/env python3
"""Side-by-side comparison of skyshow's exact assignment with scipy.

Generates the instances of algorithms.md §8 (uniform random clouds; 3 m takeoff grid ->
Fibonacci sphere; Fibonacci sphere -> vertical 3 m wall) and two degenerate ones (a 2 m
takeoff grid lifted in four layers -> the wall; the wall -> a horizontal annulus), writes them as raw f64 files,
runs scipy.optimize.linear_sum_assignment on each (one fresh process per instance, only
the solver call timed, as in the reference measurements) and skyshow's solver (through
`cargo bench -p skyshow-plan --bench assign_compare`, wall time including cost
evaluation) on the same files in the same run, and prints a table.

numpy and scipy are benchmark peers only: if they are missing, a venv is created next to
this script (benches/compare/.venv) and the script re-runs itself inside it.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(HERE))
from scipy_env import ensure  # noqa: E402


def make_instance(kind, n, seed):
    import numpy as np

    if kind == "random":
        rng = np.random.default_rng(seed)
        a = rng.random((n, 3)) * [100.0, 100.0, 50.0]
        b = rng.random((n, 3)) * [100.0, 100.0, 50.0]
        return a, b
    side = math.ceil(math.sqrt(n))
    k = np.arange(n)
    grid = np.stack([(k % side - (side - 1) / 2) * 3.0, (k // side - (side - 1) / 2) * 3.0, np.zeros(n)], axis=1)
    r = math.sqrt(n * 9.0 / (4.0 * math.pi * 0.9))
    centre = np.array([0.0, 0.0, r + 20.0])
    z = 1.0 - 2.0 * (k + 0.5) / n
    rho = np.sqrt(1.0 - z * z)
    t = math.pi * (3.0 - math.sqrt(5.0)) * k
    sphere = centre + r * np.stack([rho * np.cos(t), rho * np.sin(t), z], axis=1)
    wall = centre + np.stack([(k % side - (side - 1) / 2) * 3.0, np.zeros(n), (k // side - (side - 1) / 2) * 3.0], axis=1)
    if kind == "grid-sphere":
        return grid, sphere
    if kind == "layers-wall":
        # A 2 m takeoff grid lifted in four interleaved layers 3 m apart (every other row
        # and column per layer) into the wall: columns of drones project onto one point.
        layer = (k // side % 2) * 2 + k % side % 2
        layers = np.stack([grid[:, 0] * 2.0 / 3.0, grid[:, 1] * 2.0 / 3.0, 10.0 + (3 - layer) * 3.0], axis=1)
        return layers, wall
    if kind == "wall-ring":
        # The wall into a horizontal sunflower annulus at 3 m (perpendicular planes).
        r_in = 20.0
        r_out = math.sqrt(r_in * r_in + n * 9.0 / (0.9 * math.pi))
        rho = np.sqrt(r_in * r_in + (r_out * r_out - r_in * r_in) * (k + 0.5) / n)
        ring = np.stack([rho * np.cos(t), rho * np.sin(t), np.full(n, 60.0)], axis=1)
        return wall, ring
    if kind == "sphere-wall":
        return sphere, wall
    raise ValueError(kind)


def write_instance(path, a, b):
    import numpy as np

    np.concatenate([a, b]).astype("<f8").tofile(path)


def scipy_child(path, out):
    """Run in a fresh process: time linear_sum_assignment only."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    from scipy.spatial.distance import cdist

    pts = np.fromfile(path, dtype="<f8").reshape(-1, 3)
    n = len(pts) // 2
    c = cdist(pts[:n], pts[n:], "sqeuclidean")
    t = time.perf_counter()
    rows, cols = linear_sum_assignment(c)
    dt = time.perf_counter() - t
    cost = float(((pts[:n][rows] - pts[n:][cols]) ** 2).sum())
    with open(out, "w") as f:
        json.dump({"seconds": dt, "cost": cost}, f)


def run_scipy(path, timeout):
    out = path + ".scipy.json"
    try:
        subprocess.run([sys.executable, __file__, "--scipy-child", path, out], check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    with open(out) as f:
        return json.load(f)


def run_ours(paths, repeat):
    cmd = ["cargo", "bench", "-q", "-p", "skyshow-plan", "--bench", "assign_compare", "--", "--repeat", str(repeat)] + paths
    res = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    out = {}
    for line in res.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            d = json.loads(line)
            out[d["file"]] = d
    return out


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--scipy-child":
        scipy_child(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="600,2000,5000,10000", help="comma-separated n (default %(default)s)")
    ap.add_argument("--kinds", default="random,grid-sphere,sphere-wall,layers-wall,wall-ring", help="instance kinds (default %(default)s)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random clouds (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="scipy time limit per instance, s (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=3, help="skyshow runs per instance, median reported (default %(default)s)")
    ap.add_argument("--no-scipy", action="store_true", help="only run skyshow")
    ap.add_argument("--dir", default=os.path.join(HERE, "out"), help="instance directory (default %(default)s)")
    args = ap.parse_args()
    ensure(VENV)
    os.makedirs(args.dir, exist_ok=True)
    cases = []
    for n in [int(s) for s in args.sizes.split(",")]:
        for kind in args.kinds.split(","):
            path = os.path.join(args.dir, f"{kind}-{n}-s{args.seed}.f64")
            a, b = make_instance(kind, n, args.seed)
            write_instance(path, a, b)
            cases.append((n, kind, path))
    print(f"{'n':>6}  {'instance':<12} {'scipy s':>9} {'skyshow s':>10} {'scipy/ours':>10} {'cost rel diff':>13}", flush=True)
    for n, kind, path in cases:
        # Interleaved per instance, so both solvers see the same machine load.
        o = run_ours([path], args.repeat)[path]
        s = None if args.no_scipy else run_scipy(path, args.timeout)
        if s is None:
            sc, ratio, rel = "-" if args.no_scipy else f">{args.timeout:.0f}", "-", "-"
        else:
            sc = f"{s['seconds']:.3f}"
            ratio = f"{s['seconds'] / o['seconds']:.1f}x"
            rel = f"{abs(o['cost'] - s['cost']) / max(abs(s['cost']), 1e-300):.1e}"
        print(f"{n:>6}  {kind:<12} {sc:>9} {o['seconds']:>10.3f} {ratio:>10} {rel:>13}", flush=True)

if __name__ == "__main__":
    main()
