//! Where `render` and `preview` get a show from: a show file (planned now), an output
//! folder (its `show.skyc` and `stage.json`), or any `.skyc`.
//!
//! A show file and the folder built from it give the same [`Source`]: the show file's
//! `.skyc` is made in memory and read back through the same reader as the folder's, and
//! its [`Stage`] is the one `build` writes to `stage.json`.

use std::path::Path;

use miette::{Result, miette};
use skyshow_export::SkycWriter;
use skyshow_i18n::msg;
use skyshow_import::{load_show, read_input};
use skyshow_model::{FlightShow, Limits, MusicDesign};
use skyshow_music::{DecodeLimits, decode_audio, waveform_summary};
use skyshow_preview::Stage;

use crate::commands::build::{build_show, skyc_meta, whole_show_skyc};
use crate::fireworks::build_pyro;
use crate::printer::Printer;
use crate::show_check::read_show_file;
use crate::visuals;

/// Largest show file `render` and `preview` read, bytes (as `check`).
const MAX_SHOW_BYTES: u64 = 2 << 30;
/// Largest `stage.json` read, bytes.
const MAX_STAGE_BYTES: u64 = 256 << 20;

/// A show ready to draw.
pub(crate) struct Source {
    /// The drones as the `.skyc` holds them, with the plan's phases when known.
    pub(crate) show: FlightShow,
    pub(crate) limits: Limits,
    /// Everything drawn besides the drones.
    pub(crate) stage: Stage,
    /// The show's music: the show file's `[music]`, or the `.skyc`'s `media.audio`.
    pub(crate) music: Option<MusicDesign>,
}

/// Loads `input`: a `.toml` show file is planned; a folder is read through its `show.skyc`
/// and `stage.json` (a folder without one, from an older skyshow, is drawn without the
/// ground's marks and the fireworks, and `printer` says so); anything else is read as a
/// `.skyc` (or bare `show.json`, or a Skybrush CSV show).
pub(crate) fn load(input: &Path, printer: Printer) -> Result<Source> {
    let is_toml = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        return planned(input);
    }
    let file = if input.is_dir() {
        input.join("show.skyc")
    } else {
        input.to_path_buf()
    };
    let name = file.display().to_string();
    let bytes = read_input(&file, MAX_SHOW_BYTES).map_err(|e| {
        crate::cli_error::fail(
            skyshow_i18n::msg!("cli-cannot-read", file = name.as_str(), why = e),
            Some(skyshow_i18n::msg!("show-source-hint")),
        )
    })?;
    let read = read_show_file(&name, &bytes)?;
    let stage = if input.is_dir() {
        folder_stage(input, printer)?
    } else {
        Stage::default()
    };
    let limits = read.show.limits.unwrap_or_default();
    Ok(Source {
        show: with_phases(read.show, &stage),
        limits,
        stage,
        music: read.audio.map(music_of),
    })
}

/// A show file planned and lit as `build` does it, its `.skyc` made in memory (without
/// the music, which the source keeps as designed) and read back, and its stage.
fn planned(input: &Path) -> Result<Source> {
    let loaded = load_show(input)?;
    let built = build_show(
        &loaded,
        &mut Vec::new(),
        &mut |_| {},
        &mut skyshow_plan::NoCache,
    )?;
    let design = &loaded.design;
    let meta = skyshow_export::SkycMeta {
        audio: None,
        ..skyc_meta(design)
    };
    let skyc = whole_show_skyc(&SkycWriter::new(&built.show, &meta), &built.show)?;
    let mut show = read_show_file("show.skyc", &skyc)?.show;
    show.phases = built.plan.phases.clone();
    let pyro = build_pyro(&loaded, &built.plan, &show)?;
    let stage = visuals::stage(&loaded, &built.plan, pyro.as_ref());
    Ok(Source {
        show: with_phases(show, &stage),
        limits: design.limits,
        stage,
        music: design.music.clone(),
    })
}

/// The show with the stage's phases (a `.skyc` has none of its own).
fn with_phases(mut show: FlightShow, stage: &Stage) -> FlightShow {
    if !stage.phases.is_empty() {
        show.phases = stage.phases.clone();
    }
    show
}

/// The `stage.json` of an output folder; the default stage, with a note, when there is
/// none.
fn folder_stage(dir: &Path, printer: Printer) -> Result<Stage> {
    let file = dir.join(Stage::FILE_NAME);
    if !file.exists() {
        printer.line(&msg!("stage-missing", file = &file).to_string());
        return Ok(Stage::default());
    }
    let unreadable = |reason: skyshow_i18n::Message| {
        miette!(
            help = msg!("stage-unreadable-hint", dir = dir).to_string(),
            "{}",
            msg!("stage-unreadable", file = &file, reason = reason)
        )
    };
    let bytes = read_input(&file, MAX_STAGE_BYTES).map_err(unreadable)?;
    Stage::from_json(&bytes).map_err(unreadable)
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
        bars_before: 0,
        waveform,
    }
}
