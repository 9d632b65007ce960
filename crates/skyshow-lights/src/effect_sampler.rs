//! `EffectSampler`: one light effect, ready to be evaluated at any drone and frame: its
//! window, its beat triggers, and the colour and strength it gives.

use skyshow_model::{Blend, EffectKind, Every, LightEffect, MusicDesign, Rgb, Vec3};
use skyshow_plan::ShowPlan;

use crate::bytecode::FRAME_MS;
use crate::stage::Stage;

/// What an effect needs to know about one drone at one frame.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    /// Drone index (from 0).
    pub drone: usize,
    /// Show time, seconds.
    pub t: f64,
    /// Where the drone is drawn, metres (show frame): where it flies, or in the
    /// formation frame its point's place in the still picture (see [`Stage::place`]).
    pub position: Vec3,
}

/// An effect prepared for sampling.
#[derive(Clone, Debug)]
pub struct EffectSampler<'a> {
    effect: &'a LightEffect,
    /// Window on the show clock, seconds.
    pub start_s: f64,
    /// End of the window, seconds.
    pub end_s: f64,
    /// Beat (or bar, or periodic) trigger times within and just before the window.
    triggers: Vec<f64>,
    /// Index of the first trigger in the music's count (keeps colour cycles in phase).
    first_trigger: usize,
    /// Fade-in length, seconds (a musical fade counted from `start_s`).
    fade_in_s: f64,
    /// Fade-out length, seconds (a musical fade counted back from `end_s`).
    fade_out_s: f64,
}

fn triggers(every: Every, music: Option<&MusicDesign>, start: f64, end: f64) -> (Vec<f64>, usize) {
    let pick = |all: &[f64], n: usize, anchor: usize| -> (Vec<f64>, usize) {
        let lo = all.partition_point(|b| *b < start - 60.0);
        let mut first = None;
        let mut out = Vec::new();
        for (k, b) in all.iter().enumerate().skip(lo) {
            if *b > end {
                break;
            }
            if k >= anchor && (k - anchor).is_multiple_of(n) {
                first.get_or_insert((k - anchor) / n);
                out.push(*b);
            }
        }
        (out, first.unwrap_or(0))
    };
    match (every, music) {
        (Every::Seconds(p), _) => {
            let n = ((end - start) / p).floor() as usize;
            ((0..=n).map(|k| start + k as f64 * p).collect(), 0)
        }
        (Every::Beats(n), Some(m)) => {
            // Count beats from the music's bar 1 (which may be before the show) so "every 2
            // beats" falls on beats 1 and 3.
            let n = n.max(1) as usize;
            let first_bar = m
                .downbeats_s
                .first()
                .and_then(|d| m.beats_s.iter().position(|b| b == d))
                .unwrap_or(0);
            let before = m.bars_before as usize * m.beats_per_bar.max(1) as usize;
            let anchor = (first_bar + n - before % n) % n;
            pick(&m.beats_s, n, anchor)
        }
        (Every::Bars(n), Some(m)) => {
            // Every n bars from the music's bar 1: bars 1, n + 1, … as the DAW numbers them.
            let n = n.max(1) as usize;
            pick(&m.downbeats_s, n, (n - m.bars_before as usize % n) % n)
        }
        // Import rejects beat effects without music.
        (_, None) => (Vec::new(), 0),
    }
}

