//! `JsonPath`: where a value sits in a JSON document, printed as
//! `swarm.drones[3].settings.trajectory.points[17]` for error messages.

use std::fmt;

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(String),
    Index(usize),
}

/// A path from a document's root.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct JsonPath(Vec<Step>);

impl JsonPath {
    /// The root.
    pub(crate) fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// This path extended by an object key.
    pub(crate) fn key(&self, k: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Step::Key(k.to_string()));
        p
    }

    /// This path extended by an array index.
    pub(crate) fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Step::Index(i));
        p
    }

    /// Number of steps.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// Appends an object key (in place).
    pub(crate) fn push_key(&mut self, k: &str) {
        self.0.push(Step::Key(k.to_string()));
    }

    /// Appends an array index (in place).
    pub(crate) fn push_index(&mut self, i: usize) {
        self.0.push(Step::Index(i));
    }

    /// Removes the last step (in place).
    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }

    /// True for `swarm.drones[i].settings.trajectory`, where a drone's trajectory sits.
    pub(crate) fn is_trajectory(&self) -> bool {
        let key = |s: &Step, k: &str| matches!(s, Step::Key(x) if x == k);
        match &self.0[..] {
            [a, b, Step::Index(_), c, d] => {
                key(a, "swarm") && key(b, "drones") && key(c, "settings") && key(d, "trajectory")
            }
            _ => false,
        }
    }

    /// The first `n` steps.
    pub(crate) fn prefix(&self, n: usize) -> JsonPath {
        JsonPath(self.0[..n.min(self.0.len())].to_vec())
    }

    /// The steps after the first `n`.
    pub(crate) fn skip(&self, n: usize) -> JsonPath {
        JsonPath(self.0.get(n..).unwrap_or(&[]).to_vec())
    }

    /// The path as a message: the path as written, or "(top level)" in the user's language.
    pub(crate) fn message(&self) -> skyshow_i18n::Message {
        if self.0.is_empty() {
            skyshow_i18n::msg!("skyc-top-level")
        } else {
            skyshow_i18n::Message::verbatim(self.to_string())
        }
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return write!(f, "{}", skyshow_i18n::msg!("skyc-top-level"));
        }
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Step::Key(k) => {
                    let plain = !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
                    match (i, plain) {
                        (0, true) => f.write_str(k)?,
                        (_, true) => write!(f, ".{k}")?,
                        (_, false) => write!(f, "[{k:?}]")?,
                    }
                }
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_javascript() {
        let p = JsonPath::root()
            .key("swarm")
            .key("drones")
            .index(3)
            .key("settings")
            .key("odd key");
        assert_eq!(p.to_string(), "swarm.drones[3].settings[\"odd key\"]");
        assert_eq!(JsonPath::root().to_string(), "(top level)");
        assert_eq!(p.prefix(1), JsonPath::root().key("swarm"));
        assert_eq!(p.skip(2).to_string(), "[3].settings[\"odd key\"]");
    }
}
