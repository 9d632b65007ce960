//! Integration tests of skyshow-pyro: one test binary, grouped by topic.

mod errors;
mod fixture;
mod script;
