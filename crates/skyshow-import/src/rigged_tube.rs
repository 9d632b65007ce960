//! `RiggedTube`: a small animated glTF 2.0 file made from parameters — a closed tube along
//! `+x`, skinned to a chain of bones that bend it about `z` (`y` up), with an optional morph
//! target that swells it — for tests, benchmarks and fuzz seeds. Written as `.glb` bytes,
//! or as `.gltf` JSON naming an external `.bin`.

use std::f64::consts::PI;

/// A bending tube and its animation.
#[derive(Clone, Debug, PartialEq)]
pub struct RiggedTube {
    /// Length along `x`, file units. Default 20.
    pub length: f64,
    /// Radius, file units. Default 2.
    pub radius: f64,
    /// Rings of vertices along the tube (≥ 2). Default 41.
    pub rings: usize,
    /// Vertices around each ring (≥ 3). Default 12.
    pub sides: usize,
    /// Bones in the chain, each `length / bones` long (≥ 1). Default 2.
    pub bones: usize,
    /// Share of each bone's length, around its joint, over which the skin blends from the
    /// bone before to it (0 = rigid segments). Default 0.3.
    pub blend: f64,
    /// Largest bend of each joint after the first, degrees (`bend · sin(2π t / duration)`).
    /// Default 40.
    pub bend_deg: f64,
    /// Clip length, seconds. Default 4.
    pub duration_s: f64,
    /// Keys of each channel, evenly spaced over the clip (≥ 2). Default 9.
    pub keys: usize,
    /// The samplers' interpolation: `LINEAR`, `STEP` or `CUBICSPLINE`. Default `LINEAR`.
    pub interpolation: &'static str,
    /// Add a morph target that swells the tube by half its radius, its weight going
    /// 0 → 1 → 0 over the clip. Default false.
    pub swell: bool,
    /// What each vertex's skin weights sum to as written (1 = normalised). Default 1.
    pub weight_sum: f64,
    /// The animation's name. Default `Bend`.
    pub name: &'static str,
}

impl Default for RiggedTube {
    fn default() -> Self {
        RiggedTube {
            length: 20.0,
            radius: 2.0,
            rings: 41,
            sides: 12,
            bones: 2,
            blend: 0.3,
            bend_deg: 40.0,
            duration_s: 4.0,
            keys: 9,
            interpolation: "LINEAR",
            swell: false,
            weight_sum: 1.0,
            name: "Bend",
        }
    }
}

/// Bytes appended to the binary buffer, with the accessors that read them.
#[derive(Default)]
struct Bin {
    bytes: Vec<u8>,
    views: Vec<String>,
    accessors: Vec<String>,
}

impl Bin {
    /// Appends f32 elements of `kind` (`SCALAR`, `VEC3`, …); returns the accessor index.
    fn floats(&mut self, values: &[f64], kind: &str, minmax: bool) -> usize {
        let width = match kind {
            "SCALAR" => 1,
            "VEC3" => 3,
            "VEC4" => 4,
            _ => 16,
        };
        let start = self.bytes.len();
        for v in values {
            self.bytes.extend_from_slice(&(*v as f32).to_le_bytes());
        }
        let mut extra = String::new();
        if minmax {
            let col = |k: usize| values.iter().skip(k).step_by(width).map(|v| *v as f32);
            let min: Vec<String> = (0..width)
                .map(|k| col(k).fold(f32::INFINITY, f32::min).to_string())
                .collect();
            let max: Vec<String> = (0..width)
                .map(|k| col(k).fold(f32::NEG_INFINITY, f32::max).to_string())
                .collect();
            extra = format!(r#","min":[{}],"max":[{}]"#, min.join(","), max.join(","));
        }
        self.view_and_accessor(start, 5126, values.len() / width, kind, &extra)
    }

    /// Appends u8 or u32 integers; returns the accessor index.
    fn ints(&mut self, values: &[u32], kind: &str, component: u32) -> usize {
        let start = self.bytes.len();
        for v in values {
            match component {
                5121 => self.bytes.push(*v as u8),
                _ => self.bytes.extend_from_slice(&v.to_le_bytes()),
            }
        }
        let width = if kind == "VEC4" { 4 } else { 1 };
        self.view_and_accessor(start, component, values.len() / width, kind, "")
    }

    fn view_and_accessor(
        &mut self,
        start: usize,
        component: u32,
        count: usize,
        kind: &str,
        extra: &str,
    ) -> usize {
        let len = self.bytes.len() - start;
        while !self.bytes.len().is_multiple_of(4) {
            self.bytes.push(0);
        }
        self.views.push(format!(
            r#"{{"buffer":0,"byteOffset":{start},"byteLength":{len}}}"#
        ));
        self.accessors.push(format!(
            r#"{{"bufferView":{},"componentType":{component},"count":{count},"type":"{kind}"{extra}}}"#,
            self.views.len() - 1
        ));
        self.accessors.len() - 1
    }
}

impl RiggedTube {
    /// The joint angle of every bone after the first at time `t_s`, radians.
    pub fn bend_at(&self, t_s: f64) -> f64 {
        self.bend_deg.to_radians() * (2.0 * PI * t_s / self.duration_s).sin()
    }

