//! Times the emergency return's planner on a show file (a development tool):
//! `cargo run -p skyshow-plan --example emergency_bench -- SHOW.toml [END_S] [INTERVAL_S]`.
//! Transitions are cached in `$TMPDIR/emergency-bench-cache` between runs; `END_S` plans
//! the return only for the show's first seconds.
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
    let end_s: Option<f64> = std::env::args().nth(2).and_then(|s| s.parse().ok());
    let interval: i64 = std::env::args()
        .nth(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let loaded = skyshow_import::load_show(std::path::Path::new(&path)).expect("loads");
    let opts = skyshow_plan::PlanOptions {
        minimise: loaded.design.minimise,
        ..skyshow_plan::PlanOptions::DEFAULT
    };
    let t = std::time::Instant::now();
    let mut cache = Dir(std::env::temp_dir().join("emergency-bench-cache"));
    let mut plan = skyshow_plan::plan_show_cached(&loaded.design, &opts, &mut |_| {}, &mut cache)
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("planned in {:?}", t.elapsed());
    if let Some(e) = end_s {
        plan.end_ms = plan.end_ms.min((e * 1000.0) as i64);
    }
    let t = std::time::Instant::now();
    let e = skyshow_plan::plan_emergency(&plan, &loaded.design.limits, &opts, interval);
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
    for x in e.unsafe_entries() {
        eprintln!(
            "  unproven {} s: {:?} {:.4} {:?}",
            x.time_s, x.unsafe_why, x.min_distance_m, x.pair
        );
    }
}
