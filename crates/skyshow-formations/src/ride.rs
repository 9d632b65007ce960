//! `Ride`: drones placed once on an animated mesh (its surface or its volume), each riding
//! its own point of the mesh through the animation, spaced so they keep their distance in
//! every frame.
//!
//! The points are first spread evenly over the mesh as it stands when the hold starts (the
//! still mesh sampler), then anchored to their triangles ([`Anchor`]). The distance
//! between two anchors is their smallest distance over the whole clip (`Tracks`, straight
//! between frames); pairs closer than the target spacing in some frame are pushed apart in
//! that frame, and the push is carried back onto the still mesh through the triangles'
//! deformation (the inverse of each triangle's frame map), so a pair that only meets when
//! the mesh folds is separated where it meets. The configuration with the largest
//! smallest distance over the clip is kept.

use skyshow_model::{Clip, MeshAnimation, Playback, PointTracks, Rgb, Vec3};

use crate::anchor::{Anchor, frame, solve};
use crate::frame::LocalFrame;
use crate::frame_spacing::{ClosePair, Tracks};
use crate::mesh::{Mesh, Surface, Volume};
use crate::mesh_frames::{Clock, MeshFrames};
use crate::picture::{Sampled, hex_spacing};
use crate::relax::Domain;
use crate::triangles::TriangleIndex;

/// Frames the repulsion measures on, at most (evenly picked from the clock's).
const COARSE_FRAMES: usize = 96;
/// Repulsion steps, at most.
pub(crate) const ITERS: usize = 120;
/// Repulsion stops after this many steps without a larger smallest distance.
const STALL: usize = 30;
/// Share of a pair's shortfall each of the two is pushed by per step (half would close
/// it at once if nothing else pushed; less keeps crowded points from overshooting).
const PUSH: f64 = 0.3;
/// The pairs closer than this multiple of the smallest distance push in a step.
const REACH: f64 = 1.25;
/// How far the tracks may stray from the exact pose between samples, metres.
pub(crate) const TRACK_TOLERANCE_M: f64 = 0.01;

/// Drones riding an animated mesh.
#[derive(Debug)]
pub(crate) struct Ride {
    /// The drones where the hold starts (the mesh as sampled), local frame.
    pub(crate) points: Vec<Vec3>,
    /// Their colours, when the mesh has colours.
    pub(crate) colors: Option<Vec<Rgb>>,
    /// The spacing of a perfectly even sampling of the mesh where it is smallest over the
    /// clip (least area or volume), metres.
    pub(crate) ideal_spacing_m: f64,
    /// Hausdorff distance between the points and the still mesh, metres (an upper bound).
    pub(crate) max_shape_distance_m: f64,
    /// The clock the tracks are sampled on (clip time from the clip's first key).
    pub(crate) clock: Clock,
    /// Every drone in every frame of the clock, local frame, frame after frame.
    pub(crate) tracks: Vec<Vec3>,
    /// The closest two drones come over the clip (`None` for one drone).
    pub(crate) closest: Option<ClosePair>,
}

impl Ride {
    /// The drones' tracks in the show frame (`frame` places the formation), played as
    /// `playback` says.
    pub(crate) fn clip(&self, playback: Playback, frame: &LocalFrame) -> Clip {
        let n = self.points.len();
        let mut tracks = PointTracks::new(self.clock.step_s, n);
        let mut buf = Vec::with_capacity(n);
        for k in 0..self.clock.frames {
            buf.clear();
            buf.extend(
                self.tracks[k * n..(k + 1) * n]
                    .iter()
                    .map(|p| frame.to_show(*p)),
            );
            tracks.push_frame(&buf);
        }
        Clip { tracks, playback }
    }

    /// The drones where the hold starts, as the still samplers give them.
    pub(crate) fn sampled(&self) -> Sampled {
        Sampled {
            points: self.points.clone(),
            colors: self.colors.clone(),
            ideal_spacing_m: self.ideal_spacing_m,
            max_shape_distance_m: self.max_shape_distance_m,
            close_lines_share: None,
            detail: None,
        }
    }
}

