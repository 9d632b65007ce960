//! The formations' warnings: drones that end up with their LEDs off (`drones_dark`), and a
//! picture spread a hair for the written files' rounding (`picture_spread`).

use skyshow_export::WarningRow;
use skyshow_formations::Formation;
use skyshow_i18n::msg;

/// The `drones_dark` warning of a formation some of whose drones show a dark colour
/// (brightness below [`skyshow_model::Rgb::DARK_BELOW`]): LEDs off or nearly, invisible at
/// night. `value` is how many, `limit` how many drones the formation has.
pub(crate) fn dark_drones(f: &Formation) -> Option<WarningRow> {
    let dark = f.colors.iter().filter(|c| c.is_dark()).count();
    if dark == 0 {
        return None;
    }
    let n = f.colors.len();
    let message = if dark == n {
        msg!(
            "formation-all-dark",
            formation = f.name.as_str(),
            drones = n
        )
    } else {
        msg!(
            "formation-some-dark",
            formation = f.name.as_str(),
            dark = dark,
            drones = n
        )
    };
    Some(WarningRow {
        kind: "drones_dark".into(),
        message,
        source: format!("formation \"{}\"", f.name),
        time_s: None,
        drones: Vec::new(),
        value: Some(dark as f64),
        limit: Some(n as f64),
    })
}

/// The `picture_spread` warning of a formation whose points were closer than the minimum
/// distance plus the written files' rounding margin and were spread about its centre to
/// keep it (`value` is the spacing it has now, `limit` the minimum distance).
pub(crate) fn spread_picture(f: &Formation, min_distance_m: f64) -> Option<WarningRow> {
    let k = f.spread?;
    let message = msg!(
        "formation-spread",
        formation = f.name.as_str(),
        spacing = format!("{:.4}", f.min_spacing_m / k),
        min = min_distance_m,
        percent = format!("{:.2}", (k - 1.0) * 100.0),
        spread = format!("{:.4}", f.min_spacing_m)
    );
    Some(WarningRow {
        kind: "picture_spread".into(),
        message,
        source: format!("formation \"{}\"", f.name),
        time_s: None,
        drones: Vec::new(),
        value: Some(f.min_spacing_m),
        limit: Some(min_distance_m),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{Rgb, Vec3};

    fn formation(colors: Vec<Rgb>) -> Formation {
        Formation {
            name: "F".into(),
            points: vec![Vec3::new(0.0, 0.0, 0.0); colors.len()],
            colors,
            min_spacing_m: 1.0,
            ideal_spacing_m: None,
            max_shape_distance_m: None,
            close_lines_share: None,
            deform: None,
            detail: None,
            spread: None,
        }
    }

    #[test]
    fn dark_drones_are_counted() {
        let lit = Rgb::new(255, 0, 0);
        let off = Rgb::new(0, 0, 0);
        let dim = Rgb::new(20, 20, 20);
        assert_eq!(dark_drones(&formation(vec![lit, lit])), None);
        let w = dark_drones(&formation(vec![lit, off, dim])).unwrap();
        assert_eq!(w.kind, "drones_dark");
        assert_eq!((w.value, w.limit), (Some(2.0), Some(3.0)));
        assert_eq!(w.source, "formation \"F\"");
        let all = dark_drones(&formation(vec![off, off])).unwrap();
        assert_ne!(all.message.english(), w.message.english());
    }
}
