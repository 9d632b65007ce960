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
    let mut lap = Lapjv {
        n,
        c,
        x: vec![NONE; n],
        y: vec![NONE; n],
        v: vec![0.0; n],
    };
    let matches = lap.column_reduction();
    let mut free = lap.reduction_transfer(&matches);
    for _ in 0..2 {
        free = lap.augmenting_row_reduction(&mut free);
    }
    lap.augment(&free);
    DenseSolution { x: lap.x, v: lap.v }
}

/// The solver's state between its phases: the costs, the assignment both ways and the
/// column duals.
struct Lapjv<'a> {
    n: usize,
    /// Row-major costs.
    c: &'a [f64],
    /// Column of each row (`NONE`: free).
    x: Vec<usize>,
    /// Row of each column (`NONE`: free).
    y: Vec<usize>,
    /// Column duals.
    v: Vec<f64>,
}

impl Lapjv<'_> {
    fn row(&self, i: usize) -> &[f64] {
        &self.c[i * self.n..(i + 1) * self.n]
    }

    /// Column reduction, last column first (as in LAPJV): each column's dual is its
    /// smallest cost, and a row takes the first (highest-index) column it is smallest in.
    /// Returns how many columns each row was smallest in.
    fn column_reduction(&mut self) -> Vec<u32> {
        let (n, c) = (self.n, self.c);
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
            self.v[j] = min;
            matches[imin] += 1;
            if matches[imin] == 1 {
                self.x[imin] = j;
                self.y[j] = imin;
            } else {
                // The row keeps its first (highest-index) column; this one stays free.
                self.y[j] = NONE;
            }
        }
        // Rows that got several columns in the reduction keep only the one in x; the others
        // were left unassigned above, so y and x agree.
        for j in 0..n {
            if self.y[j] != NONE && self.x[self.y[j]] != j {
                self.y[j] = NONE;
            }
        }
        matches
    }

    /// Reduction transfer from rows assigned once: each such row's best alternative is made
    /// exactly as good as its own column. Returns the free rows (those that got no column).
    fn reduction_transfer(&mut self, matches: &[u32]) -> Vec<usize> {
        let n = self.n;
        let mut free = Vec::with_capacity(n);
        for (i, &m) in matches.iter().enumerate() {
            if m == 0 {
                free.push(i);
            } else if m == 1 {
                let j1 = self.x[i];
                let r = self.row(i);
                let mut min = f64::INFINITY;
                for (j, (&rj, &vj)) in r.iter().zip(&self.v).enumerate() {
                    if j != j1 {
                        let h = rj - vj;
                        if h < min {
                            min = h;
                        }
                    }
                }
                let own = r[j1] - self.v[j1];
                // Make the row's best alternative exactly as good as its own column.
                self.v[j1] -= min - own;
            }
        }
        free
    }

    /// One round of augmenting row reduction over the free rows (in place: a row that
    /// displaces another at a strictly better price retries the displaced one at once), at
    /// most `16 n + 64` steps. Returns the rows still free.
    fn augmenting_row_reduction(&mut self, free: &mut [usize]) -> Vec<usize> {
        let n = self.n;
        let budget = 16 * n + 64;
        let mut k = 0;
        let prv = free.len();
        let mut next_free = Vec::with_capacity(prv);
        let mut steps = 0usize;
        while k < prv {
            let i = free[k];
            k += 1;
            steps += 1;
            if steps > budget {
                next_free.push(i);
                continue;
            }
            let (umin, mut j1, usubmin, j2) = self.two_best(i);
            let mut i0 = self.y[j1];
            if umin < usubmin {
                self.v[j1] -= usubmin - umin;
            } else if i0 != NONE && j2 != NONE {
                j1 = j2;
                i0 = self.y[j2];
            }
            if i0 != NONE {
                self.x[i0] = NONE;
            }
            self.x[i] = j1;
            self.y[j1] = i;
            if i0 != NONE {
                if umin < usubmin {
                    k -= 1;
                    free[k] = i0;
                } else {
                    next_free.push(i0);
                }
            }
        }
        next_free
    }

    /// Row `i`'s smallest and second smallest reduced costs and their columns:
    /// `(umin, j1, usubmin, j2)` (`j2` is `NONE` when no second one is below infinity).
    fn two_best(&self, i: usize) -> (f64, usize, f64, usize) {
        let r = self.row(i);
        let v = &self.v;
        let mut umin = r[0] - v[0];
        let mut j1 = 0;
        let mut usubmin = f64::INFINITY;
        let mut j2 = NONE;
        for j in 1..self.n {
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
        (umin, j1, usubmin, j2)
    }

    /// Augmentation: one shortest augmenting path per free row, then the duals of the
    /// columns scanned before the last minimum, then the path's flip.
    fn augment(&mut self, free: &[usize]) {
        let n = self.n;
        let mut path = PathSearch {
            d: vec![0.0; n],
            pred: vec![0usize; n],
            collist: (0..n).collect(),
        };
        for &f in free {
            let (mut endofpath, last, min) = path.shortest(self, f);
            for &j in &path.collist[..last] {
                self.v[j] += path.d[j] - min;
            }
            loop {
                let i = path.pred[endofpath];
                self.y[endofpath] = i;
                std::mem::swap(&mut endofpath, &mut self.x[i]);
                if i == f {
                    break;
                }
            }
        }
    }
}

/// The shortest augmenting path search's work arrays (Dijkstra on reduced costs), kept
/// between free rows.
struct PathSearch {
    /// Distance of each column.
    d: Vec<f64>,
    /// Row before each column on its path.
    pred: Vec<usize>,
    /// Columns: `[..low]` scanned, `[low..up]` at the current minimum, `[up..]` to do.
    collist: Vec<usize>,
}

impl PathSearch {
    /// From free row `f`: the free column that ends the shortest path, the number of
    /// columns scanned before the last minimum (`last`) and that minimum distance.
    fn shortest(&mut self, lap: &Lapjv, f: usize) -> (usize, usize, f64) {
        let n = lap.n;
        let (v, y) = (&lap.v, &lap.y);
        let rf = lap.row(f);
        for j in 0..n {
            self.d[j] = rf[j] - v[j];
            self.pred[j] = f;
            self.collist[j] = j;
        }
        let (d, pred, collist) = (&mut self.d, &mut self.pred, &mut self.collist);
        let mut low = 0;
        let mut up = 0;
        let mut last = 0;
        let mut min = 0.0;
        loop {
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
                if let Some(&j) = collist[low..up].iter().find(|&&j| y[j] == NONE) {
                    return (j, last, min);
                }
            }
            // Scan one column at the minimum distance.
            let j1 = collist[low];
            low += 1;
            let i = y[j1];
            let ri = lap.row(i);
            let u1 = ri[j1] - v[j1] - min;
            let mut k = up;
            while k < n {
                let j = collist[k];
                let v2 = ri[j] - v[j] - u1;
                if v2 < d[j] {
                    pred[j] = i;
                    if v2 == min {
                        if y[j] == NONE {
                            return (j, last, min);
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
    }
}
