//! `Archive`: the members of a `.skyc` ZIP, read on demand under the entry and
//! decompressed-size limits of [`ReadOptions`].

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use skyshow_i18n::{Message, msg};

use crate::{ReadOptions, SkycError};

/// An opened archive.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalised member name → entry index (first entry wins on duplicates).
    names: BTreeMap<String, usize>,
    /// JSON bytes that may still be decompressed.
    budget: u64,
    limit: u64,
    /// Binary (asset) bytes that may still be decompressed.
    asset_budget: u64,
    asset_limit: u64,
}

/// What kind of member is read: each kind has its own decompression budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MemberKind {
    /// `show.json` and the JSON it refers to.
    Json,
    /// A binary asset (audio).
    Asset,
}

/// A member name without leading `./` or `/`.
pub(crate) fn normalize(name: &str) -> &str {
    let mut n = name;
    loop {
        if let Some(r) = n.strip_prefix("./") {
            n = r;
        } else if let Some(r) = n.strip_prefix('/') {
            n = r;
        } else {
            return n;
        }
    }
}

fn not_zip_hint(bytes: &[u8]) -> Message {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') {
        msg!("skyc-hint-bare-json")
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        msg!("skyc-hint-gzip")
    } else if bytes.starts_with(b"skyb") {
        msg!("skyc-hint-skyb")
    } else if bytes.is_empty() {
        msg!("skyc-hint-empty")
    } else {
        msg!("skyc-hint-zip")
    }
}

/// `; the archive holds: a, b, c` (the first eight names).
pub(crate) fn holds_hint(names: &[&str]) -> Message {
    let list: Vec<&str> = names.iter().take(8).copied().collect();
    msg!("skyc-hint-archive-holds", names = list.join(", "))
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as a ZIP archive.
    pub(crate) fn open(bytes: &'a [u8], opts: &ReadOptions) -> Result<Self, SkycError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
            ZipError::InvalidArchive(_) | ZipError::Io(_) => {
                let looks_zip = bytes.starts_with(b"PK");
                if looks_zip {
                    SkycError::Zip(msg!("skyc-zip-truncated", why = e.to_string()))
                } else {
                    SkycError::NotZip {
                        reason: e.to_string(),
                        hint: not_zip_hint(bytes),
                    }
                }
            }
            other => SkycError::Zip(msg!("skyc-zip-other", why = other.to_string())),
        })?;
        if zip.len() > opts.max_entries {
            return Err(SkycError::TooManyEntries {
                count: zip.len(),
                max: opts.max_entries,
            });
        }
        let mut names = BTreeMap::new();
        for i in 0..zip.len() {
            if let Some(Ok(n)) = zip.name_for_index(i) {
                names.entry(normalize(&n).to_string()).or_insert(i);
            }
        }
        let limit = opts.max_uncompressed_bytes;
        Ok(Archive {
            zip,
            names,
            budget: limit,
            limit,
            asset_budget: opts.max_asset_bytes,
            asset_limit: opts.max_asset_bytes,
        })
    }

    /// True if the archive has a member of this (normalised) name.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }

    /// Every member name that is not a directory, in name order.
    pub(crate) fn file_names(&self) -> Vec<&str> {
        self.names
            .keys()
            .filter(|n| !n.ends_with('/'))
            .map(String::as_str)
            .collect()
    }

    /// Some member names, for hints.
    pub(crate) fn some_names(&self, n: usize) -> Vec<&str> {
        self.names.keys().take(n).map(String::as_str).collect()
    }

    /// The bytes of a JSON member, counted against the JSON decompression budget.
    pub(crate) fn read(&mut self, name: &str) -> Result<Vec<u8>, SkycError> {
        self.read_kind(name, MemberKind::Json)
    }

    /// The bytes of a member, counted against the decompression budget of its kind.
    pub(crate) fn read_kind(&mut self, name: &str, kind: MemberKind) -> Result<Vec<u8>, SkycError> {
        let Some(&idx) = self.names.get(name) else {
            return Err(SkycError::MissingMember {
                name: name.to_string(),
                hint: holds_hint(&self.some_names(8)),
            });
        };
        let (limit, budget) = match kind {
            MemberKind::Json => (self.limit, self.budget),
            MemberKind::Asset => (self.asset_limit, self.asset_budget),
        };
        let too_large = |detail: Message| SkycError::TooLarge {
            member: name.to_string(),
            limit,
            detail,
        };
        let mut file = self.zip.by_index(idx).map_err(|e| {
            SkycError::Zip(msg!("skyc-zip-member", member = name, why = e.to_string()))
        })?;
        if file.is_dir() {
            return Err(SkycError::MissingMember {
                name: name.to_string(),
                hint: msg!("skyc-hint-directory"),
            });
        }
        let declared = file.size();
        if declared > budget {
            return Err(too_large(msg!(
                "skyc-detail-declares",
                bytes = declared.to_string()
            )));
        }
        let mut out = Vec::with_capacity(declared.min(1 << 24) as usize);
        (&mut file)
            .take(budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| {
                SkycError::Zip(msg!("skyc-zip-member", member = name, why = e.to_string()))
            })?;
        if out.len() as u64 > budget {
            return Err(too_large(msg!("skyc-detail-inflates")));
        }
        match kind {
            MemberKind::Json => self.budget -= out.len() as u64,
            MemberKind::Asset => self.asset_budget -= out.len() as u64,
        }
        Ok(out)
    }
}
