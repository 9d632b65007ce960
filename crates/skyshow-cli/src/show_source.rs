//! Where `render` and `preview` get a show from: a show file (planned now), an output
//! folder (its `show.skyc`), or any `.skyc`.

use std::path::Path;

use miette::{Result, miette};
use skyshow_import::{load_show, read_input};
use skyshow_model::{FlightShow, Limits, MusicDesign};
use skyshow_music::{DecodeLimits, decode_audio, waveform_summary};

use crate::commands::build::build_show;
use crate::show_check::read_and_validate;

/// Largest show file `render` and `preview` read, bytes (as `check`).
const MAX_SHOW_BYTES: u64 = 2 << 30;

/// A show ready to draw.
pub(crate) struct Source {
    pub(crate) show: FlightShow,
    pub(crate) limits: Limits,
    pub(crate) audience_azimuth_deg: f64,
    /// The show's music: the show file's `[music]`, or the `.skyc`'s `media.audio`.
    pub(crate) music: Option<MusicDesign>,
}

/// Loads `input`: a `.toml` show file is planned; a folder is read through its `show.skyc`;
/// anything else is read as a `.skyc` (or bare `show.json`, or a Skybrush CSV show).
pub(crate) fn load(input: &Path) -> Result<Source> {
    let is_toml = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let loaded = load_show(input)?;
        let built = build_show(
            &loaded,
            &mut Vec::new(),
            &mut |_| {},
            &mut skyshow_plan::NoCache,
        )?;
        return Ok(Source {
            show: built.show,
            limits: loaded.design.limits,
            audience_azimuth_deg: loaded.design.audience_azimuth_deg,
            music: loaded.design.music.clone(),
        });
    }
    let file = if input.is_dir() {
        input.join("show.skyc")
    } else {
        input.to_path_buf()
    };
    let name = file.display().to_string();
    let bytes = read_input(&file, MAX_SHOW_BYTES).map_err(|e| {
        miette!(
            help = "give a show file (.toml), an output folder of `skyshow build`, a .skyc, or a Skybrush CSV (a ZIP of per-drone CSVs, or static markers)",
            "cannot read `{name}`: {e}"
        )
    })?;
    let checked = read_and_validate(&name, &bytes, |own| Ok(own.unwrap_or_default()), None)?;
    Ok(Source {
        limits: checked.limits,
        show: checked.show,
        audience_azimuth_deg: 180.0,
        music: checked.audio.map(music_of),
    })
}

/// The music of a `.skyc`'s `media.audio`: played as stored, with a waveform when it
/// decodes (a file the decoder cannot read still plays if the browser can; it then has
/// no waveform). No beats: the file carries none.
fn music_of(a: skyshow_skyc::Audio) -> MusicDesign {
    let b = &a.bytes;
    let sniffed = if b.starts_with(b"RIFF") {
        "audio/wav"
    } else if b.starts_with(b"fLaC") {
        "audio/flac"
    } else if b.starts_with(b"OggS") {
        "audio/ogg"
    } else {
        "audio/mpeg"
    };
    let media_type = a
        .media_type
        .filter(|m| m.starts_with("audio/"))
        .unwrap_or_else(|| sniffed.to_string());
    let ext = media_type.rsplit('/').next().map(|e| match e {
        "mpeg" => "mp3",
        "x-wav" | "wave" => "wav",
        other => other,
    });
    let decoded = decode_audio(b, ext, &DecodeLimits::DEFAULT).ok();
    let (duration_s, waveform) = match &decoded {
        Some(audio) => {
            let w = waveform_summary(audio, 0.1, a.start_time_s);
            let peaks = w
                .min
                .iter()
                .zip(&w.max)
                .map(|(lo, hi)| lo.abs().max(hi.abs()).min(1.0))
                .collect();
            (audio.duration_s(), peaks)
        }
        None => (0.0, Vec::new()),
    };
    MusicDesign {
        file: a.filename.unwrap_or_default(),
        bytes: a.bytes,
        media_type,
        offset_s: a.start_time_s,
        duration_s,
        tempo_bpm: 0.0,
        beats_per_bar: 4,
        beats_s: Vec::new(),
        downbeats_s: Vec::new(),
        waveform,
    }
}
