// skyshow preview: plays a drone show (trajectories as cubic Béziers in time, light
// programs as colour steps), its fireworks and its music, from data embedded in this page.
// Hand-written WebGL (one draw call for all drones, positions updated in typed arrays),
// with a 2D-canvas fallback where WebGL is not available. No network access.
(function () {
  "use strict";

  var api = {
    ready: false, time: 0, drones: 0, duration: 0, playing: false, camera: "audience",
    renderer: "", error: null, loadMs: 0, updateMs: 0, fps: 0,
    setTime: function () {}, play: function () {}, pause: function () {}, setCamera: function () {}
  };
  window.skyshowPreview = api;

  var $ = function (id) { return document.getElementById(id); };
  var meta = JSON.parse($("skyshow-meta").textContent);
  // The page's words in its language (English when the page was made without them).
  var T = meta.text || {};
  var tx = function (key, english) { return T[key] || english; };
  var N = meta.drones;
  var T_MIN = Math.min(0, meta.start_s);
  var T_MAX = Math.max(meta.duration_s, T_MIN + 1);
  api.drones = N;
  api.duration = T_MAX;
  $("drone-count").textContent = String(N);

  function fail(msg) {
    api.error = msg;
    var m = $("message");
    m.textContent = msg;
    m.hidden = false;
  }

  // ---------------------------------------------------------------- data
  function decodeBase64(s) {
    s = s.trim();
    if (typeof Uint8Array.fromBase64 === "function") { return Uint8Array.fromBase64(s); }
    var bin = atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  // The show data: base64 of a raw-deflate stream (see ShowBuffer in the Rust crate).
  var dataEl = $("skyshow-data");
  var packed = decodeBase64(dataEl.textContent);
  dataEl.textContent = "";
  function inflate(data, encoding) {
    if (encoding !== "deflate-raw") { return Promise.resolve(data); }
    if (typeof DecompressionStream !== "function") {
      return Promise.reject(new Error(tx("no_decompression", "this browser cannot unpack the show (no DecompressionStream)")));
    }
    var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  inflate(packed, meta.data.encoding).then(function (bytes) {
    packed = null;
    if (bytes.length !== meta.data.bytes) { throw new Error("show data is " + bytes.length + " bytes, expected " + meta.data.bytes); }
    main(bytes);
  }).catch(function (e) {
    fail(tx("cannot_start", "The preview cannot start:") + " " + e.message);
    console.error("skyshow preview: " + e.message);
  });

  function main(bytes) {
    var buf = bytes.buffer;
    function section(name) {
      var s = meta.sections[name];
      var type = s[0], off = s[1] + bytes.byteOffset, n = s[2];
      if (type === "u8") { return new Uint8Array(buf, off, n); }
      if (type === "u16") { return new Uint16Array(buf, off, n); }
      if (type === "u32") { return new Uint32Array(buf, off, n); }
      return new Float32Array(buf, off, n);
    }
    var t0 = section("t0"), segOff = section("seg_off"), segT1 = section("seg_t1");
    var segKind = section("seg_kind"), ptsQ = section("pts");
    var lightOff = section("light_off"), lT0 = section("l_t0"), lT1 = section("l_t1");
    var lFrom = section("l_from"), lTo = section("l_to"), homesQ = section("homes");
    var S = segT1.length;

    var qo = meta.quant.origin, qs = meta.quant.step;
    function dequant(q) {
      var out = new Float32Array(q.length);
      for (var i = 0; i < q.length; i += 3) {
        out[i] = qo[0] + q[i] * qs;
        out[i + 1] = qo[1] + q[i + 1] * qs;
        out[i + 2] = qo[2] + q[i + 2] * qs;
      }
      return out;
    }
    var pts = dequant(ptsQ);
    var homes = dequant(homesQ);

    // Point indices: segA = start point of a segment, segB = its first new point.
    var ptStart = new Uint32Array(N), segA = new Uint32Array(S), segB = new Uint32Array(S);
    (function () {
      var p = 0;
      for (var i = 0; i < N; i++) {
        ptStart[i] = p;
        var cur = p;
        p += 1;
        for (var s = segOff[i]; s < segOff[i + 1]; s++) {
          segA[s] = cur;
          segB[s] = p;
          var k = segKind[s];
          if (k === 1) { cur = p; p += 1; } else if (k === 2) { cur = p + 2; p += 3; }
        }
      }
    })();

    var segCur = new Uint32Array(N), lightCur = new Uint32Array(N);
    var pos = new Float32Array(3 * N), col = new Uint8Array(3 * N);

    function endPoint(s) {
      var k = segKind[s];
      return k === 0 ? segA[s] : (k === 1 ? segB[s] : segB[s] + 2);
    }

    function positionOf(i, t, out, o) {
      var s0 = segOff[i], s1 = segOff[i + 1], a;
      if (s1 === s0 || t <= t0[i]) {
        a = 3 * ptStart[i];
      } else if (t >= segT1[s1 - 1]) {
        a = 3 * endPoint(s1 - 1);
      } else {
        var s = segCur[i];
        if (s < s0 || s >= s1) { s = s0; }
        while (s < s1 - 1 && segT1[s] < t) { s++; }
        while (s > s0 && segT1[s - 1] >= t) { s--; }
        segCur[i] = s;
        var k = segKind[s];
        a = 3 * segA[s];
        if (k !== 0) {
          var ts = s === s0 ? t0[i] : segT1[s - 1], te = segT1[s];
          var u = te > ts ? (t - ts) / (te - ts) : 1;
          u = u < 0 ? 0 : (u > 1 ? 1 : u);
          var b = 3 * segB[s];
          if (k === 1) {
            var w = 1 - u;
            out[o] = pts[a] * w + pts[b] * u;
            out[o + 1] = pts[a + 1] * w + pts[b + 1] * u;
            out[o + 2] = pts[a + 2] * w + pts[b + 2] * u;
          } else {
            var v = 1 - u, c0 = v * v * v, c1 = 3 * v * v * u, c2 = 3 * v * u * u, c3 = u * u * u;
            out[o] = pts[a] * c0 + pts[b] * c1 + pts[b + 3] * c2 + pts[b + 6] * c3;
            out[o + 1] = pts[a + 1] * c0 + pts[b + 1] * c1 + pts[b + 4] * c2 + pts[b + 7] * c3;
            out[o + 2] = pts[a + 2] * c0 + pts[b + 2] * c1 + pts[b + 5] * c2 + pts[b + 8] * c3;
          }
          return;
        }
      }
      out[o] = pts[a]; out[o + 1] = pts[a + 1]; out[o + 2] = pts[a + 2];
    }

    function colorOf(i, t, out, o) {
      var a = lightOff[i], b = lightOff[i + 1];
      var k = lightCur[i];
      if (k < a || k > b) { k = a; }
      while (k < b && lT1[k] <= t) { k++; }
      while (k > a && lT1[k - 1] > t) { k--; }
      lightCur[i] = k;
      var j;
      if (k < b && t >= lT0[k]) {
        j = 3 * k;
        var span = lT1[k] - lT0[k];
        var f = span > 0 ? (t - lT0[k]) / span : 1;
        out[o] = (lFrom[j] + (lTo[j] - lFrom[j]) * f + 0.5) | 0;
        out[o + 1] = (lFrom[j + 1] + (lTo[j + 1] - lFrom[j + 1]) * f + 0.5) | 0;
        out[o + 2] = (lFrom[j + 2] + (lTo[j + 2] - lFrom[j + 2]) * f + 0.5) | 0;
      } else if (k === a) {
        out[o] = 0; out[o + 1] = 0; out[o + 2] = 0;
      } else {
        j = 3 * (k - 1);
        out[o] = lTo[j]; out[o + 1] = lTo[j + 1]; out[o + 2] = lTo[j + 2];
      }
    }

    function updateDrones(t) {
      var start = performance.now();
      for (var i = 0; i < N; i++) {
        positionOf(i, t, pos, 3 * i);
        colorOf(i, t, col, 3 * i);
      }
      var ms = performance.now() - start;
      api.updateMs = api.updateMs ? api.updateMs * 0.9 + ms * 0.1 : ms;
    }

    // ---------------------------------------------------------------- fireworks
    var bursts = meta.bursts;
    function mulberry32(a) {
      return function () {
        a |= 0; a = (a + 0x6D2B79F5) | 0;
        var x = Math.imul(a ^ (a >>> 15), 1 | a);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
      };
    }
    var FW_STRIDE = 14;
    var fireworks = (function () {
      var count = 0, b;
      for (b = 0; b < bursts.length; b++) { count += burstStars(bursts[b]) + 1; }
      var arr = new Float32Array(count * FW_STRIDE), o = 0;
      for (b = 0; b < bursts.length; b++) {
        var bu = bursts[b], rnd = mulberry32(b * 7919 + 17), n = burstStars(bu);
        var c = [bu.color[0] / 255, bu.color[1] / 255, bu.color[2] / 255];
        for (var k = 0; k <= n; k++) {
          var dx = 0, dy = 0, dz = 0, kind = 1;
          if (k < n) {
            var z = 2 * rnd() - 1, phi = 2 * Math.PI * rnd(), r = Math.sqrt(1 - z * z);
            var sp = 0.72 + 0.28 * rnd();
            dx = r * Math.cos(phi) * sp; dy = r * Math.sin(phi) * sp; dz = z * sp; kind = 0;
          }
          arr.set([bu.position[0], bu.position[1], bu.position[2], dx, dy, dz, kind,
            bu.time_s, bu.duration_s, bu.radius_m, bu.lift_s, c[0], c[1], c[2]], o);
          o += FW_STRIDE;
        }
      }
      return { data: arr, count: count };
    })();
    function burstStars(bu) { return Math.max(60, Math.min(320, Math.round(bu.radius_m * 5))); }

    // CPU version of the burst for the 2D fallback (same formulas as the shader).
    function fireworkParticle(i, t, out) {
      var d = fireworks.data, o = i * FW_STRIDE, dt = t - d[o + 7];
      if (d[o + 6] > 0.5) {
        if (dt < -d[o + 10] || dt > 0) { return 0; }
        var u = 1 + dt / d[o + 10], h = 1 - (1 - u) * (1 - u);
        out[0] = d[o]; out[1] = d[o + 1]; out[2] = d[o + 2] * h;
        out[3] = 1; out[4] = 0.75; out[5] = 0.4;
        return 0.6;
      }
      var tau = dt / d[o + 8];
      if (tau < 0 || tau > 1) { return 0; }
      var s = 1 - Math.pow(1 - Math.min(tau * 1.6, 1), 3);
      out[0] = d[o] + d[o + 3] * d[o + 9] * s;
      out[1] = d[o + 1] + d[o + 4] * d[o + 9] * s;
      out[2] = d[o + 2] + d[o + 5] * d[o + 9] * s - 1.5 * dt * dt;
      out[3] = d[o + 11]; out[4] = d[o + 12]; out[5] = d[o + 13];
      return Math.pow(1 - tau, 1.4) * (1 + 0.8 * Math.exp(-tau * 20));
    }

    // ---------------------------------------------------------------- ground geometry
    var ground = (function () {
      var lo = meta.scene.ground_lo, hi = meta.scene.ground_hi;
      var ext = Math.max(hi[0] - lo[0], hi[1] - lo[1]);
      var step = ext < 800 ? 10 : (ext < 4000 ? 50 : 250);
      var tris = [], lines = [];
      function v(list, x, y, z, c) { list.push(x, y, z, c[0], c[1], c[2], c[3]); }
      var far = 4000 + ext * 3, gc = [0.021, 0.028, 0.037, 1];
      var q = [[lo[0] - far, lo[1] - far], [hi[0] + far, lo[1] - far], [hi[0] + far, hi[1] + far], [lo[0] - far, hi[1] + far]];
      [0, 1, 2, 0, 2, 3].forEach(function (k) { v(tris, q[k][0], q[k][1], 0, gc); });
      var lc = [0.16, 0.22, 0.3, 0.45];
      var x0 = Math.ceil(lo[0] / step) * step, y0 = Math.ceil(lo[1] / step) * step, x, y;
      for (x = x0; x <= hi[0]; x += step) { v(lines, x, lo[1], 0, lc); v(lines, x, hi[1], 0, lc); }
      for (y = y0; y <= hi[1]; y += step) { v(lines, lo[0], y, 0, lc); v(lines, hi[0], y, 0, lc); }
      var aud = meta.audience, ac = [0.95, 0.7, 0.3, 0.13], ao = [0.95, 0.7, 0.3, 0.75], k;
      if (aud.length >= 3) {
        for (k = 1; k + 1 < aud.length; k++) {
          v(tris, aud[0][0], aud[0][1], 0.02, ac); v(tris, aud[k][0], aud[k][1], 0.02, ac);
          v(tris, aud[k + 1][0], aud[k + 1][1], 0.02, ac);
        }
      }
      if (aud.length >= 2) {
        for (k = 0; k < aud.length; k++) {
          var p1 = aud[k], p2 = aud[(k + 1) % aud.length];
          if (aud.length === 2 && k === 1) { break; }
          v(lines, p1[0], p1[1], 0.05, ao); v(lines, p2[0], p2[1], 0.05, ao);
        }
      }
      (meta.site || []).forEach(function (o) {
        var pts = o.points;
        for (k = 0; k < pts.length; k++) {
          var s1 = pts[k], s2 = pts[(k + 1) % pts.length];
          v(lines, s1[0], s1[1], 0.05, o.color); v(lines, s2[0], s2[1], 0.05, o.color);
        }
      });
      var fr = meta.front, fc = [1, 0.42, 0.1, 0.9];
      for (k = 0; k < fr.length; k++) {
        if (k + 1 < fr.length) { v(lines, fr[k][0], fr[k][1], 0.05, fc); v(lines, fr[k + 1][0], fr[k + 1][1], 0.05, fc); }
        v(lines, fr[k][0] - 2, fr[k][1], 0.05, fc); v(lines, fr[k][0] + 2, fr[k][1], 0.05, fc);
        v(lines, fr[k][0], fr[k][1] - 2, 0.05, fc); v(lines, fr[k][0], fr[k][1] + 2, 0.05, fc);
      }
      return { tris: new Float32Array(tris), lines: new Float32Array(lines) };
    })();

    // ---------------------------------------------------------------- camera
    var canvas = $("view");
    var cams = meta.cameras;
    var orbit = { target: [0, 0, 0], dist: 100, az: 0, el: 0 };
    function fromPreset(p) {
      var d = [p.position[0] - p.look_at[0], p.position[1] - p.look_at[1], p.position[2] - p.look_at[2]];
      var len = Math.hypot(d[0], d[1], d[2]) || 1;
      return { target: p.look_at.slice(), dist: len, az: Math.atan2(d[1], d[0]), el: Math.asin(Math.max(-1, Math.min(1, d[2] / len))) };
    }
    function setCamera(name) {
      if (name === "top") { orbit = fromPreset(cams.top); } else {
        orbit = fromPreset(cams.audience);
        if (name === "orbit") { orbit.dist *= 0.85; orbit.el = 20 * Math.PI / 180; orbit.az += 40 * Math.PI / 180; } else { name = "audience"; }
      }
      api.camera = name;
      var bs = document.querySelectorAll("#cams button");
      for (var i = 0; i < bs.length; i++) { bs[i].classList.toggle("on", bs[i].dataset.cam === name); }
      dirty = true;
    }
    function eyeOf(o) {
      var ce = Math.cos(o.el);
      return [o.target[0] + o.dist * ce * Math.cos(o.az), o.target[1] + o.dist * ce * Math.sin(o.az), o.target[2] + o.dist * Math.sin(o.el)];
    }
    function norm(v) { var l = Math.hypot(v[0], v[1], v[2]) || 1; return [v[0] / l, v[1] / l, v[2] / l]; }
    function cross(a, b) { return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]; }
    function dot(a, b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
    var FOV = cams.audience.fov_deg * Math.PI / 180, BASE_ASPECT = meta.aspect;
    // Camera state for a viewport: matrices (column-major), basis and focal length in pixels.
    function viewState(w, h) {
      var eye = eyeOf(orbit), f = norm([orbit.target[0] - eye[0], orbit.target[1] - eye[1], orbit.target[2] - eye[2]]);
      var r = cross(f, [0, 0, 1]);
      if (Math.hypot(r[0], r[1], r[2]) < 1e-6) { r = cross(f, [1, 0, 0]); }
      r = norm(r);
      var u = cross(r, f), aspect = w / h, fov = FOV;
      if (aspect < BASE_ASPECT) { fov = 2 * Math.atan(Math.tan(FOV / 2) * BASE_ASPECT / aspect); }
      var ty = 1 / Math.tan(fov / 2), near = 0.5, far = 80000;
      var view = [r[0], u[0], -f[0], 0, r[1], u[1], -f[1], 0, r[2], u[2], -f[2], 0,
        -dot(r, eye), -dot(u, eye), dot(f, eye), 1];
      var proj = [ty / aspect, 0, 0, 0, 0, ty, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, 2 * far * near / (near - far), 0];
      var m = new Float32Array(16);
      for (var c = 0; c < 4; c++) {
        for (var rr = 0; rr < 4; rr++) {
          var s = 0;
          for (var k = 0; k < 4; k++) { s += proj[k * 4 + rr] * view[c * 4 + k]; }
          m[c * 4 + rr] = s;
        }
      }
      return { mvp: m, eye: eye, f: f, r: r, u: u, focal: (h / 2) * ty, w: w, h: h };
    }

    // ---------------------------------------------------------------- renderers
    var GLOW_M = meta.glow_m;
    var dpr = Math.min(window.devicePixelRatio || 1, 2);
    var renderer = null;

    function makeGl() {
      var opts = { antialias: true, alpha: false, depth: false, premultipliedAlpha: false, preserveDrawingBuffer: false };
      var gl = canvas.getContext("webgl2", opts) || canvas.getContext("webgl", opts);
      if (!gl) { return null; }
      function shader(type, src) {
        var s = gl.createShader(type);
        gl.shaderSource(s, src);
        gl.compileShader(s);
        if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) { throw new Error("shader: " + gl.getShaderInfoLog(s)); }
        return s;
      }
      function program(vs, fs) {
        var p = gl.createProgram();
        gl.attachShader(p, shader(gl.VERTEX_SHADER, vs));
        gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fs));
        gl.linkProgram(p);
        if (!gl.getProgramParameter(p, gl.LINK_STATUS)) { throw new Error("program: " + gl.getProgramInfoLog(p)); }
        var info = { p: p, a: {}, u: {} };
        var na = gl.getProgramParameter(p, gl.ACTIVE_ATTRIBUTES), nu = gl.getProgramParameter(p, gl.ACTIVE_UNIFORMS), i;
        for (i = 0; i < na; i++) { var an = gl.getActiveAttrib(p, i).name; info.a[an] = gl.getAttribLocation(p, an); }
        for (i = 0; i < nu; i++) { var un = gl.getActiveUniform(p, i).name; info.u[un] = gl.getUniformLocation(p, un); }
        return info;
      }
      var FS_HEAD = "precision mediump float;\n";
      var sky = program(
        "attribute vec2 a_xy; varying float v_y; void main(){ v_y = a_xy.y * 0.5 + 0.5; gl_Position = vec4(a_xy, 0.0, 1.0); }",
        FS_HEAD + "varying float v_y; void main(){ vec3 lo = vec3(0.030, 0.045, 0.085); vec3 hi = vec3(0.0, 0.004, 0.018);" +
        " gl_FragColor = vec4(mix(lo, hi, pow(clamp(v_y, 0.0, 1.0), 0.7)), 1.0); }");
      var flat = program(
        "attribute vec3 a_pos; attribute vec4 a_col; uniform mat4 u_mvp; varying vec4 v_col;" +
        " void main(){ v_col = a_col; gl_Position = u_mvp * vec4(a_pos, 1.0); }",
        FS_HEAD + "varying vec4 v_col; void main(){ gl_FragColor = v_col; }");
      // u_over = 0: additive light; 1: painted over (alpha), so that overlapping dots never
      // add up (the takeoff slots seen edge-on).
      var glowFs = FS_HEAD + "varying vec3 v_col; uniform float u_over; void main(){ vec2 d = gl_PointCoord * 2.0 - 1.0; float r2 = dot(d, d);" +
        " if (r2 > 1.0) discard; float q = 1.0 - r2; float a = min(1.0, 1.7 * q * q);" +
        " gl_FragColor = u_over > 0.5 ? vec4(v_col, min(a, 1.0)) : vec4(v_col * a, 1.0); }";
      var dots = program(
        "attribute vec3 a_pos; attribute vec3 a_col; uniform mat4 u_mvp; uniform float u_size; uniform float u_focal;" +
        " uniform float u_maxpx; uniform vec3 u_off; varying vec3 v_col;" +
        " void main(){ vec4 c = u_mvp * vec4(a_pos, 1.0); gl_Position = c;" +
        " float lit = max(a_col.r, max(a_col.g, a_col.b)); vec3 k = a_col; float size = u_size;" +
        " if (lit < 0.004) { k = u_off; size *= 0.45; }" +
        " float px = size * u_focal / max(c.w, 0.01); float s = clamp(px, 3.0, u_maxpx);" +
        " v_col = k * clamp(px / 3.0, 0.35, 1.0); gl_PointSize = s; }",
        glowFs);
      var fw = program(
        "attribute vec3 a_center; attribute vec4 a_dir; attribute vec4 a_tim; attribute vec3 a_col;" +
        " uniform mat4 u_mvp; uniform float u_time; uniform float u_focal; uniform float u_maxpx; varying vec3 v_col;" +
        " void main(){ float dt = u_time - a_tim.x; vec3 p; float bright; float size; vec3 k;" +
        " if (a_dir.w > 0.5) { if (dt < -a_tim.w || dt > 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; v_col = vec3(0.0); return; }" +
        "   float u = 1.0 + dt / a_tim.w; float h = 1.0 - (1.0 - u) * (1.0 - u); p = vec3(a_center.xy, a_center.z * h);" +
        "   bright = 0.6; size = 1.6; k = vec3(1.0, 0.75, 0.4); }" +
        " else { float tau = dt / a_tim.y; if (tau < 0.0 || tau > 1.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; v_col = vec3(0.0); return; }" +
        "   float s = 1.0 - pow(1.0 - min(tau * 1.6, 1.0), 3.0); p = a_center + a_dir.xyz * a_tim.z * s; p.z -= 1.5 * dt * dt;" +
        "   bright = pow(1.0 - tau, 1.4) * (1.0 + 0.8 * exp(-tau * 20.0)); size = 1.8; k = a_col; }" +
        " vec4 c = u_mvp * vec4(p, 1.0); gl_Position = c; gl_PointSize = clamp(size * u_focal / max(c.w, 0.01), 2.0, u_maxpx);" +
        " v_col = k * bright; }",
        glowFs);

      function buffer(data, usage) {
        var b = gl.createBuffer();
        gl.bindBuffer(gl.ARRAY_BUFFER, b);
        gl.bufferData(gl.ARRAY_BUFFER, data, usage || gl.STATIC_DRAW);
        return b;
      }
      var skyBuf = buffer(new Float32Array([-1, -1, 3, -1, -1, 3]));
      var triBuf = buffer(ground.tris), lineBuf = buffer(ground.lines);
      var homeCol = new Uint8Array(3 * N);
      for (var i = 0; i < 3 * N; i += 3) { homeCol[i] = 52; homeCol[i + 1] = 62; homeCol[i + 2] = 80; }
      var homePos = buffer(homes), homeColBuf = buffer(homeCol);
      var posBuf = buffer(pos, gl.DYNAMIC_DRAW), colBuf = buffer(col, gl.DYNAMIC_DRAW);
      var fwBuf = buffer(fireworks.data);
      var maxPx = Math.min(128, gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE)[1] || 64);
      var used = [];

      function attr(prog, name, b, size, type, normalized, stride, offset) {
        var loc = prog.a[name];
        if (loc === undefined || loc < 0) { return; }
        gl.bindBuffer(gl.ARRAY_BUFFER, b);
        gl.enableVertexAttribArray(loc);
        gl.vertexAttribPointer(loc, size, type, normalized, stride, offset);
        used.push(loc);
      }
      function reset() { used.forEach(function (l) { gl.disableVertexAttribArray(l); }); used = []; }
      function drawDots(vs, pb, cb, count, size, off, over) {
        gl.useProgram(dots.p);
        gl.uniform1f(dots.u.u_over, over ? 1 : 0);
        if (over) { gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA); } else { gl.blendFunc(gl.ONE, gl.ONE); }
        gl.uniformMatrix4fv(dots.u.u_mvp, false, vs.mvp);
        gl.uniform1f(dots.u.u_size, size);
        gl.uniform1f(dots.u.u_focal, vs.focal);
        gl.uniform1f(dots.u.u_maxpx, maxPx);
        gl.uniform3fv(dots.u.u_off, off);
        attr(dots, "a_pos", pb, 3, gl.FLOAT, false, 0, 0);
        attr(dots, "a_col", cb, 3, gl.UNSIGNED_BYTE, true, 0, 0);
        gl.drawArrays(gl.POINTS, 0, count);
        reset();
      }
      // Light is added up in a floating-point buffer, then mapped to the screen keeping each
      // pixel's hue: overlapping drones of one colour stay that colour instead of going white.
      var isGl2 = !(gl instanceof window.WebGLRenderingContext);
      var hdr = null;
      (function () {
        var fmt = null;
        if (isGl2 && gl.getExtension("EXT_color_buffer_float")) {
          fmt = { internal: gl.RGBA16F, type: gl.HALF_FLOAT };
        } else if (!isGl2) {
          var half = gl.getExtension("OES_texture_half_float");
          if (half && gl.getExtension("EXT_color_buffer_half_float")) { fmt = { internal: gl.RGBA, type: half.HALF_FLOAT_OES }; }
        }
        if (!fmt) { return; }
        var tone = program(
          "attribute vec2 a_xy; varying vec2 v_uv; void main(){ v_uv = a_xy * 0.5 + 0.5; gl_Position = vec4(a_xy, 0.0, 1.0); }",
          FS_HEAD + "uniform sampler2D u_tex; varying vec2 v_uv; void main(){ vec3 c = texture2D(u_tex, v_uv).rgb;" +
          " float m = max(c.r, max(c.g, c.b)); gl_FragColor = vec4(c / max(m, 1.0), 1.0); }");
        hdr = { fmt: fmt, tone: tone, tex: gl.createTexture(), fb: gl.createFramebuffer(), w: 0, h: 0 };
        gl.bindTexture(gl.TEXTURE_2D, hdr.tex);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      })();
      function bindTarget(w, h) {
        if (!hdr) { return false; }
        if (hdr.w !== w || hdr.h !== h) {
          gl.bindTexture(gl.TEXTURE_2D, hdr.tex);
          gl.texImage2D(gl.TEXTURE_2D, 0, hdr.fmt.internal, w, h, 0, gl.RGBA, hdr.fmt.type, null);
          gl.bindFramebuffer(gl.FRAMEBUFFER, hdr.fb);
          gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, hdr.tex, 0);
          if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) {
            gl.bindFramebuffer(gl.FRAMEBUFFER, null);
            hdr = null;
            return false;
          }
          hdr.w = w;
          hdr.h = h;
        }
        gl.bindFramebuffer(gl.FRAMEBUFFER, hdr.fb);
        return true;
      }
      function present(w, h) {
        gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        gl.viewport(0, 0, w, h);
        gl.disable(gl.BLEND);
        gl.useProgram(hdr.tone.p);
        gl.activeTexture(gl.TEXTURE0);
        gl.bindTexture(gl.TEXTURE_2D, hdr.tex);
        gl.uniform1i(hdr.tone.u.u_tex, 0);
        attr(hdr.tone, "a_xy", skyBuf, 2, gl.FLOAT, false, 0, 0);
        gl.drawArrays(gl.TRIANGLES, 0, 3);
        reset();
      }
      return {
        get name() { return (isGl2 ? "webgl2" : "webgl") + (hdr ? "+hdr" : ""); },
        draw: function (w, h, t, fresh) {
          var vs = viewState(w, h);
          var offscreen = bindTarget(w, h);
          gl.viewport(0, 0, w, h);
          gl.disable(gl.DEPTH_TEST);
          gl.disable(gl.BLEND);
          gl.useProgram(sky.p);
          attr(sky, "a_xy", skyBuf, 2, gl.FLOAT, false, 0, 0);
          gl.drawArrays(gl.TRIANGLES, 0, 3);
          reset();
          gl.enable(gl.BLEND);
          gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
          gl.useProgram(flat.p);
          gl.uniformMatrix4fv(flat.u.u_mvp, false, vs.mvp);
          attr(flat, "a_pos", triBuf, 3, gl.FLOAT, false, 28, 0);
          attr(flat, "a_col", triBuf, 4, gl.FLOAT, false, 28, 12);
          gl.drawArrays(gl.TRIANGLES, 0, ground.tris.length / 7);
          reset();
          attr(flat, "a_pos", lineBuf, 3, gl.FLOAT, false, 28, 0);
          attr(flat, "a_col", lineBuf, 4, gl.FLOAT, false, 28, 12);
          gl.drawArrays(gl.LINES, 0, ground.lines.length / 7);
          reset();
          drawDots(vs, homePos, homeColBuf, N, 0.9, [0, 0, 0], true);
          if (fresh) {
            gl.bindBuffer(gl.ARRAY_BUFFER, posBuf);
            gl.bufferSubData(gl.ARRAY_BUFFER, 0, pos);
            gl.bindBuffer(gl.ARRAY_BUFFER, colBuf);
            gl.bufferSubData(gl.ARRAY_BUFFER, 0, col);
          }
          drawDots(vs, posBuf, colBuf, N, GLOW_M, [0.16, 0.18, 0.22], false);
          if (fireworks.count > 0) {
            gl.useProgram(fw.p);
            gl.uniformMatrix4fv(fw.u.u_mvp, false, vs.mvp);
            gl.uniform1f(fw.u.u_time, t);
            gl.uniform1f(fw.u.u_focal, vs.focal);
            gl.uniform1f(fw.u.u_maxpx, maxPx);
            var st = FW_STRIDE * 4;
            attr(fw, "a_center", fwBuf, 3, gl.FLOAT, false, st, 0);
            attr(fw, "a_dir", fwBuf, 4, gl.FLOAT, false, st, 12);
            attr(fw, "a_tim", fwBuf, 4, gl.FLOAT, false, st, 28);
            attr(fw, "a_col", fwBuf, 3, gl.FLOAT, false, st, 44);
            gl.drawArrays(gl.POINTS, 0, fireworks.count);
            reset();
          }
          if (offscreen) { present(w, h); }
        }
      };
    }

    // A 2D-canvas renderer for browsers without WebGL: same camera, fewer effects.
    function make2d() {
      var ctx = canvas.getContext("2d");
      if (!ctx) { return null; }
      var tmp = [0, 0, 0, 0, 0, 0];
      function project(vs, x, y, z) {
        var q = [x - vs.eye[0], y - vs.eye[1], z - vs.eye[2]];
        var d = dot(q, vs.f);
        if (d < 0.5) { return null; }
        return [vs.w / 2 + vs.focal * dot(q, vs.r) / d, vs.h / 2 - vs.focal * dot(q, vs.u) / d, d];
      }
      function dotAt(p, size, r, g, b, vs) {
        var px = Math.max(2, Math.min(64, size * vs.focal / p[2]));
        ctx.fillStyle = "rgb(" + r + "," + g + "," + b + ")";
        ctx.globalAlpha = 0.35;
        ctx.fillRect(p[0] - px / 2, p[1] - px / 2, px, px);
        ctx.globalAlpha = 1;
        ctx.fillRect(p[0] - px / 6, p[1] - px / 6, px / 3, px / 3);
      }
      return {
        name: "canvas2d",
        draw: function (w, h, t) {
          var vs = viewState(w, h);
          var g = ctx.createLinearGradient(0, 0, 0, h);
          g.addColorStop(0, "#000510");
          g.addColorStop(1, "#081020");
          ctx.globalCompositeOperation = "source-over";
          ctx.fillStyle = g;
          ctx.fillRect(0, 0, w, h);
          ctx.strokeStyle = "rgba(40,56,76,0.6)";
          ctx.beginPath();
          for (var k = 0; k < ground.lines.length; k += 14) {
            var a = project(vs, ground.lines[k], ground.lines[k + 1], 0), b = project(vs, ground.lines[k + 7], ground.lines[k + 8], 0);
            if (a && b) { ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); }
          }
          ctx.stroke();
          ctx.globalCompositeOperation = "lighter";
          for (var i = 0; i < N; i++) {
            var p = project(vs, pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
            if (!p) { continue; }
            var r = col[3 * i], gg = col[3 * i + 1], bb = col[3 * i + 2];
            if (r + gg + bb < 2) { dotAt(p, GLOW_M * 0.45, 40, 46, 56, vs); } else { dotAt(p, GLOW_M, r, gg, bb, vs); }
          }
          for (var j = 0; j < fireworks.count; j++) {
            var br = fireworkParticle(j, t, tmp);
            if (br <= 0) { continue; }
            var fp = project(vs, tmp[0], tmp[1], tmp[2]);
            if (fp) { dotAt(fp, 1.8, (tmp[3] * br * 255) | 0, (tmp[4] * br * 255) | 0, (tmp[5] * br * 255) | 0, vs); }
          }
          ctx.globalCompositeOperation = "source-over";
        }
      };
    }

    // ---------------------------------------------------------------- timeline
    var tl = $("timeline"), tlCtx = tl.getContext("2d"), tlItems = [];
    function tlX(t) { return (t - T_MIN) / (T_MAX - T_MIN) * tl.width; }
    var PHASE_COLORS = { takeoff: "#2b4166", landing: "#2b4166", transition: "#3a3f4a" };
    function hue(i) { return "hsl(" + ((i * 67) % 360) + ",55%,42%)"; }
    function drawTimeline() {
      var w = tl.width, h = tl.height, s = h / 58;
      tlCtx.clearRect(0, 0, w, h);
      tlCtx.font = Math.round(10 * s) + 'px system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
      tlCtx.textBaseline = "middle";
      tlItems = [];
      function box(t0, t1, y, hh, color, label, tip) {
        var x0 = tlX(t0), x1 = Math.max(tlX(t1), x0 + 1);
        tlCtx.fillStyle = color;
        tlCtx.fillRect(x0, y, x1 - x0 - 1, hh);
        if (label && x1 - x0 > 30 * s) {
          tlCtx.save();
          tlCtx.beginPath(); tlCtx.rect(x0, y, x1 - x0 - 2, hh); tlCtx.clip();
          tlCtx.fillStyle = "#e8eef8";
          tlCtx.fillText(label, x0 + 3 * s, y + hh / 2);
          tlCtx.restore();
        }
        tlItems.push({ x0: x0, x1: x1, y0: y, y1: y + hh, tip: tip });
      }
      if (meta.music && meta.music.waveform && meta.music.waveform.peaks.length) {
        // The music's loudness behind the cue and firework rows.
        var wf = meta.music.waveform, mid = 45 * s;
        tlCtx.fillStyle = "#2c3a4f";
        wf.peaks.forEach(function (pk, i) {
          var t0 = meta.music.offset_s + i * wf.bucket_s, x0 = tlX(t0), x1 = tlX(t0 + wf.bucket_s);
          var hh = pk / 99 * 12 * s;
          tlCtx.fillRect(x0, mid - hh, Math.max(1, x1 - x0), 2 * hh);
        });
      }
      var chapters = meta.cues.filter(function (c) { return c.kind === "chapter"; });
      chapters.forEach(function (c, i) {
        var end = i + 1 < chapters.length ? chapters[i + 1].time_s : T_MAX;
        box(c.time_s, end, 0, 14 * s, i % 2 ? "#3b2f56" : "#4a3a6b", c.name, tx("chapter", "chapter") + " " + c.name + " @ " + clock(c.time_s));
      });
      var fi = 0;
      meta.phases.forEach(function (p) {
        var color = p.kind === "formation" ? hue(fi++) : PHASE_COLORS[p.kind] || "#333";
        var label = p.kind === "formation" ? p.name : (p.kind === "transition" ? "" : (p.label || p.kind));
        box(p.start_s, p.end_s, 16 * s, 16 * s, color, label, (p.label || p.source) + " · " + clock(p.start_s) + "–" + clock(p.end_s));
      });
      meta.cues.forEach(function (c) {
        var x = tlX(c.time_s);
        tlCtx.fillStyle = c.kind === "chapter" ? "#ffffff" : (c.kind === "formation" ? "#9cc3ff" : "#ffd36b");
        tlCtx.fillRect(x, 34 * s, Math.max(1, s), 10 * s);
        tlItems.push({ x0: x - 3, x1: x + 3, y0: 34 * s, y1: 44 * s, tip: (c.kind === "chapter" ? tx("chapter", "chapter") : c.kind === "formation" ? tx("formation", "formation") : tx("cue", c.kind)) + " " + c.name + " @ " + clock(c.time_s) });
      });
      bursts.forEach(function (b) {
        var x = tlX(b.time_s);
        tlCtx.fillStyle = "rgb(" + b.color.join(",") + ")";
        tlCtx.fillRect(x, 46 * s, Math.max(1, 2 * s), 10 * s);
        tlItems.push({ x0: x - 3, x1: x + 3, y0: 46 * s, y1: 56 * s, tip: tx("firework", "firework") + " " + (b.label || "") + " @ " + clock(b.time_s) });
      });
      var px = tlX(state.t);
      tlCtx.fillStyle = "#ff5a5a";
      tlCtx.fillRect(px - s, 0, 2 * s, h);
    }
    function tlTime(ev) {
      var r = tl.getBoundingClientRect();
      return T_MIN + (ev.clientX - r.left) / r.width * (T_MAX - T_MIN);
    }
    tl.addEventListener("pointerdown", function (ev) {
      tl.setPointerCapture(ev.pointerId);
      setTime(tlTime(ev));
    });
    tl.addEventListener("pointermove", function (ev) {
      if (ev.buttons & 1) { setTime(tlTime(ev)); return; }
      var r = tl.getBoundingClientRect(), x = (ev.clientX - r.left) * tl.width / r.width, y = (ev.clientY - r.top) * tl.height / r.height;
      var tip = "";
      for (var i = tlItems.length - 1; i >= 0; i--) {
        var it = tlItems[i];
        if (x >= it.x0 && x <= it.x1 && y >= it.y0 && y <= it.y1) { tip = it.tip; break; }
      }
      tl.title = tip;
    });

    // ---------------------------------------------------------------- clock and music
    var state = { t: T_MIN, playing: false, speed: 1, wall0: 0, tPlay0: 0, lastDrawnT: NaN };
    var dirty = true;
    var audio = $("music"), music = meta.music, hasAudio = false;
    (function () {
      var el = $("skyshow-music"), text = el.textContent.trim();
      el.textContent = "";
      if (!music || !text) { return; }
      try {
        var blob = new Blob([decodeBase64(text)], { type: music.mime });
        audio.src = URL.createObjectURL(blob);
        hasAudio = true;
      } catch (e) {
        console.warn("skyshow preview: music not playable: " + e);
      }
    })();
    function clock(t) {
      var neg = t < 0, a = Math.abs(t), m = Math.floor(a / 60), s = a - 60 * m;
      var ss = s.toFixed(1);
      if (s >= 59.95) { m += 1; ss = "0.0"; }
      return (neg ? "-" : "") + m + ":" + (ss.length < 4 ? "0" : "") + ss;
    }
    function audioWant() { return state.t - (music ? music.offset_s : 0); }
    function syncAudio(force) {
      if (!hasAudio) { return; }
      var want = audioWant(), dur = audio.duration;
      var inside = want >= 0 && (!isFinite(dur) || want < dur);
      if (!state.playing || !inside) {
        if (!audio.paused) { audio.pause(); }
        return;
      }
      audio.playbackRate = state.speed;
      if (audio.paused) {
        audio.currentTime = want;
        var p = audio.play();
        if (p && p.catch) { p.catch(function () {}); }
      } else if (force || Math.abs(audio.currentTime - want) > 0.3) {
        audio.currentTime = want;
      }
    }
    function nowS() { return performance.now() / 1000; }
    function setTime(t) {
      if (!isFinite(t)) { return; }
      state.t = Math.max(T_MIN, Math.min(T_MAX, t));
      state.wall0 = nowS();
      state.tPlay0 = state.t;
      api.time = state.t;
      dirty = true;
      syncAudio(true);
    }
    function play() {
      if (state.t >= T_MAX) { state.t = T_MIN; }
      state.playing = true;
      api.playing = true;
      state.wall0 = nowS();
      state.tPlay0 = state.t;
      syncAudio(true);
      $("play").innerHTML = "&#10074;&#10074;";
      $("play").setAttribute("aria-label", tx("pause", "pause"));
    }
    function pause() {
      state.playing = false;
      api.playing = false;
      if (hasAudio && !audio.paused) { audio.pause(); }
      $("play").innerHTML = "&#9654;";
      $("play").setAttribute("aria-label", tx("play", "play"));
    }
    function tick() {
      if (!state.playing) { return; }
      var audioRunning = hasAudio && !audio.paused && audio.readyState >= 2 && !audio.seeking;
      if (audioRunning) {
        state.t = audio.currentTime + (music ? music.offset_s : 0);
        state.wall0 = nowS();
        state.tPlay0 = state.t;
      } else {
        state.t = state.tPlay0 + (nowS() - state.wall0) * state.speed;
        syncAudio(false);
      }
      if (state.t >= T_MAX) { state.t = T_MAX; pause(); }
      api.time = state.t;
      dirty = true;
    }

    // ---------------------------------------------------------------- status
    function status(t) {
      var best = null;
      meta.phases.forEach(function (p) {
        if (p.start_s <= t && t <= p.end_s && (!best || p.end_s - p.start_s < best.end_s - best.start_s)) { best = p; }
      });
      var chapter = "";
      meta.cues.forEach(function (c) { if (c.kind === "chapter" && c.time_s <= t) { chapter = c.name; } });
      $("chapter").textContent = chapter;
      $("phase").textContent = best ? (chapter ? "· " : "") + (best.label || best.source) : "";
    }

    // ---------------------------------------------------------------- frame loop
    var seek = $("seek"), timeEl = $("time"), stats = $("stats");
    var frames = 0, fpsT = nowS();
    function resize() {
      var w = Math.max(1, Math.round(canvas.clientWidth * dpr)), h = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; dirty = true; }
      var tw = Math.max(1, Math.round(tl.clientWidth * dpr)), th = Math.max(1, Math.round(tl.clientHeight * dpr));
      if (tl.width !== tw || tl.height !== th) { tl.width = tw; tl.height = th; }
    }
    function frame() {
      tick();
      resize();
      var t = state.t;
      var fresh = t !== state.lastDrawnT;
      if (fresh) {
        updateDrones(t);
        state.lastDrawnT = t;
      }
      if (dirty || fresh) {
        renderer.draw(canvas.width, canvas.height, t, fresh);
        api.renderer = renderer.name;
        drawTimeline();
        timeEl.textContent = clock(t);
        if (document.activeElement !== seek) { seek.value = String(t); }
        status(t);
        dirty = false;
      }
      frames++;
      var n = nowS();
      if (n - fpsT >= 1) {
        api.fps = frames / (n - fpsT);
        frames = 0;
        fpsT = n;
        stats.textContent = renderer.name + " · " + (state.playing ? api.fps.toFixed(0) + " fps · " : "") +
          "update " + api.updateMs.toFixed(1) + " ms";
      }
      if (!api.ready) {
        api.ready = true;
        api.loadMs = performance.now();
      }
      window.requestAnimationFrame(frame);
    }

    // ---------------------------------------------------------------- input
    function bindUi() {
      $("play").addEventListener("click", function () { if (state.playing) { pause(); } else { play(); } });
      seek.addEventListener("input", function () { setTime(parseFloat(seek.value)); });
      $("speed").addEventListener("change", function () {
        state.speed = parseFloat($("speed").value) || 1;
        setTime(state.t);
      });
      $("mute").addEventListener("click", function () {
        audio.muted = !audio.muted;
        $("mute").classList.toggle("on", !audio.muted);
      });
      $("mute").classList.add("on");
      var bs = document.querySelectorAll("#cams button");
      for (var i = 0; i < bs.length; i++) {
        bs[i].addEventListener("click", function (ev) { setCamera(ev.currentTarget.dataset.cam); });
      }
      var drag = null;
      canvas.addEventListener("contextmenu", function (ev) { ev.preventDefault(); });
      canvas.addEventListener("pointerdown", function (ev) {
        canvas.setPointerCapture(ev.pointerId);
        drag = { x: ev.clientX, y: ev.clientY, pan: ev.button !== 0 || ev.shiftKey };
      });
      canvas.addEventListener("pointerup", function () { drag = null; });
      canvas.addEventListener("pointermove", function (ev) {
        if (!drag) { return; }
        var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
        drag.x = ev.clientX; drag.y = ev.clientY;
        if (drag.pan) {
          var vs = viewState(canvas.width, canvas.height), k = orbit.dist / vs.focal * dpr;
          for (var j = 0; j < 3; j++) { orbit.target[j] += (-vs.r[j] * dx + vs.u[j] * dy) * k; }
        } else {
          orbit.az -= dx * 0.005;
          orbit.el += dy * 0.005;
        }
        clampOrbit();
        markOrbit();
      });
      canvas.addEventListener("wheel", function (ev) {
        ev.preventDefault();
        orbit.dist *= Math.exp(Math.max(-1, Math.min(1, ev.deltaY * 0.001)));
        clampOrbit();
        markOrbit();
      }, { passive: false });
      window.addEventListener("keydown", function (ev) {
        if (ev.target && ev.target.tagName === "INPUT" && ev.key !== " ") { return; }
        var step = ev.shiftKey ? 10 : 1;
        if (ev.key === " ") { ev.preventDefault(); if (state.playing) { pause(); } else { play(); } }
        else if (ev.key === "ArrowLeft") { setTime(state.t - step); }
        else if (ev.key === "ArrowRight") { setTime(state.t + step); }
        else if (ev.key === "Home") { setTime(T_MIN); }
        else if (ev.key === "1") { setCamera("audience"); }
        else if (ev.key === "2") { setCamera("top"); }
        else if (ev.key === "3") { setCamera("orbit"); }
      });
      window.addEventListener("hashchange", applyHash);
      window.addEventListener("resize", function () { dirty = true; });
    }
    function clampOrbit() {
      orbit.dist = Math.max(2, Math.min(60000, orbit.dist));
      var lim = 89.9 * Math.PI / 180;
      var minEl = Math.asin(Math.max(-1, Math.min(1, (1 - orbit.target[2]) / orbit.dist)));
      orbit.el = Math.max(Math.max(-lim, minEl), Math.min(lim, orbit.el));
    }
    function markOrbit() {
      api.camera = "orbit";
      var bs = document.querySelectorAll("#cams button");
      for (var i = 0; i < bs.length; i++) { bs[i].classList.toggle("on", bs[i].dataset.cam === "orbit"); }
      dirty = true;
    }
    function applyHash() {
      var m = /(?:^#|&)t=([0-9.:-]+)/.exec(window.location.hash);
      if (!m) { return false; }
      var parts = m[1].split(":"), t = 0;
      for (var i = 0; i < parts.length; i++) { t = t * 60 + parseFloat(parts[i]); }
      if (!isFinite(t)) { return false; }
      pause();
      setTime(t);
      return true;
    }

    // ---------------------------------------------------------------- start
    api.setTime = setTime;
    api.play = play;
    api.pause = pause;
    api.setCamera = setCamera;
    try {
      renderer = makeGl();
    } catch (e) {
      console.warn("skyshow preview: WebGL failed (" + e.message + "), using the 2D canvas");
      renderer = null;
    }
    if (!renderer) { renderer = make2d(); }
    if (!renderer) {
      fail(tx("no_canvas", "This browser can draw neither WebGL nor 2D canvas."));
      return;
    }
    api.renderer = renderer.name;
    seek.min = String(T_MIN);
    seek.max = String(T_MAX);
    var saved = null;
    try { saved = JSON.parse(window.sessionStorage.getItem("skyshow-camera") || "null"); } catch (e) { saved = null; }
    if (saved && meta.live_reload_url && saved.orbit) {
      setCamera(saved.name || "audience");
      orbit = saved.orbit;
    } else {
      setCamera("audience");
    }
    bindUi();
    if (!applyHash()) { setTime(T_MIN); }
    window.requestAnimationFrame(frame);
    if (meta.live_reload_url) { watch(meta.live_reload_url); }

    // skyshow preview (served on 127.0.0.1): reload when the server says the show changed,
    // keeping the time and the camera.
    function watch(url) {
      var last = null;
      function poll() {
        fetch(url, { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; }).then(function (v) {
          if (v === null) { return; }
          if (last !== null && v !== last) {
            try {
              window.sessionStorage.setItem("skyshow-camera", JSON.stringify({ name: api.camera, orbit: orbit }));
            } catch (e) { /* storage unavailable: the camera resets */ }
            window.location.hash = "#t=" + api.time.toFixed(3);
            window.location.reload();
            return;
          }
          last = v;
        }).catch(function () { /* server gone: keep the page as it is */ }).then(function () {
          window.setTimeout(poll, 1000);
        });
      }
      poll();
    }
  }
})();
