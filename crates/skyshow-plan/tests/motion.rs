//! Moving holds through the motion pipeline's public API: resolution, figures, limit
//! checks with fixes that work, and fitting against closed forms.

// The motion errors carry their fixes; their size does not matter here.
#![allow(clippy::result_large_err)]

use std::f64::consts::TAU;

use skyshow_formations::{Deform, MorphFrame};
use skyshow_i18n::{Lang, Message, english_run, figures, has_chinese};
use skyshow_model::{
    Clip, Easing, HoldTime, Limits, Motion, MotionAxis, MotionKind, Playback, PlaybackSpeed,
    PointTracks, Repeat, Rgb, Vec3,
};
use skyshow_plan::assign::assign_min_sum_sq;
use skyshow_plan::motion::{
    Figure, FitOptions, HoldClock, MotionEntry, MotionError, MotionOptions, MotionSpec, fit,
    measure, plan_motion, resolve,
};

const UP: Vec3 = Vec3::new(0.0, 0.0, 1.0);

fn ring(n: usize, r: f64, c: Vec3) -> Vec<Vec3> {
    (0..n)
        .map(|k| {
            let a = TAU * k as f64 / n as f64;
            c + Vec3::new(0.0, r * a.cos(), r * a.sin())
        })
        .collect()
}

fn spec(rest: Vec<Vec3>, motions: Vec<Motion>) -> MotionSpec {
    MotionSpec {
        name: "wheel".into(),
        rest,
        deform: None,
        motions,
        rest_centre: Vec3::new(0.0, 0.0, 60.0),
        own_axes: [Vec3::new(0.0, -1.0, 0.0), UP, Vec3::new(-1.0, 0.0, 0.0)],
        size: Some(("radius_m".into(), 20.0)),
    }
}

fn rotate(axis: MotionAxis, turns: f64, duration_s: Option<f64>, easing: Easing) -> Motion {
    Motion {
        kind: MotionKind::Rotate {
            axis,
            angle_deg: turns * 360.0,
        },
        pivot: Vec3::ZERO,
        start: HoldTime::Seconds(0.0),
        duration: duration_s.map(HoldTime::Seconds),
        easing,
        repeat: Repeat::Count(1),
    }
}

fn clock(start_s: f64, end_s: f64) -> HoldClock<'static> {
    HoldClock {
        start_s,
        end_s,
        music: None,
    }
}

/// Turning `p` about the vertical through `c` by `a` radians.
fn turned(p: Vec3, c: Vec3, a: f64) -> Vec3 {
    let d = p - c;
    let (s, k) = a.sin_cos();
    c + Vec3::new(d.x * k - d.y * s, d.x * s + d.y * k, d.z)
}

#[test]
fn a_rotation_flies_its_closed_form_within_the_fit_tolerance() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let rest = ring(24, 20.0, c);
    let s = spec(
        rest.clone(),
        vec![rotate(MotionAxis::Up, 1.0, None, Easing::Smooth)],
    );
    let t0 = 100.0;
    let hold = 40.0;
    let planned = plan_motion(
        &s,
        &clock(t0, t0 + hold),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
        5.0,
    )
    .expect("within limits")
    .expect("moves");
    let curves = &planned.fitted.curves;
    let at = |i: usize, t: f64| {
        let seg = curves[i]
            .iter()
            .find(|s| s.t0 <= t && t <= s.t1)
            .expect("covered");
        seg.position(t)
    };
    // Quarter turns: 3u² − 2u³ = q, solved by bisection.
    for q in [0.25, 0.5, 0.75, 1.0] {
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..60 {
            let m = (lo + hi) / 2.0;
            if m * m * (3.0 - 2.0 * m) < q {
                lo = m;
            } else {
                hi = m;
            }
        }
        let t = t0 + lo * hold;
        for (i, p) in rest.iter().enumerate() {
            let want = turned(*p, c, q * TAU);
            let got = at(i, t);
            assert!(
                got.dist(want) < 0.05,
                "q {q} point {i}: {} m",
                got.dist(want)
            );
        }
    }
    // Everywhere, not only at the quarters.
    let mut worst = 0.0f64;
    for k in 0..=4000 {
        let u = k as f64 / 4000.0;
        let a = TAU * u * u * (3.0 - 2.0 * u);
        for (i, p) in rest.iter().enumerate() {
            worst = worst.max(at(i, t0 + u * hold).dist(turned(*p, c, a)));
        }
    }
    assert!(worst < 0.05, "{worst}");
    assert!(planned.fitted.error_m < 0.05 && planned.fitted.error_m > 0.0);
    // Rest to rest, whole milliseconds, and few segments for a smooth turn.
    for cv in curves {
        assert_eq!(cv.first().unwrap().t0, t0);
        assert_eq!(cv.last().unwrap().t1, t0 + hold);
        assert!(cv.first().unwrap().velocity(t0).norm() < 1e-9);
        assert!(cv.last().unwrap().velocity(t0 + hold).norm() < 1e-9);
        for s in cv {
            assert_eq!((s.t1 * 1000.0).round(), s.t1 * 1000.0);
        }
        assert!(cv.len() < 40, "{}", cv.len());
    }
    assert_eq!(planned.summary.kinds, vec!["rotate".to_string()]);
    // The rim moves at most 1.5 × 2π·20/40 (smoothstep's peak).
    let v = planned.summary.flown[0].value;
    assert!((v - 1.5 * TAU * 20.0 / 40.0).abs() < 0.05, "{v}");
}

