//! Command-line arguments, as close to the flags as possible (no I/O here).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use skyshow_i18n::msg;
use skyshow_model::Limits;

/// skyshow: design night-sky drone shows, from a text show file to a verified, flyable show.
#[derive(Parser, Debug)]
#[command(name = "skyshow", version, about, long_about = None)]
pub(crate) struct Cli {
    /// Hide progress bars.
    #[arg(long, global = true)]
    pub(crate) no_progress: bool,
    /// Language of messages and pages: `en` or `zh` (Simplified Chinese). Default: the
    /// SKYSHOW_LANG variable, then the system locale (LC_ALL, LC_MESSAGES, LANG), then English.
    #[arg(long, global = true, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Build a show file into a verified show: OUTDIR/show.skyc, report.json, drones_csv.zip.
    Build(BuildArgs),
    /// Validate any .skyc (or show.json), ours or another tool's.
    Check(CheckArgs),
    /// Plan one transition between two point sets (CSV).
    Transition(TransitionArgs),
    /// Sample one formation on its own: an SVG, mesh, image, text or formation spec (TOML).
    Formation(Box<FormationArgs>),
    /// Render frames of a show in software (no GPU): the audience view or a chosen camera.
    Render(RenderArgs),
    /// Serve the 3D preview on 127.0.0.1, rebuilding and reloading when the show changes.
    Preview(PreviewArgs),
    /// Find the tempo, beats, bars and onsets of a music file (WAV, FLAC, OGG, MP3).
    Beats(BeatsArgs),
}

/// `skyshow beats`.
#[derive(Args, Debug)]
pub(crate) struct BeatsArgs {
    /// The music: WAV, FLAC, OGG/Vorbis or MP3.
    pub(crate) music: PathBuf,
    /// Print the result as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
    /// Beats in a bar (4 for 4/4, 3 for 3/4).
    #[arg(long, default_value_t = 4)]
    pub(crate) beats_per_bar: u32,
    /// Where the tempo search centres (BPM); try the tempo you hear if tracking picks half or double.
    #[arg(long, default_value_t = 120.0)]
    pub(crate) start_bpm: f64,
    /// A fixed tempo instead of tracking (with `--first-beat`).
    #[arg(long)]
    pub(crate) bpm: Option<f64>,
    /// Seconds into the music of the first beat (a downbeat), with `--bpm`.
    #[arg(long)]
    pub(crate) first_beat: Option<f64>,
    /// Tapped beats instead of tracking: seconds, comma-separated; the first is a downbeat.
    #[arg(long)]
    pub(crate) taps: Option<String>,
    /// Music offset: the show time (s) at which the music starts; all times are shifted by it.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub(crate) offset: f64,
}

/// `skyshow render`.
#[derive(Args, Debug)]
pub(crate) struct RenderArgs {
    /// A show file (.toml, planned now), an output folder of `build`, a .skyc, or a
    /// Skybrush CSV show.
    pub(crate) input: PathBuf,
    /// Time of a single frame (seconds or `m:ss.mmm`).
    #[arg(long)]
    pub(crate) at: Option<String>,
    /// Start of a frame sequence.
    #[arg(long)]
    pub(crate) from: Option<String>,
    /// End of a frame sequence.
    #[arg(long)]
    pub(crate) to: Option<String>,
    /// Frames per second of a sequence.
    #[arg(long, default_value_t = 25.0)]
    pub(crate) fps: f64,
    /// Output PNG (single frame) or folder (sequence).
    #[arg(short, long)]
    pub(crate) out: PathBuf,
    /// Camera preset: `audience` or `top`.
    #[arg(long, default_value = "audience")]
    pub(crate) camera: String,
    /// Camera position `x,y,z` (metres, show frame), with `--look-at`.
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) eye: Option<String>,
    /// Point at the image centre `x,y,z`, with `--eye`.
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) look_at: Option<String>,
    /// Vertical field of view, degrees.
    #[arg(long, default_value_t = 50.0)]
    pub(crate) fov: f64,
    /// Image width, pixels.
    #[arg(long, default_value_t = 1280)]
    pub(crate) width: u32,
    /// Image height, pixels.
    #[arg(long, default_value_t = 720)]
    pub(crate) height: u32,
}

/// `skyshow preview`.
#[derive(Args, Debug)]
pub(crate) struct PreviewArgs {
    /// A show file (.toml; rebuilt when it or its artwork changes), an output folder of
    /// `build`, a .skyc, or a Skybrush CSV show.
    pub(crate) input: PathBuf,
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, default_value_t = 8765)]
    pub(crate) port: u16,
    /// Output folder for rebuilds of a show file.
    #[arg(short, long, default_value = "out/preview")]
    pub(crate) out: PathBuf,
    /// Stop after this many seconds (for scripts and tests; default: run until interrupted).
    #[arg(long)]
    pub(crate) stop_after: Option<f64>,
}

