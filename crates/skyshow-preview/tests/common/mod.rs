//! Helpers shared by the integration tests: a DevTools-protocol client for headless
//! Chromium and synthetic shows.
#![allow(dead_code)]

pub(crate) mod cdp;
pub(crate) mod synthetic;
