//! Export: the files a built show is delivered as.
//!
//! Every function here returns bytes, or streams them to a writer the caller gives (the bulk
//! exports: CSV zip, VVIZ, `.skyc`, made in parallel and written in order); opening files and
//! writing them atomically is the CLI's job. Outputs
//! are deterministic: the same show gives byte-identical files (fixed member order, fixed
//! zip timestamps, numbers at fixed precision).

mod csv;
mod emergency_section;
mod fixed;
mod json;
mod pyro_section;
mod report;
mod report_motion;
mod rth_json;
mod skyc;
mod vviz;
mod zipper;

pub use csv::{CsvOptions, write_drone_csv_zip, write_drone_csv_zip_to};
pub use emergency_section::EmergencySection;
pub use pyro_section::{PyroSection, PyroViolation};
pub use report::{
    FormatRow, FormationRow, Report, ReportShow, TransitionRow, WarningRow, write_report_json,
};
pub use report_motion::MotionRow;
pub use rth_json::{rth_interval_s, rth_plans_max_bytes};
pub use skyc::{SkycMeta, SkycWriter, write_skyc};
pub use vviz::{VvizOptions, write_vviz, write_vviz_to};
