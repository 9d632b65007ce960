#![allow(missing_docs, clippy::print_stdout)]
use skyshow_music::*;
fn main() {
    let pat = std::env::args().nth(1).unwrap();
    for t in evaluation_set()
        .into_iter()
        .filter(|t| t.name.contains(&pat))
    {
        let track = synthesize(&t.spec);
        let audio = Audio {
            sample_rate: track.sample_rate,
            samples: track.samples,
            channels: 1,
        };
        let a = analyze_beats(
            &audio,
            &BeatOptions {
                follow_tempo_changes: false,
                ..BeatOptions::DEFAULT
            },
        )
        .unwrap();
        println!("{} {}", t.name, a.tempo_bpm);
    }
}