    /// The morph weight at time `t_s` (0 → 1 → 0).
    pub fn swell_at(&self, t_s: f64) -> f64 {
        (PI * t_s / self.duration_s).sin().max(0.0)
    }

    /// What the file's `LINEAR` keys of `f` give at time `t_s`: `f` at the key times,
    /// straight between them (a rotation about a fixed axis slerps its angle straight).
    pub fn keyed(&self, t_s: f64, f: impl Fn(f64) -> f64) -> f64 {
        let keys = self.keys.max(2);
        let dt = self.duration_s / (keys - 1) as f64;
        let x = (t_s / dt).clamp(0.0, (keys - 1) as f64);
        let k = (x.floor() as usize).min(keys - 2);
        let s = x - k as f64;
        f(k as f64 * dt) * (1.0 - s) + f((k + 1) as f64 * dt) * s
    }

    /// Skin weights of a point at `x`: `(bone, weight)`, summing to 1.
    pub fn weights_at(&self, x: f64) -> Vec<(usize, f64)> {
        let seg = self.length / self.bones as f64;
        let half = self.blend * seg / 2.0;
        let mut out: Vec<(usize, f64)> = Vec::new();
        for j in 1..self.bones {
            let at = j as f64 * seg;
            if half > 0.0 && (x - at).abs() < half {
                let f = (x - at + half) / (2.0 * half);
                return vec![(j - 1, 1.0 - f), (j, f)];
            }
        }
        let bone = ((x / seg).floor().max(0.0) as usize).min(self.bones - 1);
        out.push((bone, 1.0));
        out
    }

    /// The closed tube: vertices and triangles (rings, then the two end centres).
    pub fn mesh(&self) -> (Vec<[f64; 3]>, Vec<[u32; 3]>) {
        let (rings, sides) = (self.rings.max(2), self.sides.max(3));
        let mut v = Vec::new();
        for i in 0..rings {
            let x = self.length * i as f64 / (rings - 1) as f64;
            for j in 0..sides {
                let a = 2.0 * PI * j as f64 / sides as f64;
                v.push([x, self.radius * a.cos(), self.radius * a.sin()]);
            }
        }
        let (c0, c1) = (v.len() as u32, v.len() as u32 + 1);
        v.push([0.0, 0.0, 0.0]);
        v.push([self.length, 0.0, 0.0]);
        let mut t = Vec::new();
        let at = |i: usize, j: usize| (i * sides + j % sides) as u32;
        for i in 0..rings - 1 {
            for j in 0..sides {
                t.push([at(i, j), at(i + 1, j), at(i + 1, j + 1)]);
                t.push([at(i, j), at(i + 1, j + 1), at(i, j + 1)]);
            }
        }
        for j in 0..sides {
            t.push([c0, at(0, j + 1), at(0, j)]);
            t.push([c1, at(rings - 1, j), at(rings - 1, j + 1)]);
        }
        (v, t)
    }

    /// The file as `.gltf` JSON whose one buffer is `uri`, and that buffer's bytes.
    pub fn gltf(&self, uri: &str) -> (String, Vec<u8>) {
        self.build(Some(uri))
    }