/// What a ride samples: a mesh as it stands when the hold starts, and its animation.
pub(crate) struct RideInput<'a> {
    /// The still mesh (the animation's pose at the start of the hold).
    pub(crate) mesh: &'a Mesh,
    /// The animation, posing the same vertices.
    pub(crate) anim: &'a MeshAnimation,
    /// Drones.
    pub(crate) n: usize,
    /// Seed of the sampling.
    pub(crate) seed: u64,
    /// Through the volume instead of on the surface.
    pub(crate) volume: bool,
    /// Repulsion steps over the clip, at most ([`ITERS`] by default; 0 keeps the still
    /// mesh's sampling).
    pub(crate) iterations: usize,
}

impl RideInput<'_> {
    /// The drones, placed and spaced; `None` when the mesh has nothing to place them on.
    pub(crate) fn sample(&self) -> Option<Ride> {
        let mesh = self.mesh;
        let sampled = if self.volume {
            mesh.sample_volume(self.n, self.seed)?
        } else {
            mesh.sample_surface(self.n, self.seed)?
        };
        let index = TriangleIndex::new(mesh.tris().to_vec(), sampled.ideal_spacing_m);
        let anchors: Vec<Anchor> = sampled
            .points
            .iter()
            .map(|p| anchor(&index, mesh, *p))
            .collect::<Option<_>>()?;
        let (clock, _) = Clock::fit(self.anim, TRACK_TOLERANCE_M);
        let times: Vec<f64> = coarse(clock.frames)
            .iter()
            .map(|&k| clock.time(self.anim, k))
            .collect();
        let all_vertices: Vec<usize> = mesh.ids().iter().flatten().copied().collect();
        let coarse_frames = MeshFrames::new(self.anim, &all_vertices, &times);
        let ideal = self
            .smallest_ideal(&coarse_frames)
            .min(sampled.ideal_spacing_m);
        let (anchors, points, moved) =
            self.repel(&sampled.points, anchors, &coarse_frames, &index, ideal);
        let (tracks, closest) = self.full_tracks(&anchors, clock, ideal);
        let colors = sampled.colors.as_ref().map(|_| {
            anchors
                .iter()
                .map(|a| {
                    mesh.color(a.triangle as usize, a.bary())
                        .unwrap_or(Rgb::WHITE)
                })
                .collect()
        });
        Some(Ride {
            points,
            colors,
            ideal_spacing_m: ideal,
            max_shape_distance_m: sampled.max_shape_distance_m + moved,
            clock,
            tracks,
            closest,
        })
    }

    /// Pushes the anchored points apart where they come closest over `frames`, for at most
    /// `self.iterations` steps (stopping at 0.9 × `ideal` or after a stall): the anchors and
    /// still-mesh points of the configuration with the largest smallest distance, and how
    /// far a point of it moved from `start` (the still sampling), metres.
    fn repel(
        &self,
        start: &[Vec3],
        mut anchors: Vec<Anchor>,
        frames: &MeshFrames,
        index: &TriangleIndex,
        ideal: f64,
    ) -> (Vec<Anchor>, Vec<Vec3>, f64) {
        let mesh = self.mesh;
        let target = 0.93 * ideal;
        let goal = 0.9 * ideal;
        let mut points = start.to_vec();
        let mut moved = 0.0f64;
        let mut best = (f64::NEG_INFINITY, anchors.clone(), points.clone(), 0.0);
        let mut best_at = 0;
        let domain_surface;
        let domain_volume;
        let domain: &dyn Domain = if self.volume {
            domain_volume = Volume(index);
            &domain_volume
        } else {
            domain_surface = Surface(index);
            &domain_surface
        };
        for it in 0..=self.iterations {
            let pos = self.place_all(&anchors, frames);
            let tracks = Tracks {
                n: anchors.len(),
                pos: &pos,
            };
            let pairs = tracks.close_pairs(target);
            let gap = pairs.iter().map(|p| p.dist).fold(target, f64::min);
            if gap > best.0 {
                best = (gap, anchors.clone(), points.clone(), moved);
                best_at = it;
            }
            if gap >= goal || it == self.iterations || it - best_at > STALL {
                break;
            }
            // Only the pairs near the smallest distance push (towards a little beyond
            // it): crowded points then make room where it is tightest instead of all
            // pushing against each other.
            let reach = target.min(gap * REACH);
            let close: Vec<ClosePair> = pairs.into_iter().filter(|p| p.dist < reach).collect();
            let push = self.pushes(&anchors, frames, &tracks, &close, reach);
            for (i, d) in push.into_iter().enumerate() {
                if d == Vec3::ZERO {
                    continue;
                }
                let d = if d.norm() > target / 2.0 {
                    d * (target / 2.0 / d.norm())
                } else {
                    d
                };
                let p = domain.project(points[i] + d);
                if let Some(a) = anchor(index, mesh, p) {
                    moved = moved.max(p.dist(start[i]));
                    anchors[i] = a;
                    points[i] = p;
                }
            }
        }
        let (_, anchors, points, moved) = best;
        (anchors, points, moved)
    }

    /// The ideal spacing where the mesh is smallest over `frames` (least area, or least
    /// enclosed volume).
    fn smallest_ideal(&self, frames: &MeshFrames) -> f64 {
        let ids = self.mesh.ids();
        let mut least = f64::INFINITY;
        for k in 0..frames.frames() {
            let mut area = 0.0;
            let mut volume = 0.0;
            for t in ids {
                let [a, b, c] = frames.triangle(k, t);
                area += (b - a).cross(c - a).norm() / 2.0;
                volume += a.dot(b.cross(c)) / 6.0;
            }
            least = least.min(if self.volume { volume.abs() } else { area });
        }
        let n = self.n.max(1) as f64;
        if self.volume {
            (2f64.sqrt() * least / n).cbrt()
        } else {
            hex_spacing(least, self.n)
        }
    }

    /// Every anchor placed in every frame of `frames`, frame after frame.
    fn place_all(&self, anchors: &[Anchor], frames: &MeshFrames) -> Vec<Vec3> {
        let ids = self.mesh.ids();
        let mut pos = Vec::with_capacity(anchors.len() * frames.frames());
        for k in 0..frames.frames() {
            for a in anchors {
                pos.push(a.place(&frames.triangle(k, &ids[a.triangle as usize])));
            }
        }
        pos
    }

    /// Each point's push on the still mesh: every close pair pushed apart in the frame
    /// where it comes closest, each half of the shortfall, carried back through its
    /// triangle's deformation.
    fn pushes(
        &self,
        anchors: &[Anchor],
        frames: &MeshFrames,
        tracks: &Tracks<'_>,
        pairs: &[ClosePair],
        target: f64,
    ) -> Vec<Vec3> {
        let ids = self.mesh.ids();
        let tris = self.mesh.tris();
        let mut push = vec![Vec3::ZERO; anchors.len()];
        let last = frames.frames() - 1;
        for p in pairs {
            let k = (p.at.round() as usize).min(last);
            let (i, j) = (p.i as usize, p.j as usize);
            let d = tracks.at(k, i) - tracks.at(k, j);
            let len = d.norm();
            let dir = if len > 1e-9 {
                d / len
            } else {
                let a = i as f64 * 2.399_963;
                Vec3::new(a.cos(), a.sin(), 0.0)
            };
            let amount = (target - p.dist) * PUSH;
            for (who, sign) in [(i, 1.0), (j, -1.0)] {
                let t = anchors[who].triangle as usize;
                let now = frame(&frames.triangle(k, &ids[t]));
                let Some(x) = solve(now, dir * (amount * sign)) else {
                    continue;
                };
                let [e1, e2, n] = frame(&tris[t]);
                push[who] += e1 * x[0] + e2 * x[1] + n * x[2];
            }
        }
        push
    }

    /// The anchors' tracks on the whole clock, and their closest approach.
    fn full_tracks(
        &self,
        anchors: &[Anchor],
        clock: Clock,
        guess: f64,
    ) -> (Vec<Vec3>, Option<ClosePair>) {
        let ids = self.mesh.ids();
        let used: Vec<usize> = anchors
            .iter()
            .flat_map(|a| ids[a.triangle as usize])
            .collect();
        let times: Vec<f64> = (0..clock.frames)
            .map(|k| clock.time(self.anim, k))
            .collect();
        let frames = MeshFrames::new(self.anim, &used, &times);
        let pos = self.place_all(anchors, &frames);
        let closest = Tracks {
            n: anchors.len(),
            pos: &pos,
        }
        .min_spacing(guess);
        (pos, closest)
    }
}

