//! A hold in bars for a formation without `start`: the planner counts it along the music's
//! beats from when the formation is in place, and says so when it runs past the music.

use skyshow_import::LoadedShow;
use skyshow_model::{MusicDesign, MusicalLength};
use skyshow_plan::{PlanError, PlanOptions, plan_show};

const SHOW: &str = "title = \"t\"\n[fleet]\ndrones = 9\n[fleet.grid]\nrows = 3\ncolumns = 3\nspacing_m = 4\n\
[[chapter]]\nname = \"c\"\n\
[[chapter.formation]]\nname = \"a\"\nhold = 3\nshape = \"circle\"\nradius_m = 10\ncenter = [0, 0, 30]\n\
[[chapter.formation]]\nname = \"b\"\nhold = 5\nshape = \"circle\"\nradius_m = 14\ncenter = [0, 0, 30]\n";

/// Beats every 0.5 s up to 40 s, then every 0.25 s up to 60 s (a tempo change).
fn music(end_s: f64) -> MusicDesign {
    let mut beats_s: Vec<f64> = (0..=80).map(|k| 0.5 * f64::from(k)).collect();
    beats_s.extend(
        (1..)
            .map(|k| 40.0 + 0.25 * f64::from(k))
            .take_while(|t| *t <= end_s),
    );
    MusicDesign {
        file: "m.wav".into(),
        bytes: Vec::new(),
        media_type: "audio/wav".into(),
        offset_s: 0.0,
        duration_s: end_s,
        tempo_bpm: 120.0,
        beats_per_bar: 4,
        downbeats_s: beats_s.iter().step_by(4).copied().collect(),
        bars_before: 0,
        beats_s,
        waveform: Vec::new(),
    }
}

#[test]
fn hold_in_bars_follows_the_beats_from_arrival() {
    let mut d = LoadedShow::from_text("show.toml", SHOW, std::path::Path::new("."))
        .unwrap()
        .design;
    d.music = Some(music(60.0));
    let bars = MusicalLength::parse("2 bars").unwrap();
    d.formations[0].hold_music = Some(bars);
    d.formations[1].hold_music = Some(MusicalLength::parse("100 bars").unwrap());
    let e = plan_show(&d, &PlanOptions::DEFAULT).unwrap_err();
    assert!(matches!(e, PlanError::MusicalHold { .. }), "{e}");
    assert!(e.to_string().contains("`hold = \"100 bars\"`"), "{e}");
    assert!(
        e.to_string().contains("the beat grid ends at 1:00.250"),
        "{e}"
    );
    assert_eq!(e.formation(), Some("b"));
    d.formations[1].hold_music = Some(bars);
    let plan = plan_show(&d, &PlanOptions::DEFAULT).unwrap();
    let m = d.music.as_ref().unwrap();
    let a = &plan.formations[0];
    let b = &plan.formations[1];
    let (start, end) = (a.start_ms as f64 / 1000.0, a.end_ms as f64 / 1000.0);
    // `b` has no start, so `a` is left as soon as its hold ends: 8 beats of the grid.
    let beats_within = m
        .beats_s
        .iter()
        .filter(|t| **t > start + 1e-3 && **t <= end + 1e-3)
        .count();
    assert_eq!(beats_within, 8, "{start} → {end}");
    assert!(b.end_ms as f64 / 1000.0 >= m.after(b.start_ms as f64 / 1000.0, bars).unwrap() - 1e-3);
    let mut none = d.clone();
    none.music = None;
    let e = plan_show(&none, &PlanOptions::DEFAULT).unwrap_err();
    assert!(matches!(e, PlanError::HoldWithoutMusic { .. }), "{e}");
}
