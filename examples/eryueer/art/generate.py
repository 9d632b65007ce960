#!/usr/bin/env python3
"""Draws the festival show's artwork: four landmark silhouettes (SVG) and the dragon (OBJ).

Everything here is original, drawn for the project from simple geometry, with the Python
standard library only. Run it from anywhere; it rewrites the files beside it:

    python3 examples/eryueer/art/generate.py

- jinci_hall.svg     晋祠圣母殿: a double-eaved hip-roof hall on its platform, with its colonnade
- mengshan_buddha.svg 蒙山大佛: a great seated Buddha in a niche of the hillside
- gucheng_wall.svg   太原古县城: the city wall with its battlements, gate and gate tower
- jinyang_bridge.svg 晋阳桥: a many-arched bridge over the river
- dragon.obj         龙抬头: a coiled dragon raising its head (vertex colours)
- jinci_hall.obj     晋祠圣母殿 in depth (platform, two colonnades, double hip roof), for the formation that turns to show it
- peony_*.svg        牡丹: a peony in three stages (bud, half open, in bloom), the frames
                     of the morph sequence in the show
- dragon.glb         the same dragon rigged (a chain of bones along its spine) with the
                     animation "RaiseHead": the body undulates and the head rises, in bars
- wall_lanterns.png  an animated PNG (8 frames, one per beat at 96 BPM): lantern light
                     travelling along the old town wall, mapped onto it in the show

The SVGs are sized for drones: every part and every gap is several metres wide once the
picture is fitted to its width in the show (see show.toml), so ~600 drones keep more
than 3.3 m apart.
"""

import json
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

GOLD = "#f2b31f"
AMBER = "#e08a1e"
RED = "#d63a2b"
WARM = "#f3e6c8"
JADE = "#33c48f"
SKY = "#58b7ff"
WHITE = "#ffffff"


def pts(points):
    return " ".join(f"{x:.2f},{y:.2f}" for x, y in points)


def svg(w, h, body, title):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">\n'
        f"  <title>{title}</title>\n{body}</svg>\n"
    )


def eave(cx, y_bottom, half_bottom, half_top, height, lift, tip_out):
    """A roof eave seen from the front: a trapezoid whose lower corners sweep up and out."""
    left = [
        (cx - half_top, y_bottom - height),
        (cx - half_bottom + 4, y_bottom - 1.5),
        (cx - half_bottom - tip_out * 0.5, y_bottom - lift * 0.45),
        (cx - half_bottom - tip_out, y_bottom - lift),
        (cx - half_bottom - tip_out * 0.6, y_bottom + 1.0),
        (cx - half_bottom + 6, y_bottom + 2.0),
    ]
    right = [(2 * cx - x, y) for x, y in reversed(left)]
    return left + right


def jinci():
    """晋祠圣母殿: platform, eight columns, lower eave, upper storey, upper hip roof, ridge."""
    w, h = 200, 132
    cx = 100
    parts = []
    # Stone platform with steps in the middle.
    parts.append(f'  <polygon fill="{WARM}" points="{pts([(8,120),(192,120),(192,130),(8,130)])}"/>')
    parts.append(f'  <polygon fill="{WARM}" points="{pts([(86,114),(114,114),(118,120),(82,120)])}"/>')
    # Colonnade: eight columns with gaps between them.
    n, x0, x1, cw = 8, 24, 176, 5.0
    for i in range(n):
        x = x0 + (x1 - x0) * i / (n - 1)
        parts.append(f'  <rect fill="{RED}" x="{x - cw/2:.2f}" y="78" width="{cw}" height="36"/>')
    # Lower eave (the outer, wider roof of the double eaves).
    parts.append(f'  <polygon fill="{AMBER}" points="{pts(eave(cx, 78, 92, 64, 16, 12, 8))}"/>')
    # Upper storey wall.
    parts.append(f'  <polygon fill="{RED}" points="{pts([(62,62),(138,62),(138,50),(62,50)])}"/>')
    # Upper eave.
    parts.append(f'  <polygon fill="{GOLD}" points="{pts(eave(cx, 50, 70, 44, 14, 10, 7))}"/>')
    # Hip roof top and the main ridge with its two end ornaments.
    parts.append(f'  <polygon fill="{GOLD}" points="{pts([(56,36),(144,36),(128,24),(72,24)])}"/>')
    parts.append(f'  <polygon fill="{GOLD}" points="{pts([(70,24),(130,24),(130,19),(70,19)])}"/>')
    for side in (-1, 1):
        bx = cx + side * 30
        horn = [(bx, 19), (bx + side * 1, 9), (bx - side * 5, 13), (bx - side * 5, 19)]
        parts.append(f'  <polygon fill="{GOLD}" points="{pts(horn)}"/>')
    return svg(w, h, "\n".join(parts) + "\n", "晋祠圣母殿 — Hall of the Holy Mother, Jinci")


