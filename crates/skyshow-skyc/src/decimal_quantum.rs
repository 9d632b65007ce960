//! `DecimalQuantum`: the finest decimal step among the numbers a file writes, which is the
//! step it rounded its positions to (millimetres for `0.001`).
//!
//! A sampled show (Skybrush CSV, VVIZ) is flown straight from sample to sample, so a
//! validator measures its acceleration as the samples' second difference times the rate
//! squared. Rounding each coordinate to a step `q` moves each sample by up to `q / 2` per
//! axis, which changes that second difference by up to `2q` per axis: up to `2√3 · q · rate²`
//! of acceleration that the flight the file was rounded from does not have (0.055 m/s² for
//! millimetres at 4 samples per second). The reader measures `q` so that the validator can
//! tell that rounding from the flight.

/// The most decimals looked for; a number with more is taken as exact.
const MAX_DECIMALS: i32 = 9;

/// Tracks the most decimals any seen number needs.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DecimalQuantum {
    /// Most decimals seen so far, `None` before any number or once one needs more than
    /// [`MAX_DECIMALS`].
    decimals: Option<i32>,
    /// A number needed more than [`MAX_DECIMALS`] decimals: the file is not rounded.
    exact: bool,
}

impl DecimalQuantum {
    /// Counts `v` (a finite number as the file wrote it).
    pub(crate) fn see(&mut self, v: f64) {
        if self.exact || !v.is_finite() {
            return;
        }
        let from = self.decimals.unwrap_or(0);
        match (from..=MAX_DECIMALS).find(|&d| on_grid(v, d)) {
            Some(d) => self.decimals = Some(d),
            None => self.exact = true,
        }
    }

    /// Counts the coordinates of `p`.
    pub(crate) fn see_point(&mut self, p: skyshow_model::Vec3) {
        self.see(p.x);
        self.see(p.y);
        self.see(p.z);
    }

    /// The rounding step of the numbers seen, metres when they are metres: `10^-d` for the
    /// most decimals `d` any of them has. `None` when nothing was seen or a number had more
    /// than nine decimals (as good as exact).
    pub(crate) fn step(&self) -> Option<f64> {
        if self.exact {
            return None;
        }
        self.decimals.map(|d| 10f64.powi(-d))
    }
}

/// The rounding step of a sampled show's positions (see the module docs), from the
/// positions as read: sums of rounded deltas (VVIZ) stay on their grid to far below the
/// tolerance of [`on_grid`].
pub(crate) fn position_step(points: impl IntoIterator<Item = skyshow_model::Vec3>) -> Option<f64> {
    let mut q = DecimalQuantum::default();
    points.into_iter().for_each(|p| q.see_point(p));
    q.step()
}

/// True if `v` is written with at most `d` decimals: within a millionth of a step of the
/// grid, or within what an `f64` can resolve of it (sums of thousands of rounded deltas
/// stay far closer than either).
fn on_grid(v: f64, d: i32) -> bool {
    let scaled = v * 10f64.powi(d);
    (scaled - scaled.round()).abs() <= (1e-13 * scaled.abs()).max(1e-6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step_of(values: &[&str]) -> Option<f64> {
        let mut q = DecimalQuantum::default();
        for v in values {
            q.see(v.parse().unwrap());
        }
        q.step()
    }

    #[test]
    fn the_step_is_the_finest_decimal_written() {
        assert_eq!(step_of(&["1.5", "-12.25", "3"]), Some(0.01));
        assert_eq!(step_of(&["0.001", "1234.567", "-0.5"]), Some(0.001));
        assert_eq!(step_of(&["17", "-4"]), Some(1.0));
        assert_eq!(step_of(&["0.1234", "2.1"]), Some(1e-4));
        // Once a finer number is seen, coarser ones do not lower the count.
        assert_eq!(step_of(&["2.125", "1.5", "7"]), Some(0.001));
    }

    #[test]
    fn unrounded_or_absent_numbers_have_no_step() {
        assert_eq!(step_of(&[]), None);
        assert_eq!(step_of(&["0.1", "0.1234567891234"]), None);
        assert_eq!(step_of(&["3.14159265358979"]), None);
    }
}
