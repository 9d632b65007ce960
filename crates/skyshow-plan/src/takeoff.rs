//! Takeoff: a ground hold, then a vertical climb in layers with staggered departures.
//!
//! If the takeoff grid is denser than √2 × the minimum distance, the grid is split into
//! interleaved sub-grids (every k-th row and column); each climbs to its own layer. The
//! highest layer leaves first, and each next layer leaves once the previous is a layer
//! height above it, so climbing layers stay a layer height apart. In the air, the lifted
//! fleet is spaced ≥ √2 × the minimum distance, which the first transition (CAPT) needs.

use skyshow_model::{Limits, TakeoffDesign, TakeoffGrid, Vec3};

use crate::options::PlanOptions;
use crate::profile::{Profile, rate_limits};

/// The takeoff of every drone.
#[derive(Clone, Debug, PartialEq)]
pub struct Takeoff {
    /// Where each drone is when the climb is over.
    pub lift: Vec<Vec3>,
    /// When each drone leaves the ground, milliseconds.
    pub depart_ms: Vec<i64>,
    /// Each drone's climb.
    pub climb: Vec<Profile>,
    /// When every drone has arrived, milliseconds.
    pub end_ms: i64,
    /// Number of layers.
    pub layers: usize,
}

/// Layer index of each slot (0 = highest layer) and the number of layers, so that slots
/// in one layer are at least `need` metres apart.
pub(crate) fn layer_of_slots(grid: &TakeoffGrid, n: usize, need: f64) -> (Vec<usize>, usize) {
    let kr = if grid.rows > 1 && grid.row_spacing_m > 0.0 {
        (need / grid.row_spacing_m).ceil().max(1.0) as usize
    } else {
        1
    };
    let kc = if grid.columns > 1 && grid.column_spacing_m > 0.0 {
        (need / grid.column_spacing_m).ceil().max(1.0) as usize
    } else {
        1
    };
    let kr = kr.min(grid.rows.max(1));
    let kc = kc.min(grid.columns.max(1));
    let layers: Vec<usize> = (0..n)
        .map(|i| {
            let (r, c) = grid.row_col(i);
            (r % kr) * kc + (c % kc)
        })
        .collect();
    (layers, kr * kc)
}

/// Altitude of layer `g` of `count` (0 = highest).
pub(crate) fn layer_altitude(base: f64, step: f64, g: usize, count: usize) -> f64 {
    base + (count - 1 - g) as f64 * step
}

/// Plans the takeoff of drones standing at `homes` (slots of `grid`).
pub fn plan_takeoff(
    homes: &[Vec3],
    grid: &TakeoffGrid,
    design: &TakeoffDesign,
    limits: &Limits,
    opts: &PlanOptions,
) -> Takeoff {
    let d = limits.min_distance_m;
    let need = std::f64::consts::SQRT_2 * d * opts.expand_margin;
    let (layer, count) = layer_of_slots(grid, homes.len(), need);
    let step = (opts.layer_factor * d).max(need);
    let hold_ms = (design.ground_hold_s * 1000.0).round() as i64;
    let v = limits.max_speed_up_m_s * opts.headroom;
    let stagger_ms = ((step / v) * 1000.0).ceil() as i64;
    let mut lift = Vec::with_capacity(homes.len());
    let mut depart_ms = Vec::with_capacity(homes.len());
    let mut climb = Vec::with_capacity(homes.len());
    let mut end_ms = hold_ms;
    for (i, h) in homes.iter().enumerate() {
        let g = layer[i];
        let alt = layer_altitude(design.altitude_m, step, g, count);
        let (rv, ra) = rate_limits(Vec3::new(0.0, 0.0, alt), limits, opts.headroom);
        let p = Profile::fastest(rv, ra, 0);
        let dep = hold_ms + g as i64 * stagger_ms;
        end_ms = end_ms.max(dep + p.total_ms);
        lift.push(Vec3::new(h.x, h.y, alt));
        depart_ms.push(dep);
        climb.push(p);
    }
    Takeoff {
        lift,
        depart_ms,
        climb,
        end_ms,
        layers: count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_grid_gets_layers_spaced_for_capt() {
        let grid = TakeoffGrid {
            rows: 10,
            columns: 10,
            row_spacing_m: 2.0,
            column_spacing_m: 2.0,
            center: Vec3::ZERO,
        };
        let homes: Vec<Vec3> = (0..100).map(|i| grid.slot(i)).collect();
        let t = plan_takeoff(
            &homes,
            &grid,
            &TakeoffDesign::default(),
            &Limits::DEFAULT,
            &PlanOptions::DEFAULT,
        );
        // 2 m grid, need 3·√2·1.02 = 4.33 m → every 3rd row and column → 9 layers.
        assert_eq!(t.layers, 9);
        let (s, _, _) = skyshow_formations::min_spacing(&t.lift).unwrap();
        assert!(s >= 3.0 * std::f64::consts::SQRT_2, "lift spacing {s}");
        assert!(t.end_ms > 5000);
    }

    #[test]
    fn sparse_grid_climbs_in_one_layer() {
        let grid = TakeoffGrid {
            rows: 4,
            columns: 4,
            row_spacing_m: 5.0,
            column_spacing_m: 5.0,
            center: Vec3::ZERO,
        };
        let homes: Vec<Vec3> = (0..16).map(|i| grid.slot(i)).collect();
        let t = plan_takeoff(
            &homes,
            &grid,
            &TakeoffDesign::default(),
            &Limits::DEFAULT,
            &PlanOptions::DEFAULT,
        );
        assert_eq!(t.layers, 1);
        assert!(t.depart_ms.iter().all(|&d| d == 5000));
    }
}
