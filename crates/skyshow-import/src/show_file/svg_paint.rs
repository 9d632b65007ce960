//! `Darkness`: which parts of an SVG are painted dark, and the area left lit when they are
//! holes. Each fill and stroke is a coat of paint, in paint order; a coat is lit, dark (a
//! dark colour, at least half opaque: it hides what is under it) or faint (a dark colour
//! seen through, like a drop shadow). Without holes the picture is the union of its coats.

use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::float::single::SingleFloatOverlay;
use skyshow_model::Rgb;

use super::art::Art;

/// How the dark parts of a picture are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Darkness {
    /// `true`: dark parts are holes, no drones there (`dark = "hole"`, the default);
    /// `false`: drones with their LEDs off (`dark = "off"`).
    pub(crate) holes: bool,
    /// Paint whose brightness (its brightest channel, 0–1) is below this is dark
    /// (`dark_below`, default [`Rgb::DARK_BELOW`]).
    pub(crate) below: f64,
}

impl Darkness {
    /// Dark parts are holes below the default brightness.
    pub(crate) const DEFAULT: Darkness = Darkness {
        holes: true,
        below: Rgb::DARK_BELOW,
    };

    /// Dark paint at least this opaque hides what is under it; fainter dark paint (a shadow)
    /// is neither a hole nor a place for drones.
    const OPAQUE: f64 = 0.5;

    /// Whether `c` is dark.
    pub(crate) fn is_dark(&self, c: Rgb) -> bool {
        c.brightness() < self.below
    }

    /// The tone of `paint` seen with `opacity` (0–1): a gradient is dark when all its stops
    /// are; a pattern counts as lit.
    pub(crate) fn tone(&self, paint: &usvg::Paint, opacity: f64) -> Tone {
        let rgb = |c: usvg::Color| Rgb::new(c.red, c.green, c.blue);
        let dark = match paint {
            usvg::Paint::Color(c) => self.is_dark(rgb(*c)),
            usvg::Paint::LinearGradient(g) => {
                g.stops().iter().all(|s| self.is_dark(rgb(s.color())))
            }
            usvg::Paint::RadialGradient(g) => {
                g.stops().iter().all(|s| self.is_dark(rgb(s.color())))
            }
            usvg::Paint::Pattern(_) => false,
        };
        match (dark, opacity >= Self::OPAQUE) {
            (false, _) => Tone::Lit,
            (true, true) => Tone::Dark,
            (true, false) => Tone::Faint,
        }
    }
}

/// How a coat of paint shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// A colour drones show.
    Lit,
    /// A dark colour that hides what is under it.
    Dark,
    /// A dark colour seen through.
    Faint,
}

/// A filled region painted in one tone: contours under their fill rule.
pub(crate) struct Coat {
    /// The contours, canvas units.
    pub(crate) rings: Vec<Vec<[f64; 2]>>,
    /// Their fill rule.
    pub(crate) rule: FillRule,
    /// How it shows.
    pub(crate) tone: Tone,
    /// The region of a dark stroke: cut out as a hole, never a place for drones.
    pub(crate) stroke: bool,
}

/// The area left lit by `coats` painted in order: each lit coat adds its region, each dark
/// one cuts its region out of what is below it, faint ones change nothing. Non-overlapping
/// even-odd rings.
pub(crate) fn lit_area(coats: &[Coat]) -> Vec<Vec<[f64; 2]>> {
    let mut area: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut k = 0;
    while k < coats.len() {
        // A run of coats of one tone is merged first: one boolean operation per run.
        let tone = coats[k].tone;
        let end = coats[k..]
            .iter()
            .position(|c| c.tone != tone)
            .map_or(coats.len(), |n| k + n);
        let run: Vec<(Vec<Vec<[f64; 2]>>, FillRule)> = coats[k..end]
            .iter()
            .map(|c| (c.rings.clone(), c.rule))
            .collect();
        k = end;
        let rule = match tone {
            Tone::Lit => OverlayRule::Union,
            Tone::Dark if !area.is_empty() => OverlayRule::Difference,
            _ => continue,
        };
        let shape = Art::union(&run);
        area = area
            .overlay(&shape, rule, FillRule::EvenOdd)
            .into_iter()
            .flatten()
            .filter(|r| r.len() >= 3)
            .collect();
    }
    area
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::show_file::svg_paths::ring_area;

    fn square(x: f64, y: f64, s: f64) -> Vec<[f64; 2]> {
        vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s]]
    }

    fn coat(ring: Vec<[f64; 2]>, tone: Tone) -> Coat {
        Coat {
            rings: vec![ring],
            rule: FillRule::NonZero,
            tone,
            stroke: false,
        }
    }

    fn area_of(rings: &[Vec<[f64; 2]>]) -> f64 {
        // Even-odd rings: holes run the other way round after the overlay, so the signed
        // areas add up.
        rings.iter().map(|r| ring_area(r)).sum::<f64>().abs()
    }

    #[test]
    fn dark_coats_cut_holes_in_what_is_below_them_only() {
        // A lit face, dark eyes on it, a lit highlight in one eye, then a lit patch over
        // the other eye: the eye under the patch is covered again.
        let coats = vec![
            coat(square(0.0, 0.0, 10.0), Tone::Lit),
            coat(square(2.0, 2.0, 2.0), Tone::Dark),
            coat(square(6.0, 2.0, 2.0), Tone::Dark),
            coat(square(2.5, 2.5, 1.0), Tone::Lit),
            coat(square(5.0, 1.0, 4.0), Tone::Lit),
            // A faint shadow changes nothing; a dark coat outside the picture cuts nothing.
            coat(square(0.0, 0.0, 5.0), Tone::Faint),
            coat(square(20.0, 20.0, 3.0), Tone::Dark),
        ];
        let lit = lit_area(&coats);
        assert!(
            (area_of(&lit) - (100.0 - 4.0 + 1.0)).abs() < 1e-9,
            "{lit:?}"
        );
    }

    #[test]
    fn tones() {
        let d = Darkness::DEFAULT;
        let black = usvg::Paint::Color(usvg::Color::black());
        let red = usvg::Paint::Color(usvg::Color::new_rgb(200, 0, 0));
        assert_eq!(d.tone(&black, 1.0), Tone::Dark);
        assert_eq!(d.tone(&black, 0.2), Tone::Faint);
        assert_eq!(d.tone(&red, 0.2), Tone::Lit);
        let strict = Darkness { below: 0.9, ..d };
        assert_eq!(strict.tone(&red, 1.0), Tone::Dark);
    }
}