#[test]
fn a_spin_too_fast_is_refused_with_fixes_that_work() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let s = spec(
        ring(12, 20.0, c),
        vec![rotate(MotionAxis::Up, 1.0, Some(12.0), Easing::Smooth)],
    );
    let err = plan_motion(
        &s,
        &clock(0.0, 20.0),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
        5.0,
    )
    .unwrap_err();
    let MotionError::Limit {
        figure,
        value,
        limit,
        entry,
        ref hint,
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    let hint = &in_both(hint);
    assert_eq!(figure, Figure::SpeedXy);
    assert_eq!(entry, MotionEntry::Motion(0));
    assert_eq!(limit, 8.0);
    // 1 turn in 12 s at the rim: peak 1.5 × 2π·20/12.
    assert!((value - 1.5 * TAU * 20.0 / 12.0).abs() < 0.1, "{value}");
    let msg = in_both(&err.message());
    assert!(
        msg.contains("wheel") && msg.contains("horizontal speed") && msg.contains("8 m/s"),
        "{msg}"
    );
    // The fixes: fewer turns, a longer duration, a smaller radius. Each one works.
    let turns: f64 = number_after(hint, "at most ");
    let dur: f64 = number_after(hint, "`duration` ≥ ");
    let radius: f64 = number_after(hint, "`radius_m` ≤ ");
    assert!(turns < 1.0 && turns > 0.3, "{hint}");
    let hold: f64 = number_after(hint, "hold at least ");
    assert!(hold >= dur);
    let ok_in = |s: MotionSpec, end: f64| {
        plan_motion(
            &s,
            &clock(0.0, end),
            &Limits::DEFAULT,
            &MotionOptions::DEFAULT,
            5.0,
        )
        .is_ok()
    };
    let ok = |s: MotionSpec| ok_in(s, 20.0);
    assert!(ok(spec(
        ring(12, 20.0, c),
        vec![rotate(MotionAxis::Up, turns, Some(12.0), Easing::Smooth)]
    )));
    assert!(ok_in(
        spec(
            ring(12, 20.0, c),
            vec![rotate(MotionAxis::Up, 1.0, Some(dur), Easing::Smooth)]
        ),
        hold.ceil()
    ));
    assert!(ok(spec(
        ring(12, radius, c),
        vec![rotate(MotionAxis::Up, 1.0, Some(12.0), Easing::Smooth)]
    )));
    // And they are tight: a little more fails.
    assert!(radius > 3.0 * 12.0 / TAU && radius < 20.0, "{hint}");
    assert!(!ok(spec(
        ring(12, 20.0, c),
        vec![rotate(
            MotionAxis::Up,
            turns * 1.1,
            Some(12.0),
            Easing::Smooth
        )]
    )));
}

/// `m` in English, after checking its Chinese text: Chinese, without English prose, with
/// the same figures.
fn in_both(m: &Message) -> String {
    let (en, zh) = (m.render(Lang::En), m.render(Lang::Zh));
    assert!(has_chinese(&zh), "not translated: {zh}");
    assert_eq!(english_run(&zh), None, "English left in: {zh}");
    assert_eq!(figures(&en), figures(&zh), "{en}\n{zh}");
    en
}

fn number_after(text: &str, key: &str) -> f64 {
    let rest = text
        .split(key)
        .nth(1)
        .unwrap_or_else(|| panic!("no {key:?} in {text}"));
    let num: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    num.parse()
        .unwrap_or_else(|_| panic!("no number after {key:?} in {text}"))
}

