//! Plans keep the limits as they are written, not only as planned: every transition is
//! flown, written to a `.skyc` (coordinates rounded to 0.1 mm), read back and validated.
//!
//! A 6 × 4 picture at exactly the minimum distance turned 45° in its plane was planned
//! through expanded copies whose overlapped legs changed phase 5 ms apart; the export's
//! rounding made that 5 ms curved piece 11.3 m/s² against a 4 m/s² limit (38 violations).
//! The sweep covers the class: pictures of several sizes and spacings turned by several
//! angles, in their plane and about the vertical.

#[path = "../benches/common/hard_cases.rs"]
mod hard_cases;

use skyshow_export::{SkycMeta, write_skyc};
use skyshow_model::{Limits, Vec3};
use skyshow_plan::{PlanOptions, ROUNDING_MARGIN_M, plan_transition};
use skyshow_skyc::{ReadOptions, read_skyc};
use skyshow_validate::{ValidateOptions, validate};

/// A `cols` × `rows` picture `s` apart facing the audience (in the y–z plane), centred at
/// 40 m.
fn picture(cols: usize, rows: usize, s: f64) -> Vec<Vec3> {
    let (hc, hr) = ((cols as f64 - 1.0) / 2.0, (rows as f64 - 1.0) / 2.0);
    let mut out = Vec::new();
    for r in 0..rows {
        for k in 0..cols {
            out.push(Vec3::new(
                0.0,
                (k as f64 - hc) * s,
                40.0 + (r as f64 - hr) * s,
            ));
        }
    }
    out
}

/// `points` turned by `deg` about the axis `axis` (x: in the picture's plane, z: about the
/// vertical) through the picture's centre.
fn turned(points: &[Vec3], deg: f64, axis: char) -> Vec<Vec3> {
    let c = Vec3::new(0.0, 0.0, 40.0);
    let (s, co) = deg.to_radians().sin_cos();
    points
        .iter()
        .map(|p| {
            let r = *p - c;
            c + match axis {
                'x' => Vec3::new(r.x, r.y * co - r.z * s, r.y * s + r.z * co),
                _ => Vec3::new(r.x * co - r.y * s, r.x * s + r.y * co, r.z),
            }
        })
        .collect()
}

/// Plans `from` → `to` as `build` does (the default options and band), then returns the
/// method and the violations the validator finds in the plan as written and read back.
fn written_violations(from: &[Vec3], to: &[Vec3]) -> (String, usize, String) {
    let limits = Limits::DEFAULT;
    let band = (
        limits.min_nav_altitude_m + limits.min_distance_m,
        limits.max_altitude_m,
    );
    let t = plan_transition(from, to, &limits, &PlanOptions::DEFAULT, band, 0)
        .unwrap_or_else(|e| panic!("refused: {}", e.0));
    let show = hard_cases::fly(from, &t);
    // The plan itself, exactly.
    let exact = validate(&show, &limits, &ValidateOptions::default());
    assert_eq!(exact.violations_total, 0, "{:?}", exact.violations);
    let meta = SkycMeta {
        limits,
        origin: None,
        audio: None,
        rth_plans: Vec::new(),
    };
    let bytes = write_skyc(&show, &meta);
    let read = read_skyc(&bytes, &ReadOptions::DEFAULT).expect("reads what was written");
    // Pictures spaced exactly the minimum distance are flown at it (nothing closer can
    // keep their own spacing), and the 0.1 mm rounding of the written coordinates moves
    // a distance by up to 2·√3·0.05 mm either way: the same holds for the pictures
    // themselves. Pictures spaced wider are planned 2 mm above it and checked strictly.
    let spacing = |p: &[Vec3]| {
        let mut m = f64::INFINITY;
        for i in 0..p.len() {
            for j in 0..i {
                m = m.min(p[i].dist(p[j]));
            }
        }
        m
    };
    let at_minimum =
        spacing(from).min(spacing(to)) < limits.min_distance_m + ROUNDING_MARGIN_M - 1e-9;
    let written_limits = Limits {
        min_distance_m: limits.min_distance_m - if at_minimum { 2e-4 } else { 0.0 },
        ..limits
    };
    let v = validate(&read.show, &written_limits, &ValidateOptions::default());
    let first = v.violations.first().map_or(String::new(), |x| {
        format!(
            "first: {:?} {:.4} > {} at {:.3} s",
            x.kind, x.value, x.limit, x.time_s
        )
    });
    let what = format!(
        "peak acceleration {:.3} m/s², closest {:.4} m; {first}",
        v.measured.max_accel_m_s2, v.measured.min_distance_m
    );
    (t.method.as_str().to_string(), v.violations_total, what)
}

#[test]
fn an_exactly_spaced_picture_turned_45_degrees_keeps_the_limits_as_written() {
    let from = picture(6, 4, 3.0);
    let (method, violations, what) = written_violations(&from, &turned(&from, 45.0, 'x'));
    assert_eq!(violations, 0, "{method}: {what}");
}

#[test]
fn turned_pictures_keep_the_limits_as_written() {
    let mut methods = std::collections::BTreeMap::new();
    let mut failures = Vec::new();
    for (cols, rows) in [(6, 4), (5, 5), (8, 3)] {
        for s in [3.0, 3.2] {
            for deg in [20.0, 45.0, 70.0, 90.0, 135.0, 180.0] {
                for axis in ['x', 'z'] {
                    let from = picture(cols, rows, s);
                    let to = turned(&from, deg, axis);
                    let (method, violations, what) = written_violations(&from, &to);
                    *methods.entry(method.clone()).or_insert(0) += 1;
                    if violations > 0 {
                        failures.push(format!(
                            "{cols}×{rows} at {s} m turned {deg}° about {axis}: {method}, \
                             {violations} violations, {what}"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The sweep reaches the methods that fly legs of their own.
    assert!(
        methods.contains_key("expanded") || methods.contains_key("layered"),
        "{methods:?}"
    );
}
