//! `Pattern`: how one cue spreads over several positions in time.

use std::fmt;
use std::str::FromStr;

/// How a cue fires over its selected positions (taken left to right as the audience sees
/// them). Each step fires `spacing_s` after the previous one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// Every selected position at the effect time.
    #[default]
    AllAtOnce,
    /// Leftmost first, one step per position.
    LeftToRight,
    /// Rightmost first, one step per position.
    RightToLeft,
    /// The middle position (or the middle two) first, then outwards in symmetric pairs.
    CentreOut,
    /// The outermost pair first, then inwards.
    OutsideIn,
    /// Every n-th selected position (the 1st, the 1+n-th, …), all at once.
    EveryNth(usize),
}

impl Pattern {
    /// The step of each of `n` positions (in left-to-right order), or `None` if the
    /// position is not fired; the effect time of a step is `effect_s + step × spacing_s`.
    pub fn steps(self, n: usize) -> Vec<Option<usize>> {
        (0..n)
            .map(|k| match self {
                Pattern::AllAtOnce => Some(0),
                Pattern::LeftToRight => Some(k),
                Pattern::RightToLeft => Some(n - 1 - k),
                // |2k − (n−1)| / 2: 0 in the middle, growing outwards.
                Pattern::CentreOut => Some((2 * k).abs_diff(n - 1) / 2),
                Pattern::OutsideIn => Some((n - 1) / 2 - (2 * k).abs_diff(n - 1) / 2),
                Pattern::EveryNth(m) => (k % m.max(1) == 0).then_some(0),
            })
            .collect()
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pattern::AllAtOnce => f.write_str("all_at_once"),
            Pattern::LeftToRight => f.write_str("left_to_right"),
            Pattern::RightToLeft => f.write_str("right_to_left"),
            Pattern::CentreOut => f.write_str("centre_out"),
            Pattern::OutsideIn => f.write_str("outside_in"),
            Pattern::EveryNth(n) => write!(f, "every_{n}"),
        }
    }
}

impl FromStr for Pattern {
    type Err = skyshow_i18n::Message;

    /// `all_at_once` (or `all`), `left_to_right`, `right_to_left`, `centre_out` (or
    /// `center_out`), `outside_in`, `every_N` (or `every N`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Ok(match t.as_str() {
            "all" | "all_at_once" => Pattern::AllAtOnce,
            "left_to_right" | "ltr" => Pattern::LeftToRight,
            "right_to_left" | "rtl" => Pattern::RightToLeft,
            "centre_out" | "center_out" => Pattern::CentreOut,
            "outside_in" => Pattern::OutsideIn,
            _ => match t
                .strip_prefix("every_")
                .and_then(|n| n.parse::<usize>().ok())
            {
                Some(n) if n >= 1 => Pattern::EveryNth(n),
                _ => {
                    return Err(skyshow_i18n::msg!("pyro-unknown-pattern", pattern = s));
                }
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_of_each_pattern() {
        let s = |p: Pattern, n| p.steps(n);
        assert_eq!(s(Pattern::LeftToRight, 3), [Some(0), Some(1), Some(2)]);
        assert_eq!(s(Pattern::RightToLeft, 3), [Some(2), Some(1), Some(0)]);
        assert_eq!(
            s(Pattern::CentreOut, 5),
            [Some(2), Some(1), Some(0), Some(1), Some(2)]
        );
        assert_eq!(
            s(Pattern::CentreOut, 4),
            [Some(1), Some(0), Some(0), Some(1)]
        );
        assert_eq!(
            s(Pattern::OutsideIn, 4),
            [Some(0), Some(1), Some(1), Some(0)]
        );
        assert_eq!(s(Pattern::EveryNth(2), 4), [Some(0), None, Some(0), None]);
        assert_eq!("every 3".parse(), Ok(Pattern::EveryNth(3)));
        assert_eq!("center-out".parse(), Ok(Pattern::CentreOut));
        assert!("zigzag".parse::<Pattern>().is_err());
    }
}