#[test]
fn a_linear_spin_gets_the_shortest_ramps_the_acceleration_allows() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let s = spec(
        ring(24, 20.0, c),
        vec![rotate(MotionAxis::Up, 1.0, None, Easing::Linear)],
    );
    let planned = plan_motion(
        &s,
        &clock(0.0, 30.0),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
        5.0,
    )
    .unwrap()
    .unwrap();
    let (index, ramp) = planned.summary.ramps_s[0];
    assert_eq!(index, 0);
    // Rim speed ≈ 2π·20/(30 − ramp); the ramp needs about v / a_max seconds.
    let v = TAU * 20.0 / (30.0 - ramp);
    assert!(
        ramp > 0.5 * v / 4.0 && ramp < 1.3 * v / 4.0,
        "ramp {ramp}, v {v}"
    );
    assert!(planned.summary.flown[3].value <= 4.0);
    assert!(
        planned.summary.designed.accel.value > 0.9 * 4.0 * 0.97,
        "{:?}",
        planned.summary.designed.accel
    );
}

#[test]
fn a_morph_pairs_frames_by_the_exact_assignment() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let a = ring(40, 25.0, c);
    // A square of 40 points, listed in a scrambled order.
    let mut b: Vec<Vec3> = (0..40)
        .map(|k| {
            let side = k / 10;
            let f = (k % 10) as f64 / 10.0 * 40.0 - 20.0;
            let (y, z) = match side {
                0 => (f, -20.0),
                1 => (20.0, f),
                2 => (-f, 20.0),
                _ => (-20.0, -f),
            };
            c + Vec3::new(0.0, y, z)
        })
        .collect();
    b.reverse();
    b.rotate_left(7);
    let frame = |points: Vec<Vec3>, at: f64| MorphFrame {
        colors: vec![Rgb::WHITE; points.len()],
        points,
        at: HoldTime::Seconds(at),
        morph: None,
    };
    let mut s = spec(a.clone(), Vec::new());
    s.deform = Some(Deform::Morph(vec![
        frame(a.clone(), 0.0),
        frame(b.clone(), 10.0),
    ]));
    let m = resolve(
        &s,
        &clock(0.0, 12.0),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
    )
    .unwrap()
    .unwrap();
    let want = assign_min_sum_sq(&a, &b);
    for i in 0..a.len() {
        assert_eq!(m.position(i, 0.0), a[i]);
        assert!(m.position(i, 10.0).dist(b[want.target_of[i]]) < 1e-12);
        assert!(m.position(i, 12.0).dist(b[want.target_of[i]]) < 1e-12);
    }
    assert_eq!(m.kinds(), vec!["morph".to_string()]);
    let f = measure(&m, 0.02);
    assert!(f.min_distance.value >= 3.0, "{:?}", f.min_distance);
    let fitted = fit(&m, 0, &FitOptions::DEFAULT);
    assert!(fitted.error_m < 0.05);
}

#[test]
fn bad_motions_are_refused_with_what_to_change() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let run = |m: Motion| {
        plan_motion(
            &spec(ring(12, 20.0, c), vec![m]),
            &clock(0.0, 10.0),
            &Limits::DEFAULT,
            &MotionOptions::DEFAULT,
            5.0,
        )
        .unwrap_err()
    };
    // Each refusal in both languages: its message and its hint.
    let both = |e: &MotionError| (in_both(&e.message()), in_both(e.hint()));
    let (past, hint) = both(&run(rotate(
        MotionAxis::Up,
        0.1,
        Some(12.0),
        Easing::Smooth,
    )));
    assert!(past.contains("past its hold"), "{past}");
    assert!(hint.contains("at most 10.00 s"), "{hint}");
    let (zero, _) = both(&run(rotate(MotionAxis::Up, 0.0, None, Easing::Smooth)));
    assert!(zero.contains("does not move"), "{zero}");
    let (axis, _) = both(&run(rotate(
        MotionAxis::Show(Vec3::ZERO),
        0.5,
        None,
        Easing::Smooth,
    )));
    assert!(axis.contains("zero length"), "{axis}");
    let mut scale = rotate(MotionAxis::Up, 1.0, None, Easing::Smooth);
    scale.kind = MotionKind::Scale { factor: -1.0 };
    assert!(both(&run(scale)).0.contains("factor"));
    let mut musical = rotate(MotionAxis::Up, 0.1, None, Easing::Smooth);
    musical.duration = Some(HoldTime::Music(skyshow_model::MusicalLength {
        amount: 2.0,
        unit: skyshow_model::MusicalUnit::Bars,
    }));
    assert!(both(&run(musical)).0.contains("no `[music]`"));
}

