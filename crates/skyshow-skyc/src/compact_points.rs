//! `PointTable`: trajectory points parsed straight into flat arrays instead of JSON trees.
//!
//! A show can hold millions of points; as `serde_json::Value`s each costs a dozen
//! allocations. [`parse_document`] builds the usual `Value` for everything except the
//! `points` array of objects at `swarm.drones[i].settings.trajectory`, which it parses into a
//! [`CompactPoints`] and replaces by a placeholder. Any point of unusual shape makes the
//! compact parse fail; the caller then parses the document again the plain way, so odd
//! files still get exact error messages.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use skyshow_model::Vec3;

use crate::json_path::JsonPath;

/// Key of the placeholder object standing for a [`CompactPoints`] entry (a NUL-prefixed key
/// no real show uses; the reader also checks the entry's path).
pub(crate) const COMPACT_KEY: &str = "\u{0}compact_points";

/// One trajectory's points.
#[derive(Debug, Default)]
pub(crate) struct CompactPoints {
    /// Where the `points` array is in the resolved document.
    pub(crate) at: JsonPath,
    /// Time of each point, as written.
    pub(crate) t: Vec<f64>,
    /// Position of each point.
    pub(crate) pos: Vec<[f64; 3]>,
    /// Control points of point `k` are `ctrl[ctrl_start[k]..ctrl_start[k + 1]]`.
    pub(crate) ctrl_start: Vec<u32>,
    /// All control points.
    pub(crate) ctrl: Vec<[f64; 3]>,
    /// Points written with two elements (no control-point list).
    pub(crate) short: Vec<bool>,
}

impl CompactPoints {
    /// Number of points.
    pub(crate) fn len(&self) -> usize {
        self.t.len()
    }

    /// The control points of point `k`.
    pub(crate) fn controls(&self, k: usize) -> &[[f64; 3]] {
        let a = self.ctrl_start[k] as usize;
        let b = self
            .ctrl_start
            .get(k + 1)
            .map_or(self.ctrl.len(), |&x| x as usize);
        &self.ctrl[a..b]
    }
}

/// All compact point arrays of one read.
#[derive(Debug, Default)]
pub(crate) struct PointTable {
    pub(crate) entries: Vec<CompactPoints>,
}

impl PointTable {
    /// The entry a placeholder value stands for, if `v` is one made for `at`.
    pub(crate) fn lookup(&self, v: &Value, at: &JsonPath) -> Option<&CompactPoints> {
        let o = v.as_object().filter(|o| o.len() == 1)?;
        let i = o.get(COMPACT_KEY)?.as_u64()?;
        self.entries
            .get(usize::try_from(i).ok()?)
            .filter(|e| &e.at == at)
    }
}

struct State<'t> {
    path: JsonPath,
    table: &'t mut PointTable,
}

/// Parses JSON whose root sits at `base` in the resolved document, compacting trajectory
/// point arrays into `table`.
pub(crate) fn parse_document(
    bytes: &[u8],
    base: &JsonPath,
    table: &mut PointTable,
) -> Result<Value, serde_json::Error> {
    let before = table.entries.len();
    let st = RefCell::new(State {
        path: base.clone(),
        table,
    });
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let v = ValueSeed { st: &st }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    if v.is_err() {
        st.borrow_mut().table.entries.truncate(before);
    }
    v
}

#[derive(Clone, Copy)]
struct ValueSeed<'s, 't> {
    st: &'s RefCell<State<'t>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        Ok(Number::from_f64(x).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            self.st.borrow_mut().path.push_index(out.len());
            let el = seq.next_element_seed(self);
            self.st.borrow_mut().path.pop();
            match el? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        let in_trajectory = self.st.borrow().path.is_trajectory();
        while let Some(k) = map.next_key::<String>()? {
            self.st.borrow_mut().path.push_key(&k);
            let v = if in_trajectory && k == "points" {
                map.next_value_seed(PointsSeed { st: self.st }).map(|i| {
                    let mut m = Map::new();
                    m.insert(COMPACT_KEY.to_string(), Value::Number((i as u64).into()));
                    Value::Object(m)
                })
            } else {
                map.next_value_seed(self)
            };
            self.st.borrow_mut().path.pop();
            out.insert(k, v?);
        }
        Ok(Value::Object(out))
    }
}

