//! The music's decoding facts and beat analysis kept in a [`ContentCache`] between builds.
//!
//! Analysing a long soundtrack costs seconds; what it gives depends only on the audio
//! file's bytes, its extension (the decoder's hint), the decoding limits, the analysis
//! options and the program. Two entries are kept: `a-HASH`, the decoded audio's length and
//! waveform (keyed by the file), and `m-HASH`, the beat analysis (keyed by the file and the
//! options), so that a build whose music did not change neither decodes nor analyses it.
//!
//! An entry holds its key (the settings as text, the file's length and a 128-bit hash of
//! its bytes, and this crate's version: the CLI's store adds the program's identity) next
//! to its result, stored as exact bits with a checksum. It is used only when its key is
//! the one asked for byte for byte and its checksum holds; anything else (another
//! version's entry, a damaged or truncated file) is a miss, and the result is computed
//! again. So a cached analysis is the analysis, bit for bit.

use std::hash::{DefaultHasher, Hasher};

use skyshow_model::ContentCache;
use skyshow_music::{BeatAnalysis, BeatOptions, DecodeLimits, TempoChange};

/// Bumped whenever the byte form of an entry or what a key covers changes.
const FORMAT: &str = "skyshow-import music cache 1";

/// What decoding the audio gives that the show needs besides its beats.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AudioFacts {
    /// Length of the music, seconds.
    pub(super) duration_s: f64,
    /// Peak level per 0.1 s bucket (0–1).
    pub(super) waveform: Vec<f32>,
}

/// The key of one audio file's entries: its settings and a wide hash of its bytes.
pub(super) struct MusicKey {
    /// The file's part of every key: extension, limits, length, hash.
    file: Vec<u8>,
}

impl MusicKey {
    /// The key of the audio file `bytes`, decoded with `extension` as a hint and `limits`.
    pub(super) fn new(bytes: &[u8], extension: Option<&str>, limits: &DecodeLimits) -> Self {
        let wide = |domain: u8| {
            let mut h = DefaultHasher::new();
            h.write_u8(domain);
            h.write(bytes);
            h.finish()
        };
        // `Debug` of floats prints the shortest text that reads back to the same bits, so
        // these describe the settings exactly (and any field added to them is included).
        let file = format!(
            "{FORMAT}\n{}\n{extension:?}\n{limits:?}\n{} {:016x}{:016x}\n",
            env!("CARGO_PKG_VERSION"),
            bytes.len(),
            wide(1),
            wide(2),
        );
        MusicKey {
            file: file.into_bytes(),
        }
    }

    /// The key of the decoding facts.
    fn facts(&self) -> Vec<u8> {
        let mut k = self.file.clone();
        k.extend_from_slice(b"facts\n");
        k
    }

    /// The key of the beat analysis with `opts`.
    fn analysis(&self, opts: &BeatOptions) -> Vec<u8> {
        let mut k = self.file.clone();
        k.extend_from_slice(format!("analysis\n{opts:?}\n").as_bytes());
        k
    }
}

/// The decoding facts stored under `key`, if the cache holds them.
pub(super) fn load_facts(cache: &mut dyn ContentCache, key: &MusicKey) -> Option<AudioFacts> {
    let body = load(cache, "a", &key.facts())?;
    let mut r = Reader::new(&body);
    let facts = AudioFacts {
        duration_s: r.f64()?,
        waveform: r.f32s()?,
    };
    r.done().then_some(facts)
}

/// Keeps `facts` under `key`.
pub(super) fn store_facts(cache: &mut dyn ContentCache, key: &MusicKey, facts: &AudioFacts) {
    let mut w = Writer::default();
    w.f64(facts.duration_s);
    w.f32s(&facts.waveform);
    store(cache, "a", &key.facts(), &w.bytes);
}

