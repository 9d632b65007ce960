//! Light effects on a planned show: directions as the audience sees them, images, regions,
//! seeded sparkle, strobes and fades, checked on the programs the drones will run.

use skyshow_lights::{LightOptions, design_show_lights};
use skyshow_model::{
    Axis, Blend, EffectKind, Every, ImageDesign, LightEffect, LightFrame, LightProgram, Rgb,
    ShowDesign, Target, Vec3,
};
use skyshow_plan::{PlanOptions, ShowPlan, plan_show};

/// Nine drones on a 40 m line across the audience's view (the audience at −X, so its right
/// is −Y), blue, holding 20 s.
const SHOW: &str = r##"
title = "fx"
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
hold = 20
shape = "line"
length_m = 40
center = [0, 0, 30]
color = "#0000ff"
"##;

fn setup() -> (ShowDesign, ShowPlan) {
    let (design, _) = skyshow_import::parse_show("fx.toml", SHOW).unwrap();
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
    (design, plan)
}

fn effect(kind: EffectKind, t0: f64, t1: f64) -> LightEffect {
    LightEffect {
        label: "t".into(),
        kind,
        target: Target::default(),
        frame_formation: None,
        frame: LightFrame::Formation,
        start_s: Some(t0),
        end_s: Some(t1),
        fade_in_s: 0.0,
        fade_out_s: 0.0,
        fade_in_music: None,
        fade_out_music: None,
        blend: Blend::Normal,
        opacity: 1.0,
        chapter: None,
    }
}

/// The programs with `lights`, each drone's position in the hold, and the hold's middle.
fn run(lights: Vec<LightEffect>) -> (Vec<LightProgram>, Vec<Vec3>, f64, f64) {
    let (mut design, plan) = setup();
    design.lights = lights;
    let p = design_show_lights(&plan, &design, &LightOptions::DEFAULT);
    let f = &plan.formations[0];
    let (t0, t1) = (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0);
    let pos = plan
        .trajectories
        .iter()
        .map(|t| t.position((t0 + t1) / 2.0))
        .collect();
    (p, pos, t0, t1)
}

const RED: Rgb = Rgb::new(255, 0, 0);
const GREEN: Rgb = Rgb::new(0, 255, 0);

#[test]
fn a_gradient_to_the_right_runs_from_the_audiences_left() {
    let (_, plan) = setup();
    let f = &plan.formations[0];
    let t = (f.start_ms + f.end_ms) as f64 / 2000.0;
    let (progs, pos, ..) = run(vec![effect(
        EffectKind::Gradient {
            axis: Axis::Picture(0.0),
            colors: vec![RED, GREEN],
        },
        0.0,
        1000.0,
    )]);
    // The audience's right is −Y: the drone with the smallest Y is green, the largest red.
    let (left, right) = (0..9).fold((0, 0), |(l, r), i| {
        (
            if pos[i].y > pos[l].y { i } else { l },
            if pos[i].y < pos[r].y { i } else { r },
        )
    });
    for p in &progs {
        assert_eq!(
            p.color_at(1.0),
            Rgb::BLACK,
            "dark on the ground though the effect runs"
        );
        assert_eq!(
            p.color_at(plan.end_ms as f64 / 1000.0),
            Rgb::BLACK,
            "dark after landing"
        );
    }
    assert_eq!(progs[left].color_at(t), RED);
    assert_eq!(progs[right].color_at(t), GREEN);
    for i in 0..9 {
        let c = progs[i].color_at(t);
        let s = (20.0 - pos[i].y) / 40.0; // 0 at the left end, 1 at the right
        let want = RED.lerp(GREEN, s);
        assert!(
            c.max_channel_diff(want) <= 3,
            "drone {i}: {c:?} vs {want:?}"
        );
    }
}

#[test]
fn an_image_is_seen_the_right_way_round_and_regions_limit_effects() {
    let image = ImageDesign {
        width: 2,
        height: 1,
        pixels: vec![RED, GREEN],
    };
    let mut only_left = effect(EffectKind::Solid { color: Rgb::WHITE }, 0.0, 1000.0);
    only_left.target.region = Some([0.0, 0.0, 0.3, 1.0]);
    let (progs, pos, t0, t1) = run(vec![
        effect(EffectKind::Image { image }, 0.0, 1000.0),
        only_left,
    ]);
    let t = (t0 + t1) / 2.0;
    for i in 0..9 {
        let u = (20.0 - pos[i].y) / 40.0;
        let want = if u <= 0.3 + 1e-6 {
            Rgb::WHITE
        } else if u < 0.5 {
            RED
        } else {
            GREEN
        };
        assert_eq!(progs[i].color_at(t), want, "drone {i} at u = {u:.2}");
    }
}

