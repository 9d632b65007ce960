//! `skyshow formation` speaks in its own flags: an animated glTF file is flown over
//! `--hold`, sampled still at `--at` or as modelled with `--still`, and every refusal and
//! hint on the way names the command's flags (never a show-file key of a spec the user has
//! not written), in English and in Chinese, with exit code 2.

use std::path::Path;
use std::process::{Command, Output};

use skyshow_import::RiggedTube;

fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SKYSHOW_LANG")
        .args(["--lang", lang, "formation"])
        .args(args)
        .output()
        .expect("run skyshow")
}

/// A refusal: exit 2, nothing written, every needle in stderr, no show-file key of
/// `keys` and no line of the made-up spec.
fn refused(dir: &Path, lang: &str, args: &[&str], needles: &[&str], keys: &[&str]) -> String {
    let _ = std::fs::remove_file(dir.join("out.csv"));
    let mut all = args.to_vec();
    all.extend(["-o", "out.csv"]);
    let o = run(dir, lang, &all);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(!dir.join("out.csv").exists(), "{args:?}: nothing written");
    assert!(!err.contains("panicked"), "{err}");
    for n in needles {
        assert!(err.contains(n), "{args:?}: expected {n:?} in:\n{err}");
    }
    for k in keys {
        assert!(!err.contains(k), "{args:?}: show-file key {k:?} in:\n{err}");
    }
    assert!(!err.contains("[[chapter") && !err.contains("────"), "{err}");
    let help = if lang == "zh" { "提示：" } else { "help:" };
    assert!(err.contains(help), "{args:?}: no fix given:\n{err}");
    err
}

/// The rows of a points CSV `x,y,z,r,g,b`.
fn points(path: &Path) -> Vec<[f64; 3]> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<f64> = l.split(',').take(3).map(|x| x.parse().unwrap()).collect();
            [v[0], v[1], v[2]]
        })
        .collect()
}

/// The second-largest extent of `p` along the show axes over the largest: about 0.2 for
/// the straight tube (its diameter over its length), more once it bends.
fn bentness(p: &[[f64; 3]]) -> f64 {
    let mut ext: Vec<f64> = (0..3)
        .map(|k| {
            let (lo, hi) = p
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), q| {
                    (lo.min(q[k]), hi.max(q[k]))
                });
            hi - lo
        })
        .collect();
    ext.sort_by(f64::total_cmp);
    ext[1] / ext[2]
}

/// A tube that bends by up to 40° at its middle joint over a 4 s clip (`Bend`): straight
/// at 0 s and 2 s, bent most at 1 s.
fn tube(dir: &Path) {
    std::fs::write(dir.join("tube.glb"), RiggedTube::default().glb()).unwrap();
}

#[test]
fn an_animated_gltf_without_a_hold_offers_the_flags_that_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    tube(d);
    let args = ["tube.glb", "--drones", "40", "--width", "60"];
    let keys = [
        "hold =",
        "`hold`",
        "spec",
        "animation_start_s",
        "formation `tube`",
    ];
    refused(
        d,
        "en",
        &args,
        &[
            "`tube.glb` is animated (`Bend`, 4.00 s long)",
            "`--hold 4`",
            "`--at 2`",
            "`--still`",
        ],
        &keys,
    );
    refused(
        d,
        "zh",
        &args,
        &[
            "`tube.glb` 带有动画（`Bend`，长 4.00 秒）",
            "`--hold 4`",
            "`--still`",
        ],
        &keys,
    );
    // Each offered way out works: the mesh as modelled (straight), and still pictures
    // at moments of the clip (bent at 1 s, straight again at 2 s).
    let sample = |extra: &[&str], out: &str| {
        let mut all = args.to_vec();
        all.extend_from_slice(extra);
        all.extend(["-o", out]);
        let o = run(d, "en", &all);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{extra:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let p = points(&d.join(out));
        assert_eq!(p.len(), 40);
        bentness(&p)
    };
    let still = sample(&["--still"], "still.csv");
    let bent = sample(&["--at", "1"], "at1.csv");
    let straight = sample(&["--at", "2"], "at2.csv");
    assert!(still < 0.3 && straight < 0.3, "{still} {straight}");
    assert!(bent > still + 0.15, "bent {bent}, still {still}");
}

