//! Encoding light steps as Skybrush light-program bytecode (20 ms ticks).

use skyshow_model::{LightStep, Rgb};

/// Length of one bytecode tick, milliseconds (50 fps).
pub const FRAME_MS: i64 = 20;

const END: u8 = 0x00;
const SLEEP: u8 = 0x02;
const SET_COLOR: u8 = 0x04;
const SET_GRAY: u8 = 0x05;
const SET_BLACK: u8 = 0x06;
const SET_WHITE: u8 = 0x07;
const FADE_TO_COLOR: u8 = 0x08;
const FADE_TO_GRAY: u8 = 0x09;
const FADE_TO_BLACK: u8 = 0x0A;
const FADE_TO_WHITE: u8 = 0x0B;
const LOOP_BEGIN: u8 = 0x0C;
const LOOP_END: u8 = 0x0D;

/// Longest loop body tried, in instructions.
const MAX_LOOP_BODY: usize = 24;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn color_op(out: &mut Vec<u8>, c: Rgb, fade: bool) {
    let gray = c.r == c.g && c.g == c.b;
    match (c, fade) {
        (Rgb::BLACK, false) => out.push(SET_BLACK),
        (Rgb::BLACK, true) => out.push(FADE_TO_BLACK),
        (Rgb::WHITE, false) => out.push(SET_WHITE),
        (Rgb::WHITE, true) => out.push(FADE_TO_WHITE),
        _ if gray => out.extend_from_slice(&[if fade { FADE_TO_GRAY } else { SET_GRAY }, c.r]),
        _ => out.extend_from_slice(&[if fade { FADE_TO_COLOR } else { SET_COLOR }, c.r, c.g, c.b]),
    }
}

/// Encodes steps whose times are whole ticks (multiples of 20 ms) on the show clock.
/// The program starts black at time 0; gaps between steps hold the current colour.
/// Runs of repeated instructions are folded into loops.
///
/// # Panics
/// In debug builds, if steps overlap or are not on the tick grid.
pub fn encode(steps: &[LightStep]) -> Vec<u8> {
    let mut ops: Vec<Vec<u8>> = Vec::new();
    let mut color = Rgb::BLACK;
    let mut frame: u64 = 0;
    let tick = |t: f64| (t * 1000.0 / FRAME_MS as f64).round() as u64;
    let sleep = |ops: &mut Vec<Vec<u8>>, d: u64| {
        let mut op = vec![SLEEP];
        varint(&mut op, d);
        ops.push(op);
    };
    for s in steps {
        let f0 = tick(s.t0);
        let f1 = tick(s.t1);
        debug_assert!(f0 >= frame, "light steps must not overlap");
        if f0 > frame {
            // Hold the current colour until the step.
            sleep(&mut ops, f0 - frame);
        }
        if s.from != color {
            // Jump to the step's start colour.
            let mut op = Vec::new();
            color_op(&mut op, s.from, false);
            varint(&mut op, 0);
            ops.push(op);
            color = s.from;
        }
        let dur = f1 - f0;
        if s.to != color {
            let mut op = Vec::new();
            color_op(&mut op, s.to, true);
            varint(&mut op, dur);
            ops.push(op);
            color = s.to;
        } else if dur > 0 {
            sleep(&mut ops, dur);
        }
        frame = f1;
    }
    let mut out = fold_loops(&ops);
    out.push(END);
    out
}

/// Writes `ops`, replacing each run of a repeated block of instructions by
/// `LOOP_BEGIN count … LOOP_END` where that is shorter (greedy, longest saving first at
/// each position; counts up to 255; loops are not nested).
fn fold_loops(ops: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        // (saving in bytes, body length, repeats)
        let mut best = (0usize, 0usize, 0usize);
        for len in 1..=MAX_LOOP_BODY.min((ops.len() - i) / 2) {
            let body = &ops[i..i + len];
            let mut reps = 1;
            while reps < 255
                && i + (reps + 1) * len <= ops.len()
                && ops[i + reps * len..i + (reps + 1) * len] == *body
            {
                reps += 1;
            }
            let bytes: usize = body.iter().map(Vec::len).sum();
            let saving = (reps - 1) * bytes;
            if reps > 1 && saving > 3 && saving > best.0 {
                best = (saving, len, reps);
            }
        }
        let (_, len, reps) = best;
        if reps > 1 {
            out.extend_from_slice(&[LOOP_BEGIN, reps as u8]);
            for op in &ops[i..i + len] {
                out.extend_from_slice(op);
            }
            out.push(LOOP_END);
            i += len * reps;
        } else {
            out.extend_from_slice(&ops[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_reference_example() {
        // Reference §1.10, drone 1: white 8 s, fade to red 10 s, red 13 s, END.
        let white = Rgb::WHITE;
        let red = Rgb::new(255, 0, 0);
        let steps = [
            LightStep {
                t0: 0.0,
                t1: 8.0,
                from: white,
                to: white,
            },
            LightStep {
                t0: 8.0,
                t1: 18.0,
                from: white,
                to: red,
            },
            LightStep {
                t0: 18.0,
                t1: 31.0,
                from: red,
                to: red,
            },
        ];
        let b = encode(&steps);
        // Ours: SET_WHITE 0, SLEEP 400, FADE_TO_COLOR red 500, SLEEP 650, END.
        assert_eq!(
            b,
            vec![
                0x07, 0x00, 0x02, 0x90, 0x03, 0x08, 0xFF, 0x00, 0x00, 0xF4, 0x03, 0x02, 0x8A, 0x05,
                0x00
            ]
        );
    }

    #[test]
    fn repeats_become_loops() {
        let white = Rgb::WHITE;
        // 40 beats: flash white, fade to black over 10 ticks, dark for 15 ticks.
        let mut steps = Vec::new();
        for k in 0..40 {
            let t = 1.0 + 0.5 * k as f64;
            steps.push(LightStep {
                t0: t,
                t1: t,
                from: white,
                to: white,
            });
            steps.push(LightStep {
                t0: t,
                t1: t + 0.2,
                from: white,
                to: Rgb::BLACK,
            });
        }
        steps.push(LightStep {
            t0: 21.0,
            t1: 22.0,
            from: Rgb::BLACK,
            to: Rgb::BLACK,
        });
        let b = encode(&steps);
        assert!(b.len() < 20, "{} bytes: {b:02X?}", b.len());
        assert!(b.contains(&LOOP_BEGIN));
    }

    #[test]
    fn varints() {
        let mut v = Vec::new();
        varint(&mut v, 300);
        assert_eq!(v, vec![0xAC, 0x02]);
        let mut v = Vec::new();
        varint(&mut v, 127);
        assert_eq!(v, vec![0x7F]);
    }
}
