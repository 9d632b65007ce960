//! Assignment of drones to formation points (being written; see ARCHITECTURE.md).
