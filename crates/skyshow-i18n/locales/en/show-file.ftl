# Errors in the show file (TOML): message, label under the span, hint.

show-file-invalid = invalid show file: { $detail }
# The TOML parser's own words about the file's syntax.
show-file-toml-syntax = { $detail }
show-file-unknown-field = unknown field `{ $key }`, expected one of { $expected }
show-file-unknown-field-none = unknown field `{ $key }`: this table takes no keys
show-file-missing-field = missing field `{ $key }`
show-file-wrong-type = invalid type: { $found }, expected { $expected }
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
unit-share-of-picture = (a share of the picture, 0–1)
unit-of-picture-extent = (of the picture's extent)
unit-brightest-channel = (brightness of the brightest channel)
unit-metres-in-band = metres (above the minimum navigation altitude, below the maximum altitude)
unit-metres-per-mm = metres per mm of calibre

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
show-file-label-motion = this motion
show-file-label-second-angle = second angle
show-file-label-second-path = second path
show-file-label-path = this path
show-file-label-offset = this offset
show-file-label-not-used-by-motion = not used by this motion
show-file-label-not-used-by-shape = not used by this shape
show-file-label-frame = this frame
show-file-label-mode = this mode

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
light-picture-pixels-too-large = { $width } × { $height } pixels, more than { $max } on a side

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
snap-needs-start = `snap` needs `start`
snap-needs-start-hint = give the formation a `start` to snap, or remove `snap`
show-file-invalid-length = `{ $key }` is not a valid length: { $why }
time-clock-hint = write `"m:ss"` or `"m:ss.mmm"` (`"1:15"`, `"1:15.5"`)
time-empty = empty time
time-too-many-colons = `{ $value }` has too many `:`
time-not-seconds = `{ $value }` is not a number of seconds
time-not-whole = `{ $value }` is not a whole number
time-not-a-time = `{ $value }` is not a time
time-seconds-below-60 = `{ $seconds }` seconds must be below 60 in `{ $value }`
time-bar-beat-needs-music = `{ $value }` is a bar.beat time but the show has no `[music]`
time-bar-beat-needs-music-hint = add `[music]` with the soundtrack, or write seconds as a number (`33.1`, unquoted)
time-bar-beat-hint = bars and beats count from 1: `33.1` is the first beat of bar 33
time-past-music-hint = pick an earlier bar, or check `[music]` (file, offset_s, bpm)
time-bar-before-show = `{ $value }` is before the show starts: the music starts before the show (negative `offset_s`), and its first bar in the show is bar { $first }
time-bar-before-show-hint = bars keep the music's own numbers, as in your DAW: pick bar { $first } or later, or change `offset_s`
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

## One formation in the show file: name, count, shape and the keys it takes
formation-needs-name = a formation needs a name
formation-count-above-fleet = formation `{ $formation }` needs { $count } drones but the fleet has { $fleet }
formation-count-above-fleet-hint = lower `count` or raise `fleet.drones`
formation-unknown-shape = unknown shape `{ $shape }`
formation-unknown-shape-hint = shapes: grid, plane, circle, ring, disc, sphere, helix, line, polygon, points, svg, text, image, mesh, sequence, animation
formation-frames-not-taken = a `{ $shape }` does not take `[[chapter.formation.frame]]` pictures
formation-frames-not-taken-hint = frames belong to `shape = "sequence"`
formation-key-not-taken = a `{ $shape }` does not take `{ $key }`
formation-key-not-taken-hint = `{ $shape }` takes: { $keys }
formation-playback-not-taken-hint = playback keys belong to animations: `shape = "animation"` or an animated glTF mesh

## A formation that cannot be built (skyshow-formations)
formation-too-dense = formation `{ $formation }`: points { $spacing } m apart, closer than the { $min } m minimum distance
formation-too-many-points = formation `{ $formation }` needs { $needed } drones but the fleet has { $fleet }
formation-too-many-points-hint = raise `fleet.drones` to at least { $needed }, or use fewer points
formation-why = formation `{ $formation }`: { $why }
formation-altitude = formation `{ $formation }` reaches { $altitude } m altitude, outside { $low }–{ $high } m
formation-altitude-hint = move `center` or shrink the shape so it stays between { $low } and { $high } m
formation-mesh-no-volume = the mesh encloses no volume to place drones in (it is open, or flat)
formation-mesh-no-volume-hint = use `mode = "surface"` to spread the drones over it, or close the mesh (every edge shared by two faces)
formation-mesh-no-area = the mesh has no surface area to place drones on (its faces have no area)
formation-mesh-no-area-hint = check the file, or use `mode = "vertices"` to fly one drone on each vertex
formation-mesh-no-vertices = the mesh has no vertices
formation-dense-points = points { $a } and { $b } (rows of the file, 1-based) are { $gap } m apart; move them apart or scale the picture by { $factor }
formation-dense-vertices = vertices { $a } and { $b } (rows of the file, 1-based) are { $gap } m apart; move them apart or scale the picture by { $factor }
formation-dense-size = the smallest size that holds these drones at { $min } m is { $size }; or use fewer drones (`count`)
formation-size-width-height = `width_m` ≥ { $width } and `height_m` ≥ { $height } (now { $now_width } × { $now_height })
formation-size-radius = `radius_m` ≥ { $radius } (now { $now })
formation-size-annulus = `inner_radius_m` and `outer_radius_m` scaled by { $factor } (now { $inner }, { $outer })
formation-size-radius-height = `radius_m` and `height_m` scaled by { $factor } (now { $radius }, { $height })
formation-size-length = `length_m` ≥ { $length } (now { $now })
formation-size-factor = { $factor }× this one
formation-dense-mesh = the smallest size that holds these drones at { $min } m is { $factor }× this one: `size_m` ≥ { $size } (the largest extent, now { $now } m); or use fewer drones (`count`)
formation-dense-artwork = the smallest size that holds these drones at { $min } m is { $factor }× this one: `width_m` ≥ { $width } or `height_m` ≥ { $height } (now { $now_width } × { $now_height } m); or use fewer drones (`count`)
formation-no-area = the { $kind } has no filled area to place drones in
formation-no-area-hint = use `mode = "outline"` to fly along its lines
formation-draws-nothing = the { $kind } draws nothing: no filled area and no lines
formation-draws-nothing-hint = check the artwork: hidden, empty or fully transparent shapes are skipped
formation-frame-count = frame { $frame } has { $drones } drones but frame 1 has { $first }
formation-frame-count-hint = give every frame the same `count` (now { $first } in frame 1)
formation-in-frame = frame { $frame }: { $text }
formation-frame-altitude = frame { $frame } reaches { $altitude } m altitude, outside { $low }–{ $high } m
formation-frame-altitude-hint = move `center` or shrink frame { $frame } so it stays between { $low } and { $high } m

## Artwork too detailed for its drones (a warning)
detail-too-detailed = the artwork is too detailed for { $drones } drones: { $why }
detail-gaps = { $percent } % of its edges face another part across a gap narrower than the { $spacing } m between drones, so those parts merge
detail-far = parts of it are { $distance } m from the nearest drone ({ $ratio }× the { $spacing } m spacing)
detail-and = { $first }; and { $second }
detail-warning = formation `{ $formation }`: { $what }; { $advice }
detail-count-and-fleet = `count = { $drones }` (and `fleet.drones` ≥ { $drones })
detail-more-drones = about { $drones } drones would show it: { $keys }
detail-times-size = { $factor }× the size
detail-width-or-height = `width_m` ≥ { $width } or `height_m` ≥ { $height }
detail-larger = about { $drones } drones with the picture { $factor }× as large would show it: { $keys } and { $size }

## A show that does not fit its music (warnings)
music-warning-starts-after = starts at { $start } after it
music-warning-on-show = is on show from { $start } to { $end }
music-warning-last-bar = {" "}(its last bar, bar { $bar }, starts at { $start })
music-warning-show-past = the music ends at { $music_end }, but formation `{ $formation }` { $during }: the formations run { $over } s past the music, to { $last_end }; shorten holds or move formations earlier so the last one ends with the music{ $bar }, or use a longer track
music-warning-after-show = the music plays { $after } s after the last drone lands at { $landed } (it ends at { $music_end }); add formations or lengthen holds, or trim the music file
