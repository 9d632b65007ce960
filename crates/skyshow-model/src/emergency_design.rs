//! `EmergencyDesign`: the show file's `[emergency]` options for the return-to-home plan
//! written to the `.skyc` (`settings.rthPlan`).

/// How the emergency return is planned and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmergencyDesign {
    /// Whether `build` plans and writes a return-to-home plan. Default false: planning
    /// it costs several times the rest of the build for a 600-drone, 15-minute show.
    pub enabled: bool,
    /// Seconds between entries (whole seconds, as Skybrush keys them), at least 1. Each
    /// entry is proven for a trigger anywhere in its interval. Default 1.
    pub interval_s: u32,
    /// Most bytes the plan may take in `show.skyc`'s JSON, all drones together. When
    /// entries every `interval_s` would take more, the interval is made as much longer as
    /// it needs (with a warning). Default 128 MiB.
    pub max_plan_bytes: u64,
}

impl EmergencyDesign {
    /// The defaults.
    pub const DEFAULT: EmergencyDesign = EmergencyDesign {
        enabled: false,
        interval_s: 1,
        max_plan_bytes: 128 << 20,
    };
}

impl Default for EmergencyDesign {
    fn default() -> Self {
        EmergencyDesign::DEFAULT
    }
}
