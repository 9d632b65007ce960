//! A 15-minute show with an effect on every beat from start to end stays far under
//! Skybrush's 64 KiB per drone, and its programs still reproduce the design.

#![allow(clippy::print_stderr)] // the test prints its figures

use skyshow_lights::{LightOptions, design_show_lights, designed_frames};
use skyshow_model::{
    Axis, Blend, EffectKind, Every, LightEffect, LightFrame, LightProgram, MusicDesign, Rgb, Target,
};
use skyshow_plan::{PlanOptions, plan_show};

fn show() -> String {
    let mut s = String::from(
        "title = \"long\"\n[fleet]\ndrones = 16\n[fleet.grid]\nrows = 4\ncolumns = 4\nspacing_m = 4\n[[chapter]]\nname = \"c\"\n",
    );
    for k in 0..14 {
        let shape = if k % 2 == 0 {
            "shape = \"circle\"\nradius_m = 12"
        } else {
            "shape = \"grid\"\nwidth_m = 20\nheight_m = 20"
        };
        s += &format!(
            "[[chapter.formation]]\nname = \"f{k}\"\nhold = 60\n{shape}\ncenter = [0, 0, 40]\ncolor = \"blue\"\n"
        );
    }
    s
}

fn effect(kind: EffectKind, blend: Blend) -> LightEffect {
    LightEffect {
        label: "test".into(),
        kind,
        target: Target::default(),
        frame_formation: None,
        frame: LightFrame::Formation,
        start_s: Some(0.0),
        end_s: Some(1000.0),
        fade_in_s: 0.0,
        fade_out_s: 0.0,
        fade_in_music: None,
        fade_out_music: None,
        blend,
        opacity: 1.0,
        chapter: None,
    }
}

/// The long show with `lights`: its duration and largest program, checked against the
/// design at every 7th frame.
fn build(lights: Vec<LightEffect>) -> (f64, usize) {
    let (mut design, _) = skyshow_import::parse_show("long.toml", &show()).unwrap();
    // Beats as a tracker finds them: 120 BPM with a few milliseconds of wobble.
    let beats_s: Vec<f64> = (0..2000)
        .map(|k| 1.0 + 0.5 * k as f64 + 0.006 * ((k * 7919 % 13) as f64 / 6.0 - 1.0))
        .collect();
    let downbeats_s = beats_s.iter().step_by(4).copied().collect();
    design.music = Some(MusicDesign {
        tempo_bpm: 120.0,
        beats_per_bar: 4,
        beats_s,
        downbeats_s,
        duration_s: 1001.0,
        ..MusicDesign::default()
    });
    design.lights = lights;
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
    let end = plan.end_ms as f64 / 1000.0;
    assert!(end > 15.0 * 60.0, "the show lasts {end} s");
    let programs: Vec<LightProgram> = design_show_lights(&plan, &design, &LightOptions::DEFAULT);
    for (i, p) in programs.iter().enumerate() {
        let want = designed_frames(&plan, &design, &LightOptions::DEFAULT, i);
        for (k, w) in want.iter().enumerate().step_by(7) {
            let got = p.color_at(k as f64 * 0.02);
            assert!(got.max_channel_diff(*w) <= 2, "drone {i} frame {k}");
        }
    }
    (
        end,
        programs.iter().map(|p| p.bytecode.len()).max().unwrap(),
    )
}

fn festival_cycle(fade_s: f64) -> LightEffect {
    effect(
        EffectKind::ColorCycle {
            colors: vec![
                Rgb::new(255, 24, 16),
                Rgb::new(16, 220, 64),
                Rgb::new(24, 80, 255),
                Rgb::new(255, 176, 24),
            ],
            every: Every::Bars(1),
            fade_s,
        },
        Blend::Normal,
    )
}

#[test]
fn fifteen_minutes_on_the_beat_stay_far_under_64_kib() {
    // The usual beat-synced design: the festival colours changing every bar, a white
    // flash decaying on every beat.
    let (end, largest) = build(vec![
        festival_cycle(0.0),
        effect(
            EffectKind::Pulse {
                color: Rgb::WHITE,
                every: Every::Beats(1),
                decay_s: 0.3,
            },
            Blend::Normal,
        ),
    ]);
    eprintln!(
        "{end:.0} s, a pulse on every beat, colours every bar: largest program {largest} bytes"
    );
    assert!(largest < 16 * 1024, "{largest} bytes");
}

#[test]
fn three_stacked_layers_on_every_beat_still_fit() {
    // A heavy stack: cross-faded colours every bar, an added flash clipping at full on
    // every beat, and a multiplied gradient: the curves need many short fades.
    let (end, largest) = build(vec![
        festival_cycle(0.2),
        effect(
            EffectKind::Pulse {
                color: Rgb::WHITE,
                every: Every::Beats(1),
                decay_s: 0.3,
            },
            Blend::Add,
        ),
        effect(
            EffectKind::Gradient {
                axis: Axis::Picture(90.0),
                colors: vec![Rgb::WHITE, Rgb::new(128, 128, 128)],
            },
            Blend::Multiply,
        ),
    ]);
    eprintln!("{end:.0} s, three stacked layers on every beat: largest program {largest} bytes");
    assert!(largest < 64 * 1024, "{largest} bytes");
}
