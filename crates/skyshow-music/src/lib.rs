//! Music for skyshow: audio import (WAV, FLAC, OGG/Vorbis, MP3 through symphonia), onset,
//! tempo, beat and downbeat analysis, musical time (`bar.beat`, snapping), and synthetic
//! test tracks with known beats plus the F-measure to score a tracker against them.
//!
//! No I/O and no printing: functions take bytes or samples and return data.
//!
//! ```
//! use skyshow_music::{Audio, BeatOptions, TrackSpec, analyze_beats, f_measure, synthesize};
//! let track = synthesize(&TrackSpec::clicks(120.0));
//! let audio = Audio { sample_rate: track.sample_rate, samples: track.samples, channels: 1 };
//! let beats = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
//! assert!(f_measure(&track.beats_s, &beats.beats_s, 0.07) > 0.95);
//! ```

mod audio;
mod band_flux;
mod bar;
mod beats;
mod bench_set;
mod decode;
mod drum_evidence;
mod error;
mod eval;
mod grooves;
mod held_out_steps;
mod joins;
mod joint_levels;
mod level_choice;
mod musical_time;
mod onset;
mod sections;
mod step_set;
mod synth;
mod tempo;
mod tempo_path;

pub use audio::{Audio, DecodeLimits, WaveformSummary, waveform_summary};
pub use bar::Bar;
pub use beats::{BeatAnalysis, BeatOptions, BeatSource, TempoChange, analyze_beats};
pub use bench_set::{HELD_OUT_3_PREFIX, NEW_PREFIX, NamedTrack, evaluation_set};
pub use decode::decode_audio;
pub use error::MusicError;
pub use eval::f_measure;
pub use held_out_steps::{
    HELD_OUT_4_PREFIX, HELD_OUT_5_PREFIX, HELD_OUT_6_PREFIX, HELD_OUT_7_PREFIX, HELD_OUT_8_PREFIX,
    HELD_OUT_9_PREFIX, tempo_step_held_out_5_set, tempo_step_held_out_6_set,
    tempo_step_held_out_7_set, tempo_step_held_out_8_set, tempo_step_held_out_9_set,
    tempo_step_held_out_set,
};
pub use musical_time::BarBeat;
pub use onset::{OnsetEnvelope, onset_envelope, pick_onsets};
pub use sections::TempoSection;
pub use step_set::{
    STEP_RATIOS, StepTrack, tempo_step_check_set, tempo_step_extra_set, tempo_step_set,
};
pub use synth::{Instrument, TestTrack, Tone, TrackSpec, synthesize};
