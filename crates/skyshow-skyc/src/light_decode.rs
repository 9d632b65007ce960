//! `DecodedLights`: Skybrush light-program bytecode (reference §1.6) executed into
//! [`LightStep`]s on the show clock. Durations are 20 ms frames; the program starts at show
//! time 0 with the LEDs black; fades start from the current colour.

use skyshow_model::{LightProgram, LightStep, Rgb};

use crate::{LightDecodeError, LightDecodeOptions};

/// Seconds per frame of the bytecode clock (50 fps).
pub(crate) const FRAME_S: f64 = 0.02;
/// Loops the firmware nests at most.
const MAX_LOOP_DEPTH: usize = 4;
/// Longest varint, bytes (35 bits: ~21 years of frames).
const MAX_VARINT_BYTES: usize = 5;

/// A decoded program and how its decoding ended.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedLights {
    /// Steps and the original bytecode.
    pub program: LightProgram,
    /// True if execution reached an END instruction (Skybrush requires one).
    pub ended: bool,
    /// True if decoding stopped at `LightDecodeOptions::until_s` before the program ended.
    pub truncated: bool,
}

/// Decodes a light program into steps (and keeps the bytecode).
pub fn decode_light_program(
    bytecode: &[u8],
    opts: &LightDecodeOptions,
) -> Result<LightProgram, LightDecodeError> {
    decode_light_program_detailed(bytecode, opts).map(|d| d.program)
}

/// Decodes a light program, also telling whether it ended properly.
pub fn decode_light_program_detailed(
    bytecode: &[u8],
    opts: &LightDecodeOptions,
) -> Result<DecodedLights, LightDecodeError> {
    let until = if opts.until_s.is_nan() {
        LightDecodeOptions::DEFAULT.until_s
    } else {
        opts.until_s
    };
    let until_frames = (until / FRAME_S).ceil().max(0.0) as u64;
    let mut m = Machine {
        code: bytecode,
        pc: 0,
        clock: 0,
        color: Rgb::BLACK,
        steps: Vec::new(),
        max_steps: opts.max_steps,
        origin: 0,
        loops: Vec::new(),
    };
    let mut executed = 0u64;
    let mut ended = false;
    let mut truncated = false;
    while m.pc < bytecode.len() {
        executed += 1;
        if executed > opts.max_instructions {
            return Err(LightDecodeError::NoProgress {
                max: opts.max_instructions,
            });
        }
        if m.clock >= until_frames {
            truncated = true;
            break;
        }
        if m.execute()? == Flow::End {
            ended = true;
            break;
        }
    }
    m.finish();
    Ok(DecodedLights {
        program: LightProgram {
            steps: m.steps,
            bytecode: bytecode.to_vec(),
        },
        ended,
        truncated,
    })
}

/// Whether the program goes on after an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Next,
    End,
}

/// The executing program.
struct Machine<'c> {
    code: &'c [u8],
    pc: usize,
    /// Show time, frames.
    clock: u64,
    /// The colour at `clock`.
    color: Rgb,
    steps: Vec<LightStep>,
    max_steps: usize,
    /// Where `WAIT_UNTIL` counts from, frames: `RESET_CLOCK` moves it.
    origin: u64,
    /// Open loops: the body's start and the passes left (`None`: forever).
    loops: Vec<(usize, Option<u32>)>,
}