/// `skyshow build`.
#[derive(Args, Debug)]
pub(crate) struct BuildArgs {
    /// The show file (TOML).
    pub(crate) show: PathBuf,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "out")]
    pub(crate) out: PathBuf,
    /// Samples per second of the per-drone CSV export.
    #[arg(long, default_value_t = 4.0)]
    pub(crate) csv_fps: f64,
    /// Skip the per-drone CSV export (gigabytes for record-size fleets).
    #[arg(long)]
    pub(crate) no_csv: bool,
    /// Skip the VVIZ export for Finale 3D (`show.vviz`: about 80 MB for 600 drones over
    /// 16 minutes, gigabytes for record-size fleets).
    #[arg(long)]
    pub(crate) no_vviz: bool,
    /// Analyse the music and plan every transition and moving hold afresh: do not reuse,
    /// nor keep, the results of earlier builds (`OUTDIR/.skyshow-cache`; reused results are
    /// the same bit for bit, so this never changes an output, only the time it takes).
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// Most drones per ground-station file: larger fleets also get
    /// `OUTDIR/stations/station-NN.skyc`, one per consecutive drone range (Skybrush's loader
    /// takes at most 5,000 drones per file).
    #[arg(long, default_value_t = 5000)]
    pub(crate) max_drones_per_file: usize,
    /// Internal: the URL the preview page polls to reload itself (set by `skyshow preview`).
    #[arg(skip)]
    pub(crate) live_reload: Option<String>,
}

/// `skyshow check`.
#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    /// A `.skyc` archive, a bare `show.json`, or a Skybrush CSV show (a ZIP of per-drone
    /// `Time_msec,x_m,y_m,z_m,Red,Green,Blue` files, or static `Name,x_m,y_m,z_m,…` markers).
    pub(crate) file: PathBuf,
    /// Print the report (measured, violations) as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
    /// Limits (default: the file's `settings.validation`, else Skybrush's defaults).
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

/// `skyshow transition`.
#[derive(Args, Debug)]
pub(crate) struct TransitionArgs {
    /// Start points: `x,y,z` rows or Skybrush's `Name,x_m,y_m,z_m,Red,Green,Blue`.
    pub(crate) from: PathBuf,
    /// Target points, same format and count.
    pub(crate) to: PathBuf,
    /// Print the result as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
    /// What the assignment minimises: `distance` (sum of squares) or `time`.
    #[arg(long, default_value = "distance")]
    pub(crate) minimise: String,
    /// Limits.
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

/// `skyshow formation`.
#[derive(Args, Debug)]
pub(crate) struct FormationArgs {
    /// An SVG (`.svg`), mesh (`.obj`, `.stl`, `.gltf`, `.glb`) or image (`.png`, `.jpg`) file, or a formation
    /// spec (`.toml` with the keys of one `[[chapter.formation]]`). Leave out with `--text`.
    #[arg(required_unless_present = "text")]
    pub(crate) input: Option<PathBuf>,
    /// Number of drones.
    #[arg(long)]
    pub(crate) drones: usize,
    /// Width of the picture, metres (artwork files; default 100 unless `--height`).
    #[arg(long, conflicts_with = "height")]
    pub(crate) width: Option<f64>,
    /// Height of the picture, metres (artwork files).
    #[arg(long)]
    pub(crate) height: Option<f64>,
    /// Where drones go: `fill`, `outline` or `both` (SVG, text, image); `surface`, `volume`
    /// or `vertices` (meshes).
    #[arg(long)]
    pub(crate) mode: Option<String>,
    /// Sample this text instead of a file (`\n` starts a new line, `\\` is a backslash).
    #[arg(long, conflicts_with = "input")]
    pub(crate) text: Option<String>,
    /// Font for `--text`: a family name among the installed fonts, or a font file
    /// [default: Noto Sans CJK SC].
    #[arg(long, requires = "text")]
    pub(crate) font: Option<String>,
    /// Colour of every drone: a palette name or `#rrggbb` [default: the artwork's own
    /// colours, else white]. In an SVG it is also `currentColor` where the drawing sets no
    /// `color`.
    #[arg(long)]
    pub(crate) color: Option<String>,
    /// The dark parts of an otherwise lit SVG: `hole` (no drones there, the default) or
    /// `off` (drones with their LEDs off).
    #[arg(long)]
    pub(crate) dark: Option<String>,
    /// Minimum distance, metres.
    #[arg(long, default_value_t = Limits::DEFAULT.min_distance_m)]
    pub(crate) min_distance: f64,
    /// Seed for the sampling.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output CSV (`x,y,z,r,g,b`: the points at the start of the hold), or a `.zip`: the
    /// formation over its hold as a Skybrush CSV zip (`Drone N.csv` with
    /// `Time_msec,x_m,y_m,z_m,Red,Green,Blue` rows), its motion if it moves.
    #[arg(short, long)]
    pub(crate) out: PathBuf,
    /// Also draw the points as the audience sees them, as a PNG.
    #[arg(long)]
    pub(crate) png: Option<PathBuf>,
    /// Rows per second in a `.zip` output.
    #[arg(long, default_value_t = 25.0)]
    pub(crate) fps: f64,
    /// Print the figures as JSON on stdout (a moving formation's `motion` as `report.json`
    /// gives it).
    #[arg(long)]
    pub(crate) json: bool,
    /// Seconds the formation holds: a glTF animation (or a spec's motion) plays over it,
    /// and a `.zip` lasts that long [default: 1 for a still picture].
    #[arg(long)]
    pub(crate) hold: Option<f64>,
    /// Which animation of a glTF file plays over `--hold` [default: the file's first].
    #[arg(long, value_name = "NAME")]
    pub(crate) animation: Option<String>,
    /// Seconds into a glTF animation's clip: the still picture at that moment, or with
    /// `--hold` where playback starts [default: 0].
    #[arg(long, value_name = "SECONDS")]
    pub(crate) at: Option<f64>,
    /// Clip seconds per show second of a glTF animation (0.5 = half speed), or `fit`: the
    /// fastest the motion limits allow [default: 1].
    #[arg(long, value_name = "SPEED")]
    pub(crate) animation_speed: Option<String>,
    /// Play a glTF animation again from `--at` until the hold ends.
    #[arg(long)]
    pub(crate) animation_loop: bool,
    /// Sample a glTF file's mesh as modelled, without its animation (the rest pose).
    #[arg(
        long,
        conflicts_with_all = ["animation", "at", "animation_speed", "animation_loop"]
    )]
    pub(crate) still: bool,
    /// Maximum altitude of a motion, metres [default: none on its own].
    #[arg(long)]
    pub(crate) max_altitude: Option<f64>,
    /// The motion limits a moving formation is checked against.
    #[command(flatten)]
    pub(crate) motion: MotionLimitArgs,
}

