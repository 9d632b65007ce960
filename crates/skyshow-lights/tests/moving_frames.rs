//! Light effects on a moving formation: painted on the shape (`frame = "formation"`) a
//! drone keeps its colour while the picture turns; fixed in the sky (`frame = "sky"`) the
//! turning picture moves through the effect. Planted answers worked out by hand.

use skyshow_lights::{LightOptions, design_show_lights};
use skyshow_model::{EffectKind, ImageDesign, LightFrame, LightProgram, Rgb};
use skyshow_plan::{PlanOptions, ShowPlan, plan_show};

/// Nine drones on a 40 m line across the audience's view, turning once about the
/// vertical over its 40 s hold with the given easing, under a
/// red-to-green gradient from the audience's left to its right drawn in `frame`.
fn show(frame: &str, easing: &str) -> String {
    format!(
        r##"
title = "turning"
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
hold = 40
shape = "line"
length_m = 40
center = [0, 0, 40]
color = "#0000ff"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 1
easing = "{easing}"
[[chapter.formation.light]]
effect = "gradient"
colors = ["#ff0000", "#00ff00"]
axis = "right"
frame = "{frame}"
"##
    )
}

fn build(frame: &str, easing: &str) -> (Vec<LightProgram>, ShowPlan) {
    let (design, _) = skyshow_import::parse_show("turning.toml", &show(frame, easing)).unwrap();
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
    assert!(plan.formations[0].motion.is_some(), "the line turns");
    let progs = design_show_lights(&plan, &design, &LightOptions::DEFAULT);
    (progs, plan)
}

/// Hold start, middle and end, seconds (on the 20 ms light clock, just inside the hold).
fn times(plan: &ShowPlan) -> [f64; 3] {
    let f = &plan.formations[0];
    let (t0, t1) = (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0);
    let tick = |t: f64| (t / 0.02).round() * 0.02;
    [tick(t0 + 0.04), tick((t0 + t1) / 2.0), tick(t1 - 0.04)]
}

/// The drones at the audience's far left and far right at the start of the hold.
fn ends(plan: &ShowPlan, t: f64) -> (usize, usize) {
    // The audience is at −X by default, so its right is −Y.
    let y: Vec<f64> = plan
        .trajectories
        .iter()
        .map(|tr| tr.position(t).y)
        .collect();
    let left = (0..9).max_by(|a, b| y[*a].total_cmp(&y[*b])).unwrap();
    let right = (0..9).min_by(|a, b| y[*a].total_cmp(&y[*b])).unwrap();
    (left, right)
}

fn close(a: Rgb, b: Rgb, tol: i32) -> bool {
    [(a.r, b.r), (a.g, b.g), (a.b, b.b)]
        .iter()
        .all(|(x, y)| (i32::from(*x) - i32::from(*y)).abs() <= tol)
}

#[test]
fn painted_on_the_shape_each_drone_keeps_its_colour_as_the_picture_turns() {
    let (progs, plan) = build("formation", "smooth");
    let [t0, tm, t1] = times(&plan);
    let (left, right) = ends(&plan, t0);
    // Half-way through the (symmetric) turn the two ends have swapped sides in the sky …
    assert!(plan.trajectories[left].position(tm).y < -19.0);
    assert!(plan.trajectories[right].position(tm).y > 19.0);
    // … and each keeps the colour of its place on the line.
    for t in [t0, tm, t1] {
        assert_eq!(
            progs[left].color_at(t),
            Rgb::new(255, 0, 0),
            "left end at {t}"
        );
        assert_eq!(
            progs[right].color_at(t),
            Rgb::new(0, 255, 0),
            "right end at {t}"
        );
    }
    for (i, p) in progs.iter().enumerate() {
        let c0 = p.color_at(t0);
        assert!(
            [tm, t1].iter().all(|t| close(p.color_at(*t), c0, 2)),
            "drone {i} changed colour though the effect is painted on the shape"
        );
    }
}

#[test]
fn fixed_in_the_sky_the_turning_picture_moves_through_the_gradient() {
    let (progs, plan) = build("sky", "smooth");
    let [t0, tm, t1] = times(&plan);
    let (left, right) = ends(&plan, t0);
    // The turn sweeps a disc 40 m across: seen by the audience, the sky's box spans the
    // line at rest. At the start the left end is at the box's left (red); half-way through
    // the smooth (symmetric) turn it is at the right (green); a quarter of the way round
    // the line points at the audience and every drone is in the middle (half-way colour).
    assert!(close(progs[left].color_at(t0), Rgb::new(255, 0, 0), 3));
    // Near (not exactly at: the turn eases in after the drones settle) the far side, the
    // colour is the share of the box the flown position is at: u = (20 − y) / 40.
    let y = plan.trajectories[left].position(tm).y;
    assert!(y < -19.0, "half-way the left end is at the right");
    let want = Rgb::new(255, 0, 0).lerp(Rgb::new(0, 255, 0), (20.0 - y) / 40.0);
    assert!(close(progs[left].color_at(tm), want, 3));
    assert!(close(progs[left].color_at(t1), Rgb::new(255, 0, 0), 3));
    assert!(close(progs[right].color_at(t0), Rgb::new(0, 255, 0), 3));
    let y = plan.trajectories[right].position(tm).y;
    assert!(y > 19.0, "half-way the right end is at the left");
    let want = Rgb::new(255, 0, 0).lerp(Rgb::new(0, 255, 0), (20.0 - y) / 40.0);
    assert!(close(progs[right].color_at(tm), want, 3));
    let centre = plan
        .trajectories
        .iter()
        .map(|tr| tr.position(tm).y)
        .sum::<f64>()
        / 9.0;
    assert!((centre).abs() < 0.5, "the turn is about the line's centre");
}

