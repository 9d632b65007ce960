//! What can go wrong with music: each variant says what is wrong, never where (the caller
//! knows the file name and adds it). Their words are [`Message`]s, shown in the user's
//! language.

use skyshow_i18n::{Message, msg};

/// An error from audio import, beat analysis or musical time.
#[derive(Debug, Clone, PartialEq)]
pub enum MusicError {
    /// No bytes at all.
    Empty,
    /// The container is none of the supported ones.
    UnrecognisedFormat(String),
    /// The container holds no audio track.
    NoAudioTrack,
    /// The audio track uses a codec this build cannot decode.
    UnsupportedCodec(String),
    /// The stream is damaged (the decoder's own words, or ours).
    Corrupt(Message),
    /// Longer than the import allows.
    TooLong {
        /// The limit in seconds.
        max_s: f64,
    },
    /// A sample rate or channel count no real file has.
    BadFormat(Message),
    /// Silence, or nothing rhythmic: no beat could be found.
    NoBeats,
    /// Manual beat overrides that cannot describe a beat grid.
    BadOverride(Message),
    /// A `bar.beat` that is not one.
    BadBarBeat {
        /// What was given.
        text: String,
        /// Why it is not one.
        why: Message,
    },
    /// A `bar.beat` before the first beat listed: for music that starts before the show,
    /// a bar that is over before the show starts. (Its text for users is the caller's: a
    /// show file's `time-bar-before-show`.)
    BeforeStart {
        /// The bar asked for (1-based).
        bar: u32,
        /// The beat asked for (1-based).
        beat: u32,
        /// The first bar whose downbeat is in the show.
        first_bar: u32,
    },
    /// A `bar.beat` after the last beat of the music.
    PastEnd {
        /// The bar asked for (1-based).
        bar: u32,
        /// The beat asked for (1-based).
        beat: u32,
        /// How many bars the analysis has (counting a final partial bar).
        bars: usize,
        /// The time of the last beat.
        last_beat_s: f64,
    },
}

impl MusicError {
    /// What is wrong, as a message.
    pub fn message(&self) -> Message {
        use MusicError as E;
        match self {
            E::Empty => msg!("music-err-empty"),
            E::UnrecognisedFormat(why) => msg!("music-err-format", why = why.as_str()),
            E::NoAudioTrack => msg!("music-err-no-track"),
            E::UnsupportedCodec(why) => msg!("music-err-codec", why = why.as_str()),
            E::Corrupt(why) => msg!("music-err-corrupt", why = why.clone()),
            E::TooLong { max_s } => msg!("music-err-too-long", max = format!("{max_s:.0}")),
            E::BadFormat(why) => msg!("music-err-bad-format", why = why.clone()),
            E::NoBeats => msg!("music-err-no-beats"),
            E::BadOverride(why) => msg!("music-err-override", why = why.clone()),
            E::BadBarBeat { text, why } => {
                msg!(
                    "music-err-bar-beat",
                    text = text.as_str(),
                    why = why.clone()
                )
            }
            E::BeforeStart {
                bar,
                beat,
                first_bar,
            } => msg!(
                "time-bar-before-show",
                value = format!("{bar}.{beat}"),
                first = *first_bar
            ),
            E::PastEnd {
                bar,
                beat,
                bars,
                last_beat_s,
            } => msg!(
                "music-err-past-end",
                bar = *bar,
                beat = *beat,
                bars = *bars,
                last = format!("{last_beat_s:.3}")
            ),
        }
    }
}

skyshow_i18n::message_error!(MusicError);

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::{Lang, english_run, figures, has_chinese};

    #[test]
    fn every_error_says_the_same_in_chinese() {
        let all = [
            MusicError::Empty,
            MusicError::UnrecognisedFormat("no suitable format reader found".into()),
            MusicError::NoAudioTrack,
            MusicError::UnsupportedCodec("codec 0x1234: unsupported".into()),
            MusicError::Corrupt(Message::verbatim("malformed stream: bad frame sync")),
            MusicError::Corrupt(msg!("music-err-decoder-failed")),
            MusicError::Corrupt(msg!("music-err-nothing-decoded")),
            MusicError::TooLong { max_s: 3600.0 },
            MusicError::BadFormat(msg!("music-err-sample-rate", rate = 0)),
            MusicError::BadFormat(msg!("music-err-channels", channels = 99)),
            MusicError::BadFormat(msg!("music-err-rate-changes", from = 44100, to = 48000)),
            MusicError::BadFormat(msg!("music-err-unknown-rate")),
            MusicError::NoBeats,
            MusicError::BadOverride(msg!("music-err-beats-per-bar", count = 0)),
            MusicError::BadOverride(msg!("music-err-tempo", bpm = 0.5)),
            MusicError::BadOverride(msg!(
                "music-err-first-beat",
                first = 99.0,
                duration = "12.500"
            )),
            MusicError::BadOverride(msg!("music-err-tap", time = -1.0)),
            MusicError::BadOverride(msg!("music-err-two-taps")),
            MusicError::BadOverride(msg!("music-err-taps-close", a = 1.0, b = 1.02)),
            crate::BarBeat::parse("x.1").unwrap_err(),
            crate::BarBeat::parse("1.99999999999").unwrap_err(),
            crate::BarBeat::parse("0.1").unwrap_err(),
            MusicError::BadBarBeat {
                text: "3.5".into(),
                why: msg!("music-err-bar-has", beats = 4),
            },
            MusicError::PastEnd {
                bar: 90,
                beat: 1,
                bars: 88,
                last_beat_s: 201.25,
            },
            MusicError::BeforeStart {
                bar: 2,
                beat: 3,
                first_bar: 5,
            },
        ];
        for e in all {
            let m = e.message();
            let (en, zh) = (m.render(Lang::En), m.render(Lang::Zh));
            assert_eq!(figures(&en), figures(&zh), "{en}\n{zh}");
            assert!(has_chinese(&zh), "{zh}");
            assert_eq!(english_run(&zh), None, "{zh}");
        }
    }
}
