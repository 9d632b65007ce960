//! Size estimate of a trajectory in Skybrush's binary `.skyb` encoding (reference §1.8),
//! the form the drone receives; one block must stay below 65 536 bytes.

use skyshow_model::Segment;

/// Largest block body the `.skyb` format can hold plus one: sizes at or above this fail.
pub(crate) const SKYB_BLOCK_LIMIT: usize = 65_536;

/// Header: scale byte, start x, y, z and yaw as int16.
const HEADER_BYTES: usize = 1 + 8;
/// Per segment: flags byte and u16 duration in milliseconds.
const SEGMENT_BYTES: usize = 1 + 2;
/// The encoder splits segments longer than this, milliseconds.
const MAX_SEGMENT_MS: f64 = 65_000.0;
/// Coordinates are stored in millimetres: closer than half of one counts as equal, metres.
const QUANTUM_M: f64 = 0.0005;

/// How many int16 values one axis of a segment needs: 0 if constant, 1 if linear, 3 if a
/// (quadratic or cubic) Bézier.
fn axis_values(p: [f64; 4]) -> usize {
    let eq = |a: f64, b: f64| (a - b).abs() < QUANTUM_M;
    if eq(p[1], p[0]) && eq(p[2], p[0]) && eq(p[3], p[0]) {
        0
    } else if eq(p[1], p[0] + (p[3] - p[0]) / 3.0) && eq(p[2], p[0] + (p[3] - p[0]) * (2.0 / 3.0)) {
        1
    } else {
        3
    }
}

/// Pieces a segment of `duration_s` is split into.
fn pieces(duration_s: f64) -> usize {
    let ms = (duration_s * 1000.0).round();
    if !(ms > MAX_SEGMENT_MS) {
        return 1;
    }
    // Saturating float-to-int conversion; absurd durations give absurd (large) sizes.
    (ms / MAX_SEGMENT_MS).ceil() as usize
}

/// Estimated `.skyb` trajectory block size, bytes. `segs` are the drone's segments; a ground
/// hold from time 0 is added when the first segment starts later (the server does the same).
pub(crate) fn trajectory_bytes(segs: &[Segment]) -> usize {
    let mut total = HEADER_BYTES;
    if let Some(first) = segs.first()
        && first.t0 >= 0.0005
    {
        total = total.saturating_add(pieces(first.t0).saturating_mul(SEGMENT_BYTES));
    }
    for s in segs {
        let values: usize = [0, 1, 2]
            .iter()
            .map(|&k| {
                let c = |v: skyshow_model::Vec3| v.to_array()[k];
                axis_values([c(s.p[0]), c(s.p[1]), c(s.p[2]), c(s.p[3])])
            })
            .sum();
        let per_piece = SEGMENT_BYTES + 2 * values;
        total = total.saturating_add(pieces(s.t1 - s.t0).saturating_mul(per_piece));
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Vec3;

    #[test]
    fn counts_axes_by_degree() {
        let a = Vec3::new(0.0, 0.0, 0.0);
        let b = Vec3::new(3.0, 0.0, 6.0);
        // Hold: 3 bytes; line moving in x and z: 3 + 2·2; cubic in x only: 3 + 2·3.
        let segs = [
            Segment::hold(0.0, 1.0, a),
            Segment::line(1.0, 2.0, a, b),
            Segment::cubic(2.0, 3.0, [b, b + Vec3::new(1.0, 0.0, 0.0), b, b]),
        ];
        assert_eq!(trajectory_bytes(&segs), 9 + 3 + 7 + 9);
        // A 130.5 s hold is three pieces; a start at t = 10 adds a ground hold.
        let late = [Segment::hold(10.0, 140.5, a)];
        assert_eq!(trajectory_bytes(&late), 9 + 3 + 3 * 3);
    }
}
