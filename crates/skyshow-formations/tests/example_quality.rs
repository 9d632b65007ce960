//! Sampling quality on the festival example's artwork at 600 drones, the show's fleet (the
//! full table at 600, 2,000 and 10,000 is the `quality` bench).

use std::path::Path;

use skyshow_formations::build;
use skyshow_import::load_show;
use skyshow_model::{FormationDesign, Limits, Shape};

/// The example's drawings (SVG and text) that have an area, with their designs; the
/// pictures of a morph sequence count each as a drawing of its own.
fn drawings() -> Vec<FormationDesign> {
    let show = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/eryueer/show.toml");
    let loaded = load_show(&show).expect("the example loads");
    loaded
        .design
        .formations
        .into_iter()
        .flat_map(|f| match &f.shape {
            Shape::Sequence { frames } => frames
                .iter()
                .enumerate()
                .map(|(k, frame)| FormationDesign {
                    name: format!("{} frame {}", f.name, k + 1),
                    shape: frame.shape.clone(),
                    ..f.clone()
                })
                .collect(),
            _ => vec![f],
        })
        .filter(|f| match &f.shape {
            Shape::Svg { drawing, .. } | Shape::Text { drawing, .. } => !drawing.area.is_empty(),
            _ => false,
        })
        .collect()
}

/// `f` with all its drones in the given fill share (`None`: both).
fn variant(f: &FormationDesign, share: Option<f64>) -> FormationDesign {
    let mut f = f.clone();
    if let Shape::Svg { drawing, count } | Shape::Text { drawing, count } = &mut f.shape {
        drawing.fill_share = share;
        *count = None;
    }
    f
}

fn ratio(f: &FormationDesign, n: usize) -> f64 {
    let limits = Limits {
        min_distance_m: 0.0,
        max_altitude_m: f64::INFINITY,
        ..Limits::DEFAULT
    };
    let b = build(f, n, 180.0, &limits, f64::NEG_INFINITY).expect("builds");
    assert_eq!(b.points.len(), n);
    b.min_spacing_m / b.ideal_spacing_m.expect("artwork has an ideal spacing")
}

#[test]
fn both_mode_reaches_the_fill_target_at_600() {
    let all = drawings();
    assert!(all.len() >= 8, "{} drawings", all.len());
    for f in &all {
        let r = ratio(&variant(f, None), 600);
        assert!(r >= 0.85, "{}: both at 600 gives {r:.3} × ideal", f.name);
    }
}

#[test]
fn outlines_reach_the_outline_target_at_600_but_three_titles() {
    // 春潮涌动, 山河锦绣 and 梦想启航 at 600 points are strokes about one spacing wide: the
    // packing reaches 0.85–0.89 × L/N there (see the issue note); they must not fall lower.
    let short = ["春潮涌动", "山河锦绣", "梦想启航"];
    for f in &drawings() {
        let r = ratio(&variant(f, Some(0.0)), 600);
        let floor = if short.iter().any(|s| f.name.contains(s)) {
            0.85
        } else {
            0.9
        };
        assert!(r >= floor, "{}: outline at 600 gives {r:.3} × L/N", f.name);
    }
}

#[test]
fn both_mode_is_the_same_on_one_thread_and_two() {
    let f = drawings()
        .into_iter()
        .find(|f| f.name.contains("花开盛世"))
        .expect("the 花开盛世 title");
    let f = variant(&f, None);
    let limits = Limits {
        min_distance_m: 0.0,
        ..Limits::DEFAULT
    };
    let on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| build(&f, 2000, 180.0, &limits, f64::NEG_INFINITY))
            .expect("builds")
    };
    let (a, b) = (on(1), on(2));
    assert_eq!(a.points, b.points);
    assert_eq!(a.min_spacing_m.to_bits(), b.min_spacing_m.to_bits());
}