#[test]
fn fixed_in_the_sky_a_linear_turn_colours_by_the_angle() {
    // A linear turn (with its short ramps): an eighth of the way through the hold the
    // line has turned about 45°, so the left end, 20 m out, stands 20·cos 45° = 14.1 m
    // left of the centre: u = (20 − 14.1) / 40 = 0.146 of the way from red to green.
    let (progs, plan) = build("sky", "linear");
    let f = &plan.formations[0];
    let (t0, t1) = (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0);
    let (left, _) = ends(&plan, t0 + 0.04);
    // Where the flown line really is an eighth through (ramps included), as a share.
    let tq = ((t0 + (t1 - t0) / 8.0) / 0.02).round() * 0.02;
    let p = plan.trajectories[left].position(tq);
    let centre = plan
        .trajectories
        .iter()
        .map(|tr| tr.position(tq).y)
        .sum::<f64>()
        / 9.0;
    let u = (20.0 - (p.y - centre)) / 40.0;
    assert!(
        (0.1..0.2).contains(&u),
        "an eighth through, about 45°: u = {u}"
    );
    let want = Rgb::new(255, 0, 0).lerp(Rgb::new(0, 255, 0), u);
    assert!(
        close(progs[left].color_at(tq), want, 3),
        "{:?} vs {want:?}",
        progs[left].color_at(tq)
    );
}

#[test]
fn on_a_still_formation_both_frames_give_the_same_lights() {
    let still = |frame: &str| {
        let text = show(frame, "smooth").replace(
            "[[chapter.formation.motion]]\nkind = \"rotate\"\naxis = \"up\"\nturns = 1\neasing = \"smooth\"\n",
            "",
        );
        let (design, _) = skyshow_import::parse_show("still.toml", &text).unwrap();
        let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
        assert!(plan.formations[0].motion.is_none());
        design_show_lights(&plan, &design, &LightOptions::DEFAULT)
    };
    assert_eq!(still("formation"), still("sky"));
}

#[test]
fn frame_is_refused_where_it_means_nothing_or_is_misspelt() {
    let text = show("sky", "smooth").replace(
        "effect = \"gradient\"",
        "effect = \"twinkle\"\ncolor = \"white\"",
    );
    let err = skyshow_import::parse_show("t.toml", &text)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`frame` has no effect on a `twinkle` effect"),
        "{err}"
    );
    let text = show("skies", "smooth");
    let err = skyshow_import::parse_show("t.toml", &text).unwrap_err();
    let all = format!("{err:?}");
    assert!(all.contains("skies") && all.contains("sky"), "{all}");
}

/// The turning line under a two-pixel picture, red on the audience's left half and green
/// on its right, drawn in `frame`.
fn build_image(frame: LightFrame) -> (Vec<LightProgram>, ShowPlan) {
    let (mut design, _) =
        skyshow_import::parse_show("turning.toml", &show("formation", "smooth")).unwrap();
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
    let light = &mut design.lights[0];
    light.kind = EffectKind::Image {
        image: ImageDesign {
            width: 2,
            height: 1,
            pixels: vec![Rgb::new(255, 0, 0), Rgb::new(0, 255, 0)],
        },
    };
    light.frame = frame;
    (
        design_show_lights(&plan, &design, &LightOptions::DEFAULT),
        plan,
    )
}

#[test]
fn an_image_stays_painted_on_the_turning_picture_and_the_sky_image_stays_put() {
    let red = Rgb::new(255, 0, 0);
    let green = Rgb::new(0, 255, 0);
    let (progs, plan) = build_image(LightFrame::Formation);
    let [t0, tm, t1] = times(&plan);
    let (left, right) = ends(&plan, t0);
    assert!(
        plan.trajectories[left].position(tm).y < -19.0,
        "ends swapped"
    );
    for t in [t0, tm, t1] {
        assert_eq!(progs[left].color_at(t), red, "painted: left end at {t}");
        assert_eq!(progs[right].color_at(t), green, "painted: right end at {t}");
    }
    // In the sky the picture stays where it is: half-way round the left end has reached
    // the audience's right, the picture's green half, and the right end its red half.
    let (progs, plan) = build_image(LightFrame::Sky);
    let [t0, tm, t1] = times(&plan);
    let (left, right) = ends(&plan, t0);
    assert_eq!(progs[left].color_at(t0), red);
    assert_eq!(progs[left].color_at(tm), green, "sky: left end half-way");
    assert_eq!(progs[right].color_at(tm), red, "sky: right end half-way");
    assert_eq!(progs[left].color_at(t1), red);
    assert_eq!(progs[right].color_at(t1), green);
}
