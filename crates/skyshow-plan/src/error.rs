//! `PlanError`: why a show cannot be planned, naming the formations involved.

/// Why planning failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// A formation could not be built.
    #[error(transparent)]
    Formation(#[from] skyshow_formations::FormationError),
    /// A formation's motion cannot be flown.
    #[error(transparent)]
    Motion(#[from] crate::motion::MotionError),
    /// A formation's requested start leaves too little time for the transition into it.
    #[error(
        "formation `{to}` starts at {start}, but the transition from `{from}` needs {needed_s:.1} s after `{from}` ends at {prev_end}"
    )]
    TooEarly {
        /// Previous formation (or `takeoff`).
        from: String,
        /// This formation.
        to: String,
        /// Requested start, `m:ss.mmm`.
        start: String,
        /// End of the previous formation, `m:ss.mmm`.
        prev_end: String,
        /// Transition time needed, seconds.
        needed_s: f64,
        /// Earliest possible start, `m:ss.mmm`.
        earliest: String,
    },
    /// Two formations cannot be joined safely.
    #[error("cannot join `{from}` and `{to}` safely: {why}")]
    CannotJoin {
        /// From.
        from: String,
        /// To.
        to: String,
        /// Why.
        why: String,
    },
    /// A hold in beats or bars does not fit the music's beats from where it starts.
    #[error(
        "formation `{formation}`: `hold = \"{length}\"` from {start} does not fit the music's beats (first beat {first_beat}, the beat grid ends at {grid_end})"
    )]
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
    #[error(
        "formation `{formation}`: `hold = \"{length}\"` counts beats but the show has no `[music]`"
    )]
    HoldWithoutMusic {
        /// The formation.
        formation: String,
        /// The hold as written.
        length: String,
    },
    /// The flight is longer than the battery allows.
    #[error("drones fly {flight_s:.0} s, {over_s:.0} s longer than the battery's {battery_s:.0} s")]
    Battery {
        /// Longest flight, seconds.
        flight_s: f64,
        /// Battery endurance, seconds.
        battery_s: f64,
        /// By how much, seconds.
        over_s: f64,
    },
    /// Landing could not be scheduled.
    #[error("cannot plan the landing: {why}")]
    Landing {
        /// Why.
        why: String,
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
            PlanError::TooEarly { to, .. } | PlanError::CannotJoin { to, .. } => Some(to),
            PlanError::MusicalHold { formation, .. }
            | PlanError::HoldWithoutMusic { formation, .. } => Some(formation),
            _ => None,
        }
    }

    /// A hint for the user.
    pub fn hint(&self) -> String {
        match self {
            PlanError::Formation(e) => e.hint(),
            PlanError::Motion(e) => e.hint().to_string(),
            PlanError::TooEarly { earliest, .. } => {
                format!("start it at {earliest} or later, shorten the previous hold, or leave `start` out to start as soon as possible")
            }
            PlanError::CannotJoin { .. } => {
                "space the formations further apart, raise `max_altitude_m`, or move them away from the ground".into()
            }
            PlanError::Battery { over_s, .. } => {
                format!("shorten the show by {over_s:.0} s (holds or formations), or raise `limits.battery_s` if the drones allow")
            }
            PlanError::Landing { .. } => "space the last formation further from the takeoff grid".into(),
            PlanError::MusicalHold { .. } => {
                "shorten the hold, move the formation earlier, or give the hold in seconds".into()
            }
            PlanError::HoldWithoutMusic { .. } => {
                "add `[music]` with the soundtrack, or give the hold in seconds".into()
            }
        }
    }
}

/// `m:ss.mmm` for messages.
pub fn clock(ms: i64) -> String {
    let s = ms.max(0);
    format!("{}:{:02}.{:03}", s / 60_000, (s / 1000) % 60, s % 1000)
}
