//! Animations mapped onto a formation (animated GIF, animated PNG, a numbered sequence of
//! pictures) and chapter-wide effects, checked on the drones' programs with planted colours.

use std::collections::HashMap;

use skyshow_lights::{LightOptions, design_show_lights};
use skyshow_model::{LightProgram, Rgb};
use skyshow_plan::{PlanOptions, ShowPlan, plan_show};

const A: [u8; 3] = [200, 10, 10];
const B: [u8; 3] = [10, 200, 10];
const C: [u8; 3] = [10, 10, 200];

/// Nine drones on a line holding 20 s (blue), then a second picture in another chapter.
fn show(light: &str) -> String {
    format!(
        "title = \"anim\"\n[fleet]\ndrones = 9\n[fleet.grid]\nrows = 3\ncolumns = 3\nspacing_m = 4\n\
         [[chapter]]\nname = \"one\"\n\
         [[chapter.formation]]\nname = \"line\"\nhold = 20\nshape = \"line\"\nlength_m = 40\ncenter = [0, 0, 30]\ncolor = \"#0000ff\"\n\
         {light}\n\
         [[chapter.formation]]\nname = \"ring\"\nhold = 10\nshape = \"circle\"\nradius_m = 16\ncenter = [0, 0, 30]\ncolor = \"#00ff00\"\n\
         [[chapter]]\nname = \"two\"\n\
         [[chapter.formation]]\nname = \"last\"\nhold = 10\nshape = \"circle\"\nradius_m = 10\ncenter = [0, 0, 30]\ncolor = \"#ffffff\"\n"
    )
}

/// A 4 × 4 GIF of one colour per frame, each shown `delay_cs` hundredths of a second.
fn gif(colors: &[[u8; 3]], delay_cs: u16) -> Vec<u8> {
    let palette: Vec<u8> = colors.iter().flatten().copied().collect();
    let mut out = Vec::new();
    {
        let mut e = gif::Encoder::new(&mut out, 4, 4, &palette).unwrap();
        e.set_repeat(gif::Repeat::Infinite).unwrap();
        for k in 0..colors.len() {
            let mut f = gif::Frame::from_indexed_pixels(4, 4, vec![k as u8; 16], None);
            f.delay = delay_cs;
            e.write_frame(&f).unwrap();
        }
    }
    out
}

/// A 4 × 4 PNG of one colour; with several colours an animated PNG, `delay_ms` each.
fn png(colors: &[[u8; 3]], delay_ms: u16) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, 4, 4);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        if colors.len() > 1 {
            e.set_animated(colors.len() as u32, 0).unwrap();
            e.set_frame_delay(delay_ms, 1000).unwrap();
        }
        let mut w = e.write_header().unwrap();
        for c in colors {
            let data: Vec<u8> = c.iter().copied().cycle().take(48).collect();
            w.write_image_data(&data).unwrap();
        }
        w.finish().unwrap();
    }
    out
}

fn run(text: &str, files: HashMap<String, Vec<u8>>) -> (ShowPlan, Vec<LightProgram>) {
    let mut read = |name: &str| {
        files
            .get(name)
            .cloned()
            .ok_or(format!("no file `{name}`").into())
    };
    let (design, ..) = skyshow_import::parse_show_with("anim.toml", text, &mut read).unwrap();
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
    let progs = design_show_lights(&plan, &design, &LightOptions::DEFAULT);
    (plan, progs)
}

fn rgb(c: [u8; 3]) -> Rgb {
    Rgb::new(c[0], c[1], c[2])
}

fn close(a: Rgb, b: Rgb) -> bool {
    a.r.abs_diff(b.r) <= 2 && a.g.abs_diff(b.g) <= 2 && a.b.abs_diff(b.b) <= 2
}

/// Every drone's colour at `t` is `want`.
fn all_are(progs: &[LightProgram], t: f64, want: Rgb, what: &str) {
    for (i, p) in progs.iter().enumerate() {
        let c = p.color_at(t);
        assert!(
            close(c, want),
            "{what}: drone {} at {t:.2} s is {c:?}, not {want:?}",
            i + 1
        );
    }
}

