//! `LightDecodeError`: why a light-program bytecode cannot be decoded.

use skyshow_i18n::{Message, msg};

/// A light program that cannot be decoded. Offsets are byte positions in the bytecode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LightDecodeError {
    /// An opcode Skybrush does not define.
    UnknownOpcode {
        /// The opcode.
        opcode: u8,
        /// Its position.
        offset: usize,
    },
    /// The bytecode ends inside an instruction.
    Truncated {
        /// What was being read.
        what: &'static str,
        /// Where.
        offset: usize,
    },
    /// A duration or address varint longer than 5 bytes.
    VarintTooLong {
        /// Where it starts.
        offset: usize,
    },
    /// LOOP_END with no open loop.
    LoopEndWithoutBegin {
        /// Where.
        offset: usize,
    },
    /// Loops nested deeper than the drones support.
    LoopTooDeep {
        /// Where.
        offset: usize,
        /// The limit.
        max: usize,
    },
    /// JUMP past the end of the program.
    JumpOutOfRange {
        /// Where.
        offset: usize,
        /// The target.
        target: u64,
    },
    /// More steps than `LightDecodeOptions::max_steps`.
    TooManySteps {
        /// The limit.
        max: usize,
    },
    /// More instructions than `LightDecodeOptions::max_instructions` (time does not advance).
    NoProgress {
        /// The limit.
        max: u64,
    },
}

impl LightDecodeError {
    /// What is wrong, as a message (what `Display` shows, in the process's language).
    pub fn message(&self) -> Message {
        use LightDecodeError as E;
        match self {
            E::UnknownOpcode { opcode, offset } => msg!(
                "skyc-light-unknown-opcode",
                opcode = format!("0x{opcode:02X}"),
                offset = offset.to_string()
            ),
            E::Truncated { what, offset } => msg!(
                "skyc-light-truncated",
                what = *what,
                offset = offset.to_string()
            ),
            E::VarintTooLong { offset } => {
                msg!("skyc-light-varint", offset = offset.to_string())
            }
            E::LoopEndWithoutBegin { offset } => {
                msg!("skyc-light-loop-end", offset = offset.to_string())
            }
            E::LoopTooDeep { offset, max } => msg!(
                "skyc-light-loop-deep",
                offset = offset.to_string(),
                max = max.to_string()
            ),
            E::JumpOutOfRange { offset, target } => msg!(
                "skyc-light-jump",
                offset = offset.to_string(),
                target = target.to_string()
            ),
            E::TooManySteps { max } => msg!("skyc-light-steps", max = max.to_string()),
            E::NoProgress { max } => msg!("skyc-light-no-progress", max = max.to_string()),
        }
    }
}

skyshow_i18n::message_error!(LightDecodeError);