/// A whole `points` array; gives the index of its table entry.
struct PointsSeed<'s, 't> {
    st: &'s RefCell<State<'t>>,
}

impl<'de> DeserializeSeed<'de> for PointsSeed<'_, '_> {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PointsSeed<'_, '_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of [t, [x, y, z], [controls]] points")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut cp = CompactPoints {
            at: self.st.borrow().path.clone(),
            ..CompactPoints::default()
        };
        while seq.next_element_seed(PointSeed { cp: &mut cp })?.is_some() {}
        let mut st = self.st.borrow_mut();
        st.table.entries.push(cp);
        Ok(st.table.entries.len() - 1)
    }
}

/// One `[t, [x, y, z], [controls]]` point, appended to the arrays.
struct PointSeed<'c> {
    cp: &'c mut CompactPoints,
}

impl<'de> DeserializeSeed<'de> for PointSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PointSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[t, [x, y, z], [controls]]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let t: f64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("point without time"))?;
        let p: [f64; 3] = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("point without position"))?;
        let start = u32::try_from(self.cp.ctrl.len())
            .map_err(|_| de::Error::custom("too many control points"))?;
        let has_ctrl = seq
            .next_element_seed(CtrlSeed {
                ctrl: &mut self.cp.ctrl,
            })?
            .is_some();
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom("point with more than three elements"));
        }
        self.cp.t.push(t);
        self.cp.pos.push(p);
        self.cp.ctrl_start.push(start);
        self.cp.short.push(!has_ctrl);
        Ok(())
    }
}

/// A list of `[x, y, z]` control points, appended to `ctrl`.
struct CtrlSeed<'c> {
    ctrl: &'c mut Vec<[f64; 3]>,
}

impl<'de> DeserializeSeed<'de> for CtrlSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CtrlSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of [x, y, z] control points")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(c) = seq.next_element::<[f64; 3]>()? {
            self.ctrl.push(c);
        }
        Ok(())
    }
}

/// A point's position as a vector.
pub(crate) fn vec3(p: [f64; 3]) -> Vec3 {
    Vec3::new(p[0], p[1], p[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compacts_only_trajectory_points() {
        let json = br#"{"swarm": {"drones": [{"settings": {"trajectory": {"version": 1,
            "points": [[0, [1, 2, 3], []], [1.5, [4, 5, 6]], [2, [0, 0, 0], [[1, 1, 1], [2, 2, 2]]]]}}}]},
            "other": {"points": [1, 2]}}"#;
        let mut table = PointTable::default();
        let v = parse_document(json, &JsonPath::root(), &mut table).unwrap();
        assert_eq!(table.entries.len(), 1);
        let at = JsonPath::root()
            .key("swarm")
            .key("drones")
            .index(0)
            .key("settings")
            .key("trajectory")
            .key("points");
        let cp = table
            .lookup(
                &v["swarm"]["drones"][0]["settings"]["trajectory"]["points"],
                &at,
            )
            .unwrap();
        assert_eq!(cp.t, vec![0.0, 1.5, 2.0]);
        assert_eq!(cp.short, vec![false, true, false]);
        assert_eq!(cp.controls(2), &[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]);
        assert!(cp.controls(0).is_empty() && cp.controls(1).is_empty());
        assert_eq!(v["other"]["points"], serde_json::json!([1, 2]));
        // An odd point makes the compact parse fail (the caller falls back).
        let odd =
            br#"{"swarm": {"drones": [{"settings": {"trajectory": {"points": [[0, [1, 2]]]}}}]}}"#;
        assert!(parse_document(odd, &JsonPath::root(), &mut table).is_err());
        assert_eq!(table.entries.len(), 1);
    }
}
