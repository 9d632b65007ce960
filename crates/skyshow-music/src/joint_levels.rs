//! The metrical levels of all stretches chosen together, when the levels chosen one
//! stretch at a time step by a ratio no song takes, or not as the music's onsets do.

/// A stretch's runs as (run, tempo heard, score), the tempo of the run chosen for it, and
/// the rate of its loud onsets (see [`Evidence::onset_rate`](crate::level_choice::Evidence::onset_rate)).
pub(crate) type StretchOptions = (Vec<(usize, f64, f64)>, f64, f64);

/// The steps of tempo a song takes between two stretches (the new tempo over the old): up
/// or down by about 40 % (0.6 to 1.4), with 5 % to spare. A step to twice or half the tempo,
/// or up by half, is the same music heard at another level on one side.
const STEP_RANGE: (f64, f64) = (0.57, 1.47);

/// When the runs chosen for two neighbouring stretches step by a ratio outside
/// [`STEP_RANGE`] (a clave heard at half time before a step down from 120 to 96 BPM: 60 →
/// 96), the runs of every stretch chosen together: the sequence with every step within the
/// range whose scores' product is the highest (`options`: per stretch, every run's (run,
/// tempo heard, score), and the tempo of the run chosen alone). `None` when every step is
/// within the range already, or no sequence keeps them all within it.
pub(crate) fn plausible_steps(options: &[StretchOptions]) -> Option<Vec<usize>> {
    // Whether stepping from tempo `a` in stretch `s - 1` to `b` in stretch `s` is a step a
    // song takes, and the step its loud onsets take.
    let within = |a: f64, b: f64, s: usize| {
        let (r0, r1) = (options[s - 1].2, options[s].2);
        (STEP_RANGE.0..=STEP_RANGE.1).contains(&(b / a))
            && (r0 <= 0.0 || r1 <= 0.0 || ((b / a) / (r1 / r0)).ln().abs() <= ONSET_STEP_TOLERANCE)
    };
    if (1..options.len()).all(|s| within(options[s - 1].1, options[s].1, s)) {
        return None;
    }
    best_sequence(options, within)
}

/// The runs, one per stretch of `options`, whose scores' product is the highest among the
/// sequences whose every step `within(tempo before, tempo after, stretch)` accepts, each
/// run fitting at least [`JOINT_SHARE`] as well as its stretch's best; `None` when there is
/// no such sequence (Viterbi over the stretches).
fn best_sequence(
    options: &[StretchOptions],
    within: impl Fn(f64, f64, usize) -> bool,
) -> Option<Vec<usize>> {
    // Per candidate, the best log score of a sequence ending in it, and the candidate
    // before it.
    let mut value: Vec<Vec<(f64, Option<usize>)>> = Vec::with_capacity(options.len());
    for (s, (cands, _, _)) in options.iter().enumerate() {
        let top = cands.iter().map(|c| c.2).fold(0.0, f64::max);
        let row = cands
            .iter()
            .map(|&(_, heard, score)| {
                let own = if score > 0.0 && score >= JOINT_SHARE * top {
                    score.ln()
                } else {
                    f64::NEG_INFINITY
                };
                if s == 0 {
                    return (own, None);
                }
                let prev = options[s - 1].0.iter().zip(&value[s - 1]).enumerate();
                let best = prev
                    .filter(|(_, (c, _))| within(c.1, heard, s))
                    .map(|(i, (_, v))| (v.0, i))
                    .fold(None, |b: Option<(f64, usize)>, c| {
                        if b.is_none_or(|b| c.0 > b.0) {
                            Some(c)
                        } else {
                            b
                        }
                    });
                match best {
                    Some((v, i)) => (own + v, Some(i)),
                    None => (f64::NEG_INFINITY, None),
                }
            })
            .collect();
        value.push(row);
    }
    let last = value.last()?;
    let (mut i, &(v, _)) =
        last.iter()
            .enumerate()
            .fold(None, |b: Option<(usize, &(f64, Option<usize>))>, c| {
                if b.is_none_or(|b| c.1.0 > b.1.0) {
                    Some(c)
                } else {
                    b
                }
            })?;
    if !v.is_finite() {
        return None;
    }
    let mut runs = vec![0; options.len()];
    for s in (0..options.len()).rev() {
        runs[s] = options[s].0[i].0;
        if let Some(p) = value[s][i].1 {
            i = p;
        }
    }
    Some(runs)
}

/// How well (relative score) a run must fit its stretch, against the stretch's best, to be
/// chosen together with the others: the steps decide between readings that fit about
/// equally well (a clave heard at half time on one side of its step fits within 0.73 of its
/// beat), never for one that fits far worse. Three pads of two random surveys of 60 step
/// tracks (all at 32 kHz), whose onset rates stepped unlike their tempo, were heard at 3/2
/// of their tempo on one side, a reading fitting 0.30 to 0.38 as well as their beat.
const JOINT_SHARE: f64 = 0.5;

