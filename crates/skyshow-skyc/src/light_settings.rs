//! `settings.lights` (`{"version": 1, "data": "<base64>"}`) to a decoded [`LightProgram`].
//! Problems never stop the read: they become findings and the drone gets an empty (dark)
//! program.

use std::collections::BTreeMap;

use serde_json::Value;
use skyshow_i18n::msg;
use skyshow_model::LightProgram;

use crate::json_path::JsonPath;
use crate::show_reader::{ShowReader, describe, field};
use crate::{LightDecodeOptions, decode_light_program_detailed};

impl ShowReader<'_> {
    /// The light program of drone `i`, decoded up to `until_s`.
    pub(crate) fn lights(
        &mut self,
        i: usize,
        v: Option<&Value>,
        path: &JsonPath,
        assets: &BTreeMap<String, Vec<u8>>,
        until_s: f64,
    ) -> LightProgram {
        let Some(v) = v else {
            self.finding(Some(i), "missing_lights", path, msg!("skyc-lights-missing"));
            return LightProgram {
                steps: Vec::new(),
                bytecode: vec![0],
            };
        };
        let Some(o) = v.as_object() else {
            self.finding(
                Some(i),
                "lights_invalid",
                path,
                msg!(
                    "skyc-expected-found",
                    shape = r#"{"version": 1, "data": ...}"#,
                    found = describe(v)
                ),
            );
            return LightProgram::default();
        };
        match field(o, "version") {
            Some(x) if x.as_f64() == Some(1.0) => {}
            other => {
                let found = other.map_or_else(|| msg!("skyc-nothing"), describe);
                self.finding(
                    Some(i),
                    "lights_version",
                    &path.key("version"),
                    msg!("skyc-lights-version", found = found),
                );
                return LightProgram::default();
            }
        }
        let bytes = match field(o, "data").map(|d| Self::data_bytes(d, assets)) {
            Some(Ok(b)) => b,
            Some(Err(e)) => {
                self.finding(
                    Some(i),
                    "lights_invalid",
                    &path.key("data"),
                    msg!("skyc-lights-ignored", why = e),
                );
                return LightProgram::default();
            }
            None => {
                self.finding(
                    Some(i),
                    "lights_invalid",
                    &path.key("data"),
                    msg!("skyc-lights-data-missing"),
                );
                return LightProgram::default();
            }
        };
        let opts = LightDecodeOptions {
            until_s,
            ..LightDecodeOptions::DEFAULT
        };
        match decode_light_program_detailed(&bytes, &opts) {
            Ok(d) => {
                if !d.ended && !d.truncated {
                    self.finding(
                        Some(i),
                        "lights_no_end",
                        &path.key("data"),
                        msg!("skyc-lights-no-end"),
                    );
                }
                d.program
            }
            Err(e) => {
                self.finding(
                    Some(i),
                    "lights_undecodable",
                    &path.key("data"),
                    msg!("skyc-lights-ignored", why = e.message()),
                );
                LightProgram::default()
            }
        }
    }
}
