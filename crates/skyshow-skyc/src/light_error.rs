//! `LightDecodeError`: why a light-program bytecode cannot be decoded.

/// A light program that cannot be decoded. Offsets are byte positions in the bytecode.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LightDecodeError {
    /// An opcode Skybrush does not define.
    #[error("unknown opcode 0x{opcode:02X} at byte {offset}")]
    UnknownOpcode {
        /// The opcode.
        opcode: u8,
        /// Its position.
        offset: usize,
    },
    /// The bytecode ends inside an instruction.
    #[error("bytecode ends inside {what} at byte {offset}")]
    Truncated {
        /// What was being read.
        what: &'static str,
        /// Where.
        offset: usize,
    },
    /// A duration or address varint longer than 5 bytes.
    #[error("varint at byte {offset} is longer than 5 bytes")]
    VarintTooLong {
        /// Where it starts.
        offset: usize,
    },
    /// LOOP_END with no open loop.
    #[error("LOOP_END at byte {offset} without LOOP_BEGIN")]
    LoopEndWithoutBegin {
        /// Where.
        offset: usize,
    },
    /// Loops nested deeper than the drones support.
    #[error("LOOP_BEGIN at byte {offset} nests loops deeper than {max} (the firmware limit)")]
    LoopTooDeep {
        /// Where.
        offset: usize,
        /// The limit.
        max: usize,
    },
    /// JUMP past the end of the program.
    #[error("JUMP at byte {offset} to byte {target}, past the end of the program")]
    JumpOutOfRange {
        /// Where.
        offset: usize,
        /// The target.
        target: u64,
    },
    /// More steps than `LightDecodeOptions::max_steps`.
    #[error("the program produces more than {max} steps")]
    TooManySteps {
        /// The limit.
        max: usize,
    },
    /// More instructions than `LightDecodeOptions::max_instructions` (time does not advance).
    #[error(
        "the program runs more than {max} instructions without reaching its end (a loop in which no time passes?)"
    )]
    NoProgress {
        /// The limit.
        max: u64,
    },
}
