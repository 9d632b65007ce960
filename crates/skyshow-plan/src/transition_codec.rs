//! The byte form of a planned [`Transition`], for the build cache.
//!
//! Every number is stored as its exact bits (little-endian `f64` / `i64` / `u64`), so a
//! transition read back is equal, bit for bit, to the one written: a cached plan can never
//! change an output byte. Reading checks every length against the bytes left and returns
//! `None` on anything malformed (a truncated or corrupt file is a cache miss, never a
//! panic).

use skyshow_model::Vec3;

use crate::fleet_move::{FlightMove, Move};
use crate::flight::{Flight, Leg};
use crate::profile::Profile;
use crate::sync_move::SyncMove;
use crate::transition::{Method, Transition};

/// Appends numbers to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// What was written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// Appends `v`, little-endian.
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn i64(&mut self, v: i64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends `v`'s exact bits.
    pub fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    /// Appends a count (read back with [`Reader::len`]).
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub(crate) fn vec3(&mut self, p: Vec3) {
        self.f64(p.x);
        self.f64(p.y);
        self.f64(p.z);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn points(&mut self, ps: &[Vec3]) {
        self.len(ps.len());
        for p in ps {
            self.vec3(*p);
        }
    }
    pub(crate) fn profile(&mut self, p: Profile) {
        self.i64(p.total_ms);
        self.i64(p.ramp_ms);
    }
    fn flight(&mut self, f: &Flight) {
        self.vec3(f.from);
        self.vec3(f.to);
        self.len(f.legs.len());
        for l in &f.legs {
            self.i64(l.start_ms);
            self.vec3(l.delta);
            self.profile(l.profile);
        }
    }
    fn sync_move(&mut self, m: &SyncMove) {
        self.points(&m.from);
        self.points(&m.to);
        self.profile(m.profile);
        self.len(m.delay_ms.len());
        for d in &m.delay_ms {
            self.i64(*d);
        }
        self.len(m.profiles.len());
        for p in &m.profiles {
            self.profile(*p);
        }
        self.len(m.vias.len());
        for v in &m.vias {
            match v {
                None => self.u64(0),
                Some((w, p)) => {
                    self.u64(1);
                    self.vec3(*w);
                    self.profile(*p);
                }
            }
        }
    }
}

/// Reads numbers back; every read fails (`None`) past the end.
/// Reads what a [`Writer`] wrote: every read checks the bytes left and gives `None` past
/// the end.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }
    pub(crate) fn str(&mut self) -> Option<String> {
        let n = self.len(1)?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
    /// The next `u64`.
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub(crate) fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// The next `f64`, bit for bit.
    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }
    /// A count of items of at least `item` bytes each (refused if the bytes left cannot
    /// hold them, so a corrupt count never allocates).
    pub fn len(&mut self, item: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(item)? <= self.bytes.len()).then_some(n)
    }
    pub(crate) fn vec3(&mut self) -> Option<Vec3> {
        Some(Vec3::new(self.f64()?, self.f64()?, self.f64()?))
    }
    pub(crate) fn points(&mut self) -> Option<Vec<Vec3>> {
        let n = self.len(24)?;
        (0..n).map(|_| self.vec3()).collect()
    }
    pub(crate) fn profile(&mut self) -> Option<Profile> {
        Some(Profile {
            total_ms: self.i64()?,
            ramp_ms: self.i64()?,
        })
    }
    fn flight(&mut self) -> Option<Flight> {
        let from = self.vec3()?;
        let to = self.vec3()?;
        let n = self.len(48)?;
        let legs = (0..n)
            .map(|_| {
                Some(Leg {
                    start_ms: self.i64()?,
                    delta: self.vec3()?,
                    profile: self.profile()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Flight { from, to, legs })
    }
    fn sync_move(&mut self) -> Option<SyncMove> {
        let from = self.points()?;
        let to = self.points()?;
        let profile = self.profile()?;
        let n = self.len(8)?;
        let delay_ms = (0..n).map(|_| self.i64()).collect::<Option<Vec<_>>>()?;
        let n = self.len(16)?;
        let profiles = (0..n).map(|_| self.profile()).collect::<Option<Vec<_>>>()?;
        let n = self.len(8)?;
        let vias = (0..n)
            .map(|_| match self.u64()? {
                0 => Some(None),
                1 => Some(Some((self.vec3()?, self.profile()?))),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SyncMove {
            from,
            to,
            profile,
            delay_ms,
            profiles,
            vias,
        })
    }
    /// True when every byte has been read.
    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// A cache entry: `input` (what the result was computed from, or a wide hash of it), a
/// checksum of `body`, and `body` (the result's bytes).
pub fn seal(input: &[u8], body: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.len(input.len());
    w.bytes.extend_from_slice(input);
    w.u64(checksum(body));
    w.len(body.len());
    w.bytes.extend_from_slice(body);
    w.bytes
}

/// The body of `entry` if it was sealed for exactly `input` and is whole.
pub fn open<'e>(entry: &'e [u8], input: &[u8]) -> Option<&'e [u8]> {
    let mut r = Reader::new(entry);
    let len = usize::try_from(r.u64()?).ok()?;
    if r.take(len)? != input {
        return None;
    }
    let sum = r.u64()?;
    let body_len = usize::try_from(r.u64()?).ok()?;
    let body = r.take(body_len)?;
    (r.done() && checksum(body) == sum).then_some(body)
}

/// The name of the cache entry of `kind` (`t`, `f`, `h`, `s`, `l`) for `input`.
pub fn entry_name(kind: &str, input: &[u8]) -> String {
    format!("{kind}-{:016x}", checksum(input))
}

/// A 64-bit hash of `bytes` (SipHash with fixed keys: the same on every run).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    std::hash::Hasher::write(&mut h, bytes);
    std::hash::Hasher::finish(&h)
}

const METHODS: [Method; 5] = [
    Method::Direct,
    Method::Staggered,
    Method::Expanded,
    Method::Layered,
    Method::Turned,
];

/// Appends the transition's bytes to `w`.
pub(crate) fn write_transition(w: &mut Writer, t: &Transition) {
    w.len(t.moves.len());
    for m in &t.moves {
        match m {
            Move::Straight(s) => {
                w.u64(0);
                w.sync_move(s);
            }
            Move::Flights(f) => {
                w.u64(1);
                w.len(f.flights.len());
                for fl in &f.flights {
                    w.flight(fl);
                }
            }
        }
    }
    w.len(t.target_of.len());
    for j in &t.target_of {
        w.len(*j);
    }
    w.f64(t.cost_sum_sq);
    w.f64(t.min_distance_m);
    w.f64(t.lower_bound_s);
    w.len(METHODS.iter().position(|m| *m == t.method).unwrap_or(0));
    // `assign_ms` is a wall time, not part of the plan: not kept, so an entry's bytes
    // depend only on its inputs.
}

/// Reads a transition written by [`write_transition`] (with no assignment time); `None` if
/// the bytes are not one.
pub(crate) fn read_transition(r: &mut Reader<'_>) -> Option<Transition> {
    let n = r.len(8)?;
    let mut moves = Vec::with_capacity(n);
    for _ in 0..n {
        moves.push(match r.u64()? {
            0 => Move::Straight(r.sync_move()?),
            1 => {
                let k = r.len(56)?;
                let flights = (0..k).map(|_| r.flight()).collect::<Option<Vec<_>>>()?;
                Move::Flights(FlightMove { flights })
            }
            _ => return None,
        });
    }
    let n = r.len(8)?;
    let target_of = (0..n)
        .map(|_| usize::try_from(r.u64()?).ok())
        .collect::<Option<Vec<_>>>()?;
    Some(Transition {
        moves,
        target_of,
        cost_sum_sq: r.f64()?,
        min_distance_m: r.f64()?,
        lower_bound_s: r.f64()?,
        method: *METHODS.get(usize::try_from(r.u64()?).ok()?)?,
        // A reused plan ran no assignment.
        assign_ms: 0.0,
    })
}