#[test]
fn an_animated_gif_plays_its_frames_in_turn_and_loops() {
    let light = "[[chapter.formation.light]]\neffect = \"image\"\nfile = \"a.gif\"";
    let files = HashMap::from([("a.gif".to_string(), gif(&[A, B, C], 100))]);
    let (plan, progs) = run(&show(light), files);
    let t0 = plan.formations[0].start_ms as f64 / 1000.0;
    for (dt, c, what) in [
        (0.5, A, "frame 1"),
        (1.5, B, "frame 2"),
        (2.5, C, "frame 3"),
        (3.5, A, "frame 1 again"),
        (5.5, C, "frame 3 again"),
    ] {
        all_are(&progs, t0 + dt, rgb(c), what);
    }
}

#[test]
fn an_animated_png_without_loop_keeps_its_last_frame() {
    let light = "[[chapter.formation.light]]\neffect = \"image\"\nfile = \"a.png\"\nloop = false";
    let files = HashMap::from([("a.png".to_string(), png(&[A, B], 500))]);
    let (plan, progs) = run(&show(light), files);
    let t0 = plan.formations[0].start_ms as f64 / 1000.0;
    all_are(&progs, t0 + 0.25, rgb(A), "frame 1");
    all_are(&progs, t0 + 0.75, rgb(B), "frame 2");
    all_are(&progs, t0 + 7.0, rgb(B), "frame 2 stays");
}

#[test]
fn a_numbered_sequence_plays_at_its_fps() {
    let light = "[[chapter.formation.light]]\neffect = \"image\"\nframes = \"clip/f_##.png\"\nframe_count = 3\nfirst_frame = 0\nfps = 2";
    let files = HashMap::from([
        ("clip/f_00.png".to_string(), png(&[C], 0)),
        ("clip/f_01.png".to_string(), png(&[A], 0)),
        ("clip/f_02.png".to_string(), png(&[B], 0)),
    ]);
    let (plan, progs) = run(&show(light), files.clone());
    let t0 = plan.formations[0].start_ms as f64 / 1000.0;
    all_are(&progs, t0 + 0.25, rgb(C), "frame 0");
    all_are(&progs, t0 + 0.75, rgb(A), "frame 1");
    all_are(&progs, t0 + 1.25, rgb(B), "frame 2");
    all_are(&progs, t0 + 1.75, rgb(C), "looped to frame 0");
    // A missing frame names the file.
    let four = light.replace("frame_count = 3", "frame_count = 4");
    let mut read = |name: &str| {
        files
            .get(name)
            .cloned()
            .ok_or(format!("no file `{name}`").into())
    };
    let e = skyshow_import::parse_show_with("anim.toml", &show(&four), &mut read).unwrap_err();
    let skyshow_import::ImportError::ShowFile(e) = e else {
        panic!("{e:?}")
    };
    assert!(
        e.message()
            .contains("frame 4 of the sequence: cannot read `clip/f_03.png`"),
        "{}",
        e.message()
    );
}

#[test]
fn a_chapter_light_spans_its_formations_and_transitions_only() {
    let light = "[[chapter.light]]\neffect = \"solid\"\ncolor = \"#c80a0a\"";
    let text = show("").replace(
        "[[chapter]]\nname = \"two\"",
        &format!("{light}\n[[chapter]]\nname = \"two\""),
    );
    let (plan, progs) = run(&text, HashMap::new());
    let f = &plan.formations;
    let line = (f[0].start_ms + f[0].end_ms) as f64 / 2000.0;
    let between = (f[0].end_ms + f[1].start_ms) as f64 / 2000.0;
    let ring = (f[1].start_ms + f[1].end_ms) as f64 / 2000.0;
    let last = (f[2].start_ms + f[2].end_ms) as f64 / 2000.0;
    assert!(
        f[1].start_ms > f[0].end_ms,
        "a transition between line and ring"
    );
    all_are(&progs, line, rgb(A), "chapter one, line");
    all_are(&progs, between, rgb(A), "chapter one, the transition");
    all_are(&progs, ring, rgb(A), "chapter one, ring");
    all_are(&progs, last, Rgb::WHITE, "chapter two");
}
