# Errors in the show file (TOML): message, label under the span, hint.

show-file-invalid = invalid show file: { $detail }
show-file-unknown-key-hint = see docs/show-file.md for the keys this table takes
show-file-missing-key-hint = add the key; docs/show-file.md lists what each table needs
show-file-invalid-type-hint = check the value's type: numbers are unquoted, names and times are quoted
show-file-out-of-range = `{ $key }` = { $value } is out of range
show-file-out-of-range-hint = `{ $key }` must be between { $lo } and { $hi } { $unit }
show-file-whole-number-hint = `{ $key }` must be a whole number from { $lo } to { $hi }
show-file-coordinate-out-of-range = `{ $key }` has a value out of range
show-file-coordinate-out-of-range-hint = coordinates are metres in the show frame, within ±10 km
show-file-not-a-time = { $value } is not a time
show-file-not-a-time-hint = times are seconds from the show's start
show-file-time-too-long = `{ $key }` = { $value } s is longer than 24 hours
show-file-invalid-time = `{ $key }` is not a valid time: { $why }
show-file-unknown-choice = unknown { $key } `{ $value }`
show-file-unknown-choice-hint = `{ $key }` is one of: { $choices }

## Colours
color-unknown = unknown colour `{ $value }`
color-unknown-near = unknown colour `{ $value }` (did you mean `{ $name }`?)
color-not-hex = `{ $value }` is not a `#rrggbb` colour
color-hint = use a palette name (red, green, blue, gold, white, warm_white, orange, yellow, cyan, magenta, purple, pink, jade, crimson, sky, off; or in Chinese: 红, 绿, 蓝, 金, 白, 暖白, …) or `#rrggbb`

## Units named in hints
unit-metres = metres
unit-seconds = seconds
unit-degrees = degrees
unit-turns = turns
unit-fps = frames per second
unit-bpm = beats per minute
unit-seconds-into-music = seconds into the music
unit-ems-between-baselines = (ems between baselines)
unit-brightness = (brightness)
unit-share-inside = (the share of drones inside the area)

## Labels under the span
show-file-label-formation = formation `{ $name }`
show-file-label-value = this value
show-file-label-file = this file
show-file-label-key = this key
show-file-label-shape = this shape
show-file-label-here = here
show-file-label-effect = this effect
show-file-label-second-one = second one
show-file-label-pattern = this pattern
show-file-label-list = this list
show-file-label-in-list = in this list
show-file-label-length = this length
show-file-label-time = this time
show-file-label-name = this name
show-file-label-grid = this grid
show-file-label-colour = this colour
show-file-label-chapter = this chapter
show-file-label-axis = this axis
show-file-label-in-file = in this file
show-file-label-title = this title
show-file-label-second-colouring = second colouring
show-file-label-count = this count
show-file-label-font = this font
show-file-label-end = this end
show-file-label-empty = empty
show-file-label-empty-kind = empty kind
show-file-label-empty-label = empty label
show-file-label-kind = this kind
show-file-label-fireworks = these fireworks
show-file-label-modules = these modules
show-file-label-racks = these racks
show-file-label-positions = these positions
show-file-label-taps = these taps

## Files named in the show file
show-file-cannot-read = cannot read `{ $name }`: { $why }
show-file-cannot-read-hint = paths are relative to the show file

