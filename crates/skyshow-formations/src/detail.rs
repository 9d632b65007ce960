//! `DetailShortfall`: artwork with detail finer than its drones can show, and what would
//! show it.
//!
//! Two measures, both taken on the sampled picture against its drones' spacing `s`:
//!
//! - the Hausdorff distance between the drones and the artwork: above `HAUSDORFF_WARN × s`,
//!   parts of the artwork (small islands, thin ends) are farther than that from every drone;
//! - the gap share: the share of the artwork's edges that face another part of it across
//!   empty space narrower than `s` (the counters and gaps between strokes of a detailed
//!   glyph). Above `GAP_SHARE_WARN`, drones `s` apart cannot keep those parts apart and
//!   the picture merges into a block.
//!
//! Sampling is scale-free, so what renders the artwork is a spacing: the largest `s*` at
//! which both measures are back under their "fine" levels. That spacing takes
//! `N·(s/s*)^e` drones (`e` = 2 over an area or surface, 3 in a volume, 1 along lines);
//! when `s*` is below the minimum distance the picture must also grow by `min_distance/s*`.

use skyshow_i18n::{Message, msg};

/// Hausdorff distance above this × the spacing: parts of the artwork have no drone.
pub(crate) const HAUSDORFF_WARN: f64 = 1.5;
/// The Hausdorff distance an even sampling keeps, × the spacing (measured: 0.6–1.0 on
/// text, SVG and meshes sampled with plenty of drones).
const HAUSDORFF_FINE: f64 = 1.0;
/// Gap share above this: the picture's parts merge.
pub(crate) const GAP_SHARE_WARN: f64 = 0.25;
/// Gap share the suggested spacing brings the picture down to.
const GAP_SHARE_FINE: f64 = 0.05;
/// Bisection steps on the spacing (the result is within 2⁻¹⁴ of the range).
const BISECTIONS: usize = 14;

/// How the drones of a picture fill it: how their count scales with the spacing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spread {
    /// Along lines: count ∝ 1/s.
    Lines,
    /// Over an area or a surface: count ∝ 1/s².
    Area,
    /// Through a volume: count ∝ 1/s³.
    Volume,
}

impl Spread {
    fn exponent(self) -> i32 {
        match self {
            Spread::Lines => 1,
            Spread::Area => 2,
            Spread::Volume => 3,
        }
    }
}

/// Artwork whose detail is finer than its drones can show.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailShortfall {
    /// Drones in the picture.
    pub drones: usize,
    /// Their spacing (the even sampling's ideal), metres.
    pub spacing_m: f64,
    /// Hausdorff distance between the drones and the artwork, metres.
    pub max_shape_distance_m: f64,
    /// Share of the artwork's edges facing another part of it across a gap narrower than
    /// `spacing_m` (0–1; 0 for meshes).
    pub gap_share: f64,
    /// The spacing at which the artwork's detail shows, metres.
    pub needed_spacing_m: f64,
    /// Drones that show the detail: `needed_spacing_m` apart over the picture today, or
    /// the same ratio to the detail at `scale_needed` × the size.
    pub drones_needed: usize,
    /// Factor on the picture's size (1 when the drones alone suffice): above 1 when
    /// `needed_spacing_m` is below the minimum distance, so the picture must grow until
    /// its detail is at least that far apart.
    pub scale_needed: f64,
}

