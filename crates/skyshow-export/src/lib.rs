//! Export: the files a built show is delivered as.
//!
//! Every function here returns bytes; writing them (atomically) is the CLI's job. Outputs
//! are deterministic: the same show gives byte-identical files (fixed member order, fixed
//! zip timestamps, numbers at fixed precision).

mod csv;
mod json;
mod pyro_section;
mod report;
mod skyc;
mod vviz;
mod zipper;

pub use csv::{CsvOptions, write_drone_csv_zip};
pub use pyro_section::{PyroSection, PyroViolation};
pub use report::{FormatRow, FormationRow, Report, ReportShow, TransitionRow, write_report_json};
pub use skyc::{SkycMeta, write_skyc};
pub use vviz::{VvizOptions, write_vviz};
