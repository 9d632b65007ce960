//! The emergency return kept between builds in a [`ContentCache`], keyed by content.
//!
//! Planning the return is a pure function of the show's trajectories, its slots, its
//! landing layers, its end, the limits, the planner's options and the interval between
//! entries (the plan is the same whatever the number of threads). The trajectories are
//! large, so an entry holds a 128-bit hash of those inputs (every number by its bits, the
//! settings by their `Debug` text, which prints every float exactly and every field), not
//! the inputs, next to the plan stored as exact bits with a checksum: a cached plan is the
//! plan, bit for bit, and a corrupt, truncated or foreign entry is a miss.

use std::fmt::Write as _;

use skyshow_model::{ContentCache, Limits};

use crate::emergency::emergency_plan::{EmergencyEntry, EmergencyPlan, Unproven, plan_emergency};
use crate::emergency::land_in_place::LandInPlace;
use crate::emergency::return_plan::{ReturnAction, ReturnPlan};
use crate::options::PlanOptions;
use crate::show_plan::ShowPlan;
use crate::transition_codec::{Reader, Writer, entry_name, open, seal};
use crate::wide_hasher::WideHasher;

/// Bumped whenever the planner or the byte form changes what a given input plans to.
const FORMAT: &str = "skyshow-plan emergency cache 3";

/// The key of the return of `plan` (see the module notes).
fn key(plan: &ShowPlan, limits: &Limits, opts: &PlanOptions, interval_s: i64) -> Vec<u8> {
    let mut h = WideHasher::new();
    let _ = write!(h, "{limits:?} {opts:?} {interval_s} {}", plan.end_ms);
    h.points(&plan.homes);
    for a in &plan.neck_altitude_m {
        h.bytes(&a.to_bits().to_le_bytes());
    }
    for tr in &plan.trajectories {
        h.points(&[tr.start]);
        h.bytes(&(tr.segments.len() as u64).to_le_bytes());
        for s in &tr.segments {
            h.bytes(&s.t0.to_bits().to_le_bytes());
            h.bytes(&s.t1.to_bits().to_le_bytes());
            h.points(&s.p);
        }
    }
    format!("{FORMAT}\n{}\n{}\n", env!("CARGO_PKG_VERSION"), h.finish()).into_bytes()
}

/// [`plan_emergency`], reusing `cache`'s plan for the same inputs when it has one and
/// keeping a new plan there. Returns the plan and whether it came from the cache.
pub fn plan_emergency_cached(
    plan: &ShowPlan,
    limits: &Limits,
    opts: &PlanOptions,
    interval_s: i64,
    cache: &mut dyn ContentCache,
) -> (EmergencyPlan, bool) {
    let k = key(plan, limits, opts, interval_s);
    let name = entry_name("e", &k);
    if let Some(entry) = cache.load(&name)
        && let Some(e) = open(&entry, &k).and_then(read_plan)
    {
        cache.reused(&name);
        return (e, true);
    }
    let e = plan_emergency(plan, limits, opts, interval_s);
    let mut w = Writer::default();
    write_plan(&mut w, &e);
    cache.store(&name, seal(&k, &w.bytes));
    (e, false)
}

fn write_plan(w: &mut Writer, e: &EmergencyPlan) {
    w.i64(e.interval_s);
    w.f64(e.landing_speed_m_s);
    w.len(e.entries.len());
    for x in &e.entries {
        w.i64(x.time_s);
        w.len(x.plan);
        w.f64(x.min_distance_m);
        match x.pair {
            None => w.u64(0),
            Some((i, j)) => {
                w.u64(1);
                w.len(i);
                w.len(j);
            }
        }
        match &x.unsafe_why {
            None => w.u64(0),
            Some(Unproven::NoSchedule(why)) => {
                w.u64(1);
                w.str(why);
            }
            Some(Unproven::TooClose) => w.u64(2),
        }
    }
    w.len(e.returns.len());
    for r in &e.returns {
        w.points(&r.starts);
        w.points(&r.homes);
        w.len(r.actions.len());
        for a in &r.actions {
            match *a {
                ReturnAction::Land { descent } => {
                    w.u64(0);
                    w.profile(descent);
                }
                ReturnAction::Go {
                    depart_ms,
                    neck,
                    leg,
                    descent,
                } => {
                    w.u64(1);
                    w.i64(depart_ms);
                    w.vec3(neck);
                    w.profile(leg);
                    w.profile(descent);
                }
            }
        }
    }
    w.len(e.land_in_place.safe_s.len());
    for &(a, b) in &e.land_in_place.safe_s {
        w.f64(a);
        w.f64(b);
    }
}

fn read_entry(r: &mut Reader<'_>) -> Option<EmergencyEntry> {
    let time_s = r.i64()?;
    let plan = usize::try_from(r.u64()?).ok()?;
    let min_distance_m = r.f64()?;
    let pair = match r.u64()? {
        0 => None,
        1 => Some((
            usize::try_from(r.u64()?).ok()?,
            usize::try_from(r.u64()?).ok()?,
        )),
        _ => return None,
    };
    let unsafe_why = match r.u64()? {
        0 => None,
        1 => Some(Unproven::NoSchedule(r.str()?)),
        2 => Some(Unproven::TooClose),
        _ => return None,
    };
    Some(EmergencyEntry {
        time_s,
        plan,
        min_distance_m,
        pair,
        unsafe_why,
    })
}

