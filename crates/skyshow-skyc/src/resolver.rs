//! `Resolver`: replaces JSON references (`{"$ref": "./drones/drone_01/trajectory.json#"}`,
//! also `zip:` forms and same-document `#/pointer`s) by what they point to, recursively,
//! inside the archive. References that leave the archive, cycles, too-deep chains and
//! expansion beyond the size budget are errors. Non-JSON members (audio) become
//! `{"$asset": "<member>"}` placeholders whose bytes are kept aside.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::{Map, Value};
use skyshow_i18n::{Message, msg};

use crate::SkycError;
use crate::archive::{Archive, MemberKind, normalize};
use crate::compact_points::{PointTable, parse_document};
use crate::json_path::JsonPath;

/// Longest chain of references followed.
const MAX_REF_DEPTH: usize = 16;
/// Deepest JSON nesting after substitution.
const MAX_NESTING: usize = 1024;
/// Key of the placeholder object standing for a binary member.
pub(crate) const ASSET_KEY: &str = "$asset";

/// Where a part of the resolved document came from: values under `at` are the member
/// `member`'s content.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    pub(crate) at: JsonPath,
    pub(crate) member: String,
}

/// Parses a JSON member whose root sits at `base` of the resolved document, with trajectory
/// points compacted into `table` when they have the usual shape (plain parse otherwise).
pub(crate) fn parse_json_compact(
    member: &str,
    bytes: &[u8],
    base: &JsonPath,
    table: &mut PointTable,
) -> Result<Value, SkycError> {
    match parse_document(bytes, base, table) {
        Ok(v) => Ok(v),
        Err(_) => parse_json(member, bytes),
    }
}

/// True if the value holds a same-document reference (`"$ref": "#/..."`).
pub(crate) fn has_same_doc_ref(v: &Value) -> bool {
    let mut refs = Vec::new();
    collect_refs(v, &mut refs);
    refs.iter()
        .any(|r| r.strip_prefix("zip:").unwrap_or(r).starts_with('#'))
}