/// The speed and acceleration limits of a motion, defaulting to the show-file defaults;
/// shared by every command that checks or plans flight.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct MotionLimitArgs {
    /// Maximum horizontal speed, m/s [default: 8].
    #[arg(long)]
    pub(crate) max_speed_xy: Option<f64>,
    /// Maximum climb speed, m/s [default: 2].
    #[arg(long)]
    pub(crate) max_speed_up: Option<f64>,
    /// Maximum descent speed, m/s [default: 2].
    #[arg(long)]
    pub(crate) max_speed_down: Option<f64>,
    /// Maximum acceleration, m/s² [default: 4].
    #[arg(long)]
    pub(crate) max_accel: Option<f64>,
}

/// Limit flags, defaulting to the show-file defaults.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct LimitArgs {
    /// Minimum distance between drones, metres [default: 3].
    #[arg(long)]
    pub(crate) min_distance: Option<f64>,
    /// Speeds and acceleration.
    #[command(flatten)]
    pub(crate) motion: MotionLimitArgs,
    /// Maximum altitude, metres [default: 150].
    #[arg(long)]
    pub(crate) max_altitude: Option<f64>,
    /// Minimum navigation altitude, metres [default: 2.5].
    #[arg(long)]
    pub(crate) min_nav_altitude: Option<f64>,
    /// Battery endurance, seconds [default: 1200].
    #[arg(long)]
    pub(crate) battery: Option<f64>,
}

impl MotionLimitArgs {
    /// `l` with the flags given set; an error names a flag with a bad value.
    pub(crate) fn apply_to(&self, l: &mut Limits) -> miette::Result<()> {
        set_limit(
            self.max_speed_xy,
            &mut l.max_speed_xy_m_s,
            "max-speed-xy",
            0.01,
        )?;
        set_limit(
            self.max_speed_up,
            &mut l.max_speed_up_m_s,
            "max-speed-up",
            0.01,
        )?;
        set_limit(
            self.max_speed_down,
            &mut l.max_speed_down_m_s,
            "max-speed-down",
            0.01,
        )?;
        set_limit(self.max_accel, &mut l.max_accel_m_s2, "max-accel", 0.01)
    }
}

impl LimitArgs {
    /// `base` with the flags given applied on top; an error names a flag with a bad value.
    pub(crate) fn apply(&self, base: Limits) -> miette::Result<Limits> {
        let mut l = base;
        set_limit(
            self.min_distance,
            &mut l.min_distance_m,
            "min-distance",
            0.0,
        )?;
        self.motion.apply_to(&mut l)?;
        set_limit(
            self.max_altitude,
            &mut l.max_altitude_m,
            "max-altitude",
            0.0,
        )?;
        set_limit(
            self.min_nav_altitude,
            &mut l.min_nav_altitude_m,
            "min-nav-altitude",
            0.0,
        )?;
        set_limit(self.battery, &mut l.battery_s, "battery", 0.0)?;
        Ok(l)
    }
}

/// Sets `field` to the value of flag `--flag` if given, which must be finite and ≥ `lo`.
fn set_limit(value: Option<f64>, field: &mut f64, flag: &str, lo: f64) -> miette::Result<()> {
    if let Some(v) = value {
        if !v.is_finite() || v < lo {
            return Err(miette::miette!(
                help = msg!("cli-limit-flag-range-hint", min = lo.to_string()).to_string(),
                "{}",
                msg!("cli-limit-flag-range", flag = flag, value = v.to_string())
            ));
        }
        *field = v;
    }
    Ok(())
}
