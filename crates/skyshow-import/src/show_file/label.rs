//! `Label`: the words under the underlined span of a show-file error ("this value",
//! "second one", …), each a message id of `show-file.ftl`.

use skyshow_i18n::{Message, msg};

/// What the underlined span of an error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Label {
    /// "this value"
    Value,
    /// "this file"
    File,
    /// "this key"
    Key,
    /// "this shape"
    Shape,
    /// "here"
    Here,
    /// "this effect"
    Effect,
    /// "second one"
    SecondOne,
    /// "this pattern"
    Pattern,
    /// "this list"
    List,
    /// "in this list"
    InList,
    /// "this length"
    Length,
    /// "this time"
    Time,
    /// "this name"
    Name,
    /// "this grid"
    Grid,
    /// "this chapter"
    Chapter,
    /// "this axis"
    Axis,
    /// "in this file"
    InFile,
    /// "this title"
    Title,
    /// "second colouring"
    SecondColouring,
    /// "this count"
    Count,
    /// "this font"
    Font,
    /// "this end"
    End,
    /// "empty name"
    EmptyName,
    /// "empty"
    Empty,
    /// "empty kind"
    EmptyKind,
    /// "empty label"
    EmptyLabelText,
    /// "this kind"
    Kind,
    /// "these fireworks"
    Fireworks,
    /// "these modules"
    Modules,
    /// "these racks"
    Racks,
    /// "these positions"
    Positions,
    /// "these taps"
    Taps,
    /// "this motion"
    Motion,
    /// "second angle"
    SecondAngle,
    /// "second path"
    SecondPath,
    /// "this path"
    Path,
    /// "this offset"
    Offset,
    /// "not used by this motion"
    NotUsedByMotion,
    /// "not used by this shape"
    NotUsedByShape,
    /// "this frame"
    Frame,
    /// "this mode"
    Mode,
}

impl Label {
    /// The label as a message.
    pub(super) fn message(self) -> Message {
        match self {
            Label::Value => msg!("show-file-label-value"),
            Label::File => msg!("show-file-label-file"),
            Label::Key => msg!("show-file-label-key"),
            Label::Shape => msg!("show-file-label-shape"),
            Label::Here => msg!("show-file-label-here"),
            Label::Effect => msg!("show-file-label-effect"),
            Label::SecondOne => msg!("show-file-label-second-one"),
            Label::Pattern => msg!("show-file-label-pattern"),
            Label::List => msg!("show-file-label-list"),
            Label::InList => msg!("show-file-label-in-list"),
            Label::Length => msg!("show-file-label-length"),
            Label::Time => msg!("show-file-label-time"),
            Label::Name => msg!("show-file-label-name"),
            Label::Grid => msg!("show-file-label-grid"),
            Label::Chapter => msg!("show-file-label-chapter"),
            Label::Axis => msg!("show-file-label-axis"),
            Label::InFile => msg!("show-file-label-in-file"),
            Label::Title => msg!("show-file-label-title"),
            Label::SecondColouring => msg!("show-file-label-second-colouring"),
            Label::Count => msg!("show-file-label-count"),
            Label::Font => msg!("show-file-label-font"),
            Label::End => msg!("show-file-label-end"),
            Label::EmptyName => msg!("show-file-label-empty-name"),
            Label::Empty => msg!("show-file-label-empty"),
            Label::EmptyKind => msg!("show-file-label-empty-kind"),
            Label::EmptyLabelText => msg!("show-file-label-empty-label"),
            Label::Kind => msg!("show-file-label-kind"),
            Label::Fireworks => msg!("show-file-label-fireworks"),
            Label::Modules => msg!("show-file-label-modules"),
            Label::Racks => msg!("show-file-label-racks"),
            Label::Positions => msg!("show-file-label-positions"),
            Label::Taps => msg!("show-file-label-taps"),
            Label::Motion => msg!("show-file-label-motion"),
            Label::SecondAngle => msg!("show-file-label-second-angle"),
            Label::SecondPath => msg!("show-file-label-second-path"),
            Label::Path => msg!("show-file-label-path"),
            Label::Offset => msg!("show-file-label-offset"),
            Label::NotUsedByMotion => msg!("show-file-label-not-used-by-motion"),
            Label::NotUsedByShape => msg!("show-file-label-not-used-by-shape"),
            Label::Frame => msg!("show-file-label-frame"),
            Label::Mode => msg!("show-file-label-mode"),
        }
    }
}
