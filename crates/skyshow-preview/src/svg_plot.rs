//! `SvgPlot`: a small, dependency-free chart writer for the report (axes with round ticks,
//! lines with gaps, dashed limit lines, bars, markers), producing inline SVG text.

use std::fmt::Write;

use crate::html::{clock, esc, num};

/// Width of every plot, SVG units (CSS pixels).
pub(crate) const WIDTH: f64 = 760.0;
/// Plot margins: left, right, top, bottom.
const MARGIN: (f64, f64, f64, f64) = (58.0, 18.0, 14.0, 34.0);

/// A chart being drawn: data ranges, the SVG text so far.
pub(crate) struct SvgPlot {
    height: f64,
    x: (f64, f64),
    y: (f64, f64),
    body: String,
}

/// Round tick positions covering `[lo, hi]`, about `n` of them.
pub(crate) fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![lo];
    }
    let raw = (hi - lo) / n as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|k| k * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last.min(first.saturating_add(100)))
        .map(|k| k as f64 * step)
        .collect()
}

/// Tick positions for times in seconds covering `[lo, hi]`, about `n` of them, on
/// steps that read well as m:ss (1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h, …).
pub(crate) fn time_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![lo];
    }
    let raw = (hi - lo) / n as f64;
    if raw < 1.0 {
        return ticks(lo, hi, n);
    }
    let steps = [
        1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0,
        18000.0, 36000.0, 86400.0,
    ];
    let step = steps
        .iter()
        .copied()
        .find(|s| *s >= raw)
        .unwrap_or(raw.ceil());
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last.min(first.saturating_add(100)))
        .map(|k| k as f64 * step)
        .collect()
}

/// A "nice" upper bound for an axis starting at 0.
pub(crate) fn nice_max(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let t = ticks(0.0, v * 1.08, 5);
    let step = if t.len() > 1 { t[1] - t[0] } else { v };
    ((v * 1.08) / step).ceil() * step
}

impl SvgPlot {
    /// A plot `height` units tall over x in `x` and y in `y`.
    pub(crate) fn new(height: f64, x: (f64, f64), y: (f64, f64)) -> SvgPlot {
        let fix = |r: (f64, f64)| {
            let lo = if r.0.is_finite() { r.0 } else { 0.0 };
            let hi = if r.1.is_finite() && r.1 > lo {
                r.1
            } else {
                lo + 1.0
            };
            (lo, hi)
        };
        SvgPlot {
            height,
            x: fix(x),
            y: fix(y),
            body: String::new(),
        }
    }

    /// Screen x of a data x.
    pub(crate) fn sx(&self, x: f64) -> f64 {
        let w = WIDTH - MARGIN.0 - MARGIN.1;
        MARGIN.0 + (x - self.x.0) / (self.x.1 - self.x.0) * w
    }

    /// Screen y of a data y.
    pub(crate) fn sy(&self, y: f64) -> f64 {
        let h = self.height - MARGIN.2 - MARGIN.3;
        MARGIN.2 + h - (y - self.y.0) / (self.y.1 - self.y.0) * h
    }