## Light effects
light-effect-needs = a `{ $effect }` effect needs `{ $key }`
light-effect-needs-hint = add `{ $key } = …` to the effect (see docs/show-file.md)
light-colors-too-few = `colors` needs at least { $min } colours
light-unknown-axis = unknown axis `{ $value }`
light-unknown-axis-hint = axes: right, up, left, down (as the audience sees the picture), x, y, z, -x, -y, -z (show frame); or give `angle_deg`
light-axis-or-angle = give either `axis` or `angle_deg`
light-beats-need-music = beat effects need the show's `[music]`
light-beats-need-music-hint = add `[music]`, or give the interval in seconds (`every = "0.5 s"`)
light-every-not-interval = `every = "{ $value }"` is not a beat interval
light-every-not-interval-hint = write "beat", "bar", "2 beats", "4 bars" or "0.5 s"
light-not-a-length = `{ $key }` = "{ $value }" is not a length
light-not-a-length-hint = seconds as a number, or beats or bars: `{ $key } = "0.5 beats"`
light-center-out-of-range = `center` is out of range
light-center-out-of-range-hint = `[u, v]`, 0–1 across and up the picture
light-file-or-frames = give either `file` or `frames`
light-file-or-frames-hint = `file` is one picture or an animated GIF/PNG; `frames` a numbered sequence of pictures
light-unknown-effect = unknown effect `{ $value }`
light-unknown-effect-hint = effects: solid, gradient, radial, sweep, wipe, wave, twinkle, pulse, strobe, cycle, image
light-duration-needs-start = `duration` needs `start`
light-duration-out-of-range = `duration` = { $value } s is out of range
light-duration-out-of-range-hint = between 0.02 s and 24 hours
light-end-or-duration = give either `end` or `duration`
light-needs-start-end = a `[[light]]` needs `start` and `end` (or `duration`)
light-needs-start-end-hint = only effects inside a formation (`[[chapter.formation.light]]`) or a chapter (`[[chapter.light]]`) default to its time
light-ends-before-start = the effect ends ({ $end } s) before it starts ({ $start } s)
light-unknown-blend = unknown blend `{ $value }`
light-unknown-blend-hint = blends: normal, add, multiply, screen
light-frame-not-spatial = `frame` has no effect on a `{ $effect }` effect: it does not depend on where a drone is
light-frame-not-spatial-hint = `frame` applies to gradient, radial, sweep, wipe, wave and image effects, or to any effect with a `region`; remove it here
light-not-a-range = `{ $value }` is not a range
light-not-a-range-hint = write numbers from 1 or ranges: `["1-100", "250"]`
light-no-such-formation = no formation `{ $name }` before this effect
light-no-such-formation-hint = name a formation defined earlier in the file
light-formation-in-formation = an effect inside a formation always targets it
light-formation-in-formation-hint = remove `formation`
light-points-need-formation = `points` needs `formation`
light-region-not-a-box = `region` is not a box
light-region-not-a-box-hint = `[u0, v0, u1, v1]`, 0–1 from the left and from the bottom, u0 < u1, v0 < v1
light-not-a-picture = `{ $name }` is not a readable PNG, JPEG or GIF: { $why }
light-not-a-picture-hint = export video (MP4, MOV, …) as a numbered sequence of PNG pictures and use `frames`
light-still-picture = `{ $name }` is a still picture
light-still-picture-hint = `fps`, `loop`, `frame_count` and `first_frame` are for animations (an animated GIF or PNG, or `frames`)
light-too-many-frames = `{ $name }` has { $count } frames, more than { $max }
light-too-many-frames-hint = shorten the animation or lower its frame rate
light-frames-pattern = `frames` needs one place for the frame number
light-frames-pattern-hint = write `"clip/frame_*.png"` (1, 2, …) or `"clip/frame_####.png"` (0001, 0002, …)
light-frames-need-count = `frames` needs `frame_count`
light-frames-need-count-hint = add `frame_count = …`, the number of pictures in the sequence
light-frame-unreadable = frame { $index } of the sequence: cannot read `{ $name }`: { $why }
light-frame-unreadable-hint = paths are relative to the show file; check `frame_count` and `first_frame`
light-picture-too-large = `{ $name }` is larger than { $max } pixels on a side
light-picture-too-large-hint = scale the picture down

