//! `ReportInput`: everything the visual safety report shows, as plain data.

use skyshow_i18n::Lang;
use skyshow_model::{FlightShow, Limits, PhaseKind};

use crate::preview_page::formation_name;
use crate::{
    Burst, Ground, ReportEmergency, ReportFormation, ReportSeries, ReportTransition,
    ReportViolation,
};

/// What [`report_html`](crate::report_html) shows. The CLI fills it from the validation
/// and the plan (`report.json` holds the same numbers).
#[derive(Clone, Debug)]
pub struct ReportInput<'a> {
    /// Page title; empty = the show's title.
    pub title: String,
    /// The show (drone count, duration, positions and colours for the thumbnails).
    pub show: &'a FlightShow,
    /// The flight envelope checked.
    pub limits: Limits,
    /// Extremes over time.
    pub series: ReportSeries,
    /// The transitions, in show order.
    pub transitions: Vec<ReportTransition>,
    /// Time in the air per drone, seconds (any order).
    pub flight_times_s: Vec<f64>,
    /// The violations listed (possibly capped).
    pub violations: Vec<ReportViolation>,
    /// How many violations there are in all (≥ the list's length; 0 = the list's length).
    pub violations_total: usize,
    /// The formations, in show order (thumbnails at their mid-time; a speed plot for each
    /// moving one).
    pub formations: Vec<ReportFormation>,
    /// Firework bursts (empty = none).
    pub fireworks: &'a [Burst],
    /// Audience side (thumbnails are seen from it) and firing front.
    pub ground: Ground,
    /// Where the preview page is, relative to the report: violation links go to
    /// `{preview_href}#t=SECONDS`. Default `preview.html`.
    pub preview_href: String,
    /// The emergency return (entries and where landing in place is safe), drawn as two
    /// bands on the timeline; `None` for a show without one.
    pub emergency: Option<ReportEmergency>,
    /// The language of the page's text (headings, captions, legends, tooltips). Default
    /// English; names from the show file and numbers appear as they are.
    pub lang: Lang,
}

impl<'a> ReportInput<'a> {
    /// A report of `show` with nothing measured yet: its limits (or the defaults), its
    /// formations from its phases, no series, transitions, flight times, violations or
    /// fireworks, the default ground, links to `preview.html`.
    pub fn new(show: &'a FlightShow) -> Self {
        let formations = show
            .phases
            .iter()
            .filter(|p| p.kind == PhaseKind::Formation)
            .map(|p| ReportFormation {
                name: formation_name(&p.source).to_string(),
                start_s: p.start_s,
                end_s: p.end_s,
                motion: Vec::new(),
            })
            .collect();
        ReportInput {
            title: String::new(),
            show,
            limits: show.limits.unwrap_or_default(),
            series: ReportSeries::default(),
            transitions: Vec::new(),
            flight_times_s: Vec::new(),
            violations: Vec::new(),
            violations_total: 0,
            formations,
            fireworks: &[],
            ground: Ground::DEFAULT,
            preview_href: "preview.html".to_string(),
            emergency: None,
            lang: Lang::En,
        }
    }

    /// The title to show.
    pub(crate) fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.show.title
        } else {
            &self.title
        }
    }
}