/// Parses a JSON member.
pub(crate) fn parse_json(member: &str, bytes: &[u8]) -> Result<Value, SkycError> {
    serde_json::from_slice(bytes).map_err(|e| SkycError::Json {
        member: member.to_string(),
        line: e.line(),
        column: e.column(),
        eof: e.is_eof(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
    })
}

/// The reference resolver of one read.
pub(crate) struct Resolver<'a, 'b> {
    archive: Option<&'b mut Archive<'a>>,
    docs: BTreeMap<String, Rc<Value>>,
    /// Bytes of binary members referenced, by member name.
    pub(crate) assets: BTreeMap<String, Vec<u8>>,
    /// Where substituted parts came from, in substitution order.
    pub(crate) origins: Vec<Origin>,
    /// How often `show.json` refers to each member (members used once are not cached).
    root_refs: BTreeMap<String, usize>,
    /// Compactly parsed trajectory points.
    pub(crate) table: PointTable,
    expanded: u64,
    limit: u64,
}

impl<'a, 'b> Resolver<'a, 'b> {
    /// A resolver reading members from `archive` (or none: a bare `show.json`).
    pub(crate) fn new(archive: Option<&'b mut Archive<'a>>, limit: u64) -> Self {
        Resolver {
            archive,
            docs: BTreeMap::new(),
            assets: BTreeMap::new(),
            origins: Vec::new(),
            root_refs: BTreeMap::new(),
            table: PointTable::default(),
            expanded: 0,
            limit,
        }
    }

    /// Resolves every reference in `root`, the content of member `member`, in place.
    pub(crate) fn resolve_root(&mut self, member: &str, root: &mut Value) -> Result<(), SkycError> {
        let mut refs = Vec::new();
        collect_refs(root, &mut refs);
        if refs.is_empty() {
            return Ok(());
        }
        let mut same_doc = false;
        for r in refs {
            let target = r.strip_prefix("zip:").unwrap_or(r);
            let file = target.split_once('#').map_or(target, |(f, _)| f);
            if file.is_empty() {
                same_doc = true;
            } else if let Ok(m) = self.member_path(member, file) {
                *self.root_refs.entry(m).or_insert(0) += 1;
            }
        }
        if same_doc {
            // Same-document references need the document as it was.
            self.docs.insert(member.to_string(), Rc::new(root.clone()));
        }
        let mut stack = Vec::new();
        let ctx = Ctx {
            member,
            at_root: &JsonPath::root(),
            depth: 0,
        };
        self.walk(root, &Trail::Root, 0, &ctx, &mut stack)
    }

    fn walk(
        &mut self,
        v: &mut Value,
        trail: &Trail<'_>,
        depth: usize,
        ctx: &Ctx<'_>,
        stack: &mut Vec<String>,
    ) -> Result<(), SkycError> {
        if depth > MAX_NESTING {
            let path = trail.to_path();
            return Err(self.err(
                ctx,
                &path,
                msg!("skyc-nested-too-deep", max = MAX_NESTING.to_string()),
            ));
        }
        match v {
            Value::Object(map) => {
                if let Some(r) = map.get("$ref") {
                    let r = r.clone();
                    *v = self.follow(&r, &trail.to_path(), ctx, stack)?;
                    return Ok(());
                }
                for (k, x) in map.iter_mut() {
                    self.walk(x, &Trail::Key(trail, k), depth + 1, ctx, stack)?;
                }
                Ok(())
            }
            Value::Array(a) => {
                for (i, x) in a.iter_mut().enumerate() {
                    self.walk(x, &Trail::Index(trail, i), depth + 1, ctx, stack)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn err(&self, ctx: &Ctx<'_>, path: &JsonPath, message: Message) -> SkycError {
        SkycError::Ref {
            member: ctx.member.to_string(),
            path: path.skip(ctx.at_root.len()).message(),
            message,
        }
    }

    /// Follows reference `r` (found at `path`): its target's value, with the references
    /// inside it resolved, or an asset placeholder for a binary member.
    fn follow(
        &mut self,
        r: &Value,
        path: &JsonPath,
        ctx: &Ctx<'_>,
        stack: &mut Vec<String>,
    ) -> Result<Value, SkycError> {
        let Some(r) = r.as_str() else {
            return Err(self.err(ctx, path, msg!("skyc-ref-not-string")));
        };
        let target = self.target(r, path, ctx)?;
        if stack.contains(&target.key) {
            return Err(self.err(ctx, path, msg!("skyc-ref-cyclic", r = format!("{r:?}"))));
        }
        let lower = target.member.to_ascii_lowercase();
        if !target.file.is_empty() && !lower.ends_with(".json") {
            if lower.ends_with(".yaml") || lower.ends_with(".yml") {
                return Err(self.err(ctx, path, msg!("skyc-ref-yaml", r = format!("{r:?}"))));
            }
            return self.asset(target, path, ctx);
        }
        self.json_target(target, path, ctx, stack)
    }

    /// Where reference `r` points: its member (resolved against the current one) and JSON
    /// pointer; refused past `MAX_REF_DEPTH` or outside the archive.
    fn target<'r>(
        &self,
        r: &'r str,
        path: &JsonPath,
        ctx: &Ctx<'_>,
    ) -> Result<Target<'r>, SkycError> {
        if ctx.depth >= MAX_REF_DEPTH {
            return Err(self.err(
                ctx,
                path,
                msg!(
                    "skyc-ref-too-deep",
                    r = format!("{r:?}"),
                    max = MAX_REF_DEPTH.to_string()
                ),
            ));
        }
        let target = r.strip_prefix("zip:").unwrap_or(r);
        let (file, pointer) = match target.split_once('#') {
            Some((f, p)) => (f, p),
            None => (target, ""),
        };
        let member = if file.is_empty() {
            ctx.member.to_string()
        } else {
            self.member_path(ctx.member, file).map_err(|m| {
                self.err(
                    ctx,
                    path,
                    msg!("skyc-ref-refused", r = format!("{r:?}"), why = m),
                )
            })?
        };
        let key = format!("{member}#{pointer}");
        Ok(Target {
            r,
            file,
            member,
            pointer,
            key,
        })
    }

    /// A binary member (audio) referred to: read once, however often it is referred to, and
    /// stood in for by a placeholder. Binary members have their own budget in the archive;
    /// they are not JSON expansion.
    fn asset(
        &mut self,
        target: Target<'_>,
        path: &JsonPath,
        ctx: &Ctx<'_>,
    ) -> Result<Value, SkycError> {
        let member = target.member;
        if !self.assets.contains_key(&member) {
            let bytes = self
                .read_asset(&member)
                .map_err(|e| self.wrap_missing(e, ctx, path, target.r))?;
            self.assets.insert(member.clone(), bytes);
        }
        let mut m = Map::new();
        m.insert(ASSET_KEY.to_string(), Value::String(member));
        Ok(Value::Object(m))
    }

    /// A JSON member, or the value at a pointer in it, with the references inside resolved.
    fn json_target(
        &mut self,
        target: Target<'_>,
        path: &JsonPath,
        ctx: &Ctx<'_>,
        stack: &mut Vec<String>,
    ) -> Result<Value, SkycError> {
        let Target {
            r,
            member,
            pointer,
            key,
            ..
        } = target;
        let whole = pointer.is_empty() || pointer == "/";
        if whole
            && !self.docs.contains_key(&member)
            && self.root_refs.get(&member).copied().unwrap_or(0) <= 1
        {
            // Referenced once: use the parsed member itself, no cached copy.
            let bytes = self
                .read_member(&member)
                .map_err(|e| self.wrap_missing(e, ctx, path, r))?;
            let mut out = parse_json_compact(&member, &bytes, path, &mut self.table)?;
            drop(bytes);
            self.count(approx_size(&out), ctx, path)?;
            return self
                .descend(&mut out, path, &member, key, ctx, stack)
                .map(|()| out);
        }
        let doc = match self.docs.get(&member) {
            Some(d) => Rc::clone(d),
            None => {
                let bytes = self
                    .read_member(&member)
                    .map_err(|e| self.wrap_missing(e, ctx, path, r))?;
                let d = Rc::new(parse_json(&member, &bytes)?);
                self.docs.insert(member.clone(), Rc::clone(&d));
                d
            }
        };
        let sub = if whole {
            Some(&*doc)
        } else {
            doc.pointer(pointer)
        };
        let Some(sub) = sub else {
            return Err(self.err(
                ctx,
                path,
                msg!(
                    "skyc-ref-nothing-at",
                    r = format!("{r:?}"),
                    member = member.as_str(),
                    pointer = pointer
                ),
            ));
        };
        self.count(approx_size(sub), ctx, path)?;
        let mut out = sub.clone();
        drop(doc);
        self.descend(&mut out, path, &member, key, ctx, stack)
            .map(|()| out)
    }

    /// Resolves the references inside a substituted value `out`, the content of `member`.
    fn descend(
        &mut self,
        out: &mut Value,
        path: &JsonPath,
        member: &str,
        key: String,
        ctx: &Ctx<'_>,
        stack: &mut Vec<String>,
    ) -> Result<(), SkycError> {
        self.origins.push(Origin {
            at: path.clone(),
            member: member.to_string(),
        });
        stack.push(key);
        let inner = Ctx {
            member,
            at_root: path,
            depth: ctx.depth + 1,
        };
        let res = self.walk(out, &Trail::Path(path), path.len(), &inner, stack);
        stack.pop();
        res
    }

    fn wrap_missing(&self, e: SkycError, ctx: &Ctx<'_>, path: &JsonPath, r: &str) -> SkycError {
        match e {
            SkycError::MissingMember { name, hint } => self.err(
                ctx,
                path,
                msg!(
                    "skyc-ref-missing-member",
                    r = format!("{r:?}"),
                    name = name,
                    hint = hint
                ),
            ),
            other => other,
        }
    }

    fn count(&mut self, n: u64, ctx: &Ctx<'_>, path: &JsonPath) -> Result<(), SkycError> {
        self.expanded = self.expanded.saturating_add(n);
        if self.expanded > self.limit {
            return Err(SkycError::TooLarge {
                member: ctx.member.to_string(),
                limit: self.limit,
                detail: msg!(
                    "skyc-detail-refs-expand",
                    path = path.skip(ctx.at_root.len()).message()
                ),
            });
        }
        Ok(())
    }

    fn read_member(&mut self, member: &str) -> Result<Vec<u8>, SkycError> {
        self.read_member_kind(member, MemberKind::Json)
    }

    fn read_asset(&mut self, member: &str) -> Result<Vec<u8>, SkycError> {
        self.read_member_kind(member, MemberKind::Asset)
    }

    fn read_member_kind(&mut self, member: &str, kind: MemberKind) -> Result<Vec<u8>, SkycError> {
        match self.archive.as_deref_mut() {
            Some(a) => a.read_kind(member, kind),
            None => Err(SkycError::MissingMember {
                name: member.to_string(),
                hint: msg!("skyc-hint-bare-no-refs"),
            }),
        }
    }

    /// The archive member a relative reference in `from` names, or why it is refused.
    fn member_path(&self, from: &str, file: &str) -> Result<String, Message> {
        if file.starts_with('/') || file.contains('\\') || file.contains(':') {
            return Err(msg!("skyc-ref-external"));
        }
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop(); // the referring file itself
        for seg in normalize(file).split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Err(msg!("skyc-ref-escapes"));
                    }
                }
                s => parts.push(s),
            }
        }
        Ok(parts.join("/"))
    }
}

