//! Building the festival design: expansion, ignition times, tracks, addressing.

use skyshow_pyro::FiringSystem;

use crate::fixture;

#[test]
fn festival_script_expands_times_and_addresses() {
    let system = FiringSystem::cobra(7).unwrap();
    let s = fixture::script(&system);
    let sum = s.summary();
    assert_eq!(sum.positions, 27);
    assert!((sum.front_width_m - 520.0).abs() < 1e-9);
    assert_eq!(sum.colours, ["blue", "gold", "green", "red", "silver"]);
    // 27 + 27 + 27 + 9 + 3 + 27 + 27 + 27.
    assert_eq!(sum.cues, 174);
    for c in &s.cues {
        let want = ((c.effect_ms as f64 - c.product.prefire_s * 1000.0) / 10.0).round() * 10.0;
        assert_eq!(c.ignition_ms as f64, want, "{c:?}");
        assert!((1..=18).contains(&c.pin));
    }
    // Left to right: P01 fires first.
    let opening: Vec<_> = s
        .cues
        .iter()
        .filter(|c| c.source.contains("opening"))
        .collect();
    assert_eq!(s.position_name(opening[0]), "P01");
    assert_eq!(opening[1].effect_ms - opening[0].effect_ms, 250);
    // Tracks follow the chapters; an explicit chapter wins.
    let track = |name: &str| {
        s.cues
            .iter()
            .find(|c| c.source.contains(name))
            .unwrap()
            .track
    };
    assert_eq!(track("opening"), 1);
    assert_eq!(track("blue-centre"), 2);
    assert_eq!(track("gold-every-3"), 3);
    assert_eq!(track("cakes"), 4);
    // One (module, pin) per device, and modules never shared between positions.
    let mut seen = std::collections::BTreeMap::new();
    for c in &s.cues {
        assert!(seen.insert((c.module, c.pin), c.position).is_none());
    }
    let mut module_pos = std::collections::BTreeMap::new();
    for c in &s.cues {
        assert_eq!(
            *module_pos.entry(c.module).or_insert(c.position),
            c.position
        );
    }
    // Sorted by ignition, module, pin.
    assert!(
        s.cues
            .windows(2)
            .all(|w| (w[0].ignition_ms, w[0].module, w[0].pin)
                <= (w[1].ignition_ms, w[1].module, w[1].pin))
    );
}
