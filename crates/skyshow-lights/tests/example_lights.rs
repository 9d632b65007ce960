//! The festival example's light programs, decoded by a reader written here from the
//! bytecode table in the reference (it shares no code with the encoder), match the designed
//! colours within 2 units at every 20 ms frame; and the largest program is under 16 KiB.

#![allow(clippy::print_stderr)] // the test prints its figures

use std::path::Path;

use skyshow_import::load_show;
use skyshow_lights::{LightOptions, design_show_lights, designed_frames};
use skyshow_model::Rgb;
use skyshow_plan::{PlanOptions, plan_show};

/// Colour at every 20 ms frame from `bytes`, until END; `None` if the program is malformed.
fn decode_frames(bytes: &[u8]) -> Option<Vec<[u8; 3]>> {
    fn varint(b: &[u8], i: &mut usize) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let x = *b.get(*i)?;
            *i += 1;
            v |= u64::from(x & 0x7F) << shift;
            if x & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    // Frames are emitted at the start of each tick; a fade reaches its target at its end.
    fn emit(from: [u8; 3], to: [u8; 3], dur: u64, out: &mut Vec<[u8; 3]>) {
        for k in 0..dur {
            let f = k as f64 / dur as f64;
            let mix =
                |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
            out.push([
                mix(from[0], to[0]),
                mix(from[1], to[1]),
                mix(from[2], to[2]),
            ]);
        }
    }
    let mut out: Vec<[u8; 3]> = Vec::new();
    let mut cur = [0u8; 3];
    let mut i = 0;
    let mut loops: Vec<(usize, u8)> = Vec::new();
    while i < bytes.len() {
        let op = bytes[i];
        i += 1;
        match op {
            0x00 => {
                out.push(cur);
                return Some(out);
            }
            0x02 => {
                let d = varint(bytes, &mut i)?;
                emit(cur, cur, d, &mut out);
            }
            0x04..=0x0B => {
                let target = match op {
                    0x04 | 0x08 => {
                        let c = [*bytes.get(i)?, *bytes.get(i + 1)?, *bytes.get(i + 2)?];
                        i += 3;
                        c
                    }
                    0x05 | 0x09 => {
                        let g = *bytes.get(i)?;
                        i += 1;
                        [g; 3]
                    }
                    0x06 | 0x0A => [0; 3],
                    _ => [255; 3],
                };
                let d = varint(bytes, &mut i)?;
                let fade = op >= 0x08;
                emit(if fade { cur } else { target }, target, d, &mut out);
                cur = target;
            }
            0x0C => {
                loops.push((i + 1, *bytes.get(i)?));
                i += 1;
            }
            0x0D => {
                let top = loops.last_mut()?;
                top.1 -= 1;
                if top.1 > 0 {
                    i = top.0;
                } else {
                    loops.pop();
                }
            }
            _ => return None,
        }
    }
    None
}

#[test]
fn example_programs_match_the_design_within_two_units() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let loaded = load_show(&repo.join("examples/eryueer/show.toml")).unwrap();
    let design = &loaded.design;
    assert!(design.music.is_some(), "the example has music");
    assert!(!design.lights.is_empty(), "the example has light effects");
    let opts = PlanOptions {
        minimise: design.minimise,
        ..PlanOptions::DEFAULT
    };
    let plan = plan_show(design, &opts).unwrap();
    let programs = design_show_lights(&plan, design, &LightOptions::DEFAULT);
    let largest = programs.iter().map(|p| p.bytecode.len()).max().unwrap();
    eprintln!("largest light program: {largest} bytes");
    assert!(largest < 16 * 1024, "largest program {largest} bytes");
    let mut worst = 0u8;
    let mut frames = 0usize;
    let mut changing = 0usize;
    for (i, p) in programs.iter().enumerate() {
        let want = designed_frames(&plan, design, &LightOptions::DEFAULT, i);
        let got = decode_frames(&p.bytecode).expect("a well-formed program");
        assert!(
            got.len() >= want.len(),
            "drone {i}: {} < {} frames",
            got.len(),
            want.len()
        );
        changing += want.windows(2).filter(|w| w[0] != w[1]).count();
        for (k, (w, g)) in want.iter().zip(&got).enumerate() {
            let d = Rgb::new(g[0], g[1], g[2]).max_channel_diff(*w);
            worst = worst.max(d);
            assert!(
                d <= 2,
                "drone {i} frame {k} ({:.2} s): designed {w:?}, decoded {g:?}",
                k as f64 * 0.02
            );
        }
        frames += want.len();
    }
    eprintln!("{frames} frames checked, {changing} colour changes, worst difference {worst} units");
    // The effects make the colours move: far more changes than formations × drones.
    assert!(changing > 600 * 12 * 20, "{changing} changes");
}