/// Where a reference points: the reference as written, its file part (empty: the same
/// member), the member it names, the JSON pointer in it, and the key that detects cycles.
struct Target<'r> {
    r: &'r str,
    file: &'r str,
    member: String,
    pointer: &'r str,
    key: String,
}

/// Where the walk is: the member whose content is being walked, the path in the resolved
/// tree where that content starts, and how many references deep it is.
struct Ctx<'m> {
    member: &'m str,
    at_root: &'m JsonPath,
    depth: usize,
}

/// A path built only when needed: a chain of steps on the call stack.
enum Trail<'t> {
    Root,
    Path(&'t JsonPath),
    Key(&'t Trail<'t>, &'t str),
    Index(&'t Trail<'t>, usize),
}

impl Trail<'_> {
    fn to_path(&self) -> JsonPath {
        match self {
            Trail::Root => JsonPath::root(),
            Trail::Path(p) => (*p).clone(),
            Trail::Key(t, k) => t.to_path().key(k),
            Trail::Index(t, i) => t.to_path().index(*i),
        }
    }
}

/// Every `$ref` string in the value.
fn collect_refs<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Object(m) => {
            if let Some(r) = m.get("$ref") {
                out.push(r.as_str().unwrap_or_default());
            }
            m.values().for_each(|x| collect_refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

/// Rough size of a JSON value in bytes, for the expansion budget.
fn approx_size(v: &Value) -> u64 {
    match v {
        Value::Null | Value::Bool(_) => 4,
        Value::Number(_) => 8,
        Value::String(s) => s.len() as u64 + 2,
        Value::Array(a) => 2 + a.iter().map(|x| approx_size(x) + 1).sum::<u64>(),
        Value::Object(m) => {
            2 + m
                .iter()
                .map(|(k, x)| k.len() as u64 + 4 + approx_size(x))
                .sum::<u64>()
        }
    }
}