def mengshan():
    """蒙山大佛: the seated Buddha (filled) in its niche, hills around it (lines)."""
    w, h = 200, 130
    cx = 100
    parts = []
    # Hillside ridges (strokes: traced in outline) and the niche around the figure.
    ridge_l = [(2, 124), (20, 98), (34, 84), (46, 60), (58, 40), (70, 22), (84, 10)]
    ridge_r = [(2 * cx - x, y) for x, y in ridge_l]
    parts.append(f'  <polyline fill="none" stroke="{JADE}" stroke-width="1.5" points="{pts(ridge_l)}"/>')
    parts.append(f'  <polyline fill="none" stroke="{JADE}" stroke-width="1.5" points="{pts(ridge_r)}"/>')
    parts.append(f'  <polyline fill="none" stroke="{JADE}" stroke-width="1.5" points="{pts([(84,10),(100,6),(116,10)])}"/>')
    niche = [(cx + 52 * math.cos(a), 124 - 108 * math.sin(a)) for a in [math.pi * k / 24 for k in range(25)]]
    parts.append(f'  <polyline fill="none" stroke="{JADE}" stroke-width="1.5" points="{pts(niche)}"/>')
    # The figure: head with its topknot, neck, shoulders and robe, folded legs, lotus base.
    parts.append(f'  <ellipse fill="{GOLD}" cx="{cx}" cy="37" rx="10.5" ry="12.5"/>')
    parts.append(f'  <circle fill="{GOLD}" cx="{cx}" cy="22.5" r="5"/>')
    body = [
        (cx - 5, 48), (cx - 16, 53), (cx - 27, 58), (cx - 31, 70), (cx - 33, 86), (cx - 34, 96),
        (cx + 34, 96), (cx + 33, 86), (cx + 31, 70), (cx + 27, 58), (cx + 16, 53), (cx + 5, 48),
    ]
    parts.append(f'  <polygon fill="{AMBER}" points="{pts(body)}"/>')
    legs = [(cx - 46, 98), (cx - 42, 92), (cx + 42, 92), (cx + 46, 98), (cx + 44, 108), (cx - 44, 108)]
    parts.append(f'  <polygon fill="{GOLD}" points="{pts(legs)}"/>')
    base = [(cx - 50, 112), (cx + 50, 112), (cx + 44, 121), (cx - 44, 121)]
    parts.append(f'  <polygon fill="{WARM}" points="{pts(base)}"/>')
    return svg(w, h, "\n".join(parts) + "\n", "蒙山大佛 — the Great Buddha of Mengshan")