/// Up to [`COARSE_FRAMES`] frame indices spread evenly over `frames`, first and last
/// included.
fn coarse(frames: usize) -> Vec<usize> {
    if frames <= COARSE_FRAMES {
        return (0..frames).collect();
    }
    let m = COARSE_FRAMES - 1;
    (0..=m).map(|k| k * (frames - 1) / m).collect()
}

/// The anchor of `p` on its nearest triangle of `mesh` (`None` for a degenerate one).
fn anchor(index: &TriangleIndex, mesh: &Mesh, p: Vec3) -> Option<Anchor> {
    let near = index.nearest(p);
    Anchor::new(near.triangle, &mesh.tris()[near.triangle], p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_import::RiggedTube;
    use skyshow_model::Shape;

    /// The mesh shape a show file makes of `tube` (`size_m`, `mode`).
    fn shape_of(tube: &RiggedTube, size_m: f64, mode: &str, drones: usize) -> Shape {
        let glb = tube.glb();
        let text = format!(
            "title = \"t\"\n[fleet]\ndrones = {drones}\n[fleet.grid]\nrows = 20\ncolumns = 20\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"tube\"\nhold = 10\nshape = \"mesh\"\nfile = \"tube.glb\"\nsize_m = {size_m}\nmode = \"{mode}\"\n"
        );
        let (design, _, _) = skyshow_import::parse_show_with("show.toml", &text, &mut |f| {
            assert_eq!(f, "tube.glb");
            Ok(glb.clone())
        })
        .unwrap();
        design.formations[0].shape.clone()
    }

    fn ride_of(shape: &Shape, n: usize, iterations: usize) -> (Ride, MeshAnimation) {
        let Shape::Mesh {
            vertices,
            triangles,
            colors,
            volume,
            animation: Some(anim),
            ..
        } = shape
        else {
            panic!("not an animated mesh")
        };
        let mesh = Mesh::new(vertices, triangles, colors.as_deref());
        let ride = RideInput {
            mesh: &mesh,
            anim,
            n,
            seed: 1,
            volume: *volume,
            iterations,
        }
        .sample()
        .unwrap();
        (ride, (**anim).clone())
    }

    /// A two-bone tube bending at its joint: drones past the skin's blend turn rigidly
    /// about the joint with the second bone, drones before it stay where they are.
    #[test]
    fn drones_follow_the_bone() {
        let tube = RiggedTube::default();
        let shape = shape_of(&tube, 60.0, "surface", 120);
        let (ride, anim) = ride_of(&shape, 120, ITERS);
        let m = anim.to_local;
        let k = m[0][0];
        let to_local = |x: f64| Vec3::new(m[3][0] + k * x, m[3][1], m[3][2]);
        let joint = to_local(10.0);
        let (second, first) = (to_local(11.6).x, to_local(8.4).x);
        let n = ride.points.len();
        let (mut on_second, mut on_first) = (0, 0);
        for f in 0..ride.clock.frames {
            let theta = tube.keyed(ride.clock.time(&anim, f), |t| tube.bend_at(t));
            for i in 0..n {
                let p0 = ride.tracks[i];
                let p = ride.tracks[f * n + i];
                let want = if p0.x > second {
                    on_second += 1;
                    let d = p0 - joint;
                    joint
                        + Vec3::new(
                            d.x * theta.cos() - d.y * theta.sin(),
                            d.x * theta.sin() + d.y * theta.cos(),
                            d.z,
                        )
                } else if p0.x < first {
                    on_first += 1;
                    p0
                } else {
                    continue;
                };
                assert!(
                    p.dist(want) < 1e-3,
                    "drone {i}, frame {f}: {p:?} vs {want:?}"
                );
            }
        }
        assert!(on_second > 0 && on_first > 0);
        // The points were sampled on the mesh as it stands at the start.
        for (i, p) in ride.points.iter().enumerate() {
            assert!(p.dist(ride.tracks[i]) < 1e-9);
        }
    }

    /// A morph target swelling the tube: drones on its side move out from the axis by half
    /// the radius times the weight.
    #[test]
    fn drones_follow_a_morph_target() {
        let tube = RiggedTube {
            swell: true,
            bend_deg: 0.0,
            ..RiggedTube::default()
        };
        let shape = shape_of(&tube, 60.0, "surface", 80);
        let (ride, anim) = ride_of(&shape, 80, ITERS);
        let m = anim.to_local;
        let k = m[0][0];
        let axis = Vec3::new(0.0, m[3][1], m[3][2]);
        let (lo, hi) = (m[3][0] + k * 0.01, m[3][0] + k * 19.99);
        let n = ride.points.len();
        let mut checked = 0;
        for f in 0..ride.clock.frames {
            let w = tube.keyed(ride.clock.time(&anim, f), |t| tube.swell_at(t));
            for i in 0..n {
                let p0 = ride.tracks[i];
                if p0.x <= lo || p0.x >= hi {
                    continue;
                }
                let r0 = Vec3::new(0.0, p0.y, p0.z).dist(axis);
                let p = ride.tracks[f * n + i];
                let r = Vec3::new(0.0, p.y, p.z).dist(axis);
                // A side point is on a chord between two ring vertices: it swells by the
                // same factor as they do.
                assert!(
                    (r - r0 * (1.0 + 0.5 * w)).abs() < 1e-3,
                    "{r} vs {r0} at w {w}"
                );
                assert!((p.x - p0.x).abs() < 1e-6);
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The spacing over the clip equals a brute force over every pair and frame, and the
    /// every-frame repulsion keeps drones farther apart than the still sampling does.
    #[test]
    fn every_frame_spacing_against_brute_force() {
        let tube = RiggedTube {
            bones: 3,
            bend_deg: 80.0,
            ..RiggedTube::default()
        };
        let shape = shape_of(&tube, 60.0, "surface", 150);
        let (still, _) = ride_of(&shape, 150, 0);
        let (ride, _) = ride_of(&shape, 150, ITERS);
        let n = ride.points.len();
        let brute = |r: &Ride| {
            let tracks = Tracks { n, pos: &r.tracks };
            let mut best = f64::INFINITY;
            for i in 0..n {
                for j in i + 1..n {
                    best = best.min(tracks.closest(i, j, 0, r.clock.frames - 1).0);
                }
            }
            best
        };
        let (b_still, b_ride) = (brute(&still), brute(&ride));
        assert!((ride.closest.unwrap().dist - b_ride).abs() < 1e-12);
        assert!((still.closest.unwrap().dist - b_still).abs() < 1e-12);
        assert!(
            b_ride > b_still * 3.0,
            "every-frame {b_ride} vs still {b_still} (ideal {})",
            ride.ideal_spacing_m
        );
        assert!(
            b_ride > 0.75 * ride.ideal_spacing_m,
            "{b_ride} vs {}",
            ride.ideal_spacing_m
        );
    }

    /// Volume drones ride inside the tube and stay inside as it bends.
    #[test]
    fn volume_drones_stay_inside_the_bending_tube() {
        let tube = RiggedTube::default();
        let shape = shape_of(&tube, 40.0, "volume", 60);
        let (ride, anim) = ride_of(&shape, 60, ITERS);
        let k = anim.to_local[0][0];
        let n = ride.points.len();
        assert_eq!(n, 60);
        // Inside: within the tube's radius of the bent axis (each bone's own line).
        let joint = Vec3::new(
            anim.to_local[3][0] + 10.0 * k,
            anim.to_local[3][1],
            anim.to_local[3][2],
        );
        for f in 0..ride.clock.frames {
            let theta = tube.keyed(ride.clock.time(&anim, f), |t| tube.bend_at(t));
            let dir = Vec3::new(theta.cos(), theta.sin(), 0.0);
            for i in 0..n {
                let p = ride.tracks[f * n + i];
                let d = p - joint;
                let off_first = Vec3::new(0.0, d.y, d.z).norm();
                let along = d.dot(dir);
                let off_second = (d - dir * along).norm();
                let off = if d.x <= 0.0 {
                    off_first
                } else if along >= 0.0 {
                    off_second.min(off_first)
                } else {
                    off_first
                };
                assert!(
                    off <= 2.0 * k * 1.05 + 1e-6,
                    "drone {i} frame {f}: {off} from the axis"
                );
            }
        }
    }
}
