//! `PlanError`: why a show cannot be planned, naming the formations involved.

use skyshow_i18n::{Message, msg};

/// Why planning failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// A formation could not be built.
    #[error(transparent)]
    Formation(#[from] skyshow_formations::FormationError),
    /// A formation's motion cannot be flown.
    #[error(transparent)]
    Motion(#[from] crate::motion::MotionError),
    /// Formations asked to start before the transitions into them can be flown: every
    /// one in the show, each with its fixes (planning went on as if each fix were applied).
    #[error("{}", conflicts_message(.conflicts))]
    Conflicts {
        /// The conflicts in show order.
        conflicts: Vec<crate::conflict::Conflict>,
        /// The error that stopped planning after the conflicts, if any.
        then: Option<Box<PlanError>>,
    },
    /// `start = "next bar"` / `"next beat"` after the music's last bar or beat.
    #[error("{}", no_grid_message(.formation, .unit, .earliest, .grid_end))]
    NoGridLeft {
        /// The formation.
        formation: String,
        /// `bar` or `beat`.
        unit: &'static str,
        /// The earliest start the transition allows, `m:ss.mmm`.
        earliest: String,
        /// One beat after the music's last beat, `m:ss.mmm`.
        grid_end: String,
    },
    /// Two formations cannot be joined safely.
    #[error("{}", cannot_join_message(.from, .to, .why))]
    CannotJoin {
        /// From.
        from: String,
        /// To.
        to: String,
        /// Why.
        why: Message,
    },
    /// A hold in beats or bars does not fit the music's beats from where it starts.
    #[error("{}", musical_hold_message(.formation, .length, .start, .first_beat, .grid_end))]
    MusicalHold {
        /// The formation.
        formation: String,
        /// The hold as written (`8 bars`).
        length: String,
        /// When the formation is in place, `m:ss.mmm`.
        start: String,
        /// The music's first beat, `m:ss.mmm`.
        first_beat: String,
        /// One beat after the music's last beat, `m:ss.mmm`.
        grid_end: String,
    },
    /// A hold in beats or bars in a show without music.
    #[error("{}", hold_without_music_message(.formation, .length))]
    HoldWithoutMusic {
        /// The formation.
        formation: String,
        /// The hold as written.
        length: String,
    },
    /// The flight is longer than the battery allows.
    #[error("{}", battery_message(*.flight_s, *.over_s, *.battery_s))]
    Battery {
        /// Longest flight, seconds.
        flight_s: f64,
        /// Battery endurance, seconds.
        battery_s: f64,
        /// By how much, seconds.
        over_s: f64,
    },
    /// Landing could not be scheduled.
    #[error("{}", landing_message(.why))]
    Landing {
        /// Why.
        why: Message,
    },
}

impl PlanError {
    /// The show-file formation an error points at, if any.
    pub fn formation(&self) -> Option<&str> {
        match self {
            PlanError::Formation(e) => match e {
                skyshow_formations::FormationError::TooDense { name, .. }
                | skyshow_formations::FormationError::TooManyPoints { name, .. }
                | skyshow_formations::FormationError::Sequence { name, .. }
                | skyshow_formations::FormationError::Empty { name, .. }
                | skyshow_formations::FormationError::Altitude { name, .. } => Some(name),
            },
            PlanError::Motion(e) => Some(e.formation()),
            PlanError::Conflicts { conflicts, .. } => conflicts.first().map(|c| c.to.as_str()),
            PlanError::CannotJoin { to, .. } => Some(to),
            PlanError::NoGridLeft { formation, .. } => Some(formation),
            PlanError::MusicalHold { formation, .. }
            | PlanError::HoldWithoutMusic { formation, .. } => Some(formation),
            _ => None,
        }
    }

    /// A hint for the user.
    pub fn hint(&self) -> Message {
        match self {
            PlanError::Formation(e) => e.hint_message(),
            PlanError::Motion(e) => e.hint().clone(),
            PlanError::Conflicts { conflicts, .. } => conflicts
                .first()
                .map_or_else(|| Message::verbatim(""), |c| c.hint()),
            PlanError::NoGridLeft { .. } => msg!("plan-no-grid-left-hint"),
            PlanError::CannotJoin { .. } => msg!("plan-cannot-join-hint"),
            PlanError::Battery { over_s, .. } => {
                msg!("plan-battery-hint", over = format!("{over_s:.0}"))
            }
            PlanError::Landing { .. } => msg!("plan-landing-hint"),
            PlanError::MusicalHold { .. } => msg!("plan-musical-hold-hint"),
            PlanError::HoldWithoutMusic { .. } => msg!("plan-hold-without-music-hint"),
        }
    }
}

fn conflicts_message(conflicts: &[crate::conflict::Conflict]) -> Message {
    match conflicts {
        [one] => one.message(),
        _ => msg!("plan-conflicts", count = conflicts.len()),
    }
}

fn no_grid_message(formation: &str, unit: &str, earliest: &str, grid_end: &str) -> Message {
    msg!(
        "plan-no-grid-left",
        formation = formation,
        unit = unit,
        earliest = earliest,
        grid_end = grid_end
    )
}

fn cannot_join_message(from: &str, to: &str, why: &Message) -> Message {
    msg!("plan-cannot-join", from = from, to = to, why = why.clone())
}

fn musical_hold_message(
    formation: &str,
    length: &str,
    start: &str,
    first_beat: &str,
    grid_end: &str,
) -> Message {
    msg!(
        "plan-musical-hold",
        formation = formation,
        length = length,
        start = start,
        first_beat = first_beat,
        grid_end = grid_end
    )
}

fn hold_without_music_message(formation: &str, length: &str) -> Message {
    msg!(
        "plan-hold-without-music",
        formation = formation,
        length = length
    )
}

fn landing_message(why: &Message) -> Message {
    msg!("plan-landing", why = why.clone())
}

fn battery_message(flight_s: f64, over_s: f64, battery_s: f64) -> Message {
    msg!(
        "plan-battery",
        flight = format!("{flight_s:.0}"),
        over = format!("{over_s:.0}"),
        battery = format!("{battery_s:.0}")
    )
}

/// `m:ss.mmm` for messages.
pub fn clock(ms: i64) -> String {
    let s = ms.max(0);
    format!("{}:{:02}.{:03}", s / 60_000, (s / 1000) % 60, s % 1000)
}