/// How far (natural log) the step between two stretches' chosen tempi may be from the
/// step of their loud onsets' rates: the music's own step, whatever level it is heard at.
/// On the 110 two-stretch tracks of the step sets and held-out sets 4 to 6 the onset rates'
/// step is within 19 % (0.17) of the planted one; the same music heard at another level on
/// one side is off by 100 % (half, twice) or 50 % (3/2, 2/3).
const ONSET_STEP_TOLERANCE: f64 = 0.26;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_that_step_by_half_or_twice_the_tempo_are_chosen_again_together() {
        // A clave heard at half time before a step down from 120 to 96 BPM: alone, 60 BPM
        // (0.33) wins over 120 (0.30) before the step, and 96 (0.35) after it.
        let before = vec![(0, 60.0, 0.33), (1, 120.0, 0.30), (2, 240.0, 0.21)];
        let after = vec![(3, 96.0, 0.35), (4, 48.0, 0.25), (5, 192.0, 0.22)];
        let options = vec![(before.clone(), 60.0, 0.0), (after.clone(), 96.0, 0.0)];
        assert_eq!(plausible_steps(&options), Some(vec![1, 3]));
        // Steps within the range are left as chosen: up by 40 % and down by 40 %.
        assert_eq!(
            plausible_steps(&[(before.clone(), 120.0, 0.0), (after.clone(), 96.0, 0.0)]),
            None
        );
        let slow = vec![(6, 100.0, 0.3)];
        assert_eq!(
            plausible_steps(&[
                (slow.clone(), 100.0, 0.0),
                (vec![(7, 140.0, 0.3)], 140.0, 0.0)
            ]),
            None
        );
        assert_eq!(
            plausible_steps(&[
                (slow.clone(), 100.0, 0.0),
                (vec![(7, 60.0, 0.3)], 60.0, 0.0)
            ]),
            None
        );
        // Three stretches: the middle one's best run (at twice the tempo) steps out of range
        // both ways; a run at its own tempo keeps both steps plausible.
        let middle = vec![(8, 220.0, 0.4), (9, 110.0, 0.2)];
        let options = vec![
            (slow.clone(), 100.0, 0.0),
            (middle, 220.0, 0.0),
            (vec![(10, 120.0, 0.3)], 120.0, 0.0),
        ];
        assert_eq!(plausible_steps(&options), Some(vec![6, 9, 10]));
        // No sequence within the range: the runs stay as chosen alone.
        let options = vec![(slow, 100.0, 0.0), (vec![(11, 200.0, 0.3)], 200.0, 0.0)];
        assert_eq!(plausible_steps(&options), None);
    }

    #[test]
    fn levels_whose_step_is_not_the_onsets_step_are_chosen_again_together() {
        // A clave stepping down from 156 to 109 BPM, heard at half time before the step
        // (78 BPM fits 0.37 against 0.27) and at its beat after it: 78 → 109 is a step a
        // song takes, but the loud onsets' rate steps down by 0.79, not up by 1.4. Chosen
        // together, the levels step as the onsets do, at the best product of scores: half
        // time on both sides where that fits the drums best (0.37 × 0.27 against 0.27 ×
        // 0.31) …
        let before = vec![(0, 78.0, 0.37), (1, 156.0, 0.27)];
        let after = vec![(2, 109.0, 0.31), (3, 54.5, 0.27)];
        let options = vec![(before.clone(), 78.0, 0.97), (after.clone(), 109.0, 0.77)];
        assert_eq!(plausible_steps(&options), Some(vec![0, 3]));
        // … and the beat on both sides where half time after the step fits worse.
        let after_beat = vec![(2, 109.0, 0.31), (3, 54.5, 0.2)];
        let options = vec![(before.clone(), 78.0, 0.97), (after_beat, 109.0, 0.77)];
        assert_eq!(plausible_steps(&options), Some(vec![1, 2]));
        // The same levels when the onsets step up with them (the music does go 78 → 109).
        let options = vec![(before.clone(), 78.0, 0.55), (after.clone(), 109.0, 0.77)];
        assert_eq!(plausible_steps(&options), None);
        // Without onsets on one side, only the range decides.
        let options = vec![(before.clone(), 78.0, 0.0), (after.clone(), 109.0, 0.77)];
        assert_eq!(plausible_steps(&options), None);
        // A level 3/2 off on one side is caught too: 104 → 146 BPM heard as 104 → 97.
        let before = vec![(4, 104.0, 0.4)];
        let after = vec![(5, 97.0, 0.3), (6, 146.0, 0.28)];
        let options = vec![(before, 104.0, 0.8), (after, 97.0, 1.1)];
        assert_eq!(plausible_steps(&options), Some(vec![4, 6]));
    }

    #[test]
    fn levels_chosen_together_each_fit_at_least_half_as_well_as_their_stretchs_best() {
        // Pads stepping up from 99 to 133 BPM whose onset rates step down by 0.9: the only
        // pair stepping as the onsets do takes 3/2 of the tempo before the step, fitting
        // 0.15 against the beat's 0.50. It is not taken: the levels stay as chosen alone.
        let before = vec![(0, 99.0, 0.50), (1, 149.0, 0.15), (2, 198.0, 0.12)];
        let after = vec![(3, 133.0, 0.56), (4, 66.5, 0.25)];
        let options = vec![(before.clone(), 99.0, 1.0), (after.clone(), 133.0, 0.9)];
        assert_eq!(plausible_steps(&options), None);
        // A reading that fits more than half as well may still be taken.
        let before = vec![(0, 99.0, 0.50), (1, 149.0, 0.3)];
        let options = vec![(before, 99.0, 1.0), (after, 133.0, 0.9)];
        assert_eq!(plausible_steps(&options), Some(vec![1, 3]));
    }
}
