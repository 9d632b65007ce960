//! `Move`: one stage of a transition, flown by the whole fleet.

use skyshow_model::{Segment, Vec3};

use crate::flight::Flight;
use crate::sync_move::{SyncMove, gather};

/// One stage of a transition: every drone from where it is to where the stage leaves it.
#[derive(Clone, Debug, PartialEq)]
pub enum Move {
    /// Straight lines, synchronised or staggered ([`SyncMove`]).
    Straight(SyncMove),
    /// Each drone's own flight: legs that may overlap, detours, layers in depth.
    Flights(FlightMove),
}

/// A stage where every drone flies its own [`Flight`].
#[derive(Clone, Debug, PartialEq)]
pub struct FlightMove {
    /// The flight of each drone, from the stage's start.
    pub flights: Vec<Flight>,
}

impl FlightMove {
    /// Duration, ms: the latest arrival.
    pub fn duration_ms(&self) -> i64 {
        FlightMove::duration_of(&self.flights)
    }

    /// The latest arrival of `flights`, ms.
    pub(crate) fn duration_of(flights: &[Flight]) -> i64 {
        flights.iter().map(Flight::arrival_ms).max().unwrap_or(0)
    }
}

impl Move {
    /// When drone `i` starts moving, ms after the stage starts.
    pub fn delay(&self, i: usize) -> i64 {
        match self {
            Move::Straight(m) => m.delay(i),
            Move::Flights(m) => m.flights[i].departure_ms(),
        }
    }

    /// The flight of drone `i` as Bézier segments when the stage starts at `t0_ms`, from
    /// its departure to its arrival (it holds still before and after).
    pub fn segments_of(&self, i: usize, t0_ms: i64) -> Vec<Segment> {
        match self {
            Move::Straight(m) => m.segments_of(i, t0_ms),
            Move::Flights(m) => m.flights[i].segments(t0_ms),
        }
    }

    /// Duration of the stage, ms.
    pub fn duration_ms(&self) -> i64 {
        match self {
            Move::Straight(m) => m.duration_ms(),
            Move::Flights(m) => m.duration_ms(),
        }
    }

    /// Where drone `i` starts.
    pub fn start(&self, i: usize) -> Vec3 {
        match self {
            Move::Straight(m) => m.from[i],
            Move::Flights(m) => m.flights[i].from,
        }
    }

    /// Where drone `i` ends.
    pub fn end(&self, i: usize) -> Vec3 {
        match self {
            Move::Straight(m) => m.to[i],
            Move::Flights(m) => m.flights[i].to,
        }
    }

    /// Number of drones.
    pub fn len(&self) -> usize {
        match self {
            Move::Straight(m) => m.from.len(),
            Move::Flights(m) => m.flights.len(),
        }
    }

    /// The same stage with its drones in another order: drone `i` of the result is drone
    /// `src[i]` of this one (`src` a permutation).
    pub fn reordered(&self, src: &[usize]) -> Move {
        match self {
            Move::Straight(m) => Move::Straight(m.reordered(src)),
            Move::Flights(m) => Move::Flights(FlightMove {
                flights: gather(&m.flights, src),
            }),
        }
    }

    /// Whether the stage has no drones.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
