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

# Audio decoding, beat options and bar.beat times (skyshow-music's MusicError).
music-err-empty = the audio file is empty
music-err-format = not a readable audio file (WAV, FLAC, OGG/Vorbis or MP3 expected): { $why }
music-err-no-track = the file holds no audio track
music-err-codec = unknown or unsupported audio codec ({ $why }); use WAV, FLAC, OGG/Vorbis or MP3
music-err-corrupt = corrupt audio data: { $why }
music-err-decoder-failed = the decoder failed on malformed data
music-err-nothing-decoded = no audio could be decoded
music-err-too-long = the audio is longer than the { $max } s allowed
music-err-bad-format = implausible audio format: { $why }
music-err-sample-rate = sample rate { $rate } Hz
music-err-channels = { $channels } channels
music-err-rate-changes = the sample rate changes from { $from } Hz to { $to } Hz
music-err-unknown-rate = unknown sample rate
music-err-no-beats = no beats found: the audio is silent or has no rhythm to track
music-err-override = invalid beat override: { $why }
music-err-beats-per-bar = { $count } beats per bar
music-err-tempo = tempo { $bpm } BPM (expected 1 to 1000)
music-err-first-beat = first beat at { $first } s, outside the music (0 to { $duration } s)
music-err-tap = tap at { $time } s
music-err-two-taps = at least two taps are needed
music-err-taps-close = taps at { $a } s and { $b } s are less than 50 ms apart
music-err-bar-beat = `{ $text }` is not a bar.beat time (like `33.1`): { $why }
music-bar-word = bar
music-beat-word = beat
music-err-not-whole = the { $what } is not a whole number
music-err-too-large = the { $what } is too large
music-err-count-from-1 = bars and beats count from 1
music-err-bar-has = a bar has { $beats } beats
music-err-past-end = bar { $bar } beat { $beat } is past the end of the music (it has { $bars } bars, the last beat at { $last } s)