fn read_return(r: &mut Reader<'_>) -> Option<ReturnPlan> {
    let starts = r.points()?;
    let homes = r.points()?;
    let n = r.len(24)?;
    let actions = (0..n)
        .map(|_| match r.u64()? {
            0 => Some(ReturnAction::Land {
                descent: r.profile()?,
            }),
            1 => Some(ReturnAction::Go {
                depart_ms: r.i64()?,
                neck: r.vec3()?,
                leg: r.profile()?,
                descent: r.profile()?,
            }),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    (starts.len() == n && homes.len() == n).then_some(ReturnPlan {
        starts,
        homes,
        actions,
    })
}

/// The plan in `body`, if it is one whole and consistent plan.
fn read_plan(body: &[u8]) -> Option<EmergencyPlan> {
    let mut r = Reader::new(body);
    let interval_s = r.i64()?;
    let landing_speed_m_s = r.f64()?;
    let n = r.len(40)?;
    let entries = (0..n)
        .map(|_| read_entry(&mut r))
        .collect::<Option<Vec<_>>>()?;
    let n = r.len(24)?;
    let returns = (0..n)
        .map(|_| read_return(&mut r))
        .collect::<Option<Vec<_>>>()?;
    let n = r.len(16)?;
    let safe_s = (0..n)
        .map(|_| Some((r.f64()?, r.f64()?)))
        .collect::<Option<Vec<_>>>()?;
    let drones = returns.first().map_or(0, |p| p.starts.len());
    let whole = r.done()
        && entries.iter().all(|e| {
            e.plan < returns.len() && e.pair.is_none_or(|(i, j)| i < drones && j < drones)
        })
        && returns.iter().all(|p| p.starts.len() == drones);
    whole.then_some(EmergencyPlan {
        entries,
        interval_s,
        returns,
        landing_speed_m_s,
        land_in_place: LandInPlace { safe_s },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;
    use skyshow_model::Vec3;

    /// A plan of two drones: one landing where it is, one flying home; two entries, one
    /// of them unproven.
    fn sample() -> EmergencyPlan {
        let limits = Limits::DEFAULT;
        let opts = PlanOptions::DEFAULT;
        let starts = [Vec3::new(0.0, 0.0, 1.0), Vec3::new(10.0, 4.0, 30.0)];
        let homes = [Vec3::new(0.0, 0.0, 0.0), Vec3::new(3.0, 0.0, 0.0)];
        let mut r = ReturnPlan::land_in_place(&starts, &homes, &limits, &opts);
        let descent = Profile {
            total_ms: 4000,
            ramp_ms: 500,
        };
        r.actions[1] = ReturnAction::Go {
            depart_ms: 750,
            neck: Vec3::new(3.0, 0.0, 10.0),
            leg: Profile {
                total_ms: 9000,
                ramp_ms: 1500,
            },
            descent,
        };
        EmergencyPlan {
            entries: vec![
                EmergencyEntry {
                    time_s: 0,
                    plan: 0,
                    min_distance_m: 3.25,
                    pair: Some((0, 1)),
                    unsafe_why: None,
                },
                EmergencyEntry {
                    time_s: 1,
                    plan: 0,
                    min_distance_m: 2.5,
                    pair: None,
                    unsafe_why: Some(Unproven::NoSchedule("blocked: 1, 2".into())),
                },
            ],
            interval_s: 1,
            returns: vec![r],
            landing_speed_m_s: 1.98,
            land_in_place: LandInPlace {
                safe_s: vec![(0.0, 6.0), (12.0, 13.5)],
            },
        }
    }

    #[test]
    fn a_plan_reads_back_bit_for_bit_and_a_damaged_entry_never_does() {
        let e = sample();
        let mut w = Writer::default();
        write_plan(&mut w, &e);
        let k = b"key".to_vec();
        let entry = seal(&k, &w.bytes);
        assert_eq!(open(&entry, &k).and_then(read_plan), Some(e));
        // Another key, every byte flipped in turn, every truncation: a miss, never a panic.
        assert!(open(&entry, b"other").is_none());
        for i in 0..entry.len() {
            let mut bad = entry.clone();
            bad[i] ^= 0x10;
            assert!(open(&bad, &k).and_then(read_plan).is_none(), "byte {i}");
            assert!(
                open(&entry[..i], &k).and_then(read_plan).is_none(),
                "cut {i}"
            );
        }
        // A whole body that does not make a plan (an entry pointing past the plans).
        let mut broken = sample();
        broken.entries[1].plan = 3;
        let mut w = Writer::default();
        write_plan(&mut w, &broken);
        assert!(read_plan(&w.bytes).is_none());
    }
}
