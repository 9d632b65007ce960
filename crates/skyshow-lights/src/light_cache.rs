//! Light programs kept in a [`ContentCache`] between builds, drone by drone, keyed by
//! content: after an edit that leaves a drone's flight, its colours and the effects on it
//! as they were, its program is not sampled and fitted again.
//!
//! A drone's program ([`Lighting::program`]) is a function of what the whole show shares —
//! the stage effects are drawn in (every formation's box, the sky boxes, when each comes
//! on stage), the transitions' and holds' times, which formations move, the landing's
//! start and the end, the options — and of what is the drone's own: its index (twinkles
//! are drawn from it), its trajectory, the point and colour it shows in each formation
//! (and that point's place, which effects drawn on a moving formation's still picture
//! use), and the effects that may light it. The shared part names the entry (`l-…`, a
//! 128-bit hash of it sealed in the entry); in it, each drone's program sits under a
//! 128-bit hash of its own part, each effect hashed whole (its `Debug` text: its
//! definition, window and beat triggers). Numbers are stored as their exact bits, so a
//! reused program is the program; a corrupt, truncated or foreign entry is a miss.
//!
//! Only drones some effect may light are kept: a drone with formation colours alone is
//! designed faster than it is hashed.

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use skyshow_model::{ContentCache, LightProgram, LightStep, Rgb, ShowDesign};
use skyshow_plan::ShowPlan;
use skyshow_plan::cache_bytes::{Reader, WideHasher, Writer, entry_name, open, seal};

use crate::design::{LightOptions, Lighting};

/// Bumped whenever the lights or the byte form change what a given input designs.
const FORMAT: &str = "skyshow-lights light cache 1";

/// The shared part of every drone's key (see the module notes).
fn shared_key(lighting: &Lighting<'_>, opts: &LightOptions) -> Vec<u8> {
    let plan = lighting.plan;
    let mut h = WideHasher::new();
    let _ = write!(h, "{opts:?} {:?}", lighting.stage);
    let mut w = Writer::default();
    w.len(plan.trajectories.len());
    w.len(plan.transitions.len());
    for t in &plan.transitions {
        w.u64(t.start_ms as u64);
        w.u64(t.duration_ms as u64);
    }
    w.len(plan.formations.len());
    for f in &plan.formations {
        w.u64(f.start_ms as u64);
        w.u64(f.end_ms as u64);
        w.u64(u64::from(f.motion.is_some()));
    }
    w.u64(plan.landing_start_ms as u64);
    w.u64(plan.end_ms as u64);
    h.bytes(&w.bytes);
    format!("{FORMAT}\n{}\n{}\n", env!("CARGO_PKG_VERSION"), h.finish()).into_bytes()
}

/// Each effect's hash (its `Debug` text: definition, window, triggers, fades).
fn effect_keys(lighting: &Lighting<'_>) -> Vec<String> {
    lighting
        .samplers
        .par_iter()
        .map(|s| {
            let mut h = WideHasher::new();
            let _ = write!(h, "{s:?}");
            h.finish()
        })
        .collect()
}

/// Drone `i`'s own part of its key, given the effects that may light it (see the module
/// notes).
fn drone_key(lighting: &Lighting<'_>, i: usize, effects: &[usize], keys: &[String]) -> String {
    let plan = lighting.plan;
    let mut w = Writer::default();
    w.len(i);
    let tr = &plan.trajectories[i];
    for v in [tr.start.x, tr.start.y, tr.start.z] {
        w.f64(v);
    }
    w.len(tr.segments.len());
    for s in &tr.segments {
        w.f64(s.t0);
        w.f64(s.t1);
        for p in &s.p {
            for v in [p.x, p.y, p.z] {
                w.f64(v);
            }
        }
    }
    for f in &plan.formations {
        match f.point_of[i] {
            None => w.u64(u64::MAX),
            Some(p) => {
                w.len(p);
                let c = f.formation.colors[p];
                w.bytes.extend_from_slice(&[c.r, c.g, c.b]);
                let at = f.formation.points[p];
                for v in [at.x, at.y, at.z] {
                    w.f64(v);
                }
            }
        }
    }
    w.len(effects.len());
    let mut h = WideHasher::new();
    h.bytes(&w.bytes);
    for &k in effects {
        h.bytes(&(k as u64).to_le_bytes());
        h.bytes(keys[k].as_bytes());
    }
    h.finish()
}

fn write_program(w: &mut Writer, p: &LightProgram) {
    w.len(p.steps.len());
    for s in &p.steps {
        w.f64(s.t0);
        w.f64(s.t1);
        w.bytes
            .extend_from_slice(&[s.from.r, s.from.g, s.from.b, s.to.r, s.to.g, s.to.b]);
    }
    w.len(p.bytecode.len());
    w.bytes.extend_from_slice(&p.bytecode);
}

fn read_program(r: &mut Reader<'_>) -> Option<LightProgram> {
    let n = r.len(22)?;
    let mut steps = Vec::with_capacity(n);
    for _ in 0..n {
        let (t0, t1) = (r.f64()?, r.f64()?);
        let c = r.take(6)?;
        steps.push(LightStep {
            t0,
            t1,
            from: Rgb::new(c[0], c[1], c[2]),
            to: Rgb::new(c[3], c[4], c[5]),
        });
    }
    let len = r.len(1)?;
    let bytecode = r.take(len)?.to_vec();
    Some(LightProgram { steps, bytecode })
}

/// The programs in an entry's body, by drone key (`None` when the body is malformed).
fn read_entry(body: &[u8]) -> Option<HashMap<String, LightProgram>> {
    let mut r = Reader::new(body);
    let n = r.len(32)?;
    let mut programs = HashMap::with_capacity(n);
    for _ in 0..n {
        let key = String::from_utf8(r.take(32)?.to_vec()).ok()?;
        programs.insert(key, read_program(&mut r)?);
    }
    r.done().then_some(programs)
}