    /// The file as `.glb` bytes.
    pub fn glb(&self) -> Vec<u8> {
        let (json, bin) = self.build(None);
        let mut j = json.into_bytes();
        while j.len() % 4 != 0 {
            j.push(b' ');
        }
        let mut out = Vec::new();
        out.extend_from_slice(b"glTF");
        out.extend_from_slice(&2u32.to_le_bytes());
        out.extend_from_slice(&((12 + 8 + j.len() + 8 + bin.len()) as u32).to_le_bytes());
        out.extend_from_slice(&(j.len() as u32).to_le_bytes());
        out.extend_from_slice(b"JSON");
        out.extend_from_slice(&j);
        out.extend_from_slice(&(bin.len() as u32).to_le_bytes());
        out.extend_from_slice(b"BIN\0");
        out.extend_from_slice(&bin);
        out
    }

    /// The glTF JSON (whose one buffer is `uri`, or the GLB's own chunk) and the buffer.
    fn build(&self, uri: Option<&str>) -> (String, Vec<u8>) {
        let bones = self.bones.max(1);
        let seg = self.length / bones as f64;
        let (verts, tris) = self.mesh();
        let mut bin = Bin::default();
        let flat: Vec<f64> = verts.iter().flatten().copied().collect();
        let pos = bin.floats(&flat, "VEC3", true);
        let idx: Vec<u32> = tris.iter().flatten().copied().collect();
        let ind = bin.ints(&idx, "SCALAR", 5125);
        let (jnt, wgt) = self.skin_attributes(&verts, &mut bin);
        let targets = if self.swell {
            let a = self.swell_target(&verts, &mut bin);
            format!(r#","targets":[{{"POSITION":{a}}}]"#)
        } else {
            String::new()
        };
        let ibm = inverse_bind_matrices(bones, seg, &mut bin);
        let (samplers, channels) = self.animation(bones, &mut bin);
        let joint_list: Vec<String> = (0..bones).map(|b| (b + 1).to_string()).collect();
        let uri = uri.map_or(String::new(), |u| format!(r#","uri":"{u}""#));
        let mesh_weights = if self.swell { r#","weights":[0]"# } else { "" };
        let json = format!(
            r#"{{"asset":{{"version":"2.0","generator":"skyshow RiggedTube"}},"scene":0,"scenes":[{{"nodes":[0,1]}}],
"nodes":[{nodes}],
"skins":[{{"joints":[{joints}],"inverseBindMatrices":{ibm},"skeleton":1}}],
"meshes":[{{"name":"Tube","primitives":[{{"attributes":{{"POSITION":{pos},"JOINTS_0":{jnt},"WEIGHTS_0":{wgt}}},"indices":{ind}{targets}}}]{mesh_weights}}}],
"animations":[{{"name":"{name}","samplers":[{samplers}],"channels":[{channels}]}}],
"buffers":[{{"byteLength":{len}{uri}}}],
"bufferViews":[{views}],
"accessors":[{accessors}]}}"#,
            nodes = nodes(bones, seg).join(","),
            joints = joint_list.join(","),
            name = self.name,
            samplers = samplers.join(","),
            channels = channels.join(","),
            len = bin.bytes.len(),
            views = bin.views.join(","),
            accessors = bin.accessors.join(",\n"),
        );
        (json, bin.bytes)
    }

    /// Each vertex's four joints and weights (`JOINTS_0`, `WEIGHTS_0`), scaled to
    /// `weight_sum`: their accessors.
    fn skin_attributes(&self, verts: &[[f64; 3]], bin: &mut Bin) -> (usize, usize) {
        let (mut joints, mut weights) = (Vec::new(), Vec::new());
        for p in verts {
            let w = self.weights_at(p[0]);
            for k in 0..4 {
                let (b, x) = w.get(k).copied().unwrap_or((0, 0.0));
                joints.push(b as u32);
                weights.push(x * self.weight_sum);
            }
        }
        (
            bin.ints(&joints, "VEC4", 5121),
            bin.floats(&weights, "VEC4", false),
        )
    }

    /// The morph target that swells the tube by half its radius: its accessor.
    fn swell_target(&self, verts: &[[f64; 3]], bin: &mut Bin) -> usize {
        let d: Vec<f64> = verts
            .iter()
            .flat_map(|p| {
                let r = (p[1] * p[1] + p[2] * p[2]).sqrt();
                let k = if r > 0.0 { 0.5 } else { 0.0 };
                [0.0, p[1] * k, p[2] * k]
            })
            .collect();
        bin.floats(&d, "VEC3", true)
    }

    /// The animation's samplers and channels: every joint after the first turns about z
    /// (one shared sampler), and the swell's weight when there is one.
    fn animation(&self, bones: usize, bin: &mut Bin) -> (Vec<String>, Vec<String>) {
        let keys = self.keys.max(2);
        let times: Vec<f64> = (0..keys)
            .map(|k| self.duration_s * k as f64 / (keys - 1) as f64)
            .collect();
        let cubic = self.interpolation == "CUBICSPLINE";
        let rot: Vec<f64> = times
            .iter()
            .flat_map(|&t| self.rotation_key(t, cubic))
            .collect();
        let input = bin.floats(&times, "SCALAR", true);
        let rot_out = bin.floats(&rot, "VEC4", false);
        let mut samplers = vec![format!(
            r#"{{"input":{input},"output":{rot_out},"interpolation":"{}"}}"#,
            self.interpolation
        )];
        let mut channels: Vec<String> = (1..bones)
            .map(|b| {
                format!(
                    r#"{{"sampler":0,"target":{{"node":{},"path":"rotation"}}}}"#,
                    b + 1
                )
            })
            .collect();
        if self.swell {
            let w: Vec<f64> = times
                .iter()
                .flat_map(|&t| {
                    let v = self.swell_at(t);
                    if cubic {
                        let d = PI / self.duration_s * (PI * t / self.duration_s).cos();
                        vec![d, v, d]
                    } else {
                        vec![v]
                    }
                })
                .collect();
            let w = bin.floats(&w, "SCALAR", false);
            samplers.push(format!(
                r#"{{"input":{input},"output":{w},"interpolation":"{}"}}"#,
                self.interpolation
            ));
            channels.push(r#"{"sampler":1,"target":{"node":0,"path":"weights"}}"#.into());
        }
        (samplers, channels)
    }

    /// A joint's rotation key at `t`: the quaternion, with its in and out tangents around it
    /// for a cubic spline.
    fn rotation_key(&self, t: f64, cubic: bool) -> Vec<f64> {
        let a = self.bend_at(t) / 2.0;
        let q = [0.0, 0.0, a.sin(), a.cos()];
        if cubic {
            // Tangents of q(t) = (0, 0, sin(θ/2), cos(θ/2)), θ = bend · sin(ωt).
            let w = 2.0 * PI / self.duration_s;
            let dtheta = self.bend_deg.to_radians() * w * (w * t).cos();
            let d = [0.0, 0.0, a.cos() * dtheta / 2.0, -a.sin() * dtheta / 2.0];
            [d, q, d].concat()
        } else {
            q.to_vec()
        }
    }
}

/// Each bone's inverse bind matrix (bone `b` starts `b · seg` along `x`): their accessor.
fn inverse_bind_matrices(bones: usize, seg: f64, bin: &mut Bin) -> usize {
    let mut ibm = Vec::new();
    for b in 0..bones {
        let mut m = [0.0; 16];
        m[0] = 1.0;
        m[5] = 1.0;
        m[10] = 1.0;
        m[15] = 1.0;
        m[12] = -(b as f64) * seg;
        ibm.extend_from_slice(&m);
    }
    bin.floats(&ibm, "MAT4", false)
}

/// The nodes: the skinned mesh, then the bones, each the child of the one before.
fn nodes(bones: usize, seg: f64) -> Vec<String> {
    let mut nodes = vec![r#"{"name":"Tube","mesh":0,"skin":0}"#.to_string()];
    for b in 0..bones {
        let children = if b + 1 < bones {
            format!(r#","children":[{}]"#, b + 2)
        } else {
            String::new()
        };
        let t = if b == 0 { 0.0 } else { seg };
        nodes.push(format!(
            r#"{{"name":"Bone{b}","translation":[{t},0,0]{children}}}"#
        ));
    }
    nodes
}