def gucheng():
    """太原古县城: the wall with battlements and an arched gate; the two-storey gate tower."""
    w, h = 200, 118
    cx = 100
    parts = []
    # Wall with merlons along its top and an arched gate (a hole: even-odd rule).
    top = 80
    outline = [(0, 116), (0, top)]
    x = 0.0
    merlon, gap, tall = 9.0, 9.0, 9.0
    while x + merlon <= 64:
        outline += [(x, top - tall), (x + merlon, top - tall), (x + merlon, top)]
        outline += [(x + merlon + gap, top)]
        x += merlon + gap
    outline += [(66, top), (66, 64), (134, 64), (134, top)]
    x = 200 - 0.0
    right = []
    while x - merlon >= 136:
        right += [(x, top), (x, top - tall), (x - merlon, top - tall), (x - merlon, top)]
        x -= merlon + gap
    outline += list(reversed(right)) + [(200, top), (200, 116)]
    arch = [(cx + 12, 116), (cx + 12, 100)]
    arch += [(cx + 12 * math.cos(a), 100 - 12 * math.sin(a)) for a in [math.pi * k / 12 for k in range(1, 12)]]
    arch += [(cx - 12, 100), (cx - 12, 116)]
    d = "M " + " L ".join(f"{x:.2f} {y:.2f}" for x, y in outline) + " Z M " + " L ".join(
        f"{x:.2f} {y:.2f}" for x, y in arch) + " Z"
    parts.append(f'  <path fill="#b9a58a" fill-rule="evenodd" d="{d}"/>')
    # Gate tower: lower storey, eave, upper storey, hip roof, ridge.
    parts.append(f'  <rect fill="{RED}" x="72" y="50" width="56" height="14"/>')
    parts.append(f'  <polygon fill="{GOLD}" points="{pts(eave(cx, 50, 40, 28, 10, 8, 6))}"/>')
    parts.append(f'  <rect fill="{RED}" x="80" y="30" width="40" height="10"/>')
    parts.append(f'  <polygon fill="{GOLD}" points="{pts(eave(cx, 30, 30, 16, 12, 8, 5))}"/>')
    parts.append(f'  <polygon fill="{GOLD}" points="{pts([(82,18),(118,18),(118,14),(82,14)])}"/>')
    return svg(w, h, "\n".join(parts) + "\n", "太原古县城 — the old county town's wall and gate tower")


def jinyang():
    """晋阳桥: deck and parapet, five arches on their piers, the river's waves (all lines)."""
    w, h = 200, 110
    parts = []
    deck = [(x, 40 + 0.0016 * (x - 100) ** 2) for x in range(0, 201, 10)]
    under = [(x, y + 7) for x, y in deck]
    parts.append(f'  <polyline fill="none" stroke="{GOLD}" stroke-width="1.5" points="{pts(deck)}"/>')
    parts.append(f'  <polyline fill="none" stroke="{GOLD}" stroke-width="1.5" points="{pts(under)}"/>')
    # Parapet posts.
    for x in range(10, 200, 20):
        y = 40 + 0.0016 * (x - 100) ** 2
        parts.append(f'  <polyline fill="none" stroke="{GOLD}" stroke-width="1.5" points="{pts([(x, y), (x, y - 8)])}"/>')
    parts.append(f'  <polyline fill="none" stroke="{GOLD}" stroke-width="1.5" points="{pts([(x, y - 8) for x, y in deck])}"/>')
    # Arches between piers, springing from the water line.
    water = 78
    spans = [(6, 40), (44, 78), (82, 118), (122, 156), (160, 194)]
    for a, b in spans:
        c, r = (a + b) / 2, (b - a) / 2
        top = 40 + 0.0016 * (c - 100) ** 2 + 7
        rise = min(r, water - top - 3)
        arc = [(c - r * math.cos(t), water - rise * math.sin(t)) for t in [math.pi * k / 16 for k in range(17)]]
        parts.append(f'  <polyline fill="none" stroke="{WHITE}" stroke-width="1.5" points="{pts(arc)}"/>')
    # Waves of the river.
    for k, y0 in enumerate((88, 98)):
        wave = [(x, y0 + 2.5 * math.sin((x + 12 * k) / 8.0)) for x in range(4, 197, 3)]
        parts.append(f'  <polyline fill="none" stroke="{SKY}" stroke-width="1.5" points="{pts(wave)}"/>')
    return svg(w, h, "\n".join(parts) + "\n", "晋阳桥 — the Jinyang bridge over the Fen river")


