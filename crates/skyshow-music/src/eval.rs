//! Beat-tracking evaluation, as `mir_eval.beat.f_measure`.

/// F-measure of `estimated` beats against `reference` beats: a match is a one-to-one pair
/// within `window_s` (0.07 is the standard ±70 ms). Both lists sorted. Two empty lists
/// score 1, one empty list 0.
pub fn f_measure(reference: &[f64], estimated: &[f64], window_s: f64) -> f64 {
    if reference.is_empty() && estimated.is_empty() {
        return 1.0;
    }
    if reference.is_empty() || estimated.is_empty() {
        return 0.0;
    }
    // Greedy in time order is optimal for a window shorter than half the beat spacing;
    // for denser lists it is a close lower bound.
    let (mut i, mut j, mut hits) = (0, 0, 0usize);
    while i < reference.len() && j < estimated.len() {
        let d = estimated[j] - reference[i];
        if d.abs() <= window_s {
            hits += 1;
            i += 1;
            j += 1;
        } else if d < 0.0 {
            j += 1;
        } else {
            i += 1;
        }
    }
    if hits == 0 {
        return 0.0;
    }
    let p = hits as f64 / estimated.len() as f64;
    let r = hits as f64 / reference.len() as f64;
    2.0 * p * r / (p + r)
}
