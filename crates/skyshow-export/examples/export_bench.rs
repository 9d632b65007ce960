//! The bulk exports of a built show, timed one by one without planning it again:
//!
//! ```text
//! cargo run -p skyshow-export --example export_bench -- OUT/show.skyc \
//!     [--runs N] [--levels] [--only validate|csv|vviz] [--keep]
//! ```
//!
//! Reads the `.skyc` (as `build` reads back what it wrote), validates it, then writes the
//! per-drone CSV zip and the VVIZ into the system's temporary folder, and prints, per stage:
//! wall seconds, CPU seconds of the whole process (user + system, from `/proc/self/stat`: a
//! loaded machine stretches wall time far more than CPU time), and the bytes written. With
//! `--levels`, a sample of the CSV members is also deflated at levels 1–6 (sizes and CPU), to
//! weigh a level's cost against its size; `--keep` leaves the written files in the temporary
//! folder, to compare bytes. Linux only (the CPU clock).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark prints its figures

use std::fs::File;
use std::io::{BufWriter, Cursor, Read, Write};
use std::time::Instant;

use skyshow_export::{CsvOptions, VvizOptions, write_drone_csv_zip_to, write_vviz_to};
use skyshow_skyc::{ReadOptions, read_skyc};
use skyshow_validate::ValidateOptions;

/// User + system CPU seconds of this process so far.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; ticks of
    // 1/100 s on Linux.
    (tick(11) + tick(12)) / 100.0
}

fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let (t, c) = (Instant::now(), cpu_s());
    let out = f();
    println!(
        "  {name:<22} wall {:>7.2} s   CPU {:>7.2} s",
        t.elapsed().as_secs_f64(),
        cpu_s() - c
    );
    out
}

/// Times `write` streaming into a new file at `path`.
fn write_timed(
    name: &str,
    path: &std::path::Path,
    write: impl FnOnce(BufWriter<File>) -> std::io::Result<BufWriter<File>>,
) {
    timed(name, || {
        let f = BufWriter::new(File::create(path).expect("temporary file"));
        write(f).and_then(|mut w| w.flush()).expect("written");
    });
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!(
            "usage: export_bench OUT/show.skyc [--runs N] [--levels] [--only validate|csv|vviz]"
        );
        std::process::exit(2);
    };
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let bytes = std::fs::read(path).expect("the .skyc");
    let show = timed("read .skyc", || {
        read_skyc(&bytes, &ReadOptions::default())
            .expect("a readable .skyc")
            .show
    });
    println!(
        "{path}: {} drones, {:.0} s, {} threads",
        show.drones.len(),
        show.duration_s(),
        rayon::current_num_threads()
    );
    let dir = std::env::temp_dir();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let wanted = |name: &str| only.is_none_or(|o| o == name);
    let keep = args.iter().any(|a| a == "--keep");
    for run in 1..=runs {
        println!("run {run}");
        if wanted("validate") {
            let limits = show.limits.unwrap_or_default();
            let v = timed("validate", || {
                skyshow_validate::validate(&show, &limits, &ValidateOptions::default())
            });
            println!(
                "  {:<22} {} violations, closest {:.3} m",
                "",
                v.violations.len(),
                v.measured.min_distance_m
            );
        }
        let csv_path = dir.join("export_bench_drones_csv.zip");
        let vviz_path = dir.join("export_bench_show.vviz");
        if wanted("csv") {
            write_timed("drones_csv.zip", &csv_path, |f| {
                write_drone_csv_zip_to(f, &show, &CsvOptions::DEFAULT)
            });
        }
        if wanted("vviz") {
            write_timed("show.vviz", &vviz_path, |f| {
                write_vviz_to(f, &show, &VvizOptions::DEFAULT)
            });
        }
        for p in [&csv_path, &vviz_path] {
            let len = std::fs::metadata(p).map_or(0, |m| m.len());
            println!("  {:<22} {:>10.1} MB", p.display(), len as f64 / 1e6);
        }
        if args.iter().any(|a| a == "--levels") && run == 1 {
            levels(&csv_path);
        }
        if !keep {
            let _ = std::fs::remove_file(&vviz_path);
            let _ = std::fs::remove_file(&csv_path);
        }
    }
}

/// Deflates the CSV zip's members (read back as text) at levels 1–6, one thread.
fn levels(zip_path: &std::path::Path) {
    let mut z = zip::ZipArchive::new(File::open(zip_path).expect("the zip")).expect("a zip");
    let mut texts = Vec::new();
    // A sample of members spread over the fleet: enough text to time, little memory.
    let step = (z.len() / 400).max(1);
    for i in (0..z.len()).step_by(step) {
        let mut s = Vec::new();
        z.by_index(i)
            .expect("member")
            .read_to_end(&mut s)
            .expect("inflated");
        texts.push(s);
    }
    let raw: usize = texts.iter().map(Vec::len).sum();
    println!(
        "  deflate levels on {} members, {:.1} MB of text (one thread):",
        texts.len(),
        raw as f64 / 1e6
    );
    for level in 1..=6 {
        let (t, c) = (Instant::now(), cpu_s());
        let mut size = 0;
        for text in &texts {
            let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(level));
            w.start_file("m", opts).expect("member");
            w.write_all(text).expect("body");
            size += w.finish().expect("zip").into_inner().len();
        }
        println!(
            "    level {level}: {:>8.1} MB ({:.3} of the text)   wall {:.2} s   CPU {:.2} s",
            size as f64 / 1e6,
            size as f64 / raw as f64,
            t.elapsed().as_secs_f64(),
            cpu_s() - c
        );
    }
}
