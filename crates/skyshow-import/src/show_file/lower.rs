//! The whole show, lowered in file order: origin, audience, stage, limits, takeoff, the
//! fleet, music and cues, chapters with their formations and effects, the planner's options.

use super::label::Label;
use skyshow_i18n::msg;
use skyshow_model::{
    Chapter, EmergencyDesign, FormationDesign, GeoOrigin, LightEffect, Limits, Minimise,
    ShowDesign, TakeoffDesign, Vec3,
};
use toml::Spanned;

use super::raw::{RawChapter, RawEmergency, RawLimits, RawOrigin, RawPlanner, RawShow, RawTakeoff};
use super::{Cx, MAX_TIME_S, Reader};
use crate::error::ImportError;

/// The largest `[emergency] max_plan_mb`: a quarter of what the `.skyc` reader takes in
/// JSON (1 GiB), so that the plan never makes `build`'s own file unreadable.
const MAX_PLAN_MB: f64 = 256.0;

/// What the chapters lower to: the chapters, every formation in flight order, and the
/// chapters' and formations' light effects.
type Lowered = (Vec<Chapter>, Vec<FormationDesign>, Vec<LightEffect>);

impl Cx<'_> {
    pub(super) fn lower(
        &mut self,
        raw: RawShow,
        read: &mut Reader<'_>,
    ) -> Result<ShowDesign, ImportError> {
        let origin = self.origin(raw.origin.as_ref())?;
        let audience_azimuth_deg = match &raw.audience {
            Some(a) => self.num(&a.azimuth_deg, "azimuth_deg", -360.0, 360.0, "degrees")?,
            None => 180.0,
        };
        let stage_center = match &raw.stage {
            Some(s) => self.vec3(&s.center, "center")?,
            None => Vec3::new(0.0, 0.0, 60.0),
        };
        let limits = self.limits(&raw.limits)?;
        let takeoff = self.takeoff(&raw.takeoff, &limits)?;
        let fleet = self.fleet(&raw.fleet, &limits)?;
        let music = match &raw.music {
            Some(m) => Some(self.music(m, read)?),
            None => None,
        };
        self.cues(&raw.cues)?;
        let (chapters, formations, mut lights) =
            self.chapters(&raw.chapters, stage_center, fleet.drones, read)?;
        let names: Vec<String> = formations.iter().map(|f| f.name.clone()).collect();
        for (k, l) in raw.lights.iter().enumerate() {
            lights.push(self.light(
                l,
                format!("`[[light]]` {}", k + 1),
                None,
                None,
                &names,
                read,
            )?);
        }
        let minimise = self.minimise(raw.planner.as_ref())?;
        let emergency = self.emergency(raw.emergency.as_ref())?;
        Ok(ShowDesign {
            minimise,
            title: raw.title,
            seed: raw.seed.unwrap_or(1),
            origin,
            audience_azimuth_deg,
            fleet,
            site: skyshow_model::Site::default(),
            limits,
            chapters,
            formations,
            takeoff,
            emergency,
            music,
            lights,
            warnings: Vec::new(),
        })
    }

    fn origin(&self, origin: Option<&RawOrigin>) -> Result<Option<GeoOrigin>, ImportError> {
        Ok(match origin {
            None => None,
            Some(o) => Some(GeoOrigin {
                latitude_deg: self.num(&o.latitude, "latitude", -90.0, 90.0, "degrees")?,
                longitude_deg: self.num(&o.longitude, "longitude", -180.0, 180.0, "degrees")?,
                altitude_amsl_m: match &o.altitude_m {
                    Some(a) => Some(self.num(a, "altitude_m", -500.0, 9000.0, "metres")?),
                    None => None,
                },
                orientation_deg: self.opt_num(
                    &o.orientation_deg,
                    "orientation_deg",
                    0.0,
                    -360.0,
                    360.0,
                    "degrees",
                )?,
            }),
        })
    }

    fn limits(&self, l: &RawLimits) -> Result<Limits, ImportError> {
        let d = Limits::DEFAULT;
        Ok(Limits {
            min_distance_m: self.opt_num(
                &l.min_distance_m,
                "min_distance_m",
                d.min_distance_m,
                0.1,
                100.0,
                "metres",
            )?,
            max_speed_xy_m_s: self.opt_num(
                &l.max_speed_xy_m_s,
                "max_speed_xy_m_s",
                d.max_speed_xy_m_s,
                0.1,
                50.0,
                "m/s",
            )?,
            max_speed_up_m_s: self.opt_num(
                &l.max_speed_up_m_s,
                "max_speed_up_m_s",
                d.max_speed_up_m_s,
                0.1,
                20.0,
                "m/s",
            )?,
            max_speed_down_m_s: self.opt_num(
                &l.max_speed_down_m_s,
                "max_speed_down_m_s",
                d.max_speed_down_m_s,
                0.1,
                20.0,
                "m/s",
            )?,
            max_accel_m_s2: self.opt_num(
                &l.max_accel_m_s2,
                "max_accel_m_s2",
                d.max_accel_m_s2,
                0.1,
                30.0,
                "m/s²",
            )?,
            max_altitude_m: self.opt_num(
                &l.max_altitude_m,
                "max_altitude_m",
                d.max_altitude_m,
                5.0,
                2000.0,
                "metres",
            )?,
            min_nav_altitude_m: self.opt_num(
                &l.min_nav_altitude_m,
                "min_nav_altitude_m",
                d.min_nav_altitude_m,
                0.0,
                50.0,
                "metres",
            )?,
            battery_s: self.opt_num(
                &l.battery_s,
                "battery_s",
                d.battery_s,
                10.0,
                MAX_TIME_S,
                "seconds",
            )?,
            takeoff_spacing_m: self.opt_num(
                &l.takeoff_spacing_m,
                "takeoff_spacing_m",
                d.takeoff_spacing_m,
                0.0,
                100.0,
                "metres",
            )?,
        })
    }

    fn takeoff(&self, t: &RawTakeoff, limits: &Limits) -> Result<TakeoffDesign, ImportError> {
        let td = TakeoffDesign::default();
        Ok(TakeoffDesign {
            ground_hold_s: self.opt_num(
                &t.ground_hold_s,
                "ground_hold_s",
                td.ground_hold_s,
                0.0,
                600.0,
                "seconds",
            )?,
            altitude_m: self.opt_num(
                &t.altitude_m,
                "altitude_m",
                td.altitude_m
                    .max(limits.min_nav_altitude_m + limits.min_distance_m),
                limits.min_nav_altitude_m + 0.5,
                limits.max_altitude_m,
                "metres (above the minimum navigation altitude, below the maximum altitude)",
            )?,
            landing_pause_s: self.opt_num(
                &t.landing_pause_s,
                "landing_pause_s",
                td.landing_pause_s,
                0.0,
                600.0,
                "seconds",
            )?,
        })
    }

    /// The chapters in file order, each with its formations and effects.
    fn chapters(
        &mut self,
        raw_chapters: &[Spanned<RawChapter>],
        stage_center: Vec3,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Lowered, ImportError> {
        let mut chapters = Vec::new();
        let mut formations = Vec::new();
        let mut lights = Vec::new();
        if raw_chapters.is_empty() {
            return Err(self.err(
                0..0,
                msg!("show-no-chapters"),
                Label::InFile,
                Some(msg!("show-no-chapters-hint")),
            ));
        }
        for ch in raw_chapters {
            let c = ch.get_ref();
            let chapter = self.chapter_head(c, &chapters)?;
            let index = chapters.len();
            chapters.push(chapter);
            self.chapter_formations(
                c,
                index,
                (stage_center, fleet),
                read,
                &mut formations,
                &mut lights,
            )?;
            if !c.lights.is_empty() && !formations.iter().any(|f| f.chapter == index) {
                return Err(self.err(
                    c.lights[0].span(),
                    msg!(
                        "chapter-lights-without-formations",
                        name = chapters[index].name.as_str()
                    ),
                    Label::Effect,
                    Some(msg!("chapter-lights-without-formations-hint")),
                ));
            }
            let names: Vec<String> = formations.iter().map(|f| f.name.clone()).collect();
            for (k, l) in c.lights.iter().enumerate() {
                let label = format!("light {} of chapter `{}`", k + 1, chapters[index].name);
                lights.push(self.light(l, label, None, Some(index), &names, read)?);
            }
        }
        if formations.is_empty() {
            return Err(self.err(
                raw_chapters[0].span(),
                msg!("show-no-formations"),
                Label::Chapter,
                Some(msg!("show-no-formations-hint")),
            ));
        }
        Ok((chapters, formations, lights))
    }

    /// A chapter's name (not empty, not one of `earlier`'s) and start.
    fn chapter_head(&self, c: &RawChapter, earlier: &[Chapter]) -> Result<Chapter, ImportError> {
        let name = c.name.get_ref().trim().to_string();
        if name.is_empty() {
            return Err(self.fail(
                c.name.span(),
                msg!("chapter-needs-name"),
                msg!("show-file-label-empty-name"),
                None,
            ));
        }
        if earlier.iter().any(|x| x.name == name) {
            return Err(self.err(
                c.name.span(),
                msg!("chapter-defined-twice", name = name.as_str()),
                Label::SecondOne,
                None,
            ));
        }
        let start_s = c
            .start
            .as_ref()
            .map(|s| self.time(s, "start"))
            .transpose()?;
        Ok(Chapter { name, start_s })
    }

    /// Chapter `index`'s formations, each named once in the show, appended to `formations`,
    /// and their own lights to `lights`; `place` is the stage's centre and the fleet.
    fn chapter_formations(
        &mut self,
        c: &RawChapter,
        index: usize,
        place: (Vec3, usize),
        read: &mut Reader<'_>,
        formations: &mut Vec<FormationDesign>,
        lights: &mut Vec<LightEffect>,
    ) -> Result<(), ImportError> {
        let (stage_center, fleet) = place;
        for f in &c.formations {
            let fd = self.formation(f, index, stage_center, fleet, read)?;
            if formations
                .iter()
                .any(|x: &FormationDesign| x.name == fd.name)
            {
                return Err(self.err(
                    f.get_ref().name.span(),
                    msg!("formation-defined-twice", name = fd.name.as_str()),
                    Label::SecondOne,
                    Some(msg!("formation-defined-twice-hint")),
                ));
            }
            self.source.formations.insert(fd.name.clone(), f.span());
            for (k, l) in f.get_ref().lights.iter().enumerate() {
                let label = format!("light {} of formation `{}`", k + 1, fd.name);
                lights.push(self.light(l, label, Some(formations.len()), None, &[], read)?);
            }
            formations.push(fd);
        }
        Ok(())
    }

    /// `[emergency]`: whether a return-to-home plan is written, its interval (whole
    /// seconds) and the most space it may take.
    fn emergency(&self, e: Option<&RawEmergency>) -> Result<EmergencyDesign, ImportError> {
        let d = EmergencyDesign::DEFAULT;
        let Some(e) = e else { return Ok(d) };
        let interval_s = match &e.interval_s {
            Some(v) => self.count(v, "interval_s", 1, 3600)? as u32,
            None => d.interval_s,
        };
        let max_plan_bytes = match &e.max_plan_mb {
            Some(v) => {
                let mb = self.num(v, "max_plan_mb", 0.001, MAX_PLAN_MB, "MB")?;
                (mb * f64::from(1u32 << 20)).round() as u64
            }
            None => d.max_plan_bytes,
        };
        Ok(EmergencyDesign {
            enabled: e.enabled.unwrap_or(d.enabled),
            interval_s,
            max_plan_bytes,
        })
    }

    fn minimise(&self, planner: Option<&RawPlanner>) -> Result<Minimise, ImportError> {
        Ok(match planner.and_then(|p| p.minimise.as_ref()) {
            None => Minimise::Distance,
            Some(m) => match m.get_ref().as_str() {
                "distance" => Minimise::Distance,
                "time" => Minimise::Time,
                other => {
                    return Err(self.err_near(
                        m.span(),
                        msg!("planner-unknown-minimise", value = other),
                        Label::Value,
                        msg!("planner-unknown-minimise-hint"),
                        other,
                        &["distance", "time"],
                    ));
                }
            },
        })
    }
}