def dragon():
    """A coiled dragon raising its head: a tube along a rising spiral, a head, two horns.

    Axes as in OBJ: x right, y up, z towards the viewer. Vertex colours: gold scales
    shading to red along the body, a pale belly, a red head with white horns.
    """
    verts, cols, faces = [], [], []
    along = []  # each vertex's place along the body (0 tail … 1 neck), None on the head

    def spine(t):
        turns = 1.6
        a = 2 * math.pi * turns * t
        rad = 34 * (1 - 0.45 * t)
        return (rad * math.sin(a), -40 + 72 * t ** 1.15, rad * math.cos(a))

    def radius(t):
        # A tail that thickens quickly, the body, and a neck a little slimmer than the body.
        return 2.6 + 4.6 * min(1.0, t / 0.3) ** 0.7 * (1.0 - 0.25 * t)

    def sub(a, b):
        return (a[0] - b[0], a[1] - b[1], a[2] - b[2])

    def add(a, b):
        return (a[0] + b[0], a[1] + b[1], a[2] + b[2])

    def mul(a, k):
        return (a[0] * k, a[1] * k, a[2] * k)

    def cross(a, b):
        return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])

    def norm(a):
        n = math.sqrt(a[0] ** 2 + a[1] ** 2 + a[2] ** 2)
        return (a[0] / n, a[1] / n, a[2] / n)

    def mix(c1, c2, f):
        return tuple(c1[i] + (c2[i] - c1[i]) * f for i in range(3))

    gold, red, pale, white = (0.95, 0.70, 0.12), (0.85, 0.16, 0.10), (1.0, 0.90, 0.60), (1.0, 1.0, 1.0)
    stations, ring = 90, 14
    # Parallel-transport frames along the spine.
    prev_n = None
    frames = []
    for i in range(stations + 1):
        t = i / stations
        p = spine(t)
        q = spine(min(1.0, t + 1e-3)) if t < 1 else p
        r0 = spine(max(0.0, t - 1e-3))
        tan = norm(sub(q, r0))
        if prev_n is None:
            n = norm(cross(tan, (0.0, 1.0, 0.0)))
        else:
            n = norm(sub(prev_n, mul(tan, sum(prev_n[k] * tan[k] for k in range(3)))))
        b = cross(tan, n)
        prev_n = n
        frames.append((p, tan, n, b, t))
    for p, tan, n, b, t in frames:
        r = radius(t)
        body = mix(gold, red, t ** 1.5)
        for j in range(ring):
            a = 2 * math.pi * j / ring
            d = add(mul(n, math.cos(a)), mul(b, math.sin(a)))
            verts.append(add(p, mul(d, r)))
            along.append(t)
            belly = max(0.0, -d[1])
            cols.append(mix(body, pale, belly * 0.8))
    for i in range(stations):
        for j in range(ring):
            a = i * ring + j
            b_ = i * ring + (j + 1) % ring
            c = (i + 1) * ring + (j + 1) % ring
            d = (i + 1) * ring + j
            faces.append((a, b_, c))
            faces.append((a, c, d))
    # Close the tail with a fan.
    tail = len(verts)
    verts.append(frames[0][0])
    along.append(0.0)
    cols.append(gold)
    for j in range(ring):
        faces.append((tail, (j + 1) % ring, j))

    # The head: an ellipsoid stretched along the raised neck, snout forward and up.
    p_end, tan_end = frames[-1][0], frames[-1][1]
    look = norm(add(mul(tan_end, 0.5), (0.0, 0.6, 0.55)))
    side = norm(cross(look, (0.0, 1.0, 0.0)))
    up = cross(side, look)
    centre = add(p_end, mul(look, 9.0))

    def ellipsoid(c, axes, frame, colour, lat=10, lon=16):
        base = len(verts)
        ex, ey, ez = frame
        for i in range(lat + 1):
            th = math.pi * i / lat
            for j in range(lon):
                ph = 2 * math.pi * j / lon
                u = math.cos(th)
                v = math.sin(th) * math.cos(ph)
                w = math.sin(th) * math.sin(ph)
                pos = add(c, add(mul(ex, u * axes[0]), add(mul(ey, v * axes[1]), mul(ez, w * axes[2]))))
                verts.append(pos)
                along.append(None)
                cols.append(colour)
        for i in range(lat):
            for j in range(lon):
                a = base + i * lon + j
                b_ = base + i * lon + (j + 1) % lon
                c_ = base + (i + 1) * lon + (j + 1) % lon
                d = base + (i + 1) * lon + j
                faces.append((a, b_, c_))
                faces.append((a, c_, d))

    ellipsoid(centre, (14.0, 8.5, 9.5), (look, up, side), red)
    # Horns: ellipsoids sweeping back and up from the top of the head, rooted on its
    # surface (not through it), thick enough for drones on both sides.
    for s in (-1, 1):
        root = add(centre, add(mul(up, 8.0), mul(side, 4.0 * s)))
        dirn = norm(add(mul(look, -0.8), add(mul(up, 0.9), mul(side, 0.45 * s))))
        hs = norm(cross(dirn, up))
        hu = cross(hs, dirn)
        ellipsoid(add(root, mul(dirn, 8.5)), (8.0, 2.8, 2.8), (dirn, hu, hs), white, lat=8, lon=10)

    with open(os.path.join(HERE, "dragon.obj"), "w", encoding="utf-8") as f:
        f.write("# 龙抬头: a coiled dragon raising its head. Generated by generate.py (original artwork).\n")
        f.write("# Vertex colours follow each position (v x y z r g b); y is up, z towards the viewer.\n")
        for (x, y, z), (r, g, b) in zip(verts, cols):
            f.write(f"v {x:.4f} {y:.4f} {z:.4f} {r:.3f} {g:.3f} {b:.3f}\n")
        for a, b, c in faces:
            f.write(f"f {a + 1} {b + 1} {c + 1}\n")
    dragon_rig(verts, cols, faces, along, spine, side)


