//! `Stage`: what is drawn with the drones that a `.skyc` does not hold — the plan's phases
//! (they place the audience camera), the ground (audience, firing front, site) and the
//! firework bursts — and its file, `stage.json` in an output folder.
//!
//! `build` writes the file beside `show.skyc`; `render` and `preview` of an output folder
//! read it back, so that a folder is drawn exactly as the show file it was built from.
//! Numbers are written in the shortest form that reads back to the same `f64`, so the
//! data read back equals the data written.

use serde_json::{Value, json};
use skyshow_i18n::{Message, msg};
use skyshow_model::{ExclusionZone, Phase, PhaseKind, Polygon, Rgb, Site, Vec3};

use crate::{Burst, Ground};

/// Most phases, bursts, or points of one list a stage file may hold.
const MAX_ITEMS: usize = 1_000_000;

/// Everything a frame shows besides the drones' flights and lights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stage {
    /// The plan's phases (takeoff, formations, transitions, landing).
    pub phases: Vec<Phase>,
    /// The audience, the firing front and the site.
    pub ground: Ground,
    /// The firework bursts, in any order.
    pub fireworks: Vec<Burst>,
}

/// The value of the file's `format` key.
const FORMAT: &str = "skyshow-stage";
/// The file's layout version.
const VERSION: u64 = 1;

impl Stage {
    /// The file's name in an output folder.
    pub const FILE_NAME: &'static str = "stage.json";

    /// The stage as the bytes of `stage.json` (pretty-printed JSON, deterministic).
    pub fn to_json(&self) -> Vec<u8> {
        let g = &self.ground;
        let phases: Vec<Value> = self.phases.iter().map(phase_json).collect();
        let audience: Vec<Value> = g.audience.iter().map(|p| v3(*p)).collect();
        let front: Vec<Value> = g.firing_front.iter().map(|p| v3(*p)).collect();
        let fireworks: Vec<Value> = self.fireworks.iter().map(burst_json).collect();
        let v = json!({
            "format": FORMAT,
            "version": VERSION,
            "phases": phases,
            "audience_azimuth_deg": g.audience_azimuth_deg,
            "audience": audience,
            "firing_front": front,
            "site": g.site.as_ref().map(site_json),
            "fireworks": fireworks,
        });
        let mut out = serde_json::to_vec_pretty(&v).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Reads the bytes of a `stage.json`.
    ///
    /// # Errors
    /// What is wrong, naming the key (`fireworks[2].position`), as a message in the
    /// user's language.
    pub fn from_json(bytes: &[u8]) -> Result<Stage, Message> {
        let v: Value = serde_json::from_slice(bytes)
            .map_err(|e| msg!("stage-not-json", reason = e.to_string()))?;
        let r = Reader(&v);
        if r.get("format")?.0.as_str() != Some(FORMAT) {
            return Err(msg!("stage-wrong-format", key = "format"));
        }
        let version = r.get("version")?.0.as_u64();
        if version != Some(VERSION) {
            return Err(msg!(
                "stage-wrong-version",
                version = r.get("version")?.0.to_string(),
                supported = VERSION
            ));
        }
        let site = match r.get("site")? {
            Reader(Value::Null) => None,
            s => Some(read_site(&s, "site")?),
        };
        let ground = Ground {
            audience: r.list("audience", |p, at| p.vec3(&at))?,
            audience_azimuth_deg: r.num("audience_azimuth_deg")?,
            firing_front: r.list("firing_front", |p, at| p.vec3(&at))?,
            site,
        };
        Ok(Stage {
            phases: r.list("phases", read_phase)?,
            ground,
            fireworks: r.list("fireworks", read_burst)?,
        })
    }
}

fn v3(p: Vec3) -> Value {
    json!([p.x, p.y, p.z])
}

fn polygon_json(p: &Polygon) -> Value {
    json!(p.points)
}

fn phase_json(p: &Phase) -> Value {
    json!({
        "kind": phase_kind_name(p.kind),
        "source": p.source,
        "start_s": p.start_s,
        "end_s": p.end_s,
    })
}

fn site_json(s: &Site) -> Value {
    let exclusions: Vec<Value> = s
        .exclusions
        .iter()
        .map(|e| json!({"name": e.name, "zone": polygon_json(&e.zone)}))
        .collect();
    json!({
        "boundary": s.boundary.as_ref().map(polygon_json),
        "exclusions": exclusions,
        "no_fly": s.no_fly.as_ref().map(polygon_json),
        "no_fly_buffer_m": s.no_fly_buffer_m,
        "margin_m": s.margin_m,
        "geofence_action": s.geofence_action,
    })
}

fn burst_json(b: &Burst) -> Value {
    json!({
        "time_s": b.time_s,
        "position": v3(b.position),
        "radius_m": b.radius_m,
        "color": [b.color.r, b.color.g, b.color.b],
        "duration_s": b.duration_s,
        "label": b.label,
    })
}

const PHASE_KINDS: [(PhaseKind, &str); 4] = [
    (PhaseKind::Takeoff, "takeoff"),
    (PhaseKind::Formation, "formation"),
    (PhaseKind::Transition, "transition"),
    (PhaseKind::Landing, "landing"),
];

fn phase_kind_name(k: PhaseKind) -> &'static str {
    PHASE_KINDS
        .iter()
        .find(|(kind, _)| *kind == k)
        .map_or("formation", |(_, n)| n)
}