/// The analysis with `opts` stored under `key`, if the cache holds it.
pub(super) fn load_analysis(
    cache: &mut dyn ContentCache,
    key: &MusicKey,
    opts: &BeatOptions,
) -> Option<BeatAnalysis> {
    let body = load(cache, "m", &key.analysis(opts))?;
    let mut r = Reader::new(&body);
    let tempo_bpm = r.f64()?;
    let beats_s = r.f64s()?;
    let downbeats_s = r.f64s()?;
    let onsets_s = r.f64s()?;
    let times = r.f64s()?;
    let bpms = r.f64s()?;
    let beats_per_bar = u32::try_from(r.u64()?).ok()?;
    let bars_before = u32::try_from(r.u64()?).ok()?;
    let duration_s = r.f64()?;
    if !r.done() || times.len() != bpms.len() {
        return None;
    }
    let tempo_changes = times
        .into_iter()
        .zip(bpms)
        .map(|(time_s, bpm)| TempoChange { time_s, bpm })
        .collect();
    Some(BeatAnalysis {
        tempo_bpm,
        beats_s,
        downbeats_s,
        onsets_s,
        tempo_changes,
        beats_per_bar,
        bars_before,
        duration_s,
    })
}

/// Keeps the analysis `a` made with `opts` under `key`.
pub(super) fn store_analysis(
    cache: &mut dyn ContentCache,
    key: &MusicKey,
    opts: &BeatOptions,
    a: &BeatAnalysis,
) {
    // Every field named: one added to the analysis does not compile here until it is kept.
    let BeatAnalysis {
        tempo_bpm,
        beats_s,
        downbeats_s,
        onsets_s,
        tempo_changes,
        beats_per_bar,
        bars_before,
        duration_s,
    } = a;
    let mut w = Writer::default();
    w.f64(*tempo_bpm);
    w.f64s(beats_s);
    w.f64s(downbeats_s);
    w.f64s(onsets_s);
    let times: Vec<f64> = tempo_changes.iter().map(|c| c.time_s).collect();
    let bpms: Vec<f64> = tempo_changes.iter().map(|c| c.bpm).collect();
    w.f64s(&times);
    w.f64s(&bpms);
    w.u64(u64::from(*beats_per_bar));
    w.u64(u64::from(*bars_before));
    w.f64(*duration_s);
    store(cache, "m", &key.analysis(opts), &w.bytes);
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

fn name(kind: &str, key: &[u8]) -> String {
    format!("{kind}-{:016x}", hash(key))
}

/// The body of the entry for `key`, if there is one whose key and checksum hold.
fn load(cache: &mut dyn ContentCache, kind: &str, key: &[u8]) -> Option<Vec<u8>> {
    let name = name(kind, key);
    let entry = cache.load(&name)?;
    let body = decode(&entry, key)?;
    cache.reused(&name);
    Some(body.to_vec())
}

/// The body of `entry` if it is the entry of `key`, whole.
fn decode<'e>(entry: &'e [u8], key: &[u8]) -> Option<&'e [u8]> {
    let mut r = Reader::new(entry);
    let len = usize::try_from(r.u64()?).ok()?;
    if r.take(len)? != key {
        return None;
    }
    let sum = r.u64()?;
    let body_len = usize::try_from(r.u64()?).ok()?;
    let body = r.take(body_len)?;
    (r.done() && hash(body) == sum).then_some(body)
}

fn store(cache: &mut dyn ContentCache, kind: &str, key: &[u8], body: &[u8]) {
    let mut w = Writer::default();
    w.u64(key.len() as u64);
    w.bytes.extend_from_slice(key);
    w.u64(hash(body));
    w.u64(body.len() as u64);
    w.bytes.extend_from_slice(body);
    cache.store(&name(kind, key), w.bytes);
}

/// Little-endian numbers, lists with their length first.
#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn f64s(&mut self, v: &[f64]) {
        self.u64(v.len() as u64);
        for x in v {
            self.f64(*x);
        }
    }
    fn f32s(&mut self, v: &[f32]) {
        self.u64(v.len() as u64);
        for x in v {
            self.bytes.extend_from_slice(&x.to_bits().to_le_bytes());
        }
    }
}