#[test]
fn flying_the_clip_is_checked_against_the_limit_flags_in_their_terms() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Smooth keys: the clip's only problem is its pace.
    let tube = RiggedTube {
        duration_s: 6.0,
        bend_deg: 30.0,
        interpolation: "CUBICSPLINE",
        ..RiggedTube::default()
    };
    std::fs::write(d.join("tube.glb"), tube.glb()).unwrap();
    let args = ["tube.glb", "--drones", "40", "--width", "60", "--hold", "6"];
    let err = refused(
        d,
        "en",
        &args,
        &["m/s", "`--animation-speed` ≤ ", "`--animation-speed fit`"],
        &["animation_speed", "formation `tube`"],
    );
    // The speed it offers flies.
    let speed: String = err
        .split("`--animation-speed` ≤ ")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut all = args.to_vec();
    all.extend(["--animation-speed", &speed, "-o", "tube.zip", "--json"]);
    let o = run(d, "en", &all);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["hold_s"], 6.0);
    let played = v["motion"]["playback_speed"].as_f64().unwrap();
    assert!((played - speed.parse::<f64>().unwrap()).abs() < 1e-9, "{v}");
    assert!(d.join("tube.zip").exists());
    // A start past the clip's end, in the flag that sets it.
    refused(
        d,
        "en",
        &["tube.glb", "--drones", "40", "--at", "9"],
        &["`--at 9` is past the end of animation `Bend`"],
        &["animation_start_s"],
    );
    refused(
        d,
        "zh",
        &["tube.glb", "--drones", "40", "--at", "9"],
        &["`--at 9` 超出了动画 `Bend` 的结尾"],
        &["animation_start_s"],
    );
}

#[test]
fn flags_that_do_not_apply_or_are_out_of_range_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("icon.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/></svg>"##,
    )
    .unwrap();
    std::fs::write(
        d.join("ring.toml"),
        "name = \"ring\"\nshape = \"circle\"\nradius_m = 30\n",
    )
    .unwrap();
    for (lang, args, needles) in [
        (
            "en",
            &["icon.svg", "--drones", "20", "--at", "1"][..],
            &["`--at` applies to glTF files", "`icon.svg` is not one"][..],
        ),
        (
            "zh",
            &["icon.svg", "--drones", "20", "--still"],
            &["`--still` 只适用于 glTF 文件"],
        ),
        (
            "en",
            &[
                "ring.toml",
                "--drones",
                "20",
                "--hold",
                "5",
                "--animation-loop",
            ],
            &[
                "only artwork files take `--hold`, `--animation-loop`",
                "`hold`",
            ],
        ),
        (
            "en",
            &["icon.svg", "--drones", "0"],
            &["`--drones 0` is out of range", "from 1 to 100000"],
        ),
        (
            "zh",
            &["icon.svg", "--drones", "0"],
            &["`--drones 0` 超出范围", "1 到 100000"],
        ),
        (
            "en",
            &["icon.svg", "--drones", "20", "--hold", "0"],
            &["`--hold 0` is out of range", "above 0"],
        ),
        (
            "en",
            &["icon.svg", "--drones", "20", "--max-accel=-1"],
            &["`--max-accel -1` is out of range", "≥ 0.01"],
        ),
        (
            "zh",
            &["icon.svg", "--drones", "20", "--max-speed-xy", "0"],
            &["`--max-speed-xy 0` 超出范围", "≥ 0.01"],
        ),
        (
            "en",
            &["icon.bmp", "--drones", "20"],
            &["`icon.bmp`: unsupported input type `.bmp`", "`--text`"],
        ),
    ] {
        refused(d, lang, args, needles, &["hold =", "[[chapter"]);
    }
}