    /// Axes, grid and tick labels (x as times, m:ss); `y_unit` names the y values; an
    /// empty `y_unit` leaves the y axis unlabelled.
    pub(crate) fn axes(&mut self, x_unit: &str, y_unit: &str) {
        let (x0, x1) = (self.sx(self.x.0), self.sx(self.x.1));
        let (y0, y1) = (self.sy(self.y.0), self.sy(self.y.1));
        let mut s = String::new();
        let yt = if y_unit.is_empty() {
            Vec::new()
        } else {
            ticks(self.y.0, self.y.1, 5)
        };
        for t in yt {
            let y = self.sy(t);
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{y}" x2="{}" y2="{y}" class="grid"/><text x="{}" y="{}" class="yl">{}</text>"##,
                num(x0),
                num(x1),
                num(x0 - 6.0),
                num(y + 4.0),
                short(t),
                y = num(y)
            );
        }
        for t in time_ticks(self.x.0, self.x.1, 8) {
            let x = self.sx(t);
            let label = clock(t).trim_end_matches(".0").to_string();
            let _ = write!(
                s,
                r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" class="grid"/><text x="{x}" y="{}" class="xl">{}</text>"##,
                num(y1),
                num(y0),
                num(y0 + 16.0),
                esc(&label),
                x = num(x)
            );
        }
        let _ = write!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/><line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>"##,
            num(x0),
            num(y0),
            num(x1),
            num(y0),
            num(x0),
            num(y0),
            num(x0),
            num(y1)
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" class="unit">{}</text><text x="{}" y="{}" class="unit" text-anchor="end">{}</text>"##,
            num(x0 - 50.0),
            num(y1 - 4.0),
            esc(y_unit),
            num(x1),
            num(y0 + 30.0),
            esc(x_unit)
        );
        self.body.push_str(&s);
    }

    /// A line through the points; non-finite y values leave gaps.
    pub(crate) fn line(&mut self, xs: &[f64], ys: &[f64], class: &str) {
        let mut path = String::new();
        let mut pen_down = false;
        for (x, y) in xs.iter().zip(ys) {
            if !(x.is_finite() && y.is_finite()) {
                pen_down = false;
                continue;
            }
            let y = y.clamp(self.y.0, self.y.1);
            let _ = write!(
                path,
                "{}{},{}",
                if pen_down { "L" } else { "M" },
                num(self.sx(*x)),
                num(self.sy(y))
            );
            pen_down = true;
        }
        if !path.is_empty() {
            let _ = write!(self.body, r##"<path d="{path}" class="{class}"/>"##);
        }
    }

    /// A dashed horizontal limit line with a label at its right end.
    pub(crate) fn hlimit(&mut self, y: f64, label: &str) {
        if !y.is_finite() || y < self.y.0 || y > self.y.1 {
            return;
        }
        let sy = self.sy(y);
        let _ = write!(
            self.body,
            r##"<line x1="{}" y1="{sy}" x2="{}" y2="{sy}" class="limit"/><text x="{}" y="{}" class="ll">{}</text>"##,
            num(self.sx(self.x.0)),
            num(self.sx(self.x.1)),
            num(self.sx(self.x.1) - 4.0),
            num(self.sy(y) - 4.0),
            esc(label),
            sy = num(sy)
        );
    }

    /// A dashed vertical limit line with a label at its top.
    pub(crate) fn vlimit(&mut self, x: f64, label: &str) {
        if !x.is_finite() || x < self.x.0 || x > self.x.1 {
            return;
        }
        let sx = num(self.sx(x));
        let _ = write!(
            self.body,
            r##"<line x1="{sx}" y1="{}" x2="{sx}" y2="{}" class="limit"/><text x="{}" y="{}" class="ll">{}</text>"##,
            num(self.sy(self.y.0)),
            num(self.sy(self.y.1)),
            num(self.sx(x) - 4.0),
            num(self.sy(self.y.1) + 12.0),
            esc(label)
        );
    }

    /// A filled rectangle between data corners, with a tooltip.
    pub(crate) fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, style: &str, tip: &str) {
        let (a, b) = (self.sx(x0.min(x1)), self.sx(x0.max(x1)));
        let (c, d) = (self.sy(y0.max(y1)), self.sy(y0.min(y1)));
        let _ = write!(
            self.body,
            r##"<rect x="{}" y="{}" width="{}" height="{}" {style}><title>{}</title></rect>"##,
            num(a),
            num(c),
            num((b - a).max(0.5)),
            num((d - c).max(0.0)),
            esc(tip)
        );
    }

    /// Raw SVG appended to the plot.
    pub(crate) fn raw(&mut self, svg: &str) {
        self.body.push_str(svg);
    }

    /// The finished `<svg>` element.
    pub(crate) fn finish(self, label: &str) -> String {
        format!(
            r##"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{l}">{b}</svg>"##,
            w = num(WIDTH),
            h = num(self.height),
            l = esc(label),
            b = self.body
        )
    }
}

/// A short label for a tick value.
fn short(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    if r.abs() >= 10_000.0 {
        format!("{:.0}k", r / 1000.0)
    } else {
        num(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 900.0, 8), vec![0.0, 200.0, 400.0, 600.0, 800.0]);
        assert_eq!(ticks(1.0, f64::NAN, 5), vec![1.0]);
        assert_eq!(
            time_ticks(0.0, 1320.0, 8),
            vec![0.0, 300.0, 600.0, 900.0, 1200.0]
        );
        assert!((10.0..=12.5).contains(&nice_max(9.3)));
        assert_eq!(nice_max(4.0), 5.0);
        assert_eq!(nice_max(0.0), 1.0);
    }

    #[test]
    fn lines_break_at_gaps() {
        let mut p = SvgPlot::new(200.0, (0.0, 10.0), (0.0, 5.0));
        p.line(&[0.0, 1.0, 2.0, 3.0], &[1.0, f64::INFINITY, 2.0, 3.0], "s");
        let svg = p.finish("t");
        assert_eq!(svg.matches('M').count(), 2, "{svg}");
    }
}
