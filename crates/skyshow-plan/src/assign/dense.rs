//! Dense Jonker–Volgenant solver (LAPJV, Jonker & Volgenant 1987) on a full `n × n` cost
//! matrix: column reduction, reduction transfer, two rounds of augmenting row reduction,
//! then one shortest augmenting path (Dijkstra on reduced costs) per remaining free row.
//! Used for small instances and for the coarsest level of the multiscale solver.

/// Marker for "no row / no column".
const NONE: usize = usize::MAX;

/// Solution of a dense assignment problem.
pub(crate) struct DenseSolution {
    /// Column assigned to each row.
    pub(crate) x: Vec<usize>,
    /// Column duals; the row duals are `u_i = c[i][x_i] − v[x_i]`.
    pub(crate) v: Vec<f64>,
}

/// Solve the square assignment problem with row-major costs `c` (`n * n` finite values).
pub(crate) fn solve(n: usize, c: &[f64]) -> DenseSolution {
    debug_assert_eq!(c.len(), n * n);
    if n == 0 {
        return DenseSolution {
            x: Vec::new(),
            v: Vec::new(),
        };
    }
    if n == 1 {
        return DenseSolution {
            x: vec![0],
            v: vec![c[0]],
        };
    }
    let row = |i: usize| &c[i * n..(i + 1) * n];
    let mut x = vec![NONE; n];
    let mut y = vec![NONE; n];
    let mut v = vec![0.0; n];

    // Column reduction, last column first (as in LAPJV).
    let mut matches = vec![0u32; n];
    for j in (0..n).rev() {
        let mut imin = 0;
        let mut min = c[j];
        for i in 1..n {
            let h = c[i * n + j];
            if h < min {
                min = h;
                imin = i;
            }
        }
        v[j] = min;
        matches[imin] += 1;
        if matches[imin] == 1 {
            x[imin] = j;
            y[j] = imin;
        } else {
            // The row keeps its first (highest-index) column; this one stays free.
            y[j] = NONE;
        }
    }
    // Rows that got several columns in the reduction keep only the one in x; the others
    // were left unassigned above, so y and x agree.
    for j in 0..n {
        if y[j] != NONE && x[y[j]] != j {
            y[j] = NONE;
        }
    }

    // Reduction transfer from rows assigned once.
    let mut free = Vec::with_capacity(n);
    for i in 0..n {
        if matches[i] == 0 {
            free.push(i);
        } else if matches[i] == 1 {
            let j1 = x[i];
            let r = row(i);
            let mut min = f64::INFINITY;
            for j in 0..n {
                if j != j1 {
                    let h = r[j] - v[j];
                    if h < min {
                        min = h;
                    }
                }
            }
            // Make the row's best alternative exactly as good as its own column.
            v[j1] -= min - (r[j1] - v[j1]);
        }
    }

    // Augmenting row reduction, two rounds.
    let budget_per_round = 16 * n + 64;
    for _ in 0..2 {
        let mut k = 0;
        let prv = free.len();
        let mut next_free = Vec::with_capacity(prv);
        let mut steps = 0usize;
        while k < prv {
            let i = free[k];
            k += 1;
            steps += 1;
            if steps > budget_per_round {
                next_free.push(i);
                continue;
            }
            let r = row(i);
            let mut umin = r[0] - v[0];
            let mut j1 = 0;
            let mut usubmin = f64::INFINITY;
            let mut j2 = NONE;
            for j in 1..n {
                let h = r[j] - v[j];
                if h < usubmin {
                    if h >= umin {
                        usubmin = h;
                        j2 = j;
                    } else {
                        usubmin = umin;
                        umin = h;
                        j2 = j1;
                        j1 = j;
                    }
                }
            }
            let mut i0 = y[j1];
            if umin < usubmin {
                v[j1] -= usubmin - umin;
            } else if i0 != NONE && j2 != NONE {
                j1 = j2;
                i0 = y[j2];
            }
            if i0 != NONE {
                x[i0] = NONE;
            }
            x[i] = j1;
            y[j1] = i;
            if i0 != NONE {
                if umin < usubmin {
                    k -= 1;
                    free[k] = i0;
                } else {
                    next_free.push(i0);
                }
            }
        }
        free = next_free;
    }

    // Augmentation: one shortest augmenting path per free row.
    let mut d = vec![0.0; n];
    let mut pred = vec![0usize; n];
    let mut collist: Vec<usize> = (0..n).collect();
    for &f in &free {
        let rf = row(f);
        for j in 0..n {
            d[j] = rf[j] - v[j];
            pred[j] = f;
            collist[j] = j;
        }
        let mut low = 0;
        let mut up = 0;
        let mut last = 0;
        let mut min = 0.0;
        let mut endofpath;
        'search: loop {
            if up == low {
                // Collect the columns at the new minimum distance.
                last = low;
                min = d[collist[up]];
                up += 1;
                let mut k = up;
                while k < n {
                    let j = collist[k];
                    let h = d[j];
                    if h <= min {
                        if h < min {
                            up = low;
                            min = h;
                        }
                        collist[k] = collist[up];
                        collist[up] = j;
                        up += 1;
                    }
                    k += 1;
                }
                for &j in &collist[low..up] {
                    if y[j] == NONE {
                        endofpath = j;
                        break 'search;
                    }
                }
            }
            // Scan one column at the minimum distance.
            let j1 = collist[low];
            low += 1;
            let i = y[j1];
            let ri = row(i);
            let u1 = ri[j1] - v[j1] - min;
            let mut k = up;
            while k < n {
                let j = collist[k];
                let v2 = ri[j] - v[j] - u1;
                if v2 < d[j] {
                    pred[j] = i;
                    if v2 == min {
                        if y[j] == NONE {
                            endofpath = j;
                            break 'search;
                        }
                        collist[k] = collist[up];
                        collist[up] = j;
                        up += 1;
                    }
                    d[j] = v2;
                }
                k += 1;
            }
        }
        // Update the duals of the columns scanned before the last minimum.
        for &j in &collist[..last] {
            v[j] += d[j] - min;
        }
        // Augment along the path.
        loop {
            let i = pred[endofpath];
            y[endofpath] = i;
            std::mem::swap(&mut endofpath, &mut x[i]);
            if i == f {
                break;
            }
        }
    }
    DenseSolution { x, v }
}
