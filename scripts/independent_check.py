#!/usr/bin/env python3
"""Independent reader of a .skyc show: shares no code with skyshow.

Evaluates every drone's Bezier trajectory at a fixed rate (20 Hz by default), measures the
minimum distance among drones above the minimum navigation altitude, horizontal and vertical
speeds and acceleration by finite differences, the altitude, and decodes every light program
with its own bytecode interpreter. Prints a JSON summary; with --report it also compares the
figures with a skyshow report.json and exits 1 if they disagree.

Usage: independent_check.py SHOW.skyc [--hz 20] [--report report.json]
Needs numpy and scipy (test tooling only, never a dependency of skyshow).
"""
import argparse
import base64
import json
import sys
import zipfile

import numpy as np
from scipy.spatial import cKDTree


def load(path):
    with zipfile.ZipFile(path) as z:
        spec = json.loads(z.read("show.json"))

        def deref(v):
            if isinstance(v, dict) and "$ref" in v and len(v) == 1:
                name = v["$ref"].split("#")[0]
                if name.startswith("./"):
                    name = name[2:]
                return deref(json.loads(z.read(name)))
            return v

        drones = deref(spec["swarm"])["drones"]
        out = []
        for d in drones:
            s = deref(d)["settings"]
            out.append({"traj": deref(s["trajectory"]), "lights": deref(s.get("lights"))})
        return spec, out


def segments(traj):
    """List of (t0, t1, [control points incl. ends]) with absolute times."""
    off = traj.get("takeoffTime", 0) or 0
    pts = traj["points"]
    segs = []
    prev_t, prev_p = pts[0][0] + off, pts[0][1]
    for p in pts[1:]:
        t = p[0] + off
        ctrl = p[2] if len(p) > 2 else []
        segs.append((prev_t, t, [prev_p] + list(ctrl) + [p[1]]))
        prev_t, prev_p = t, p[1]
    return pts[0][0] + off, pts[0][1], segs


def bezier(cps, u):
    cps = np.asarray(cps, dtype=float)
    n = len(cps) - 1
    from math import comb
    res = np.zeros((len(u), 3))
    for k, c in enumerate(cps):
        res += comb(n, k) * ((1 - u) ** (n - k) * u ** k)[:, None] * c
    return res


def positions(traj, times):
    t_first, p_first, segs = segments(traj)
    out = np.empty((len(times), 3))
    out[:] = p_first
    for t0, t1, cps in segs:
        m = (times >= t0) & (times <= t1)
        if m.any() and t1 > t0:
            out[m] = bezier(cps, (times[m] - t0) / (t1 - t0))
    if segs:
        out[times > segs[-1][1]] = segs[-1][2][-1]
    return out


def varint(b, i):
    v, shift = 0, 0
    while True:
        x = b[i]
        i += 1
        v |= (x & 0x7F) << shift
        shift += 7
        if not x & 0x80:
            return v, i


def decode_lights(data):
    """Return a list of (t0, t1, rgb0, rgb1) in seconds, and whether the program ended."""
    b = base64.b64decode(data)
    i, t, c, steps = 0, 0, (0, 0, 0), []
    loops = []  # [body start, iterations left]
    while i < len(b):
        op = b[i]
        i += 1
        if op == 0x00:
            return steps, True
        if op == 0x01:
            continue
        if op == 0x0C:
            loops.append([i + 1, b[i]]); i += 1
            continue
        if op == 0x0D:
            loops[-1][1] -= 1
            if loops[-1][1] > 0:
                i = loops[-1][0]
            else:
                loops.pop()
            continue
        if op == 0x02:
            d, i = varint(b, i)
            steps.append((t, t + d, c, c)); t += d
        elif op in (0x04, 0x08):
            rgb = tuple(b[i:i + 3]); i += 3
            d, i = varint(b, i)
            steps.append((t, t + d, c if op == 0x08 else rgb, rgb)); c = rgb; t += d
        elif op in (0x05, 0x09):
            g = b[i]; i += 1
            d, i = varint(b, i)
            rgb = (g, g, g)
            steps.append((t, t + d, c if op == 0x09 else rgb, rgb)); c = rgb; t += d
        elif op in (0x06, 0x07, 0x0A, 0x0B):
            d, i = varint(b, i)
            rgb = (0, 0, 0) if op in (0x06, 0x0A) else (255, 255, 255)
            steps.append((t, t + d, c if op in (0x0A, 0x0B) else rgb, rgb)); c = rgb; t += d
        else:
            raise ValueError(f"opcode {op:#x} not expected in a skyshow program")
    return steps, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skyc")
    ap.add_argument("--hz", type=float, default=20.0)
    ap.add_argument("--report")
    a = ap.parse_args()
    spec, drones = load(a.skyc)
    val = spec.get("settings", {}).get("validation", {})
    min_nav = val.get("minNavAltitude", 2.5)
    end = max(segments(d["traj"])[2][-1][1] for d in drones)
    dt = 1.0 / a.hz
    times = np.arange(0.0, end + dt, dt)
    pos = np.stack([positions(d["traj"], times) for d in drones], axis=1)  # T x N x 3
    vel = np.diff(pos, axis=0) / dt
    acc = np.diff(vel, axis=0) / dt
    vxy = np.linalg.norm(vel[:, :, :2], axis=2)
    best = (np.inf, None, None)
    for k in range(len(times)):
        up = np.nonzero(pos[k, :, 2] >= min_nav)[0]
        if len(up) < 2:
            continue
        dist, idx = cKDTree(pos[k, up]).query(pos[k, up], k=2)
        j = int(np.argmin(dist[:, 1]))
        if dist[j, 1] < best[0]:
            best = (float(dist[j, 1]), float(times[k]), sorted([int(up[j]), int(up[idx[j, 1]])]))
    lights_ok, light_bytes, light_end = True, 0, 0.0
    for d in drones:
        try:
            steps, ended = decode_lights(d["lights"]["data"])
            lights_ok &= ended
            light_bytes = max(light_bytes, len(base64.b64decode(d["lights"]["data"])))
            light_end = max(light_end, steps[-1][1] * 0.02 if steps else 0.0)
        except Exception:
            lights_ok = False
    summary = {
        "drones": len(drones),
        "duration_s": float(end),
        "min_distance_m": best[0],
        "min_distance_at_s": best[1],
        "min_distance_drones": best[2],
        "max_speed_xy_m_s": float(vxy.max()),
        "max_speed_up_m_s": float(max(0.0, vel[:, :, 2].max())),
        "max_speed_down_m_s": float(max(0.0, -vel[:, :, 2].min())),
        "max_accel_m_s2": float(np.linalg.norm(acc, axis=2).max()),
        "max_altitude_m": float(pos[:, :, 2].max()),
        "lights_valid": bool(lights_ok),
        "max_light_program_bytes": light_bytes,
        "lights_end_s": light_end,
    }
    print(json.dumps(summary, indent=2))
    if a.report:
        with open(a.report) as f:
            m = json.load(f)["measured"]
        bad = []
        if abs(m["min_distance_m"] - summary["min_distance_m"]) > 0.05:
            bad.append("min_distance_m")
        for k in ("max_speed_xy_m_s", "max_speed_up_m_s", "max_speed_down_m_s"):
            if abs(m[k] - summary[k]) > 0.02 * max(m[k], 1e-9) + 1e-6:
                bad.append(k)
        if bad:
            print("disagree: " + ", ".join(bad), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