impl DetailShortfall {
    /// The shortfall of a picture of `drones` drones `spacing_m` apart, if any. `gap_share_at`
    /// measures the gap share at a spacing (always 0 for meshes).
    pub(crate) fn find(
        drones: usize,
        spacing_m: f64,
        max_shape_distance_m: f64,
        spread: Spread,
        min_distance_m: f64,
        gap_share_at: impl Fn(f64) -> f64,
    ) -> Option<DetailShortfall> {
        if drones == 0 || !(spacing_m.is_finite() && spacing_m > 0.0) {
            return None;
        }
        let s = spacing_m;
        let gap_share = gap_share_at(s);
        let far = max_shape_distance_m > HAUSDORFF_WARN * s;
        if !far && gap_share <= GAP_SHARE_WARN {
            return None;
        }
        // Missed parts come back roughly in proportion to the spacing.
        let by_distance = if far {
            s * HAUSDORFF_FINE * s / max_shape_distance_m
        } else {
            s
        };
        // The gap share grows with the spacing: the largest spacing at which it is fine.
        let by_gaps = if gap_share > GAP_SHARE_FINE {
            let (mut lo, mut hi) = (s / 64.0, s);
            if gap_share_at(lo) > GAP_SHARE_FINE {
                lo
            } else {
                for _ in 0..BISECTIONS {
                    let mid = (lo * hi).sqrt();
                    if gap_share_at(mid) > GAP_SHARE_FINE {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                lo
            }
        } else {
            s
        };
        let needed = by_distance.min(by_gaps);
        let scale_needed = if needed < min_distance_m {
            // A little above the limit, as the sampler keeps 0.9 of its ideal spacing.
            (min_distance_m / needed) * 1.12
        } else {
            1.0
        };
        // At k× the size both the drones' spacing and the detail grow k-fold: the count
        // depends on the ratio alone.
        let ratio = (s / needed).powi(spread.exponent());
        let drones_needed = round_up_nicely((drones as f64 * ratio).ceil() as usize);
        Some(DetailShortfall {
            drones,
            spacing_m: s,
            max_shape_distance_m,
            gap_share,
            needed_spacing_m: needed,
            drones_needed,
            scale_needed,
        })
    }

    /// What is wrong, in one sentence (no advice: the caller says what to change, in the
    /// words of the show file or of the command line).
    pub fn describe_message(&self) -> Message {
        let gaps = (self.gap_share > GAP_SHARE_WARN).then(|| {
            msg!(
                "detail-gaps",
                percent = format!("{:.0}", 100.0 * self.gap_share),
                spacing = format!("{:.1}", self.spacing_m)
            )
        });
        let far = (self.max_shape_distance_m > HAUSDORFF_WARN * self.spacing_m).then(|| {
            msg!(
                "detail-far",
                distance = format!("{:.1}", self.max_shape_distance_m),
                ratio = format!("{:.1}", self.max_shape_distance_m / self.spacing_m),
                spacing = format!("{:.1}", self.spacing_m)
            )
        });
        let why = match (gaps, far) {
            (Some(a), Some(b)) => msg!("detail-and", first = a, second = b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => Message::verbatim(""),
        };
        msg!("detail-too-detailed", drones = self.drones, why = why)
    }

    /// [`DetailShortfall::describe_message`] in the process's language.
    pub fn describe(&self) -> String {
        self.describe_message().to_string()
    }
}

/// Rounds a drone count up to two significant figures (1,234 → 1,300; 87 → 87).
fn round_up_nicely(n: usize) -> usize {
    if n < 100 {
        return n;
    }
    let step = 10usize.pow((n as f64).log10().floor() as u32 - 1);
    n.div_ceil(step) * step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fine_pictures_have_no_shortfall() {
        let none = DetailShortfall::find(100, 5.0, 4.0, Spread::Area, 3.0, |_| 0.1);
        assert_eq!(none, None);
    }

    #[test]
    fn gaps_set_the_spacing_and_the_drones() {
        // Gaps 2 m wide: the share falls to 0 once the spacing is below 2 m.
        let share = |s: f64| if s > 2.0 { 0.6 } else { 0.0 };
        let d = DetailShortfall::find(100, 8.0, 6.0, Spread::Area, 1.0, share).unwrap();
        assert!((d.needed_spacing_m - 2.0).abs() < 0.01, "{d:?}");
        assert_eq!(d.scale_needed, 1.0);
        // (8 / 2)² × 100 = 1,600.
        assert!((1_600..=1_700).contains(&d.drones_needed), "{d:?}");
        assert!(
            d.describe().contains("60 % of its edges"),
            "{}",
            d.describe()
        );
        // Below the minimum distance the picture must grow as well.
        let d = DetailShortfall::find(100, 8.0, 6.0, Spread::Area, 3.0, share).unwrap();
        assert!(d.scale_needed > 1.5, "{d:?}");
        assert!(d.drones_needed >= 1_600, "{d:?}");
    }

    #[test]
    fn far_parts_scale_with_the_distance() {
        let d = DetailShortfall::find(50, 4.0, 12.0, Spread::Lines, 1.0, |_| 0.0).unwrap();
        // 12 m at a 4 m spacing: a third of the spacing, three times the drones.
        assert!((d.needed_spacing_m - 4.0 / 3.0).abs() < 1e-9, "{d:?}");
        assert_eq!(d.drones_needed, 150);
        assert!(d.describe().contains("3.0× the 4.0 m spacing"));
    }

    #[test]
    fn counts_round_up() {
        assert_eq!(round_up_nicely(87), 87);
        assert_eq!(round_up_nicely(1_234), 1_300);
        assert_eq!(round_up_nicely(100), 100);
        assert_eq!(round_up_nicely(101), 110);
    }
}
