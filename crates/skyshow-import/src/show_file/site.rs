//! `[site]` and the audience's no-fly zone (`[audience] no_fly`, `buffer_m`, `depth_m`):
//! the boundary, the exclusion zones and the geofence action lowered into a [`Site`], each
//! checked against the takeoff grid, and the audience's area against the firing front.

use super::label::Label;
use std::ops::Range;

use serde::Deserialize;
use skyshow_i18n::msg;
use skyshow_model::{ExclusionZone, GEOFENCE_ACTIONS, Polygon, ShowDesign, Site, Vec3};
use toml::Spanned;

use super::raw::RawShow;
use super::{Cx, PyroDesign};
use crate::error::ImportError;

/// Coordinates of a site polygon stay within this, metres.
const MAX_COORD_M: f64 = 10_000.0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSite {
    boundary: Option<Spanned<Vec<[f64; 2]>>>,
    #[serde(default)]
    exclusion: Vec<Spanned<RawExclusion>>,
    margin_m: Option<Spanned<f64>>,
    geofence_action: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExclusion {
    name: Option<Spanned<String>>,
    zone: Spanned<Vec<[f64; 2]>>,
}

/// The audience's line or zone as given: its points, its span, and whether it is a zone.
type AudienceArea = (Vec<[f64; 2]>, Range<usize>, bool);

/// The site keys of a show file, taken out of [`RawShow`] before it is lowered.
pub(super) struct SiteKeys {
    site: Option<Spanned<RawSite>>,
    audience: Option<AudienceArea>,
    no_fly: Option<Spanned<bool>>,
    buffer_m: Option<Spanned<f64>>,
    depth_m: Option<Spanned<f64>>,
}

impl SiteKeys {
    /// Takes `[site]` and the audience's no-fly keys out of `raw`, and copies its line or
    /// zone (which the fireworks take).
    pub(super) fn take(raw: &mut RawShow) -> SiteKeys {
        let mut k = SiteKeys {
            site: raw.site.take(),
            audience: None,
            no_fly: None,
            buffer_m: None,
            depth_m: None,
        };
        if let Some(a) = raw.audience.as_mut() {
            k.no_fly = a.no_fly.take();
            k.buffer_m = a.buffer_m.take();
            k.depth_m = a.depth_m.take();
            k.audience = match (&a.zone, &a.line) {
                (Some(z), _) => Some((z.get_ref().clone(), z.span(), true)),
                (None, Some(l)) => Some((l.get_ref().clone(), l.span(), false)),
                (None, None) => None,
            };
        }
        k
    }
}

/// A coordinate for a message, to the decimetre.
fn shown(x: f64) -> String {
    format!("{x:.1}")
}

impl Cx<'_> {
    /// Lowers the site: `[site]`'s boundary, exclusion zones, margin and geofence action,
    /// and the audience's no-fly zone.
    pub(super) fn site(
        &self,
        k: &SiteKeys,
        design: &ShowDesign,
        pyro: &PyroDesign,
    ) -> Result<Site, ImportError> {
        let mut site = Site::default();
        let homes: Vec<Vec3> = (0..design.fleet.drones)
            .map(|i| design.fleet.grid.slot(i))
            .collect();
        if let Some(s) = &k.site {
            let r = s.get_ref();
            site.margin_m = self.opt_num(&r.margin_m, "margin_m", 10.0, 0.0, 10_000.0, "metres")?;
            site.geofence_action = self
                .choice(
                    &r.geofence_action,
                    "geofence_action",
                    &GEOFENCE_ACTIONS,
                    "return",
                )?
                .to_string();
            if let Some(b) = &r.boundary {
                let poly = self.polygon(b, "[site] boundary")?;
                let outside = homes
                    .iter()
                    .position(|h| poly.signed_distance(h.x, h.y) < 0.0);
                if let Some(i) = outside {
                    return Err(self.err(
                        b.span(),
                        msg!(
                            "site-boundary-misses-takeoff",
                            slot = i + 1,
                            x = shown(homes[i].x),
                            y = shown(homes[i].y)
                        ),
                        Label::List,
                        Some(msg!("site-boundary-misses-takeoff-hint")),
                    ));
                }
                site.boundary = Some(poly);
            }
            for (n, e) in r.exclusion.iter().enumerate() {
                let e = e.get_ref();
                let name = e
                    .name
                    .as_ref()
                    .map_or_else(|| (n + 1).to_string(), |s| s.get_ref().clone());
                let poly = self.polygon(&e.zone, "[[site.exclusion]] zone")?;
                if let Some(i) = homes
                    .iter()
                    .position(|h| poly.signed_distance(h.x, h.y) > 0.0)
                {
                    return Err(self.err(
                        e.zone.span(),
                        msg!(
                            "site-exclusion-over-takeoff",
                            name = name.as_str(),
                            slot = i + 1,
                            x = shown(homes[i].x),
                            y = shown(homes[i].y)
                        ),
                        Label::List,
                        Some(msg!("site-exclusion-over-takeoff-hint")),
                    ));
                }
                site.exclusions.push(ExclusionZone { name, zone: poly });
            }
        }
        site.no_fly_buffer_m =
            self.opt_num(&k.buffer_m, "buffer_m", 10.0, 0.0, 1_000.0, "metres")?;
        site.no_fly = self.audience_no_fly(k, site.no_fly_buffer_m, design, pyro, &homes)?;
        Ok(site)
    }

    /// A simple polygon from a list of `[x, y]` corners named `what`.
    fn polygon(&self, v: &Spanned<Vec<[f64; 2]>>, what: &str) -> Result<Polygon, ImportError> {
        let pts = v.get_ref();
        if pts
            .iter()
            .flatten()
            .any(|x| !x.is_finite() || x.abs() > MAX_COORD_M)
        {
            return Err(self.err(
                v.span(),
                msg!("show-file-coordinate-out-of-range", key = what),
                Label::List,
                Some(msg!("show-file-coordinate-out-of-range-hint")),
            ));
        }
        let poly = Polygon::new(pts.clone());
        if !poly.is_simple() {
            return Err(self.fail(
                v.span(),
                msg!("site-not-simple", what = what),
                msg!("site-label-polygon"),
                Some(msg!("site-not-simple-hint")),
            ));
        }
        Ok(poly)
    }

    /// The audience's no-fly zone: its zone, or the band `depth_m` deep behind its line
    /// (away from the stage), as a convex area grown by `buffer` metres; `None` without an
    /// audience or with `no_fly = false`. The firing front may not stand in the audience's
    /// area, nor a takeoff slot in its no-fly zone.
    fn audience_no_fly(
        &self,
        k: &SiteKeys,
        buffer: f64,
        design: &ShowDesign,
        pyro: &PyroDesign,
        homes: &[Vec3],
    ) -> Result<Option<Polygon>, ImportError> {
        let depth = self.opt_num(&k.depth_m, "depth_m", 50.0, 1.0, 10_000.0, "metres")?;
        let Some((pts, span, is_zone)) = &k.audience else {
            return Ok(None);
        };
        let az = design.audience_azimuth_deg.to_radians();
        let area = if *is_zone {
            Polygon::new(pts.clone())
        } else {
            let (dx, dy) = (az.cos() * depth, az.sin() * depth);
            let band: Vec<[f64; 2]> = pts
                .iter()
                .copied()
                .chain(pts.iter().map(|p| [p[0] + dx, p[1] + dy]))
                .collect();
            Polygon::convex_hull(&band)
        };
        let front = pyro.fireworks.iter().flat_map(|f| &f.front.positions);
        for p in front {
            if area.points.len() >= 3 && area.signed_distance(p.at.x, p.at.y) > 0.0 {
                return Err(self.err(
                    span.clone(),
                    msg!(
                        "site-front-in-audience",
                        name = p.name.as_str(),
                        x = shown(p.at.x),
                        y = shown(p.at.y)
                    ),
                    Label::List,
                    Some(msg!("site-front-in-audience-hint")),
                ));
            }
        }
        if k.no_fly.as_ref().is_some_and(|b| !*b.get_ref()) {
            return Ok(None);
        }
        let zone = area.grown(buffer);
        if zone.points.len() < 3 {
            return Ok(None);
        }
        if let Some(i) = homes
            .iter()
            .position(|h| zone.signed_distance(h.x, h.y) > 0.0)
        {
            return Err(self.err(
                span.clone(),
                msg!(
                    "site-audience-over-takeoff",
                    buffer = shown(buffer),
                    slot = i + 1,
                    x = shown(homes[i].x),
                    y = shown(homes[i].y)
                ),
                Label::List,
                Some(msg!("site-audience-over-takeoff-hint")),
            ));
        }
        Ok(Some(zone))
    }
}
