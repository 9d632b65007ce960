//! Criterion benchmarks of the assignment solvers (filled in by the next commit).

fn main() {}