# The rigged dragon's clip: 120 BPM (the music where the dragon flies), 2 s a bar.
BAR_S = 2.0
RIG_BONES = 10  # bones along the body, tail to neck; one more carries the head


def dragon_rig(verts, cols, faces, along, spine, side):
    """dragon.glb: the same dragon skinned to a chain of bones along its spine, with one
    animation, "RaiseHead", 24 bars long: the body undulates (a wave running from the tail
    to the head, one bar in four, each joint turning a little about the vertical) and over
    bars 3-8 the neck lifts the head by 18 degrees, which it keeps. glTF 2.0, y up."""
    k = RIG_BONES
    joints = [spine(j / k) for j in range(k)] + [spine(1.0)]
    n_bones = len(joints)

    def smooth(x):
        x = min(1.0, max(0.0, x))
        return x * x * (3 - 2 * x)

    def smoother(x):
        # Quintic ease: no speed and no acceleration at either end, so the drones riding
        # the clip start and stop without a jolt (smoothstep starts with a jump of
        # acceleration that, sampled into the drones' tracks, asked 8.4 m/s^2 at speed 1).
        x = min(1.0, max(0.0, x))
        return x * x * x * (x * (6 * x - 15) + 10)

    # Skin: body vertices blend between the two bones around them, head vertices follow
    # the head bone.
    jw = []
    for t in along:
        if t is None:
            jw.append(((k, 0, 0, 0), (1.0, 0.0, 0.0, 0.0)))
            continue
        x = t * k
        j = min(int(x), k - 1)
        f = smooth(x - j)
        jw.append(((j, j + 1, 0, 0), (1.0 - f, f, 0.0, 0.0)))

    duration = 24 * BAR_S
    times = [i * 0.5 for i in range(int(duration / 0.5) + 1)]

    def quat(axis, angle):
        h = angle / 2
        return (axis[0] * math.sin(h), axis[1] * math.sin(h), axis[2] * math.sin(h), math.cos(h))

    def qmul(a, b):
        ax, ay, az, aw = a
        bx, by, bz, bw = b
        return (aw * bx + ax * bw + ay * bz - az * by,
                aw * by - ax * bz + ay * bw + az * bx,
                aw * bz + ax * by - ay * bx + az * bw,
                aw * bw - ax * bx - ay * by - az * bz)

    def rotation(j, t):
        # The wave: 1 degree at each joint, four bars a period, faded in and out over
        # two bars at the clip's ends (eased to second order: the clip starts and ends at
        # rest with no acceleration).
        fade = smoother(t / (2 * BAR_S)) * smoother((duration - t) / (2 * BAR_S))
        wave = math.radians(1.0) * fade * math.sin(2 * math.pi * t / (4 * BAR_S) - 0.6 * j)
        q = quat((0.0, 1.0, 0.0), wave)
        if j >= k - 2:  # the neck's last two joints and the head: 6 degrees each
            lift = math.radians(6.0) * smoother((t - 2 * BAR_S) / (6 * BAR_S))
            q = qmul(quat(side, lift), q)
        return q

    blob = bytearray()
    views, accessors = [], []

    def add_accessor(data, fmt, comp, kind, count, minmax=None):
        start = len(blob)
        blob.extend(struct.pack("<" + fmt * len(data), *data))
        while len(blob) % 4:
            blob.append(0)
        views.append({"buffer": 0, "byteOffset": start, "byteLength": len(data) * struct.calcsize(fmt)})
        acc = {"bufferView": len(views) - 1, "componentType": comp, "count": count, "type": kind}
        if minmax:
            acc["min"], acc["max"] = minmax
        accessors.append(acc)
        return len(accessors) - 1

    flat = [c for v in verts for c in v]
    lo = [min(v[i] for v in verts) for i in range(3)]
    hi = [max(v[i] for v in verts) for i in range(3)]
    pos = add_accessor(flat, "f", 5126, "VEC3", len(verts), (lo, hi))
    col = add_accessor([c for rgb in cols for c in rgb], "f", 5126, "VEC3", len(cols))
    jnt = add_accessor([j for js, _ in jw for j in js], "B", 5121, "VEC4", len(jw))
    wgt = add_accessor([w for _, ws in jw for w in ws], "f", 5126, "VEC4", len(jw))
    ind = add_accessor([i for f in faces for i in f], "I", 5125, "SCALAR", 3 * len(faces))
    ibm = []
    for p in joints:
        ibm += [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p[0], -p[1], -p[2], 1]
    ibm = add_accessor(ibm, "f", 5126, "MAT4", n_bones)
    t_in = add_accessor(times, "f", 5126, "SCALAR", len(times), ([times[0]], [times[-1]]))
    samplers, channels = [], []
    # Cubic-spline keys with their exact tangents: the joints turn smoothly through the
    # keys (straight keys would jolt the drones at every key).
    def tangent(j, t, h=1e-4):
        a, b = rotation(j, t - h), rotation(j, t + h)
        return tuple((b[i] - a[i]) / (2 * h) for i in range(4))

    for j in range(n_bones):
        out = []
        for t in times:
            d = tangent(j, t)
            out += [*d, *rotation(j, t), *d]
        samplers.append({"input": t_in, "output": add_accessor(out, "f", 5126, "VEC4", 3 * len(times)),
                         "interpolation": "CUBICSPLINE"})
        channels.append({"sampler": j, "target": {"node": 1 + j, "path": "rotation"}})
    nodes = [{"name": "Dragon", "mesh": 0, "skin": 0}]
    for j, p in enumerate(joints):
        parent = joints[j - 1] if j else (0.0, 0.0, 0.0)
        node = {"name": "Head" if j == k else f"Spine{j}",
                "translation": [round(p[i] - parent[i], 6) for i in range(3)]}
        if j + 1 < n_bones:
            node["children"] = [j + 2]
        nodes.append(node)
    doc = {
        "asset": {"version": "2.0", "generator": "skyshow examples/eryueer/art/generate.py"},
        "scene": 0,
        "scenes": [{"nodes": [0, 1]}],
        "nodes": nodes,
        "skins": [{"joints": list(range(1, n_bones + 1)), "inverseBindMatrices": ibm, "skeleton": 1}],
        "meshes": [{"name": "Dragon", "primitives": [{"attributes": {
            "POSITION": pos, "COLOR_0": col, "JOINTS_0": jnt, "WEIGHTS_0": wgt}, "indices": ind}]}],
        "animations": [{"name": "RaiseHead", "samplers": samplers, "channels": channels}],
        "buffers": [{"byteLength": len(blob)}],
        "bufferViews": views,
        "accessors": accessors,
    }
    text = json.dumps(doc, separators=(",", ":")).encode()
    while len(text) % 4:
        text += b" "
    glb = b"glTF" + struct.pack("<II", 2, 12 + 8 + len(text) + 8 + len(blob))
    glb += struct.pack("<I", len(text)) + b"JSON" + text
    glb += struct.pack("<I", len(blob)) + b"BIN\0" + bytes(blob)
    with open(os.path.join(HERE, "dragon.glb"), "wb") as f:
        f.write(glb)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def lanterns():
    """Lantern light travelling left to right along the wall: an animated PNG (APNG), 8
    frames of 40 × 24 pixels, each shown 0.625 s (a beat at 96 BPM), looping. The wall is
    dim red brick; a gold glow sweeps along it and the gate tower (top middle) glows red."""
    w, h, n = 40, 24, 8
    dim, gold, red = (90, 36, 24), (242, 179, 31), (214, 58, 43)

    def mix(a, b, t):
        return tuple(round(x + (y - x) * t) for x, y in zip(a, b))

    frames = []
    for k in range(n):
        rows = []
        for y in range(h):
            row = bytearray([0])  # filter: none
            for x in range(w):
                u = (x + 0.5) / w
                d = (u - k / n) % 1.0
                d = min(d, 1.0 - d)
                glow = math.exp(-0.5 * (d / 0.12) ** 2)
                base = red if (y < h * 0.45 and abs(u - 0.5) < 0.2) else dim
                row += bytes(mix(base, gold, glow))
            rows.append(bytes(row))
        frames.append(zlib.compress(b"".join(rows), 9))
    out = b"\x89PNG\r\n\x1a\n"
    out += png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    out += png_chunk(b"acTL", struct.pack(">II", n, 0))
    seq = 0
    for k, data in enumerate(frames):
        out += png_chunk(b"fcTL", struct.pack(">IIIIIHHBB", seq, w, h, 0, 0, 5, 8, 0, 0))
        seq += 1
        if k == 0:
            out += png_chunk(b"IDAT", data)
        else:
            out += png_chunk(b"fdAT", struct.pack(">I", seq) + data)
            seq += 1
    out += png_chunk(b"IEND", b"")
    with open(os.path.join(HERE, "wall_lanterns.png"), "wb") as f:
        f.write(out)


