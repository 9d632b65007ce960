//! `ShowReader`: turns a resolved `show.json` value into a [`SkycShow`], enforcing the hard
//! rules of Skybrush's loader as errors (reference §1.2: version 1, non-empty
//! `swarm.drones`, every drone with a version-1 trajectory with points) and reporting the
//! soft ones as [`FormatFinding`]s.

use std::collections::BTreeMap;

use base64::Engine;
use serde_json::{Map, Value};
use skyshow_i18n::{Message, msg};
use skyshow_model::{Cue, Drone, FlightShow, Limits, RthPlan, Vec3};

use crate::compact_points::PointTable;
use crate::json_path::JsonPath;
use crate::resolver::{ASSET_KEY, Origin};
use crate::validation_settings::limits_from;
use crate::{Audio, FormatFinding, ReadOptions, SkycError, SkycShow};

/// Coordinates beyond this are not a drone show, metres.
pub(crate) const MAX_COORD_M: f64 = 1e6;
/// Times beyond this are not a drone show, seconds (~116 days).
pub(crate) const MAX_TIME_S: f64 = 1e7;
/// Skybrush's loader refuses more drones than this (`MAX_DRONE_COUNT`).
pub const SKYBRUSH_MAX_DRONES: usize = 5000;
/// Light programs are decoded this far past the last trajectory end, seconds.
const LIGHTS_MARGIN_S: f64 = 60.0;

/// A reader over one resolved document.
pub(crate) struct ShowReader<'r> {
    /// Where substituted parts came from: path in the resolved document → member (the
    /// innermost reference wins).
    origins: BTreeMap<JsonPath, String>,
    pub(crate) opts: &'r ReadOptions,
    pub(crate) findings: Vec<FormatFinding>,
}

/// Finds the value at `key` of an object, treating `null` as absent.
pub(crate) fn field<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| !v.is_null())
}

/// A short description of a JSON value, for messages.
pub(crate) fn describe(v: &Value) -> Message {
    match v {
        Value::Null => Message::verbatim("null"),
        Value::Bool(b) => Message::verbatim(b.to_string()),
        Value::Number(n) => Message::verbatim(n.to_string()),
        Value::String(s) if s.len() <= 24 => Message::verbatim(format!("{s:?}")),
        Value::String(s) => msg!("skyc-value-string", bytes = s.len().to_string()),
        Value::Array(a) => msg!("skyc-value-array", count = a.len()),
        Value::Object(_) => msg!("skyc-value-object"),
    }
}

/// One drone as read, before its light program is decoded.
struct DroneRead<'v> {
    drone: Drone,
    /// The `lights` value and its path, decoded once the show's end is known.
    lights: (Option<&'v Value>, JsonPath),
    rth_plan: Option<RthPlan>,
}

/// `environment.type`, if present.
fn environment_type(obj: &Map<String, Value>) -> Option<&Value> {
    field(obj, "environment")
        .and_then(Value::as_object)
        .and_then(|e| field(e, "type"))
}

impl<'r> ShowReader<'r> {
    /// A reader; `origins` say which archive member each part of the document came from.
    pub(crate) fn new(origins: &[Origin], opts: &'r ReadOptions) -> Self {
        let origins = origins
            .iter()
            .map(|o| (o.at.clone(), o.member.clone()))
            .collect();
        ShowReader {
            origins,
            opts,
            findings: Vec::new(),
        }
    }

    /// The member a path lies in, and the path inside that member.
    pub(crate) fn locate(&self, path: &JsonPath) -> (String, Message) {
        let found = (0..=path.len()).rev().find_map(|n| {
            let at = path.prefix(n);
            self.origins.get(&at).map(|m| (at, m))
        });
        match found {
            Some((at, member)) => {
                let inner = path.skip(at.len());
                (
                    member.clone(),
                    msg!(
                        "skyc-path-reached",
                        inner = inner.message(),
                        at = at.message()
                    ),
                )
            }
            None => ("show.json".to_string(), path.message()),
        }
    }

    /// A schema error at `path`.
    pub(crate) fn schema(&self, path: &JsonPath, message: Message) -> SkycError {
        let (member, path) = self.locate(path);
        SkycError::Schema {
            member: Message::verbatim(member),
            path,
            message,
        }
    }

    /// Records a finding at `path`.
    pub(crate) fn finding(
        &mut self,
        drone: Option<usize>,
        rule: &'static str,
        path: &JsonPath,
        text: Message,
    ) {
        let (member, path) = self.locate(path);
        self.findings.push(FormatFinding {
            drone,
            rule,
            message: msg!("skyc-at", member = member, path = path, what = text),
        });
    }