## Music, cues, times and lengths
music-cannot-read = cannot read the music `{ $name }`: { $why }
music-unusable = the music `{ $name }` cannot be used: { $why }
music-unusable-hint = skyshow reads WAV, FLAC, OGG/Vorbis and MP3; re-export the music as one of them
music-taps-increasing = `taps` must be at least two increasing times
music-taps-increasing-hint = list the beats you tapped, seconds into the music: `taps = [0.52, 1.01, 1.50]`
music-bpm-or-taps = `[music]` takes either `bpm` or `taps`, not both
music-first-beat-needs-bpm = `first_beat_s` needs `bpm`
music-first-beat-needs-bpm-hint = add `bpm = …`, or remove `first_beat_s` to track the beats
music-analysis = the music `{ $name }`: { $why }
music-no-beats-hint = give the tempo with `bpm` and `first_beat_s`, or the beats with `taps`
music-analysis-hint = check `bpm`, `first_beat_s` and `taps`
cue-bad-name = `{ $name }` cannot be a cue name
cue-bad-name-hint = a cue name must not be empty, contain `:` or look like a number
cue-defined-twice = cue `{ $name }` is defined twice
snap-unknown = unknown `snap = "{ $value }"`
snap-unknown-hint = use "beat" or "bar"
snap-needs-music = `snap` needs the show's `[music]`
snap-needs-music-hint = add `[music]` with the soundtrack, or remove `snap`
show-file-invalid-length = `{ $key }` is not a valid length: { $why }
time-clock-hint = write `"m:ss"` or `"m:ss.mmm"` (`"1:15"`, `"1:15.5"`)
time-bar-beat-needs-music = `{ $value }` is a bar.beat time but the show has no `[music]`
time-bar-beat-needs-music-hint = add `[music]` with the soundtrack, or write seconds as a number (`33.1`, unquoted)
time-bar-beat-hint = bars and beats count from 1: `33.1` is the first beat of bar 33
time-past-music-hint = pick an earlier bar, or check `[music]` (file, offset_s, bpm)
time-seconds-hint = write seconds as a number
time-no-cues = the show defines no `[[cue]]`
time-known-cues = known cues: { $cues }
time-not-time-or-cue = `{ $value }` is neither a time nor a cue
time-not-time-or-cue-hint = write seconds (`75.5`), `"m:ss.mmm"`, `"bar.beat"` (`"33.1"`) or a cue name; { $known }
length-not-a-length = `{ $value }` is not a length
length-not-a-length-hint = write a positive number of beats or bars (`"4 beats"`, `"8 bars"`)
length-needs-music = `{ $value }` counts beats but the show has no `[music]`
length-needs-music-hint = add `[music]` with the soundtrack, or give the length in seconds
length-misfit-from = `{ $value }` from { $at } does not fit the music's beats (first beat { $first }, the beat grid ends at { $end })
length-misfit-before = `{ $value }` before { $at } does not fit the music's beats (first beat { $first }, the beat grid ends at { $end })
length-misfit-hint = shorten it, move it within the music, or give the length in seconds

## Fleet, chapters, formations, planner
fleet-grid-too-small = the takeoff grid has { $slots } slots for { $drones } drones
fleet-grid-too-small-hint = make `rows` × `columns` at least { $drones }, e.g. { $rows } × { $columns }
fleet-slots-too-close = takeoff slots are { $spacing } m apart, closer than the { $limit } m takeoff spacing
fleet-slots-too-close-hint = increase `spacing_m` (or `row_spacing_m` / `column_spacing_m`)
show-no-chapters = the show has no chapters
show-no-chapters-hint = add at least one `[[chapter]]` with `[[chapter.formation]]` entries
chapter-needs-name = a chapter needs a name
show-file-label-empty-name = empty name
chapter-defined-twice = chapter `{ $name }` is defined twice
formation-defined-twice = formation `{ $name }` is defined twice
formation-defined-twice-hint = formation names must be unique
chapter-lights-without-formations = chapter `{ $name }` has lights but no formations
chapter-lights-without-formations-hint = a chapter's effects run while its formations fly: add `[[chapter.formation]]` entries before them
show-no-formations = the show has no formations
show-no-formations-hint = add `[[chapter.formation]]` entries
planner-unknown-minimise = unknown `minimise = "{ $value }"`
planner-unknown-minimise-hint = use "distance" (sum of squared distances, the default) or "time" (shortest transitions)

## Times and lengths
time-unknown-unit = `{ $given }` is no musical length: `{ $unit }` is not a unit
time-unknown-unit-near-hint = musical lengths count `bars` or `beats` of the music (bar 1 starts at its first downbeat): write `"{ $fixed }"`
time-unknown-unit-hint = musical lengths count `bars` or `beats` (`"8 bars"`, `"4 beats"`); seconds are a number (`12.5`) or `"m:ss"`
time-unknown-cue = `{ $given }` is neither a time nor a cue
time-unknown-cue-hint = did you mean the cue `{ $name }`? Cue names are matched exactly

## glTF animations
show-file-gltf-skin-weights-normalised = the skin weights of { $count ->
    [one] { $count } vertex do
   *[other] { $count } vertices do
} not sum to 1 (the farthest, vertex { $vertex } of { $mesh }, sums to { $sum }); they were normalised
show-file-next-needs-music = `start = "{ $value }"` waits for the music's grid but the show has no `[music]`
show-file-next-needs-music-hint = add `[music]` with the soundtrack, or leave `start` out to start as soon as the transition is done
show-file-next-with-snap = `snap` has nothing to move: `start = "{ $value }"` is already on the music's grid
show-file-next-with-snap-hint = remove `snap`