def hall_3d():
    """晋祠圣母殿 in depth (OBJ, metres, y up, z towards the viewer): the platform, a front and
    a back colonnade 30 m apart, the lower hip roof, the upper storey and its hip roof with
    the ridge. Open surfaces only (a roof has no underside), so every drone sits on
    something the audience sees as the hall turns."""
    verts, cols, faces = [], [], []
    warm, red, amber, gold = (0.95, 0.90, 0.78), (0.84, 0.23, 0.17), (0.88, 0.54, 0.12), (0.95, 0.70, 0.12)

    def quad(a, b, c, d, colour):
        base = len(verts)
        verts.extend([a, b, c, d])
        cols.extend([colour] * 4)
        faces.append((base, base + 1, base + 2))
        faces.append((base, base + 2, base + 3))

    def tri(a, b, c, colour):
        base = len(verts)
        verts.extend([a, b, c])
        cols.extend([colour] * 3)
        faces.append((base, base + 1, base + 2))

    def box_sides(x0, x1, y0, y1, z0, z1, colour, top=False):
        quad((x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1), colour)  # front
        quad((x1, y0, z0), (x0, y0, z0), (x0, y1, z0), (x1, y1, z0), colour)  # back
        quad((x0, y0, z0), (x0, y0, z1), (x0, y1, z1), (x0, y1, z0), colour)  # left
        quad((x1, y0, z1), (x1, y0, z0), (x1, y1, z0), (x1, y1, z1), colour)  # right
        if top:
            quad((x0, y1, z1), (x1, y1, z1), (x1, y1, z0), (x0, y1, z0), colour)

    def hip(y0, hw0, hd0, y1, hw1, hd1, colour):
        """A hip roof's four slopes from the eave rectangle (half width, half depth) at y0 to
        the rectangle (or ridge line, hd1 = 0) at y1."""
        a, b, c, d = (-hw0, y0, hd0), (hw0, y0, hd0), (hw0, y0, -hd0), (-hw0, y0, -hd0)
        e, f, g, h = (-hw1, y1, hd1), (hw1, y1, hd1), (hw1, y1, -hd1), (-hw1, y1, -hd1)
        quad(a, b, f, e, colour)  # front slope
        quad(c, d, h, g, colour)  # back slope
        if hd1 > 0:
            quad(d, a, e, h, colour)
            quad(b, c, g, f, colour)
        else:
            tri(d, a, e, colour)
            tri(b, c, f, colour)

    def column(x, z, r, y0, y1, colour, sides=8):
        base = len(verts)
        for k in range(sides):
            a = 2 * math.pi * k / sides
            verts.append((x + r * math.cos(a), y0, z + r * math.sin(a)))
            verts.append((x + r * math.cos(a), y1, z + r * math.sin(a)))
            cols.extend([colour, colour])
        for k in range(sides):
            i, j = base + 2 * k, base + 2 * ((k + 1) % sides)
            faces.append((i, j, j + 1))
            faces.append((i, j + 1, i + 1))

    box_sides(-50, 50, 0, 4, -20, 20, warm)                  # the stone platform's faces
    for i in range(6):                                       # two colonnades, 30 m apart
        x = -40 + 80 * i / 5
        column(x, 15, 2.0, 4, 24, red)
        column(x, -15, 2.0, 4, 24, red)
    hip(24, 52, 22, 31, 36, 12, amber)                      # the lower eave
    box_sides(-32, 32, 31, 37, -10, 10, red)                 # the upper storey
    hip(37, 40, 16, 50, 22, 0, gold)                        # the upper hip roof to its ridge

    with open(os.path.join(HERE, "jinci_hall.obj"), "w", encoding="utf-8") as f:
        f.write("# 晋祠圣母殿 in depth: platform, two colonnades, double hip roof. Generated by generate.py.\n")
        f.write("# Metres; vertex colours (v x y z r g b); y is up, z towards the viewer.\n")
        for (x, y, z), (r, g, b) in zip(verts, cols):
            f.write(f"v {x:.3f} {y:.3f} {z:.3f} {r:.3f} {g:.3f} {b:.3f}\n")
        for a, b, c in faces:
            f.write(f"f {a + 1} {b + 1} {c + 1}\n")


