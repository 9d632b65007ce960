//! `[music]` and `[[cue]]`: the soundtrack (decoded and beat-tracked once, here, or taken
//! from the build cache: `music_cache.rs`) and named times, both lowered onto the show clock.

use super::label::Label;
use serde::Deserialize;
use skyshow_i18n::msg;
use skyshow_model::{MusicDesign, MusicalLength};
use skyshow_music::{
    Audio, BeatOptions, BeatSource, DecodeLimits, MusicError, analyze_beats, decode_audio,
    waveform_summary,
};
use toml::Spanned;

use super::clock::Snap;
use super::music_cache::{
    AudioFacts, MusicKey, load_analysis, load_facts, store_analysis, store_facts,
};
use super::{Cx, RawTime, Reader};
use crate::error::ImportError;

/// `[music]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMusic {
    file: Spanned<String>,
    offset_s: Option<Spanned<f64>>,
    bpm: Option<Spanned<f64>>,
    first_beat_s: Option<Spanned<f64>>,
    taps: Option<Spanned<Vec<f64>>>,
    beats_per_bar: Option<Spanned<i64>>,
}

/// `[[cue]]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCue {
    name: Spanned<String>,
    time: Spanned<RawTime>,
    snap: Option<Spanned<String>>,
}

/// The media type of an audio file, from its first bytes.
fn media_type(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"RIFF") {
        "audio/wav"
    } else if bytes.starts_with(b"fLaC") {
        "audio/flac"
    } else if bytes.starts_with(b"OggS") {
        "audio/ogg"
    } else {
        "audio/mpeg"
    }
}

/// What the show keeps of decoded audio: its length and a 10 Hz peak envelope (0–1).
fn audio_facts(a: &Audio) -> AudioFacts {
    let wave = waveform_summary(a, 0.1, 0.0);
    AudioFacts {
        duration_s: a.duration_s(),
        waveform: wave
            .min
            .iter()
            .zip(&wave.max)
            .map(|(lo, hi)| lo.abs().max(hi.abs()).min(1.0))
            .collect(),
    }
}

/// The music's beat grid for the show clock: the design without its bytes and waveform.
fn beat_grid(design: &MusicDesign) -> MusicDesign {
    MusicDesign {
        file: design.file.clone(),
        bytes: Vec::new(),
        media_type: design.media_type.clone(),
        offset_s: design.offset_s,
        duration_s: design.duration_s,
        tempo_bpm: design.tempo_bpm,
        beats_per_bar: design.beats_per_bar,
        beats_s: design.beats_s.clone(),
        downbeats_s: design.downbeats_s.clone(),
        bars_before: design.bars_before,
        waveform: Vec::new(),
    }
}