impl Machine<'_> {
    /// Executes the instruction at `pc`.
    fn execute(&mut self) -> Result<Flow, LightDecodeError> {
        let at = self.pc;
        let op = self.code[at];
        self.pc += 1;
        match op {
            0x00 => return Ok(Flow::End),
            0x01 => {}
            0x02..=0x0B | 0x10 | 0x11 => self.colour_op(op)?,
            0x0C..=0x0E | 0x12..=0x15 => self.control_op(op, at)?,
            _ => {
                return Err(LightDecodeError::UnknownOpcode {
                    opcode: op,
                    offset: at,
                });
            }
        }
        Ok(Flow::Next)
    }

    /// The instructions that show a colour for a time: sleeps, sets and fades.
    fn colour_op(&mut self, op: u8) -> Result<(), LightDecodeError> {
        match op {
            0x02 => {
                let d = self.varint("SLEEP")?;
                self.hold(self.color, d)
            }
            0x03 => {
                let ts = self.varint("WAIT_UNTIL")?;
                let target = self.origin.saturating_add(ts);
                if target > self.clock {
                    self.hold(self.color, target - self.clock)
                } else {
                    Ok(())
                }
            }
            0x04 => {
                let c = self.color_arg("SET_COLOR")?;
                let d = self.varint("SET_COLOR")?;
                self.hold(c, d)
            }
            0x05 => {
                let v = self.byte("SET_GRAY")?;
                let d = self.varint("SET_GRAY")?;
                self.hold(Rgb::new(v, v, v), d)
            }
            0x06 => {
                let d = self.varint("SET_BLACK")?;
                self.hold(Rgb::BLACK, d)
            }
            0x07 => {
                let d = self.varint("SET_WHITE")?;
                self.hold(Rgb::WHITE, d)
            }
            0x08 => {
                let c = self.color_arg("FADE_TO_COLOR")?;
                let d = self.varint("FADE_TO_COLOR")?;
                self.fade(c, d)
            }
            0x09 => {
                let v = self.byte("FADE_TO_GRAY")?;
                let d = self.varint("FADE_TO_GRAY")?;
                self.fade(Rgb::new(v, v, v), d)
            }
            0x0A => {
                let d = self.varint("FADE_TO_BLACK")?;
                self.fade(Rgb::BLACK, d)
            }
            0x0B => {
                let d = self.varint("FADE_TO_WHITE")?;
                self.fade(Rgb::WHITE, d)
            }
            _ => {
                // 0x10, 0x11: colour from RC channels: not available in a show; the firmware
                // shows black.
                let what = if op == 0x10 {
                    "SET_COLOR_FROM_CHANNELS"
                } else {
                    "FADE_TO_COLOR_FROM_CHANNELS"
                };
                self.color_arg(what)?;
                let d = self.varint(what)?;
                if op == 0x10 {
                    self.hold(Rgb::BLACK, d)
                } else {
                    self.fade(Rgb::BLACK, d)
                }
            }
        }
    }

    /// The instructions that move the program counter or the clock's origin, and those a
    /// show does not act on (triggers, pyro).
    fn control_op(&mut self, op: u8, at: usize) -> Result<(), LightDecodeError> {
        match op {
            0x0C => {
                let n = self.byte("LOOP_BEGIN")?;
                if self.loops.len() >= MAX_LOOP_DEPTH {
                    return Err(LightDecodeError::LoopTooDeep {
                        offset: at,
                        max: MAX_LOOP_DEPTH,
                    });
                }
                // A count of 0 loops forever (Skybrush's JavaScript player).
                let passes = if n == 0 { None } else { Some(u32::from(n)) };
                self.loops.push((self.pc, passes));
            }
            0x0D => {
                let Some(top) = self.loops.last_mut() else {
                    return Err(LightDecodeError::LoopEndWithoutBegin { offset: at });
                };
                match &mut top.1 {
                    None => self.pc = top.0,
                    Some(left) => {
                        *left -= 1;
                        if *left > 0 {
                            self.pc = top.0;
                        } else {
                            self.loops.pop();
                        }
                    }
                }
            }
            0x0E => self.origin = self.clock,
            0x12 => {
                let target = self.varint("JUMP")?;
                if target > self.code.len() as u64 {
                    return Err(LightDecodeError::JumpOutOfRange { offset: at, target });
                }
                self.pc = target as usize;
                self.loops.clear();
            }
            0x13 => {
                // Triggered jump: no trigger fires during a show; only skip the arguments.
                let params = self.byte("TRIGGERED_JUMP")?;
                if params & 0x30 != 0 {
                    self.varint("TRIGGERED_JUMP")?;
                }
            }
            _ => {
                // 0x14, 0x15: SET_PYRO and its sibling: the decoder only skips the argument.
                self.byte("SET_PYRO")?;
            }
        }
        Ok(())
    }

    /// A colour set with zero duration at the very end still shows afterwards.
    fn finish(&mut self) {
        if self
            .steps
            .last()
            .map_or(self.color != Rgb::BLACK, |s| s.to != self.color)
        {
            let t = self.clock as f64 * FRAME_S;
            self.steps.push(LightStep {
                t0: t,
                t1: t,
                from: self.color,
                to: self.color,
            });
        }
    }

    fn byte(&mut self, what: &'static str) -> Result<u8, LightDecodeError> {
        let b = *self.code.get(self.pc).ok_or(LightDecodeError::Truncated {
            what,
            offset: self.pc,
        })?;
        self.pc += 1;
        Ok(b)
    }

    fn color_arg(&mut self, what: &'static str) -> Result<Rgb, LightDecodeError> {
        Ok(Rgb::new(
            self.byte(what)?,
            self.byte(what)?,
            self.byte(what)?,
        ))
    }

    /// Unsigned LEB128.
    fn varint(&mut self, what: &'static str) -> Result<u64, LightDecodeError> {
        let start = self.pc;
        let mut v = 0u64;
        for i in 0..MAX_VARINT_BYTES {
            let b = self.byte(what)?;
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(LightDecodeError::VarintTooLong { offset: start })
    }

    fn push(&mut self, from: Rgb, to: Rgb, frames: u64) -> Result<(), LightDecodeError> {
        let t0f = self.clock;
        self.clock = self.clock.saturating_add(frames);
        let (t0, t1) = (t0f as f64 * FRAME_S, self.clock as f64 * FRAME_S);
        if from == to
            && let Some(last) = self.steps.last_mut()
            && last.from == from
            && last.to == to
            && last.t1 == t0
        {
            last.t1 = t1;
            return Ok(());
        }
        if self.steps.len() >= self.max_steps {
            return Err(LightDecodeError::TooManySteps {
                max: self.max_steps,
            });
        }
        self.steps.push(LightStep { t0, t1, from, to });
        Ok(())
    }

    /// Shows `c` for `frames` (0: the colour only changes).
    fn hold(&mut self, c: Rgb, frames: u64) -> Result<(), LightDecodeError> {
        self.color = c;
        if frames > 0 {
            self.push(c, c, frames)
        } else {
            Ok(())
        }
    }

    /// Fades linearly from the current colour to `c` over `frames`.
    fn fade(&mut self, c: Rgb, frames: u64) -> Result<(), LightDecodeError> {
        let from = self.color;
        self.color = c;
        if frames > 0 {
            self.push(from, c, frames)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(code: &[u8]) -> Result<DecodedLights, LightDecodeError> {
        decode_light_program_detailed(
            code,
            &LightDecodeOptions {
                until_s: 10.0,
                ..LightDecodeOptions::DEFAULT
            },
        )
    }

    #[test]
    fn white_fade_red() {
        // The reference §1.10 drone 1 program.
        let code = [
            0x04, 0xFF, 0xFF, 0xFF, 0x90, 0x03, 0x08, 0xFF, 0, 0, 0xF4, 0x03, 0x04, 0xFF, 0, 0,
            0x8A, 0x05, 0,
        ];
        let d = decode_light_program_detailed(&code, &LightDecodeOptions::DEFAULT).unwrap();
        let red = Rgb::new(255, 0, 0);
        let s = &d.program.steps;
        assert!(d.ended && !d.truncated);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].t0, s[0].from, s[0].to), (0.0, Rgb::WHITE, Rgb::WHITE));
        assert!(
            (s[0].t1 - 8.0).abs() < 1e-9
                && (s[1].t1 - 18.0).abs() < 1e-9
                && (s[2].t1 - 31.0).abs() < 1e-9
        );
        assert_eq!((s[1].from, s[1].to, s[2].to), (Rgb::WHITE, red, red));
    }

    #[test]
    fn loops_and_waits() {
        // loop 2 { red 1 frame, black 1 frame }, wait until 10 frames, end.
        let d = decode(&[0x0C, 2, 0x04, 255, 0, 0, 1, 0x06, 1, 0x0D, 0x03, 10, 0]).unwrap();
        let s = &d.program.steps;
        assert_eq!(s.len(), 4);
        assert!((s[3].t0 - 0.06).abs() < 1e-12 && (s[3].t1 - 0.2).abs() < 1e-12);
        assert_eq!(s[3].to, Rgb::BLACK);
    }

    #[test]
    fn errors_and_limits() {
        assert_eq!(
            decode(&[0x0F]),
            Err(LightDecodeError::UnknownOpcode {
                opcode: 0x0F,
                offset: 0
            })
        );
        assert!(matches!(
            decode(&[0x04, 1, 2]),
            Err(LightDecodeError::Truncated { .. })
        ));
        assert!(matches!(
            decode(&[0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
            Err(LightDecodeError::VarintTooLong { .. })
        ));
        assert!(matches!(
            decode(&[0x0D]),
            Err(LightDecodeError::LoopEndWithoutBegin { .. })
        ));
        assert!(matches!(
            decode(&[0x0C, 1, 0x0C, 1, 0x0C, 1, 0x0C, 1, 0x0C, 1]),
            Err(LightDecodeError::LoopTooDeep { .. })
        ));
        assert!(matches!(
            decode(&[0x12, 50]),
            Err(LightDecodeError::JumpOutOfRange { .. })
        ));
        assert!(decode(&[0x07, 1, 0x12, 4]).unwrap().program.steps.len() == 1);
        // Loop forever without time passing; jump to itself.
        assert!(matches!(
            decode(&[0x0C, 0, 0x01, 0x0D]),
            Err(LightDecodeError::NoProgress { .. })
        ));
        assert!(matches!(
            decode(&[0x12, 0]),
            Err(LightDecodeError::NoProgress { .. })
        ));
        // Loop forever with time passing: cut at until_s, not ended.
        let d = decode(&[0x0C, 0, 0x07, 1, 0x06, 1, 0x0D]).unwrap();
        assert!(d.truncated && !d.ended);
        assert_eq!(d.program.steps.len(), 500);
        // No END: decodes, but says so.
        let d = decode(&[0x07, 5]).unwrap();
        assert!(!d.ended && !d.truncated);
    }
}
