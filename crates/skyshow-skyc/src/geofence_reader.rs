//! `settings.geofence` read into a [`Geofence`]: version 1, `polygons` of
//! `{"isInclusion": bool, "points": [[x, y, z], …]}` in the show frame, and `action`.
//! A geofence the reader cannot use is a `geofence_invalid` finding and is left out.

use serde_json::Value;
use skyshow_i18n::{Message, msg};
use skyshow_model::{GEOFENCE_ACTIONS, Geofence, Polygon};

use crate::json_path::JsonPath;
use crate::show_reader::{MAX_COORD_M, ShowReader, describe, field};

/// Most corners read per polygon, and polygons per geofence.
const MAX_POINTS: usize = 100_000;

impl ShowReader<'_> {
    /// The geofence at `path`, or `None` (with a finding) when it is not usable.
    pub(crate) fn geofence(&mut self, v: &Value, path: &JsonPath) -> Option<Geofence> {
        match self.geofence_parts(v, path) {
            Ok(g) => g,
            Err((at, text)) => {
                self.finding(None, "geofence_invalid", &at, text);
                None
            }
        }
    }

    fn geofence_parts(
        &mut self,
        v: &Value,
        path: &JsonPath,
    ) -> Result<Option<Geofence>, (JsonPath, Message)> {
        let Some(obj) = v.as_object() else {
            return Err((
                path.clone(),
                msg!("skyc-geofence-not-object", found = describe(v)),
            ));
        };
        match field(obj, "version").and_then(Value::as_i64) {
            Some(1) => {}
            _ => {
                return Err((path.key("version"), msg!("skyc-geofence-version")));
            }
        }
        let action = match field(obj, "action") {
            None => "report".to_string(),
            Some(Value::String(a)) if GEOFENCE_ACTIONS.contains(&a.as_str()) => a.clone(),
            Some(a) => {
                let text = msg!(
                    "skyc-geofence-action",
                    found = describe(a),
                    known = GEOFENCE_ACTIONS.join("`, `")
                );
                self.finding(None, "geofence_invalid", &path.key("action"), text);
                "report".to_string()
            }
        };
        let pp = path.key("polygons");
        let polys = match field(obj, "polygons") {
            None => &Vec::new(),
            Some(Value::Array(a)) if a.len() <= MAX_POINTS => a,
            Some(p) => return Err((pp, msg!("skyc-expected-array", found = describe(p)))),
        };
        let mut g = Geofence {
            action,
            ..Geofence::default()
        };
        for (k, p) in polys.iter().enumerate() {
            let at = pp.index(k);
            let o = p.as_object().ok_or_else(|| {
                (
                    at.clone(),
                    msg!("skyc-geofence-polygon", found = describe(p)),
                )
            })?;
            let inclusion = match field(o, "isInclusion") {
                Some(Value::Bool(b)) => *b,
                None => false,
                Some(x) => {
                    return Err((
                        at.key("isInclusion"),
                        msg!("skyc-expected-bool", found = describe(x)),
                    ));
                }
            };
            let poly = self.polygon(field(o, "points"), &at.key("points"))?;
            if inclusion {
                g.inclusions.push(poly);
            } else {
                g.exclusions.push(poly);
            }
        }
        Ok(Some(g))
    }

    /// A polygon's corners: `[x, y]` or `[x, y, z]` each, at least three, simple.
    fn polygon(&self, v: Option<&Value>, path: &JsonPath) -> Result<Polygon, (JsonPath, Message)> {
        let pts = match v {
            Some(Value::Array(a)) if (3..=MAX_POINTS).contains(&a.len()) => a,
            Some(x) => {
                return Err((
                    path.clone(),
                    msg!("skyc-geofence-corners", found = describe(x)),
                ));
            }
            None => return Err((path.clone(), msg!("skyc-geofence-no-points"))),
        };
        let mut out = Vec::with_capacity(pts.len());
        for (i, p) in pts.iter().enumerate() {
            let c = p.as_array().filter(|a| a.len() == 2 || a.len() == 3);
            let xy = c.and_then(|a| Some([a[0].as_f64()?, a[1].as_f64()?]));
            match xy {
                Some(q) if q.iter().all(|x| x.is_finite() && x.abs() <= MAX_COORD_M) => out.push(q),
                _ => {
                    return Err((
                        path.index(i),
                        msg!("skyc-expected-xyz", found = describe(p)),
                    ));
                }
            }
        }
        let poly = Polygon::new(out);
        if !poly.is_simple() {
            return Err((path.clone(), msg!("skyc-geofence-not-simple")));
        }
        Ok(poly)
    }
}