impl Cx<'_> {
    /// Reads, decodes and analyses `[music]`; its beats become the clock's.
    pub(super) fn music(
        &mut self,
        sm: &Spanned<RawMusic>,
        read: &mut Reader<'_>,
    ) -> Result<MusicDesign, ImportError> {
        let m = sm.get_ref();
        let file = m.file.get_ref().trim().to_string();
        let offset_s = self.opt_num(&m.offset_s, "offset_s", 0.0, -3600.0, 3600.0, "seconds")?;
        let bytes = read(&file).map_err(|e| {
            self.err(
                m.file.span(),
                msg!(
                    "music-cannot-read",
                    name = file.as_str(),
                    why = e.to_string()
                ),
                Label::File,
                Some(msg!("show-file-cannot-read-hint")),
            )
        })?;
        let ext = std::path::Path::new(&file)
            .extension()
            .and_then(|e| e.to_str());
        // Decoded only when the cache does not hold what decoding gives (see music_cache).
        let key = MusicKey::new(&bytes, ext, &DecodeLimits::DEFAULT);
        let decoded = || self.decode_music(m, &file, &bytes, ext);
        // (The cache is borrowed for each call only: it is stored into below.)
        let kept = load_facts(&mut **self.cache.borrow_mut(), &key);
        let (facts, mut audio) = match kept {
            Some(f) => (f, None),
            None => {
                let a = decoded()?;
                let f = audio_facts(&a);
                store_facts(&mut **self.cache.borrow_mut(), &key, &f);
                (f, Some(a))
            }
        };
        let opts = self.beat_options(m, facts.duration_s)?;
        let cached = load_analysis(&mut **self.cache.borrow_mut(), &key, &opts);
        let analysis = match cached {
            Some(a) => a,
            None => {
                let audio = match audio.take() {
                    Some(a) => a,
                    None => decoded()?,
                };
                let a = analyze_beats(&audio, &opts).map_err(|e| {
                    let hint = match e {
                        MusicError::NoBeats => msg!("music-no-beats-hint"),
                        _ => msg!("music-analysis-hint"),
                    };
                    self.err(
                        m.file.span(),
                        msg!("music-analysis", name = file.as_str(), why = e.to_string()),
                        Label::File,
                        Some(hint),
                    )
                })?;
                store_analysis(&mut **self.cache.borrow_mut(), &key, &opts, &a);
                a
            }
        };
        let shown = analysis.offset_by(offset_s);
        let design = MusicDesign {
            file,
            media_type: media_type(&bytes).to_string(),
            bytes,
            offset_s,
            duration_s: facts.duration_s,
            tempo_bpm: shown.tempo_bpm,
            beats_per_bar: shown.beats_per_bar,
            beats_s: shown.beats_s.clone(),
            downbeats_s: shown.downbeats_s.clone(),
            bars_before: shown.bars_before,
            waveform: facts.waveform,
        };
        self.clock.beats = Some(shown);
        self.clock.grid = Some(beat_grid(&design));
        Ok(design)
    }

    /// Decodes the music file, its failure an error at `file`.
    fn decode_music(
        &self,
        m: &RawMusic,
        file: &str,
        bytes: &[u8],
        ext: Option<&str>,
    ) -> Result<Audio, ImportError> {
        decode_audio(bytes, ext, &DecodeLimits::DEFAULT).map_err(|e| {
            self.err(
                m.file.span(),
                msg!("music-unusable", name = file, why = e.to_string()),
                Label::File,
                Some(msg!("music-unusable-hint")),
            )
        })
    }

    /// Where the beats come from (a fixed tempo, taps, or the tracker) and the bar length.
    fn beat_options(&self, m: &RawMusic, duration_s: f64) -> Result<BeatOptions, ImportError> {
        let source = match (&m.bpm, &m.taps) {
            (Some(b), None) => BeatSource::Fixed {
                bpm: self.num(b, "bpm", 20.0, 400.0, "beats per minute")?,
                first_beat_s: self.opt_num(
                    &m.first_beat_s,
                    "first_beat_s",
                    0.0,
                    0.0,
                    duration_s,
                    "seconds into the music",
                )?,
            },
            (None, Some(t)) => {
                if t.get_ref().len() < 2
                    || t.get_ref()
                        .windows(2)
                        .any(|w| w[1].partial_cmp(&w[0]) != Some(std::cmp::Ordering::Greater))
                {
                    return Err(self.err(
                        t.span(),
                        msg!("music-taps-increasing"),
                        Label::Taps,
                        Some(msg!("music-taps-increasing-hint")),
                    ));
                }
                BeatSource::Taps(t.get_ref().clone())
            }
            (Some(_), Some(t)) => {
                return Err(self.err(t.span(), msg!("music-bpm-or-taps"), Label::Taps, None));
            }
            (None, None) => {
                if let Some(f) = &m.first_beat_s {
                    return Err(self.err(
                        f.span(),
                        msg!("music-first-beat-needs-bpm"),
                        Label::Key,
                        Some(msg!("music-first-beat-needs-bpm-hint")),
                    ));
                }
                BeatSource::Tracked
            }
        };
        let beats_per_bar = match &m.beats_per_bar {
            Some(b) => self.count(b, "beats_per_bar", 1, 16)? as u32,
            None => 4,
        };
        Ok(BeatOptions {
            source,
            beats_per_bar,
            ..BeatOptions::DEFAULT
        })
    }

    /// Resolves the `[[cue]]` list in file order (a cue may name an earlier one).
    pub(super) fn cues(&mut self, cues: &[Spanned<RawCue>]) -> Result<(), ImportError> {
        for c in cues {
            let c = c.get_ref();
            let name = c.name.get_ref().trim().to_string();
            let bad_name = name.is_empty()
                || name.contains(':')
                || name.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if bad_name {
                return Err(self.err(
                    c.name.span(),
                    msg!("cue-bad-name", name = name.as_str()),
                    Label::Name,
                    Some(msg!("cue-bad-name-hint")),
                ));
            }
            if self.clock.cues.iter().any(|(n, _)| *n == name) {
                return Err(self.err(
                    c.name.span(),
                    msg!("cue-defined-twice", name = name.as_str()),
                    Label::SecondOne,
                    None,
                ));
            }
            let t = self.time(&c.time, "time")?;
            let t = self.snapped(t, c.snap.as_ref())?;
            self.clock.cues.push((name, t));
        }
        Ok(())
    }

    /// `t` moved by an optional `snap = "beat" | "bar"`.
    pub(super) fn snapped(
        &self,
        t: f64,
        snap: Option<&Spanned<String>>,
    ) -> Result<f64, ImportError> {
        let Some(s) = snap else { return Ok(t) };
        let Some(how) = Snap::parse(s.get_ref()) else {
            return Err(self.err_near(
                s.span(),
                msg!("snap-unknown", value = s.get_ref()),
                Label::Value,
                msg!("snap-unknown-hint"),
                s.get_ref(),
                &["beat", "bar"],
            ));
        };
        self.clock
            .snap(t, how)
            .map_err(|e| self.err(s.span(), e.why, Label::Key, Some(e.hint)))
    }

    /// A length (`hold`, `duration`, fades): seconds (a number or `"m:ss.mmm"`), or beats
    /// or bars (`"8 bars"`, `"4 beats"`) counted along the music from `anchor`. The anchor
    /// is where the length starts (`Anchor::From`) or ends (`Anchor::Before`); when it is
    /// not known yet (a formation without `start`), the length is checked and returned as
    /// well as an estimate at the main tempo, for a later stage to count.
    pub(super) fn length(
        &self,
        v: &Spanned<RawTime>,
        key: &str,
        anchor: Anchor,
    ) -> Result<(f64, Option<MusicalLength>), ImportError> {
        let len = match v.get_ref() {
            RawTime::Text(t) => MusicalLength::parse(t),
            RawTime::Seconds(_) => None,
        };
        let Some(len) = len else {
            if let RawTime::Text(t) = v.get_ref()
                && let Some(e) = super::clock::musical_slip(t)
            {
                return Err(self.fail(
                    v.span(),
                    msg!("show-file-invalid-length", key = key, why = e.why),
                    msg!("show-file-label-length"),
                    Some(e.hint),
                ));
            }
            return Ok((self.time(v, key)?, None));
        };
        let bad = |e: super::clock::TimeError| {
            self.err(
                v.span(),
                msg!("show-file-invalid-length", key = key, why = e.why),
                Label::Length,
                Some(e.hint),
            )
        };
        self.clock.check(len).map_err(bad)?;
        match anchor {
            Anchor::From(Some(t)) => Ok((self.clock.after(t, len).map_err(bad)? - t, None)),
            Anchor::Before(Some(t)) => Ok((t - self.clock.before(t, len).map_err(bad)?, None)),
            Anchor::From(None) | Anchor::Before(None) => {
                let bpm = self.clock.grid.as_ref().map_or(120.0, |g| g.tempo_bpm);
                let beats = self
                    .clock
                    .grid
                    .as_ref()
                    .map_or(len.amount, |g| len.beats(g.beats_per_bar));
                Ok((beats * 60.0 / bpm.max(1.0), Some(len)))
            }
        }
    }
}

/// Where a length is counted from.
#[derive(Clone, Copy, Debug)]
pub(super) enum Anchor {
    /// Forwards from this time (`None`: not known at import).
    From(Option<f64>),
    /// Backwards from this time (`None`: not known at import).
    Before(Option<f64>),
}
