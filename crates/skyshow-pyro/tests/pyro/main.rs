//! Integration tests of skyshow-pyro: one test binary, grouped by topic.

mod errors;
mod exports;
mod fixture;
mod parse;
mod safety;
mod script;