/// A well-mixed 64-bit hash (SplitMix64 finaliser).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hash as a number in [0, 1).
fn unit_f(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

fn ramp(colors: &[Rgb], s: f64) -> Rgb {
    let s = s.clamp(0.0, 1.0) * (colors.len() - 1) as f64;
    let k = (s.floor() as usize).min(colors.len() - 2);
    colors[k].lerp(colors[k + 1], s - k as f64)
}

fn unit(c: Rgb) -> [f64; 3] {
    [c.r, c.g, c.b].map(|x| f64::from(x) / 255.0)
}

/// Blends `top` over `below` by `blend` with strength `alpha` (0–1), per channel in 0–1.
pub fn blend(below: [f64; 3], top: Rgb, blend: Blend, alpha: f64) -> [f64; 3] {
    let e = unit(top);
    let mut out = below;
    for i in 0..3 {
        let (b, e) = (below[i], e[i]);
        let mixed = match blend {
            Blend::Normal => e,
            Blend::Add => (b + e).min(1.0),
            Blend::Multiply => b * e,
            Blend::Screen => 1.0 - (1.0 - b) * (1.0 - e),
        };
        out[i] = b + (mixed - b) * alpha;
    }
    out
}

/// The picture of an animation shown `local` seconds after its start (the last one after
/// the end unless it loops).
fn frame_index(frame_s: &[f64], looped: bool, local: f64) -> usize {
    let total: f64 = frame_s.iter().sum();
    let mut t = local.max(0.0);
    if looped && total > 0.0 {
        t %= total;
    }
    let mut acc = 0.0;
    for (k, d) in frame_s.iter().enumerate() {
        acc += d;
        // A micro-second of slack: a frame boundary on the light clock starts the next one.
        if t < acc - 1e-6 {
            return k;
        }
    }
    frame_s.len().saturating_sub(1)
}

impl<'a> EffectSampler<'a> {
    /// Prepares `effect`, its open ends taken from the plan's formation hold.
    pub fn new(effect: &'a LightEffect, plan: &ShowPlan, music: Option<&MusicDesign>) -> Self {
        let hold = effect.frame_formation.map(|k| {
            let f = &plan.formations[k];
            (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0)
        });
        // A chapter's effect: from the departure into its first formation to the end of its
        // last formation.
        let chapter = effect.chapter.and_then(|c| {
            let first = plan.formations.iter().position(|f| f.chapter == c)?;
            let last = plan.formations.iter().rposition(|f| f.chapter == c)?;
            let depart = plan
                .transitions
                .get(first)
                .map_or(plan.formations[first].start_ms, |t| t.start_ms);
            Some((
                depart as f64 / 1000.0,
                plan.formations[last].end_ms as f64 / 1000.0,
            ))
        });
        let window = hold.or(chapter);
        let start_s = effect.start_s.or(window.map(|h| h.0)).unwrap_or(0.0);
        let end_s = effect.end_s.or(window.map(|h| h.1)).unwrap_or(start_s);
        let (triggers, first_trigger) = match &effect.kind {
            EffectKind::Pulse { every, .. }
            | EffectKind::Strobe { every, .. }
            | EffectKind::ColorCycle { every, .. } => triggers(*every, music, start_s, end_s),
            _ => (Vec::new(), 0),
        };
        // Lights change on the 20 ms clock: put each trigger on it, so every flash looks
        // the same and its program repeats (loops), whatever the beat's phase to the clock.
        let tick = FRAME_MS as f64 / 1000.0;
        let triggers = triggers
            .into_iter()
            .map(|b| (b / tick).round() * tick)
            .collect();
        // Fades in beats or bars counted now that the window is known; where one does not
        // fit the music's beats (the effect starts or ends outside them) it spans the
        // whole effect.
        let whole = (end_s - start_s).max(0.0);
        let fade_in_s = match (effect.fade_in_music, music) {
            (Some(len), Some(m)) => m.after(start_s, len).map_or(whole, |t| t - start_s),
            (Some(_), None) => whole,
            (None, _) => effect.fade_in_s,
        };
        let fade_out_s = match (effect.fade_out_music, music) {
            (Some(len), Some(m)) => m.before(end_s, len).map_or(whole, |t| end_s - t),
            (Some(_), None) => whole,
            (None, _) => effect.fade_out_s,
        };
        EffectSampler {
            effect,
            start_s,
            end_s,
            triggers,
            first_trigger,
            fade_in_s,
            fade_out_s,
        }
    }

    /// The effect definition.
    pub fn effect(&self) -> &LightEffect {
        self.effect
    }

    /// Whether the effect may touch drone `i` (0-based) at all, ignoring time and place.
    pub fn targets_drone(&self, i: usize, plan: &ShowPlan) -> bool {
        let t = &self.effect.target;
        let n = i + 1;
        if !t.drones.is_empty() && !t.drones.iter().any(|(a, b)| (*a..=*b).contains(&n)) {
            return false;
        }
        if let Some(k) = t.formation {
            let Some(p) = plan.formations[k].point_of[i] else {
                return false;
            };
            if !t.points.is_empty() && !t.points.iter().any(|(a, b)| (*a..=*b).contains(&(p + 1))) {
                return false;
            }
        }
        true
    }

    /// The last trigger at or before `t` with its index, if any.
    fn trigger(&self, t: f64) -> Option<(usize, f64)> {
        let i = self.triggers.partition_point(|b| *b <= t + 1e-9);
        i.checked_sub(1).map(|k| (k, self.triggers[k]))
    }

    /// The effect's colour and strength (0–1, fades and opacity included) for `probe`, or
    /// `None` where it does not apply. `formation` is the frame formation's index and the
    /// drone's place in its picture is taken from `stage`.
    pub fn sample(&self, probe: &Probe, stage: &Stage, formation: usize) -> Option<(Rgb, f64)> {
        let e = self.effect;
        let t = probe.t;
        if t < self.start_s || t >= self.end_s {
            return None;
        }
        if let Some([u0, v0, u1, v1]) = e.target.region {
            let [u, v] = stage.uv(formation, e.frame, probe.position);
            // A micrometre of slack: drones on the box's edge are inside.
            const EPS: f64 = 1e-6;
            if u < u0 - EPS || u > u1 + EPS || v < v0 - EPS || v > v1 + EPS {
                return None;
            }
        }
        let mut env = e.opacity;
        if self.fade_in_s > 0.0 {
            env *= ((t - self.start_s) / self.fade_in_s).clamp(0.0, 1.0);
        }
        if self.fade_out_s > 0.0 {
            env *= ((self.end_s - t) / self.fade_out_s).clamp(0.0, 1.0);
        }
        let local = t - self.start_s;
        let (color, alpha) = match &e.kind {
            EffectKind::Solid { color } => (*color, 1.0),
            EffectKind::Gradient { axis, colors } => (
                ramp(
                    colors,
                    stage.along(formation, e.frame, *axis, probe.position),
                ),
                1.0,
            ),
            EffectKind::Radial { center, colors } => {
                let [u, v] = stage.uv(formation, e.frame, probe.position);
                let far = [0.0f64, 1.0]
                    .iter()
                    .flat_map(|x| [0.0f64, 1.0].map(|y| (x - center[0]).hypot(y - center[1])))
                    .fold(1e-9, f64::max);
                (
                    ramp(colors, (u - center[0]).hypot(v - center[1]) / far),
                    1.0,
                )
            }
            EffectKind::Sweep {
                color,
                axis,
                band,
                softness,
            } => {
                let s = stage.along(formation, e.frame, *axis, probe.position);
                let dur = (self.end_s - self.start_s).max(1e-9);
                let reach = 1.0 + band + softness;
                let front = local / dur * reach - softness;
                let edge = |x: f64| {
                    if *softness > 0.0 {
                        (x / softness).clamp(0.0, 1.0)
                    } else if x >= 0.0 {
                        1.0
                    } else {
                        0.0
                    }
                };
                let lit = edge(front - s)
                    * if *band > 0.0 {
                        edge(s - (front - band))
                    } else {
                        1.0
                    };
                (*color, lit)
            }
            EffectKind::Wave {
                colors,
                axis,
                wavelength,
                period_s,
            } => {
                let s = stage.along(formation, e.frame, *axis, probe.position);
                let phase = s / wavelength - local / period_s;
                let x = 0.5 + 0.5 * (std::f64::consts::TAU * phase).cos();
                (colors[1].lerp(colors[0], x), 1.0)
            }
            EffectKind::Twinkle {
                color,
                density,
                flash_s,
                seed,
            } => {
                // Each drone's slots are offset so flashes do not all start together;
                // each slot is a fresh draw: lit for `density` of them, fading out.
                let drone = probe.drone as u64;
                let x = local / flash_s + unit_f(mix(seed ^ drone));
                let slot = x.floor();
                let lot = mix(mix(*seed) ^ drone.wrapping_mul(0x1000_0001) ^ (slot as u64));
                let lit = unit_f(lot) < *density;
                (*color, if lit { 1.0 - (x - slot) } else { 0.0 })
            }
            EffectKind::Pulse { color, decay_s, .. } => match self.trigger(t) {
                Some((_, b)) if *decay_s > 0.0 => (*color, (1.0 - (t - b) / decay_s).max(0.0)),
                _ => (*color, 0.0),
            },
            EffectKind::Strobe { color, on_s, .. } => match self.trigger(t) {
                Some((_, b)) if t - b < *on_s - 1e-9 => (*color, 1.0),
                _ => (*color, 0.0),
            },
            EffectKind::ColorCycle { colors, fade_s, .. } => match self.trigger(t) {
                Some((k, b)) => {
                    let n = colors.len();
                    let idx = (self.first_trigger + k) % n;
                    let c = colors[idx];
                    if *fade_s > 0.0 && t - b < *fade_s && k > 0 {
                        let prev = colors[(idx + n - 1) % n];
                        (prev.lerp(c, (t - b) / fade_s), 1.0)
                    } else {
                        (c, 1.0)
                    }
                }
                None => (colors[self.first_trigger % colors.len()], 1.0),
            },
            EffectKind::Image { image } => {
                let [u, v] = stage.uv(formation, e.frame, probe.position);
                (image.at(u, v), 1.0)
            }
            EffectKind::Frames {
                frames,
                frame_s,
                looped,
            } => {
                let [u, v] = stage.uv(formation, e.frame, probe.position);
                (frames[frame_index(frame_s, *looped, local)].at(u, v), 1.0)
            }
        };
        let a = alpha * env;
        (a > 0.0).then_some((color, a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_in_turn_and_looped() {
        let d = [0.5, 0.25, 0.25];
        assert_eq!(frame_index(&d, false, 0.0), 0);
        assert_eq!(frame_index(&d, false, 0.49), 0);
        assert_eq!(frame_index(&d, false, 0.5), 1);
        assert_eq!(frame_index(&d, false, 0.8), 2);
        assert_eq!(frame_index(&d, false, 5.0), 2);
        assert_eq!(frame_index(&d, true, 1.1), 0);
        assert_eq!(frame_index(&d, true, 1.6), 1);
    }

    #[test]
    fn blends() {
        let b = [0.5, 0.5, 0.5];
        let w = Rgb::new(255, 0, 255);
        assert_eq!(blend(b, w, Blend::Normal, 1.0), [1.0, 0.0, 1.0]);
        assert_eq!(blend(b, w, Blend::Normal, 0.5), [0.75, 0.25, 0.75]);
        assert_eq!(blend(b, w, Blend::Add, 1.0), [1.0, 0.5, 1.0]);
        assert_eq!(blend(b, w, Blend::Multiply, 1.0), [0.5, 0.0, 0.5]);
        assert_eq!(blend(b, w, Blend::Screen, 1.0), [1.0, 0.5, 1.0]);
    }

    #[test]
    fn ramps() {
        let c = [Rgb::BLACK, Rgb::WHITE];
        assert_eq!(ramp(&c, 0.0), Rgb::BLACK);
        assert_eq!(ramp(&c, 0.5), Rgb::new(128, 128, 128));
        assert_eq!(ramp(&c, 2.0), Rgb::WHITE);
    }
}
