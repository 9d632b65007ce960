//! `settings.rthPlan` read into an [`RthPlan`], as Skybrush Live reads it
//! (`validateCollectiveRTHPlan`): a plan with no entries or no positive `landingSpeed`
//! counts as no plan; an entry whose time is not a whole number of seconds ≥ 0, whose
//! action is unknown, whose target is not three numbers or whose durations are negative is
//! dropped. Each is an `rth_plan_invalid` finding; a show whose drones do not all have a
//! plan with the same entry times is an `rth_times_differ` finding (Live then refuses the
//! collective plan).

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use skyshow_i18n::{Message, msg};
use skyshow_model::{RthAction, RthEntry, RthPlan, Vec3};

use crate::json_path::JsonPath;
use crate::show_reader::{MAX_COORD_M, MAX_TIME_S, ShowReader, describe, field};

impl ShowReader<'_> {
    /// Drone `i`'s plan at `path`, or `None` (with a finding) when Live would not use it.
    pub(crate) fn rth_plan(&mut self, i: usize, v: &Value, path: &JsonPath) -> Option<RthPlan> {
        let Some(obj) = v.as_object() else {
            let text = msg!("skyc-rth-not-object", found = describe(v));
            self.finding(Some(i), "rth_plan_invalid", path, text);
            return None;
        };
        let speed = field(obj, "landingSpeed").and_then(Value::as_f64);
        let Some(landing_speed_m_s) = speed.filter(|s| s.is_finite() && *s > 0.0) else {
            let text = msg!("skyc-rth-landing-speed");
            self.finding(Some(i), "rth_plan_invalid", &path.key("landingSpeed"), text);
            return None;
        };
        let landing_altitude_m = field(obj, "landingAltitude")
            .and_then(Value::as_f64)
            .filter(|a| a.is_finite() && a.abs() <= MAX_COORD_M)
            .unwrap_or(0.0);
        let ep = path.key("entries");
        let list = field(obj, "entries")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let mut entries = Vec::with_capacity(list.len());
        for (k, e) in list.iter().enumerate() {
            match self.rth_entry(e, &ep.index(k)) {
                Ok(entry) => entries.push(entry),
                Err(text) => self.finding(Some(i), "rth_plan_invalid", &ep.index(k), text),
            }
        }
        if entries.is_empty() {
            self.finding(
                Some(i),
                "rth_plan_invalid",
                &ep,
                msg!("skyc-rth-no-entries"),
            );
            return None;
        }
        entries.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
        Some(RthPlan {
            landing_speed_m_s,
            landing_altitude_m,
            entries,
        })
    }

    fn rth_entry(&self, v: &Value, path: &JsonPath) -> Result<RthEntry, Message> {
        let Some(o) = v.as_object() else {
            return Err(msg!("skyc-rth-entry-not-object", found = describe(v)));
        };
        let time_s = field(o, "time")
            .and_then(Value::as_f64)
            .filter(|t| t.fract() == 0.0 && *t >= 0.0 && *t <= MAX_TIME_S)
            .ok_or_else(|| msg!("skyc-rth-entry-time"))?;
        let action = field(o, "action")
            .and_then(Value::as_str)
            .and_then(RthAction::parse)
            .ok_or_else(|| msg!("skyc-rth-entry-action"))?;
        let target = field(o, "target")
            .and_then(|t| self.point(t, &path.key("target")).ok())
            .ok_or_else(|| msg!("skyc-rth-entry-target"))?;
        let secs = |o: &Map<String, Value>, key: &str| -> Result<f64, Message> {
            match field(o, key) {
                None => Ok(0.0),
                Some(x) => x
                    .as_f64()
                    .filter(|s| s.is_finite() && *s >= 0.0 && *s <= MAX_TIME_S)
                    .ok_or_else(|| msg!("skyc-rth-entry-seconds", key = key.to_string())),
            }
        };
        let duration_s = if action == RthAction::Land {
            0.0
        } else {
            match field(o, "duration") {
                None => return Err(msg!("skyc-rth-entry-duration")),
                Some(_) => secs(o, "duration")?,
            }
        };
        Ok(RthEntry {
            time_s,
            action,
            target: Vec3::new(target.x, target.y, target.z),
            duration_s,
            pre_delay_s: secs(o, "preDelay")?,
            post_delay_s: secs(o, "postDelay")?,
            pre_neck_s: secs(o, "preNeckDuration")?,
        })
    }

    /// Whether every drone has a plan and every entry time occurs for every drone (what
    /// Live needs for a collective return); a finding when not.
    pub(crate) fn check_rth_times(&mut self, plans: &[Option<RthPlan>], path: &JsonPath) {
        if plans.iter().all(Option::is_none) {
            return;
        }
        let without = plans.iter().filter(|p| p.is_none()).count();
        let mut count: BTreeMap<i64, usize> = BTreeMap::new();
        for p in plans.iter().flatten() {
            for e in &p.entries {
                *count.entry(e.time_s as i64).or_default() += 1;
            }
        }
        let odd = count.iter().find(|(_, c)| **c != plans.len());
        if without > 0 || odd.is_some() {
            let text = match odd {
                Some((t, c)) if without == 0 => msg!(
                    "skyc-rth-time-missing",
                    time = t.to_string(),
                    count = c.to_string(),
                    drones = plans.len().to_string()
                ),
                _ => msg!(
                    "skyc-rth-plans-missing",
                    without = without.to_string(),
                    drones = plans.len().to_string()
                ),
            };
            self.finding(None, "rth_times_differ", path, text);
        }
    }
}