/// The light program of every drone, as [`crate::design_show_lights`] designs it: each
/// drone some effect may light taken from `cache` when it holds its program for the same
/// inputs, the others designed in parallel, and the entry kept for the next build.
pub fn design_show_lights_cached(
    plan: &ShowPlan,
    design: &ShowDesign,
    opts: &LightOptions,
    cache: &mut dyn ContentCache,
) -> Vec<LightProgram> {
    lights_counted(plan, design, opts, cache).0
}

/// [`design_show_lights_cached`], and how many programs were taken from the cache.
fn lights_counted(
    plan: &ShowPlan,
    design: &ShowDesign,
    opts: &LightOptions,
    cache: &mut dyn ContentCache,
) -> (Vec<LightProgram>, usize) {
    let lighting = Lighting::new(plan, design);
    let input = shared_key(&lighting, opts);
    let name = entry_name("l", &input);
    let keys = effect_keys(&lighting);
    let effects: Vec<Vec<usize>> = (0..plan.trajectories.len())
        .into_par_iter()
        .map(|i| lighting.effects_of(i))
        .collect();
    let drone_keys: Vec<Option<String>> = effects
        .par_iter()
        .enumerate()
        .map(|(i, mine)| (!mine.is_empty()).then(|| drone_key(&lighting, i, mine, &keys)))
        .collect();
    let mut known = cache
        .load(&name)
        .and_then(|entry| read_entry(open(&entry, &input)?))
        .unwrap_or_default();
    let taken: Vec<Option<LightProgram>> = drone_keys
        .iter()
        .map(|k| k.as_ref().and_then(|k| known.remove(k)))
        .collect();
    let hits = taken.iter().flatten().count();
    let programs: Vec<LightProgram> = taken
        .into_par_iter()
        .enumerate()
        .map(|(i, p)| p.unwrap_or_else(|| lighting.program_with(i, &effects[i], opts)))
        .collect();
    let kept = drone_keys.iter().flatten().count();
    if kept == 0 {
        return (programs, 0);
    }
    if hits == kept && known.is_empty() {
        // The entry holds exactly this show's programs.
        cache.reused(&name);
        return (programs, hits);
    }
    let mut w = Writer::default();
    w.len(kept);
    for (k, p) in drone_keys.iter().zip(&programs) {
        if let Some(k) = k {
            w.bytes.extend_from_slice(k.as_bytes());
            write_program(&mut w, p);
        }
    }
    cache.store(&name, seal(&input, &w.bytes));
    (programs, hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design_show_lights;
    use skyshow_model::MemoryCache;
    use skyshow_plan::{PlanOptions, plan_show};

    /// Nine drones: a line that twinkles, then a circle of four (five drones park) whose
    /// colour is `color`, swept by a gradient.
    fn show(color: &str) -> String {
        format!(
            r##"title = "lights"
[fleet]
drones = 9
[fleet.grid]
rows = 3
columns = 3
spacing_m = 4
[[chapter]]
name = "c"
[[chapter.formation]]
name = "line"
hold = 8
shape = "line"
length_m = 40
center = [0, 0, 30]
color = "red"
[[chapter.formation.light]]
effect = "twinkle"
color = "white"
density = 0.3
flash_s = 0.5
[[chapter.formation]]
name = "circle"
hold = 8
shape = "circle"
radius_m = 10
count = 4
center = [0, 0, 30]
color = "{color}"
[[chapter.formation.light]]
effect = "gradient"
colors = ["white", "{color}"]
axis = "right"
opacity = 0.5
"##
        )
    }

    fn planned(color: &str) -> (ShowDesign, ShowPlan) {
        let (design, _) = skyshow_import::parse_show("lights.toml", &show(color)).unwrap();
        let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
        (design, plan)
    }

    #[test]
    fn kept_programs_are_the_programs_and_an_edit_designs_only_its_drones_again() {
        let opts = LightOptions::DEFAULT;
        let mut cache = MemoryCache::default();
        let (design, plan) = planned("blue");
        let fresh = design_show_lights(&plan, &design, &opts);
        let (first, hits) = lights_counted(&plan, &design, &opts, &mut cache);
        assert_eq!((first == fresh, hits), (true, 0));
        assert_eq!(cache.entries.len(), 1);
        let name = cache.entries.keys().next().unwrap().clone();
        assert!(name.starts_with("l-"), "{name}");

        // The same show again: every program reused, the entry kept as it is.
        let (again, hits) = lights_counted(&plan, &design, &opts, &mut cache);
        assert_eq!((again == fresh, hits), (true, 9));
        assert_eq!(cache.reused, std::slice::from_ref(&name));

        // The circle's colour edited: the plan flies the same, so the entry is the same
        // one; only the circle's four drones are designed again, and they do change.
        let (edited, replanned) = planned("green");
        assert_eq!(replanned.trajectories, plan.trajectories);
        let want = design_show_lights(&replanned, &edited, &opts);
        let (got, hits) = lights_counted(&replanned, &edited, &opts, &mut cache);
        assert!(got == want, "a reused program differs from a fresh one");
        assert_eq!(hits, 5);
        let changed = (0..9).filter(|&i| want[i] != fresh[i]).count();
        assert_eq!(changed, 4);

        // A damaged entry is a miss, never a wrong program.
        for v in cache.entries.values_mut() {
            let at = v.len() * 2 / 3;
            v[at] ^= 0x40;
        }
        let (got, hits) = lights_counted(&replanned, &edited, &opts, &mut cache);
        assert_eq!((got == want, hits), (true, 0));
    }
}