#[test]
fn repeats_fill_the_hold_and_scale_shrinks_distances() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let mut spin = rotate(MotionAxis::Towards, 0.25, Some(3.0), Easing::Smooth);
    spin.repeat = Repeat::Hold;
    let mut shrink = rotate(MotionAxis::Up, 1.0, None, Easing::Smooth);
    shrink.kind = MotionKind::Scale { factor: 0.5 };
    let rest = ring(12, 20.0, c);
    let m = resolve(
        &spec(rest.clone(), vec![spin, shrink]),
        &clock(0.0, 10.0),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
    )
    .unwrap()
    .unwrap();
    // Three quarter turns fit in 10 s; the picture ends half its size.
    let end = m.position(0, 10.0);
    let want = c + (turned_about_x(rest[0] - c, 3.0 * TAU / 4.0)) * 0.5;
    assert!(end.dist(want) < 1e-9, "{end:?} {want:?}");
    let f = measure(&m, 0.02);
    let spacing = rest[0].dist(rest[1]);
    assert!((f.min_distance.value - spacing * 0.5).abs() < 1e-6);
}

/// Turning `d` about the formation's towards axis (−X here) by `a`.
fn turned_about_x(d: Vec3, a: f64) -> Vec3 {
    // About −X: the right-hand rule turns +Y towards −Z.
    let (s, k) = a.sin_cos();
    Vec3::new(d.x, d.y * k + d.z * s, -d.y * s + d.z * k)
}

/// The wheel recorded turning once about the vertical in 10 s at an even pace (12.6 m/s at
/// its 20 m rim as recorded), played at `speed`.
fn spinning_clip(speed: PlaybackSpeed) -> MotionSpec {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let rest = ring(12, 20.0, c);
    let tracks = PointTracks::from_fn(12, 10.0, 0.05, |t, out| {
        for (o, p) in out.iter_mut().zip(&rest) {
            *o = turned(*p, c, TAU * t / 10.0);
        }
    });
    let mut s = spec(rest, Vec::new());
    s.deform = Some(Deform::Clip(Clip {
        tracks,
        playback: Playback {
            speed,
            ..Playback::default()
        },
    }));
    s
}