    /// A finite number within `±max`.
    pub(crate) fn number(
        &self,
        v: &Value,
        path: &JsonPath,
        what: Message,
        max: f64,
    ) -> Result<f64, SkycError> {
        match v.as_f64() {
            Some(x) if x.is_finite() && x.abs() <= max => Ok(x),
            Some(x) => Err(self.schema(
                path,
                msg!("skyc-out-of-range", what = what, x = x, max = max),
            )),
            None => Err(self.schema(
                path,
                msg!("skyc-expected-number", what = what, found = describe(v)),
            )),
        }
    }

    /// `[x, y, z]` in metres.
    pub(crate) fn point(&self, v: &Value, path: &JsonPath) -> Result<Vec3, SkycError> {
        let Some(a) = v.as_array().filter(|a| a.len() == 3) else {
            return Err(self.schema(path, msg!("skyc-expected-xyz", found = describe(v))));
        };
        let c = |i: usize| {
            self.number(
                &a[i],
                &path.index(i),
                msg!("skyc-what-coordinate"),
                MAX_COORD_M,
            )
        };
        Ok(Vec3::new(c(0)?, c(1)?, c(2)?))
    }

    /// Reads the whole show.
    pub(crate) fn read(
        mut self,
        root: &Value,
        assets: &BTreeMap<String, Vec<u8>>,
        table: &PointTable,
    ) -> Result<SkycShow, SkycError> {
        let top = JsonPath::root();
        let Some(obj) = root.as_object() else {
            return Err(self.schema(&top, msg!("skyc-show-not-object", found = describe(root))));
        };
        self.check_version(obj, &top)?;
        let drones_path = top.key("swarm").key("drones");
        let list = self.drone_list(obj, &drones_path)?;

        let mut drones = Vec::with_capacity(list.len());
        let mut lights = Vec::with_capacity(list.len());
        let mut rth_plans = Vec::with_capacity(list.len());
        for (i, d) in list.iter().enumerate() {
            let read = self.drone(i, d, &drones_path.index(i), table)?;
            drones.push(read.drone);
            lights.push(read.lights);
            rth_plans.push(read.rth_plan);
        }
        self.check_rth_times(&rth_plans, &drones_path);
        let show_end = drones
            .iter()
            .map(|d| d.trajectory.end_time())
            .fold(0.0, f64::max);
        for (i, (lv, lp)) in lights.into_iter().enumerate() {
            drones[i].lights = self.lights(i, lv, &lp, assets, show_end + LIGHTS_MARGIN_S);
        }

        let mut show = FlightShow {
            drones,
            ..FlightShow::default()
        };
        if let Some(Value::String(t)) = field(obj, "meta")
            .and_then(Value::as_object)
            .and_then(|m| field(m, "title"))
        {
            show.title = t.clone();
        }
        self.show_settings(obj, &top, &mut show);
        self.check_environment(obj, &top);
        let audio = match field(obj, "media")
            .and_then(Value::as_object)
            .and_then(|m| field(m, "audio"))
        {
            Some(a) => self.audio(a, &top.key("media").key("audio"), assets),
            None => None,
        };
        Ok(SkycShow {
            show,
            findings: self.findings,
            audio,
            sample_interval_s: None,
            position_step_m: None,
            rth_plans,
        })
    }

    /// `version` must be present and 1.
    fn check_version(&self, obj: &Map<String, Value>, top: &JsonPath) -> Result<(), SkycError> {
        match field(obj, "version") {
            None => Err(self.schema(&top.key("version"), msg!("skyc-version-missing"))),
            Some(v) if v.as_f64() == Some(1.0) => Ok(()),
            Some(v) => Err(self.schema(
                &top.key("version"),
                msg!("skyc-version-unsupported", found = describe(v)),
            )),
        }
    }