#[test]
fn sparkle_is_seeded_and_strobes_keep_time() {
    let sparkle = |seed| {
        effect(
            EffectKind::Twinkle {
                color: Rgb::WHITE,
                density: 0.3,
                flash_s: 0.2,
                seed,
            },
            0.0,
            1000.0,
        )
    };
    let (a, _, t0, t1) = run(vec![sparkle(5)]);
    let (b, ..) = run(vec![sparkle(5)]);
    let (c, ..) = run(vec![sparkle(6)]);
    assert_eq!(a, b, "the same seed gives the same sparkle");
    assert_ne!(a, c, "another seed gives another");
    // About 30 % of the slots flash: count frames that are brighter than the blue base.
    let (mut lit, mut all) = (0, 0);
    for p in &a {
        let mut t = t0 + 0.01;
        while t < t1 {
            all += 1;
            // A flash starts at full white and fades out over its slot.
            if p.color_at(t).r > 128 {
                lit += 1;
            }
            t += 0.02;
        }
    }
    let share = lit as f64 / all as f64;
    assert!((0.1..0.2).contains(&share), "lit share {share}");

    // A strobe every 0.5 s, 0.1 s on, fading in over 2 s: off between flashes, and the first
    // flashes dimmer than the later ones.
    let mut strobe = effect(
        EffectKind::Strobe {
            color: Rgb::WHITE,
            every: Every::Seconds(0.5),
            on_s: 0.1,
        },
        t0,
        t1,
    );
    strobe.fade_in_s = 2.0;
    strobe.blend = Blend::Add;
    let (s, ..) = run(vec![strobe]);
    let p = &s[0];
    let blue = Rgb::new(0, 0, 255);
    assert_eq!(p.color_at(t0 + 5.3), blue, "between flashes");
    assert_eq!(
        p.color_at(t0 + 5.04),
        Rgb::WHITE,
        "on a flash after the fade-in"
    );
    let early = p.color_at(t0 + 0.54);
    assert!(
        early.r > 40 && early.r < 100,
        "a quarter into the fade-in: {early:?}"
    );
}

/// A fade-in of "2 beats" on an effect of a formation without `start` is counted when the
/// lights are designed, from when the formation is in place, along the music's beats.
#[test]
fn a_fade_in_in_beats_is_counted_from_the_formation_arrival() {
    let (mut design, plan) = setup();
    let f = &plan.formations[0];
    let t0 = f.start_ms as f64 / 1000.0;
    // Beats every 0.4 s from well before the formation until well after it.
    let beats_s: Vec<f64> = (0..400).map(|k| 0.4 * f64::from(k)).collect();
    design.music = Some(skyshow_model::MusicDesign {
        file: "m.wav".into(),
        bytes: Vec::new(),
        media_type: "audio/wav".into(),
        offset_s: 0.0,
        duration_s: 160.0,
        tempo_bpm: 150.0,
        beats_per_bar: 4,
        downbeats_s: beats_s.iter().step_by(4).copied().collect(),
        bars_before: 0,
        beats_s,
        waveform: Vec::new(),
    });
    let mut red = effect(EffectKind::Solid { color: RED }, 0.0, 0.0);
    red.start_s = None;
    red.end_s = None;
    red.frame_formation = Some(0);
    red.fade_in_music = skyshow_model::MusicalLength::parse("2 beats");
    design.lights = vec![red];
    let p = design_show_lights(&plan, &design, &LightOptions::DEFAULT);
    // Two beats = 0.8 s: half-way at 0.4 s, full at 0.8 s.
    let half = p[0].color_at(t0 + 0.4);
    assert!(
        (115..=140).contains(&half.r) && (115..=140).contains(&half.b),
        "{half:?}"
    );
    assert_eq!(p[0].color_at(t0 + 0.9), RED);
}