#[test]
fn fit_plays_a_clip_as_fast_as_the_limits_allow() {
    let plan = |speed: PlaybackSpeed| {
        plan_motion(
            &spinning_clip(speed),
            &clock(0.0, 40.0),
            &Limits::DEFAULT,
            &MotionOptions::DEFAULT,
            5.0,
        )
    };
    let fitted = plan(PlaybackSpeed::Fit).unwrap().unwrap();
    let (speed, _) = fitted.summary.playback.unwrap();
    // The rim is the binding figure: 2π·20/10 · speed ≤ 8 × 0.97 (the headroom the
    // search keeps), the ramps' acceleration being within the limit at that speed.
    let closed = 8.0 * MotionOptions::DEFAULT.headroom / (TAU * 20.0 / 10.0);
    assert!(
        (speed - closed).abs() < 0.01 * closed,
        "{speed} vs {closed}"
    );
    assert!(plan(PlaybackSpeed::Factor(speed)).is_ok());
    let err = plan(PlaybackSpeed::Factor(speed * 1.05)).unwrap_err();
    let MotionError::Limit {
        figure,
        entry,
        ref hint,
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    let hint = &in_both(hint);
    assert_eq!(figure, Figure::SpeedXy);
    assert_eq!(entry, MotionEntry::Animation);
    // The slower playback it names works.
    let slower = number_after(hint, "`animation_speed` ≤ ");
    assert!(slower < speed * 1.05, "{hint}");
    assert!(plan(PlaybackSpeed::Factor(slower)).is_ok(), "{hint}");
}

/// Plans `s` in a hold of `hold_s`, expecting the refusal of a kinematic figure; its hint.
fn refused(s: &MotionSpec, hold_s: f64) -> (Figure, MotionEntry, String) {
    match plan_motion(
        s,
        &clock(0.0, hold_s),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
        5.0,
    ) {
        Err(MotionError::Limit {
            figure,
            entry,
            hint,
            value,
            limit,
            ..
        }) => {
            assert!(value > limit, "{figure:?} {value} ≤ {limit}");
            (figure, entry, in_both(&hint))
        }
        other => panic!("not refused: {:?}", other.map(|h| h.map(|h| h.summary))),
    }
}

fn plans(s: &MotionSpec, hold_s: f64) -> bool {
    plan_motion(
        s,
        &clock(0.0, hold_s),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
        5.0,
    )
    .is_ok()
}

#[test]
fn every_motion_kind_too_fast_is_refused_with_fixes_that_work() {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let hold = 12.0;
    let with = |kind: MotionKind, duration: f64| {
        let mut m = rotate(MotionAxis::Up, 1.0, Some(duration), Easing::Smooth);
        m.kind = kind;
        spec(ring(12, 20.0, c), vec![m])
    };

    // A move of 60 m in 5 s: 18 m/s at its peak.
    let far = |y: f64, d: f64| {
        with(
            MotionKind::Move {
                path: vec![Vec3::new(0.0, y, 0.0)],
            },
            d,
        )
    };
    let (figure, entry, hint) = refused(&far(60.0, 5.0), hold);
    assert_eq!(
        (figure, entry),
        (Figure::SpeedXy, MotionEntry::Motion(0)),
        "{hint}"
    );
    let len = number_after(&hint, "a move at most ");
    assert!(len > 10.0 && len < 60.0, "{hint}");
    assert!(plans(&far(len, 5.0), hold), "{hint}");
    let dur = number_after(&hint, "`duration` ≥ ");
    assert!(plans(&far(60.0, dur), hold), "{hint}");

    // Doubling in 3 s: the sides fly 20 m out at 10 m/s, the top climbs 20 m at 10 m/s.
    let grow = |f: f64, d: f64| with(MotionKind::Scale { factor: f }, d);
    let (figure, entry, hint) = refused(&grow(2.0, 3.0), hold);
    assert_eq!(
        (figure, entry),
        (Figure::SpeedXy, MotionEntry::Motion(0)),
        "{hint}"
    );
    let factor = number_after(&hint, "`factor` = ");
    assert!(factor > 1.0 && factor < 2.0, "{hint}");
    assert!(plans(&grow(factor, 3.0), hold), "{hint}");
    // The climb needs 1.5 × 20 m / 2 m/s ≈ 15 s: more than the hold, and the fix says so.
    let dur = number_after(&hint, "`duration` ≥ ");
    let room = number_after(&hint, "hold at least ");
    assert!(dur > 15.0 && room >= dur, "{hint}");
    assert!(plans(&grow(2.0, dur), room.ceil()), "{hint}");
    assert!(!plans(&grow(2.0, dur * 0.9), room.ceil()), "{hint}");

    // A morph from the wheel to one 15 m wider: its top climbs 15 m. In 2 s (of the 10 s
    // before the frame) it can take longer; with the frame at 10 s even the whole gap is
    // too little for the climb (1.5 × 15 m / 2 m/s ≈ 11.6 s), and the fix moves it later.
    let frame = |points: Vec<Vec3>, at: f64, morph: Option<f64>| MorphFrame {
        colors: vec![Rgb::WHITE; points.len()],
        points,
        at: HoldTime::Seconds(at),
        morph: morph.map(HoldTime::Seconds),
    };
    let morph = |at: f64, len: f64| {
        let mut s = spec(ring(12, 20.0, c), Vec::new());
        s.deform = Some(Deform::Morph(vec![
            frame(ring(12, 20.0, c), 0.0, None),
            frame(ring(12, 35.0, c), at, Some(len)),
        ]));
        s
    };
    let (figure, entry, hint) = refused(&morph(10.0, 2.0), hold);
    assert_eq!(entry, MotionEntry::Frame(1), "{figure:?} {hint}");
    let len = number_after(&hint, "needs a morph of at least ");
    let room = number_after(&hint, "in a hold of at least ");
    assert!(len > 10.0 && room >= len, "{hint}");
    assert!(plans(&morph(len, len), room), "{hint}");
    assert!(!plans(&morph(len * 0.9, len * 0.9), room), "{hint}");
    // A morph that fits its gap when it takes longer: a 5 m wider wheel.
    let small = |len: f64| {
        let mut s = morph(10.0, len);
        if let Some(Deform::Morph(f)) = &mut s.deform {
            f[1].points = ring(12, 25.0, c);
        }
        s
    };
    let (_, entry, hint) = refused(&small(1.0), hold);
    assert_eq!(entry, MotionEntry::Frame(1), "{hint}");
    let len = number_after(&hint, "take at least ");
    assert!(len > 1.0 && len <= 10.0, "{hint}");
    assert!(plans(&small(len), hold), "{hint}");
}
