//! Placeholder until the stage lands; see ARCHITECTURE.md.