    /// `swarm.drones`: a non-empty list within the reader's limit; more than Skybrush's
    /// loader takes is a finding.
    fn drone_list<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        drones_path: &JsonPath,
    ) -> Result<&'v Vec<Value>, SkycError> {
        let Some(swarm) = field(obj, "swarm").and_then(Value::as_object) else {
            return Err(self.schema(
                &JsonPath::root().key("swarm"),
                msg!("skyc-expected-object", shape = r#"{"drones": [...]}"#),
            ));
        };
        let list = match field(swarm, "drones").and_then(Value::as_array) {
            Some(a) if !a.is_empty() => a,
            _ => return Err(self.schema(drones_path, msg!("skyc-no-drones"))),
        };
        if list.len() > self.opts.max_drones {
            return Err(SkycError::TooManyDrones {
                count: list.len(),
                max: self.opts.max_drones,
            });
        }
        if list.len() > SKYBRUSH_MAX_DRONES {
            let n = list.len();
            self.finding(
                None,
                "too_many_drones",
                drones_path,
                msg!(
                    "skyc-skybrush-max-drones",
                    count = n.to_string(),
                    max = SKYBRUSH_MAX_DRONES.to_string()
                ),
            );
        }
        Ok(list)
    }

    /// One entry of `swarm.drones`: its trajectory, home, name and pyro are read now; its
    /// light program is kept to be decoded once the show's end is known.
    fn drone<'v>(
        &mut self,
        i: usize,
        d: &'v Value,
        dp: &JsonPath,
        table: &PointTable,
    ) -> Result<DroneRead<'v>, SkycError> {
        let Some(settings) = d
            .as_object()
            .and_then(|o| field(o, "settings"))
            .and_then(Value::as_object)
        else {
            return Err(self.schema(
                dp,
                msg!(
                    "skyc-expected-drone",
                    shape = r#"{"type": "generic", "settings": {...}}"#
                ),
            ));
        };
        let sp = dp.key("settings");
        let Some(tv) = field(settings, "trajectory") else {
            return Err(self.schema(&sp.key("trajectory"), msg!("skyc-trajectory-missing")));
        };
        let trajectory = self.trajectory(i, tv, &sp.key("trajectory"), table)?;
        let home = match field(settings, "home") {
            None => trajectory.start,
            Some(h) => match self.point(h, &sp.key("home")) {
                Ok(p) => p,
                Err(e) => {
                    self.finding(
                        Some(i),
                        "home_invalid",
                        &sp.key("home"),
                        msg!("skyc-home-invalid", why = e.what()),
                    );
                    trajectory.start
                }
            },
        };
        let name = match field(settings, "name") {
            Some(Value::String(s)) => s.clone(),
            _ => format!("Drone {}", i + 1),
        };
        if let Some(p) = field(settings, "pyro") {
            self.check_pyro(i, p, &sp.key("pyro"));
        }
        let rth_plan =
            field(settings, "rthPlan").and_then(|r| self.rth_plan(i, r, &sp.key("rthPlan")));
        Ok(DroneRead {
            drone: Drone {
                name,
                home,
                trajectory,
                lights: Default::default(),
            },
            lights: (field(settings, "lights"), sp.key("lights")),
            rth_plan,
        })
    }

    /// The show-wide `settings`: validation limits, cues and geofence.
    fn show_settings(&mut self, obj: &Map<String, Value>, top: &JsonPath, show: &mut FlightShow) {
        let settings_path = top.key("settings");
        let settings = field(obj, "settings").and_then(Value::as_object);
        if let Some(v) = settings.and_then(|s| field(s, "validation")) {
            show.limits = Some(self.validation(obj, v, &settings_path.key("validation")));
        }
        if let Some(c) = settings.and_then(|s| field(s, "cues")) {
            show.cues = self.cues(c, &settings_path.key("cues"));
        }
        if let Some(g) = settings.and_then(|s| field(s, "geofence")) {
            show.geofence = self.geofence(g, &settings_path.key("geofence"));
        }
    }

    /// `settings.validation` as limits; keys that cannot be read are findings. An indoor
    /// show's takeoff spacing is Skybrush's indoor one.
    fn validation(&mut self, obj: &Map<String, Value>, v: &Value, vp: &JsonPath) -> Limits {
        let (mut limits, bad) = limits_from(v);
        if !v.is_object() {
            self.finding(
                None,
                "validation_invalid",
                vp,
                msg!(
                    "skyc-expected-found",
                    shape = r#"{"maxAltitude": …, "minDistance": …}"#,
                    found = describe(v)
                ),
            );
        }
        for key in bad {
            self.finding(
                None,
                "validation_invalid",
                &vp.key(&key),
                msg!("skyc-validation-invalid"),
            );
        }
        if environment_type(obj).is_some_and(|t| t == "indoor") {
            limits.takeoff_spacing_m = 0.2;
        }
        limits
    }

    /// `environment.type` other than `outdoor` or `indoor` is a finding.
    fn check_environment(&mut self, obj: &Map<String, Value>, top: &JsonPath) {
        if let Some(t) = environment_type(obj)
            && t != "outdoor"
            && t != "indoor"
        {
            let text = msg!("skyc-environment-type", found = describe(t));
            self.finding(
                None,
                "environment_type",
                &top.key("environment").key("type"),
                text,
            );
        }
    }

    fn cues(&mut self, v: &Value, path: &JsonPath) -> Vec<Cue> {
        let items = v
            .as_object()
            .and_then(|o| field(o, "items"))
            .and_then(Value::as_array);
        let Some(items) = items else {
            self.finding(
                None,
                "cues_invalid",
                path,
                msg!(
                    "skyc-expected-ignored",
                    shape = r#"{"version": 1, "items": [{"name", "time"}]}"#
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, it) in items.iter().enumerate() {
            let o = it.as_object();
            let name = o.and_then(|o| field(o, "name")).and_then(Value::as_str);
            let time = o
                .and_then(|o| field(o, "time"))
                .and_then(Value::as_f64)
                .filter(|t| t.is_finite());
            match time {
                Some(t) => out.push(Cue {
                    name: name.unwrap_or_default().to_string(),
                    time_s: t,
                }),
                None => self.finding(
                    None,
                    "cues_invalid",
                    &path.key("items").index(k),
                    msg!("skyc-cue-no-time"),
                ),
            }
        }
        out
    }

    fn check_pyro(&mut self, i: usize, v: &Value, path: &JsonPath) {
        let ok = v.as_object().is_some_and(|o| {
            field(o, "version").and_then(Value::as_f64) == Some(1.0)
                && field(o, "events")
                    .and_then(Value::as_array)
                    .is_some_and(|ev| {
                        ev.iter().all(|e| {
                            e.as_array().is_some_and(|a| {
                                a.len() == 3
                                    && a[0].is_number()
                                    && a[1].is_number()
                                    && a[2].is_string()
                            })
                        })
                    })
                && field(o, "payloads").is_none_or(Value::is_object)
        });
        if !ok {
            let text = msg!(
                "skyc-pyro-schema",
                shape = r#"{"version": 1, "events": [[t, channel, "payload"]], "payloads": {...}}"#
            );
            self.finding(Some(i), "pyro_schema", path, text);
        }
    }

    /// Bytes of a `data` field: base64 text, or a binary member reached by `$ref`.
    pub(crate) fn data_bytes(
        v: &Value,
        assets: &BTreeMap<String, Vec<u8>>,
    ) -> Result<Vec<u8>, Message> {
        match v {
            Value::String(s) => {
                let clean: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
                base64::engine::general_purpose::STANDARD
                    .decode(clean.as_bytes())
                    .or_else(|_| {
                        base64::engine::general_purpose::STANDARD_NO_PAD.decode(clean.as_bytes())
                    })
                    .map_err(|e| msg!("skyc-base64-invalid", why = e.to_string()))
            }
            Value::Object(o) => match o
                .get(ASSET_KEY)
                .and_then(Value::as_str)
                .and_then(|m| assets.get(m))
            {
                Some(b) => Ok(b.clone()),
                None => Err(msg!("skyc-base64-or-ref")),
            },
            other => Err(msg!("skyc-base64-found", found = describe(other))),
        }
    }

    fn audio(
        &mut self,
        v: &Value,
        path: &JsonPath,
        assets: &BTreeMap<String, Vec<u8>>,
    ) -> Option<Audio> {
        let Some(o) = v.as_object() else {
            self.finding(
                None,
                "audio_invalid",
                path,
                msg!(
                    "skyc-expected-ignored",
                    shape = r#"{"data", "mediaType", "startTime"}"#
                ),
            );
            return None;
        };
        let bytes = match field(o, "data").map(|d| Self::data_bytes(d, assets)) {
            Some(Ok(b)) => b,
            Some(Err(e)) => {
                self.finding(
                    None,
                    "audio_invalid",
                    &path.key("data"),
                    msg!("skyc-audio-ignored", why = e),
                );
                return None;
            }
            None => {
                self.finding(
                    None,
                    "audio_invalid",
                    &path.key("data"),
                    msg!("skyc-audio-missing"),
                );
                return None;
            }
        };
        let start_time_s = match field(o, "startTime").map(Value::as_f64) {
            None => 0.0,
            Some(Some(t)) if t.is_finite() => t,
            Some(_) => {
                self.finding(
                    None,
                    "audio_invalid",
                    &path.key("startTime"),
                    msg!("skyc-audio-start"),
                );
                0.0
            }
        };
        let text = |k: &str| field(o, k).and_then(Value::as_str).map(str::to_string);
        Some(Audio {
            bytes,
            media_type: text("mediaType"),
            start_time_s,
            filename: text("filename"),
        })
    }
}