def peony(opening):
    """牡丹: one stage of a peony opening (0 = a round closed bud, 1 = in full bloom): an
    outer ring of eight crimson petals, an inner ring of five pink ones and the gold heart,
    all about the middle of the drawing, so the show's morph from stage to stage grows the
    flower outwards and no drone has far to climb (2 m/s is all a drone may climb)."""
    w, h = 200, 200
    cx, cy = 100.0, 100.0
    parts = []
    rings = [
        # petals, reach (closed, open), half axes (closed, open), colours, turned by
        (8, (20, 56), ((18, 27), (24, 38)), ["#b3123a", "#d42a4f"], 0.0),
        (5, (8, 30), ((13, 18), (18, 28)), ["#f26d88", "#f58ca1"], 36.0),
    ]
    for petals, reach, axes, tints, turn in rings:
        r = reach[0] + (reach[1] - reach[0]) * opening
        rx = axes[0][0] + (axes[1][0] - axes[0][0]) * opening
        ry = axes[0][1] + (axes[1][1] - axes[0][1]) * opening
        for k in range(petals):
            a = -90 + turn + 360 * k / petals
            px = cx + r * math.cos(math.radians(a))
            py = cy + r * math.sin(math.radians(a))
            parts.append(
                f'  <ellipse fill="{tints[k % 2]}" cx="{px:.2f}" cy="{py:.2f}" rx="{rx:.2f}" ry="{ry:.2f}" '
                f'transform="rotate({a + 90:.2f} {px:.2f} {py:.2f})"/>'
            )
    parts.append(f'  <circle fill="{GOLD}" cx="{cx}" cy="{cy}" r="{5 + 9 * opening:.2f}"/>')
    title = f"牡丹 — a peony opening, stage {opening:.2f}"
    return svg(w, h, "\n".join(parts) + "\n", title)

def main():
    files = {
        "jinci_hall.svg": jinci(),
        "mengshan_buddha.svg": mengshan(),
        "gucheng_wall.svg": gucheng(),
        "jinyang_bridge.svg": jinyang(),
        "peony_bud.svg": peony(0.0),
        "peony_half.svg": peony(0.5),
        "peony_open.svg": peony(1.0),
    }
    for name, text in files.items():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(text)
    dragon()
    lanterns()
    hall_3d()


if __name__ == "__main__":
    main()
