//! Point lists from CSV: `x,y,z[,r,g,b]` or Skybrush's `Name,x_m,y_m,z_m,Red,Green,Blue`.

use skyshow_i18n::{Message, msg};
use skyshow_model::{Rgb, Vec3};

/// Points read from a CSV file, with colours when every row has them.
#[derive(Clone, Debug, PartialEq)]
pub struct PointsCsv {
    /// Positions, metres.
    pub points: Vec<Vec3>,
    /// Colours, if every row had them.
    pub colors: Option<Vec<Rgb>>,
}

/// Parses CSV text. A header row is recognised (and skipped) when its first numeric
/// field does not parse; a `Name` first column (Skybrush markers) is skipped.
/// Errors give the 1-based line and what is wrong.
pub fn parse_points_csv(text: &str) -> Result<PointsCsv, (usize, Message)> {
    let mut points = Vec::new();
    let mut colors = Vec::new();
    let mut all_colored = true;
    let mut named: Option<bool> = None;
    for (idx, raw) in text.lines().enumerate() {
        let line_no = idx + 1;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"'))
            .collect();
        if named.is_none() {
            let (is_named, header) = first_row(&fields, line_no)?;
            named = Some(is_named);
            if header {
                continue;
            }
        }
        let f = if named == Some(true) {
            &fields[1..]
        } else {
            &fields[..]
        };
        let (p, c) = row_point(f, line_no)?;
        points.push(p);
        match c {
            Some(c) => colors.push(c),
            None => all_colored = false,
        }
    }
    if points.is_empty() {
        return Err((1, msg!("points-csv-empty")));
    }
    Ok(PointsCsv {
        points,
        colors: if all_colored { Some(colors) } else { None },
    })
}

/// What the first row says: whether rows start with a name column, and whether the row
/// is a header (to skip). A first field that is not a number is a header (`x`, `x_m`,
/// `Name`) or a name (Skybrush markers without a header, the next field a number).
fn first_row(fields: &[&str], line_no: usize) -> Result<(bool, bool), (usize, Message)> {
    if fields[0].parse::<f64>().is_ok() {
        return Ok((false, false));
    }
    let lower = fields[0].to_ascii_lowercase();
    if lower == "x" || lower == "x_m" {
        return Ok((false, true));
    }
    if lower == "name" {
        return Ok((true, true));
    }
    // A data row with a name column (Skybrush markers without header).
    if fields.len() >= 4 && fields[1].parse::<f64>().is_ok() {
        Ok((true, false))
    } else {
        Err((line_no, msg!("points-csv-not-numbers", found = fields[0])))
    }
}

/// A row's point (`x, y, z`, each finite and within 100 km) and its colour when it has
/// `r, g, b` (each 0–255).
fn row_point(f: &[&str], line_no: usize) -> Result<(Vec3, Option<Rgb>), (usize, Message)> {
    if f.len() < 3 {
        return Err((line_no, msg!("points-csv-three", found = f.len())));
    }
    let num = |i: usize, what: &str| -> Result<f64, (usize, Message)> {
        let v: f64 = f[i]
            .parse()
            .map_err(|_| (line_no, msg!("points-csv-nan", column = what, value = f[i])))?;
        if !v.is_finite() || v.abs() > 1e5 {
            return Err((
                line_no,
                msg!("points-csv-range", column = what, value = f[i]),
            ));
        }
        Ok(v)
    };
    let p = Vec3::new(num(0, "x")?, num(1, "y")?, num(2, "z")?);
    if f.len() < 6 {
        return Ok((p, None));
    }
    let mut c = [0u8; 3];
    for (k, name) in ["red", "green", "blue"].iter().enumerate() {
        let v: f64 = f[3 + k].parse().map_err(|_| {
            (
                line_no,
                msg!("points-csv-nan", column = *name, value = f[3 + k]),
            )
        })?;
        if !(0.0..=255.0).contains(&v) {
            return Err((
                line_no,
                msg!("points-csv-channel", column = *name, value = f[3 + k]),
            ));
        }
        c[k] = v.round() as u8;
    }
    Ok((p, Some(Rgb::new(c[0], c[1], c[2]))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_skybrush_forms() {
        let a = parse_points_csv("x,y,z\n0,0,10\n1,2,3\n").unwrap();
        assert_eq!(
            a.points,
            vec![Vec3::new(0.0, 0.0, 10.0), Vec3::new(1.0, 2.0, 3.0)]
        );
        assert_eq!(a.colors, None);
        let b =
            parse_points_csv("Name,x_m,y_m,z_m,Red,Green,Blue\nDrone 1,0,1,10,255,0,0\n").unwrap();
        assert_eq!(b.points, vec![Vec3::new(0.0, 1.0, 10.0)]);
        assert_eq!(b.colors, Some(vec![Rgb::new(255, 0, 0)]));
        let c = parse_points_csv("1,2,3,10,20,30\n").unwrap();
        assert_eq!(c.colors, Some(vec![Rgb::new(10, 20, 30)]));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(parse_points_csv("x,y,z\n1,2\n").unwrap_err().0, 2);
        assert_eq!(parse_points_csv("1,2,3\n1,b,3\n").unwrap_err().0, 2);
        assert!(parse_points_csv("1,2,3,300,0,0\n").is_err());
        assert!(parse_points_csv("\n").is_err());
        assert!(parse_points_csv("1,2,NaN\n").is_err());
    }
}
