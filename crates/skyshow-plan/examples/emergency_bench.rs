//! Times the emergency return's planner on a show file (a development tool):
//! `cargo run -p skyshow-plan --example emergency_bench -- SHOW.toml [[FROM_S:]END_S] [INTERVAL_S]`.
//! Transitions are cached in `$TMPDIR/emergency-bench-cache` between runs; `END_S` plans
//! the return only for the show's first seconds, `FROM_S:END_S` only for the entries from
//! `FROM_S` until `END_S`.
#![allow(clippy::print_stderr)]
use skyshow_model::ContentCache;

struct Dir(std::path::PathBuf);

impl ContentCache for Dir {
    fn load(&mut self, name: &str) -> Option<Vec<u8>> {
        std::fs::read(self.0.join(name)).ok()
    }
    fn store(&mut self, name: &str, bytes: Vec<u8>) {
        let _ = std::fs::create_dir_all(&self.0);
        let _ = std::fs::write(self.0.join(name), bytes);
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("show file");
    let span = std::env::args().nth(2).unwrap_or_default();
    let (from_s, end_s): (usize, Option<f64>) = match span.split_once(':') {
        Some((a, b)) => (a.parse().expect("FROM_S"), b.parse().ok()),
        None => (0, span.parse().ok()),
    };
    let interval: i64 = std::env::args()
        .nth(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let loaded = skyshow_import::load_show(std::path::Path::new(&path)).expect("loads");
    let opts = skyshow_plan::PlanOptions::for_design(&loaded.design);
    let t = std::time::Instant::now();
    let mut cache = Dir(std::env::temp_dir().join("emergency-bench-cache"));
    let mut plan = skyshow_plan::plan_show_cached(&loaded.design, &opts, &mut |_| {}, &mut cache)
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("planned in {:?}", t.elapsed());
    if let Some(e) = end_s {
        plan.end_ms = plan.end_ms.min((e * 1000.0) as i64);
    }
    let t = std::time::Instant::now();
    let e = skyshow_plan::emergency::plan_emergency_from(
        &plan,
        &loaded.design.limits,
        &opts,
        interval,
        from_s / interval.max(1) as usize,
    );
    let unsafe_n = e.unsafe_entries().count();
    eprintln!(
        "emergency: {:?}, {} entries, {} plans, {} unproven, min {:.4} m, worst {:.1} s",
        t.elapsed(),
        e.entries.len(),
        e.returns.len(),
        unsafe_n,
        e.min_distance_m(),
        e.worst_duration_s()
    );
    let low = loaded.design.limits.min_nav_altitude_m;
    for x in e.unsafe_entries() {
        // The closest pair re-flown from triggers every 20 ms of the second, sampled
        // every 10 ms: how close it really comes (the proof is a lower bound).
        let flown = x.pair.map(|(i, j)| {
            let r = &e.returns[x.plan];
            let mut worst = (f64::INFINITY, 0.0, 0);
            for k in 0..50 {
                let sigma = x.time_s as f64 + k as f64 * interval as f64 / 50.0;
                let at = |d: usize| plan.trajectories[d].position(sigma);
                let (fi, fj) = (r.flight_from(i, at(i)), r.flight_from(j, at(j)));
                let hover = fi.departure_ms().min(fj.departure_ms());
                let end = fi.arrival_ms().max(fj.arrival_ms());
                for t in (hover..=end).step_by(10) {
                    let (p, q) = (fi.state(t).0, fj.state(t).0);
                    if p.z >= low && q.z >= low && p.dist(q) < worst.0 {
                        worst = (p.dist(q), sigma, t);
                    }
                }
            }
            worst
        });
        let deps = x.pair.map(|(i, j)| {
            let r = &e.returns[x.plan];
            let f = |k: usize| (r.flight(k).departure_ms(), r.flight(k).arrival_ms());
            (f(i), f(j))
        });
        eprintln!(
            "  unproven {} s: {:?} {:.4} {:?} flown {:?} (depart, arrive) {:?}",
            x.time_s, x.unsafe_why, x.min_distance_m, x.pair, flown, deps
        );
    }
}