/// Reads what [`Writer`] wrote; `None` on any shortfall.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.rest.len() {
            return None;
        }
        let (a, b) = self.rest.split_at(n);
        self.rest = b;
        Some(a)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }
    /// A list's length, if that many items of `size` bytes can follow.
    fn len(&mut self, size: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(size)? <= self.rest.len()).then_some(n)
    }
    fn f64s(&mut self) -> Option<Vec<f64>> {
        let n = self.len(8)?;
        (0..n).map(|_| self.f64()).collect()
    }
    fn f32s(&mut self) -> Option<Vec<f32>> {
        let n = self.len(4)?;
        (0..n)
            .map(|_| {
                Some(f32::from_bits(u32::from_le_bytes(
                    self.take(4)?.try_into().ok()?,
                )))
            })
            .collect()
    }
    fn done(&self) -> bool {
        self.rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::MemoryCache;

    fn analysis() -> BeatAnalysis {
        BeatAnalysis {
            tempo_bpm: 119.999_999_7,
            beats_s: vec![0.5, 1.0, 1.5, 2.000_000_1],
            downbeats_s: vec![0.5],
            onsets_s: vec![0.49, 0.51, f64::MIN_POSITIVE],
            tempo_changes: vec![TempoChange {
                time_s: 1.5,
                bpm: 96.0,
            }],
            beats_per_bar: 4,
            bars_before: 2,
            duration_s: 2.25,
        }
    }

    #[test]
    fn a_kept_analysis_reads_back_bit_for_bit_under_its_own_key_only() {
        let audio = b"RIFF and some samples".to_vec();
        let key = MusicKey::new(&audio, Some("wav"), &DecodeLimits::DEFAULT);
        let opts = BeatOptions::DEFAULT;
        let mut cache = MemoryCache::default();
        assert_eq!(load_analysis(&mut cache, &key, &opts), None);
        store_analysis(&mut cache, &key, &opts, &analysis());
        assert_eq!(load_analysis(&mut cache, &key, &opts), Some(analysis()));
        assert_eq!(cache.reused.len(), 1);
        assert!(cache.reused[0].starts_with("m-"));
        // Other options, another byte of audio, another extension or other limits: misses.
        let fixed = BeatOptions {
            beats_per_bar: 3,
            ..BeatOptions::DEFAULT
        };
        assert_eq!(load_analysis(&mut cache, &key, &fixed), None);
        let mut other = audio.clone();
        other[7] ^= 1;
        let misses = [
            MusicKey::new(&other, Some("wav"), &DecodeLimits::DEFAULT),
            MusicKey::new(&audio, Some("mp3"), &DecodeLimits::DEFAULT),
            MusicKey::new(&audio, None, &DecodeLimits::DEFAULT),
            MusicKey::new(
                &audio,
                Some("wav"),
                &DecodeLimits {
                    max_duration_s: 10.0,
                    ..DecodeLimits::DEFAULT
                },
            ),
        ];
        for k in &misses {
            assert_eq!(load_analysis(&mut cache, k, &opts), None);
        }
        // The facts are an entry of their own.
        let facts = AudioFacts {
            duration_s: 2.25,
            waveform: vec![0.0, 0.5, 1.0, 1e-30],
        };
        assert_eq!(load_facts(&mut cache, &key), None);
        store_facts(&mut cache, &key, &facts);
        assert_eq!(load_facts(&mut cache, &key), Some(facts));
        assert_eq!(cache.entries.len(), 2);
    }

    #[test]
    fn a_damaged_truncated_or_foreign_entry_is_a_miss() {
        let audio = vec![7u8; 1000];
        let key = MusicKey::new(&audio, Some("wav"), &DecodeLimits::DEFAULT);
        let opts = BeatOptions::DEFAULT;
        let mut cache = MemoryCache::default();
        store_analysis(&mut cache, &key, &opts, &analysis());
        let (name, good) = cache
            .entries
            .iter()
            .next()
            .map(|(n, b)| (n.clone(), b.clone()))
            .unwrap();
        for k in 0..good.len() {
            let mut bad = good.clone();
            bad[k] ^= 0x04;
            cache.entries.insert(name.clone(), bad);
            assert_eq!(load_analysis(&mut cache, &key, &opts), None, "byte {k}");
            cache.entries.insert(name.clone(), good[..k].to_vec());
            assert_eq!(load_analysis(&mut cache, &key, &opts), None, "cut at {k}");
        }
        // Another version's entry under the same name (its key differs, its body is
        // whole): a miss.
        let at = good
            .windows(FORMAT.len())
            .position(|w| w == FORMAT.as_bytes())
            .unwrap();
        let mut foreign = good.clone();
        foreign[at + FORMAT.len() - 1] = b'0';
        cache.entries.insert(name.clone(), foreign);
        assert_eq!(load_analysis(&mut cache, &key, &opts), None);
        assert!(cache.reused.is_empty());
        cache.entries.insert(name, good);
        assert_eq!(load_analysis(&mut cache, &key, &opts), Some(analysis()));
    }
}
