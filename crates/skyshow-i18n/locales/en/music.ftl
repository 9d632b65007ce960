# `skyshow beats`: what it prints about a music file, and its errors.

beats-summary = `{ $file }`: { $duration } s at { $rate } Hz, { $bpm } BPM, { $beats } beats, { $bars } bars, { $onsets } onsets, analysed in { $ms } ms
# The tempo sections, joined by `beats-section-separator`.
beats-sections = tempo: { $sections }
beats-section = { $bpm } BPM from { $at }
beats-section-separator = {", "}
# Above the bar table: each row starts with a bar number, then the start of that bar and the next ones.
beats-bars-header = bars ({ $per_bar } beats each; bar 1 starts at the first downbeat, as a DAW counts, and is what `"1.1"` means in a show file), start times in m:ss.mmm:
beats-no-bars = no bars: the music has fewer beats than one bar
beats-cannot-read = cannot read `{ $file }`: { $why }
beats-cannot-read-hint = check the path
beats-bad-tap = `--taps`: `{ $value }` is not a number of seconds
beats-bad-tap-hint = give tap times in seconds, separated by commas: `--taps 0.52,1.01,1.50`
beats-taps-and-bpm = `--taps` and `--bpm` cannot be used together
beats-taps-and-bpm-hint = give either a fixed tempo or taps
beats-first-beat-needs-bpm = `--first-beat` needs `--bpm`
beats-first-beat-needs-bpm-hint = add `--bpm` with the tempo
beats-undecodable = `{ $file }`: { $why }
beats-undecodable-hint = skyshow reads WAV, FLAC, OGG/Vorbis and MP3
beats-analysis = `{ $file }`: { $why }
beats-no-beats-hint = give the tempo with `--bpm` and `--first-beat`, or the beats with `--taps`