/// A JSON value being read, with the errors that name its key.
#[derive(Clone, Copy)]
struct Reader<'a>(&'a Value);

impl<'a> Reader<'a> {
    /// The member `key` of an object (missing = an error naming it).
    fn get(&self, key: &str) -> Result<Reader<'a>, Message> {
        self.0
            .get(key)
            .map(Reader)
            .ok_or_else(|| msg!("stage-missing-key", key = key))
    }

    /// A finite number at `key`.
    fn num(&self, key: &str) -> Result<f64, Message> {
        self.get(key)?.number(key)
    }

    /// This value as a finite number; `at` names it.
    fn number(&self, at: &str) -> Result<f64, Message> {
        self.0
            .as_f64()
            .filter(|x| x.is_finite())
            .ok_or_else(|| msg!("stage-bad-value", key = at))
    }

    /// A string at `key`.
    fn text(&self, key: &str, at: &str) -> Result<String, Message> {
        self.get(key)?
            .0
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| msg!("stage-bad-value", key = format!("{at}.{key}")))
    }

    /// The list at `key`, each item read by `item` (given the item and its name).
    fn list<T>(
        &self,
        key: &str,
        item: impl Fn(Reader<'a>, String) -> Result<T, Message>,
    ) -> Result<Vec<T>, Message> {
        self.get(key)?.items(key, item)
    }

    /// This value as a list named `at`.
    fn items<T>(
        &self,
        at: &str,
        item: impl Fn(Reader<'a>, String) -> Result<T, Message>,
    ) -> Result<Vec<T>, Message> {
        let list = self
            .0
            .as_array()
            .filter(|a| a.len() <= MAX_ITEMS)
            .ok_or_else(|| msg!("stage-bad-value", key = at))?;
        list.iter()
            .enumerate()
            .map(|(i, v)| item(Reader(v), format!("{at}[{i}]")))
            .collect()
    }

    /// `n` finite numbers.
    fn numbers<const N: usize>(&self, at: &str) -> Result<[f64; N], Message> {
        let v = self.items(at, |x, at| x.number(&at))?;
        v.try_into().map_err(|_| msg!("stage-bad-value", key = at))
    }

    fn vec3(&self, at: &str) -> Result<Vec3, Message> {
        let [x, y, z] = self.numbers::<3>(at)?;
        Ok(Vec3::new(x, y, z))
    }

    fn polygon(&self, at: &str) -> Result<Polygon, Message> {
        Ok(Polygon::new(self.items(at, |p, at| p.numbers::<2>(&at))?))
    }
}

fn read_phase(p: Reader<'_>, at: String) -> Result<Phase, Message> {
    let kind = p.text("kind", &at)?;
    let kind = PHASE_KINDS
        .iter()
        .find(|(_, n)| *n == kind)
        .map(|(k, _)| *k)
        .ok_or_else(|| msg!("stage-bad-value", key = format!("{at}.kind")))?;
    Ok(Phase {
        kind,
        source: p.text("source", &at)?,
        start_s: p.get("start_s")?.number(&format!("{at}.start_s"))?,
        end_s: p.get("end_s")?.number(&format!("{at}.end_s"))?,
    })
}

fn read_burst(b: Reader<'_>, at: String) -> Result<Burst, Message> {
    let num = |key: &str| b.get(key)?.number(&format!("{at}.{key}"));
    let color = b.get("color")?.numbers::<3>(&format!("{at}.color"))?;
    let channel = |c: f64| {
        (c.fract() == 0.0 && (0.0..=255.0).contains(&c))
            .then_some(c as u8)
            .ok_or_else(|| msg!("stage-bad-value", key = format!("{at}.color")))
    };
    Ok(Burst {
        time_s: num("time_s")?,
        position: b.get("position")?.vec3(&format!("{at}.position"))?,
        radius_m: num("radius_m")?,
        color: Rgb::new(channel(color[0])?, channel(color[1])?, channel(color[2])?),
        duration_s: num("duration_s")?,
        label: b.text("label", &at)?,
    })
}

fn read_site(s: &Reader<'_>, at: &str) -> Result<Site, Message> {
    let optional = |key: &str| -> Result<Option<Polygon>, Message> {
        match s.get(key)? {
            Reader(Value::Null) => Ok(None),
            p => p.polygon(&format!("{at}.{key}")).map(Some),
        }
    };
    let exclusions = s
        .get("exclusions")?
        .items(&format!("{at}.exclusions"), |e, at| {
            Ok(ExclusionZone {
                name: e.text("name", &at)?,
                zone: e.get("zone")?.polygon(&format!("{at}.zone"))?,
            })
        })?;
    Ok(Site {
        boundary: optional("boundary")?,
        exclusions,
        no_fly: optional("no_fly")?,
        no_fly_buffer_m: s
            .get("no_fly_buffer_m")?
            .number(&format!("{at}.no_fly_buffer_m"))?,
        margin_m: s.get("margin_m")?.number(&format!("{at}.margin_m"))?,
        geofence_action: s.text("geofence_action", at)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Stage {
        let square = |x: f64, y: f64, r: f64| {
            Polygon::new(vec![
                [x - r, y - r],
                [x + r, y - r],
                [x + r, y + r],
                [x - r, y + r],
            ])
        };
        Stage {
            phases: vec![Phase {
                kind: PhaseKind::Formation,
                source: "formation \"环\"".into(),
                start_s: 12.345_678_9,
                end_s: 0.1 + 0.2,
            }],
            ground: Ground {
                audience: vec![Vec3::new(-100.0, -50.5, 0.0), Vec3::new(-100.0, 50.5, 0.0)],
                audience_azimuth_deg: 180.0,
                firing_front: vec![Vec3::new(40.0, 1.0 / 3.0, 0.0)],
                site: Some(Site {
                    boundary: Some(square(0.0, 0.0, 300.0)),
                    exclusions: vec![ExclusionZone {
                        name: "tent".into(),
                        zone: square(100.0, 100.0, 10.0),
                    }],
                    no_fly: Some(square(-150.0, 0.0, 60.0)),
                    no_fly_buffer_m: 10.0,
                    margin_m: 10.0,
                    geofence_action: "return".into(),
                }),
            },
            fireworks: vec![Burst {
                time_s: 30.25,
                position: Vec3::new(40.0, 0.0, 95.123_456_789),
                radius_m: 35.0,
                color: Rgb::new(255, 40, 0),
                duration_s: 2.5,
                label: "cue \"c1\"".into(),
            }],
        }
    }

    #[test]
    fn a_stage_reads_back_to_the_same_data() {
        let s = sample();
        let bytes = s.to_json();
        assert_eq!(Stage::from_json(&bytes), Ok(s.clone()));
        assert_eq!(bytes, s.to_json(), "deterministic");
        let bare = Stage::default();
        assert_eq!(Stage::from_json(&bare.to_json()), Ok(bare));
    }

    #[test]
    fn broken_files_name_the_key() {
        let s = sample();
        let mut v: Value = serde_json::from_slice(&s.to_json()).unwrap();
        v["fireworks"][0]["position"] = json!([1, 2]);
        let e = Stage::from_json(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(e.id(), Some("stage-bad-value"));
        assert!(e.to_string().contains("fireworks[0].position"), "{e}");
        v["version"] = json!(7);
        let e = Stage::from_json(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        assert_eq!(e.id(), Some("stage-wrong-version"));
        assert_eq!(
            Stage::from_json(b"{").unwrap_err().id(),
            Some("stage-not-json")
        );
        assert_eq!(
            Stage::from_json(b"{\"format\": \"x\"}").unwrap_err().id(),
            Some("stage-wrong-format")
        );
    }
}
