# Moving formations: `[[chapter.formation.motion]]`, `shape = "sequence"` frames,
# `shape = "animation"` and the playback keys, as the show file gives them (import) and as
# the planner checks them against the limits (plan).

## `[[chapter.formation.motion]]`
motion-scale-needs-factor = a `scale` motion needs `factor`
motion-scale-needs-factor-hint = add `factor = 0.5` to halve the picture, `factor = 2` to double it
motion-factor-cannot-fly = `factor` = { $value } cannot be flown
motion-factor-cannot-fly-hint = `factor` is the size at the end relative to the start: above 0, at most { $max }
motion-factor-one = `factor = 1` does not change the size
motion-factor-one-hint = give a factor other than 1, or remove the motion
motion-repeat = `repeat` is a count or "hold"
motion-repeat-hint = `repeat = 3` repeats three times; `repeat = "hold"` as often as the hold allows
motion-past-hold = the motion runs past the hold: it ends { $end } s into a hold of { $hold } s
motion-past-hold-start-hint = start it before the hold ends (`start` < { $hold })
motion-past-hold-hint = make `duration` at most { $room } s{ $repeats ->
    [1] {""}
   *[other] {" per repetition"}
}, start it earlier, or lengthen `hold` to at least { $end } s
motion-unknown-axis = unknown axis `{ $value }`
motion-unknown-axis-hint = `axis` is "up", "right" or "towards" (the formation's own), or a direction `[x, y, z]` in the show frame
motion-axis-zero = the axis has zero length
motion-axis-zero-hint = give a direction such as `[0, 0, 1]` (up), or "up", "right" or "towards"
motion-turns-and-angle = give either `turns` or `angle_deg`, not both
motion-rotate-needs-angle = a `rotate` motion needs `turns` or `angle_deg`
motion-rotate-needs-angle-hint = add `turns = 1` (a full turn) or `angle_deg = 90`
motion-angle-zero = `{ $key } = 0` does not move
motion-angle-zero-hint = give a non-zero angle (negative turns clockwise looking down the axis), or remove the motion
motion-path-empty = `path` has no waypoints
motion-path-empty-hint = list waypoints as offsets from the centre: `path = [[0, 20, 0], [0, 20, 10]]`
motion-by-and-path = give either `by` or `path`, not both
motion-move-needs-path = a `move` motion needs `by` or `path`
motion-move-needs-path-hint = add `by = [0, 30, 0]` (metres, show frame) or `path = [[x, y, z], …]`
motion-goes-nowhere = the move goes nowhere
motion-goes-nowhere-hint = give an offset other than `[0, 0, 0]`
motion-key-not-taken = a `{ $kind }` motion does not take `{ $key }`
motion-key-not-taken-hint = `{ $kind }` takes: { $keys }, start, duration, easing, repeat
motion-not-a-length = `{ $key } = "{ $value }"` is not a length
motion-not-a-length-hint = give a positive number of beats or bars
motion-time-hint = seconds (`12.5`, `"0:12.5"`) or beats and bars (`"2 bars"`, `"3 beats"`) from the start of the hold
motion-time-out-of-range = `{ $key }` = { $value } s is out of range
motion-time-range-hint = times within the hold are 0 or more seconds
motion-length-range-hint = lengths are above 0 seconds

## `shape = "sequence"`: pictures one after the other, morphing
sequence-too-few-frames = a `sequence` needs at least two `[[chapter.formation.frame]]` pictures (formation `{ $formation }` has { $count })
sequence-too-few-frames-hint = add a `[[chapter.formation.frame]]` table per picture, each a shape with `at`
sequence-frame-kind = a frame cannot be a `{ $kind }`
sequence-frame-kind-hint = each frame is a still picture: a parametric shape, points, svg, text, image or mesh
sequence-frame-needs-at = frame { $frame } needs `at`: when in the hold it is complete
sequence-frame-needs-at-hint = add `at = 4` (seconds into the hold) or `at = "2 bars"`
sequence-first-frame-at = the first frame is shown from the start of the hold
sequence-first-frame-at-hint = give the first frame `at = 0`, or leave `at` out
sequence-first-frame-morph = the first frame has nothing to morph from
sequence-first-frame-morph-hint = remove `morph` from the first frame
sequence-frames-out-of-order = frame { $frame } is at { $at } s, not after the frame before it ({ $before } s)
sequence-frames-out-of-order-hint = give the frames increasing `at` times
sequence-morph-too-long = the morph into frame { $frame } takes { $morph } s but the frame before is only { $gap } s earlier
sequence-morph-too-long-hint = give `morph` at most { $gap } s

## `shape = "animation"`: paths recorded by another tool
animation-speed = `animation_speed` is a factor above 0 (at most 100) or "fit"
animation-speed-hint = 1 plays the animation as recorded, 0.5 at half speed; "fit" as fast as the limits allow
animation-needs-file = an `animation` formation needs `file`
animation-needs-file-hint = name a Skybrush CSV ZIP (`Drone N.csv` files) or a CSV with `time_s,drone,x,y,z` columns
animation-cannot-read = cannot read animation `{ $file }`: { $why }
animation-file = animation `{ $file }`: { $why }
animation-zip-hint = a Skybrush CSV ZIP holds one `Time_msec,x_m,y_m,z_m,Red,Green,Blue` file per drone, times increasing
animation-not-zip-or-text = animation `{ $file }` is neither a ZIP nor UTF-8 text
animation-not-zip-or-text-hint = give a Skybrush CSV ZIP or a CSV file
animation-csv-line = animation `{ $file }`, line { $line }: { $why }
animation-csv-hint = columns: `time_s` (or `Time_msec`), optional `drone`, `x`, `y`, `z`, optional `r`, `g`, `b`
animation-fleet = animation `{ $file }` has { $drones } drones but the fleet has { $fleet }
animation-fleet-hint = raise `fleet.drones` to at least { $drones }, or remove drones from the animation
animation-count = animation `{ $file }` has { $drones } drones but formation `{ $formation }` asks for `count = { $count }`
animation-count-hint = set `count = { $drones }` or leave `count` out
animation-start-past-end = `animation_start_s` = { $start } is past the end of the { $length } s animation
animation-start-past-end-hint = give a time between 0 and { $length }
animation-still = animation `{ $file }` does not move: every drone has a single time
animation-still-hint = give each drone rows at two times or more (a still picture is `shape = "points"`)
animation-too-long = animation `{ $file }` lasts { $length } s, longer than { $max } s

## A CSV with a time column
track-csv-no-time = the header has no time column (`time_s` or `Time_msec`)
track-csv-no-column = the header has no `{ $column }` column
track-csv-too-many-rows = more than { $max } rows
track-csv-no-value = the row has no `{ $column }` value
track-csv-not-a-number = `{ $column }` is not a number: `{ $value }`
track-csv-not-finite = `{ $column }` is not finite
track-csv-time-order = drone `{ $drone }`: time { $time } s does not come after its previous row's { $previous } s
track-csv-no-rows = no rows after the header

## The planner's check of a moving hold (times resolved on the hold and the music)
motion-formation = formation `{ $formation }`: { $what }
motion-music-needed = `{ $key } = "{ $value }"` counts beats but the show has no `[music]`
motion-music-needed-hint = add `[music]` with the soundtrack, or give `{ $key }` in seconds
motion-past-music = `{ $key } = "{ $value }"` from { $from } runs past the music's beats (the beat grid ends at { $grid_end })
motion-past-music-hint = shorten `{ $key }`, or give it in seconds
motion-starts-after-hold = motion { $motion } starts { $start } s into a hold of { $hold } s
motion-starts-after-hold-hint = start it before the hold ends (`start` < { $hold } s), or lengthen the hold
motion-duration-not-positive = motion { $motion } has a duration of { $length } s
motion-duration-not-positive-hint = give `duration` a positive length
motion-runs-past-hold = motion { $motion } runs { $over } s past its hold: it ends { $end } s into a hold of { $hold } s
motion-rotation-zero = a rotation by { $angle }° does not move
motion-rotation-zero-hint = give `turns` or `angle_deg` a non-zero value
motion-move-not-finite = a move needs `by` or a `path` of finite waypoints
motion-first-frame-at = the first frame is at { $at } s; it is shown from the start of the hold
motion-frame-after-hold = frame { $frame } is at { $at } s, after its hold of { $hold } s ends
motion-frame-after-hold-hint = move it to at most { $hold } s, or lengthen the hold to at least { $at } s
motion-morph-length-hint = give `morph` a length above 0 and at most { $gap } s
motion-playback-speed = a playback speed of { $speed } cannot be flown
motion-clip-start = the animation starts at { $start } s of a clip { $length } s long
motion-clip-start-hint = give `animation_start_s` between 0 and { $length }
motion-clip-beyond-limits = the animation is beyond the limits at any playback speed
motion-clip-beyond-limits-hint = the rigid motions on top of it are too fast on their own; slow them down

## A motion beyond a limit: the figure, and fixes that work
motion-limit = formation `{ $formation }`: { $what } needs { $value } { $unit } of { $figure } at { $at_show } ({ $at_s } s into the hold, point { $point }), beyond the { $limit } { $unit } limit
figure-speed-xy = horizontal speed
figure-speed-up = climb speed
figure-speed-down = descent speed
figure-accel = acceleration
figure-altitude = altitude
figure-distance = distance between drones
motion-what-rotation = the rotation (motion { $motion })
motion-what-move = the move (motion { $motion })
motion-what-scaling = the scaling (motion { $motion })
motion-what-motion = the motion
motion-what-morph = the morph into frame { $frame }
motion-what-animation = the animation
motion-what-fitted = the fitted motion
motion-fitted-hint = the design is within a hair of the limit; slow the motion down a little
motion-fix-or = { $first }; or { $rest }
motion-fix-center-down = move `center` down by at least { $metres } m
motion-fix-center-up = move `center` up by at least { $metres } m
motion-fix-raise-limit = raise `limits.{ $key }` if the drones allow
motion-fix-over = {" "}in { $length }
motion-fix-turns = at most { $turns } turns ({ $degrees }°){ $over }
motion-fix-move = a move at most { $length } m long (now { $now } m){ $over }
motion-fix-factor = `factor` = { $factor }{ $over }
motion-fix-duration = `duration` ≥ { $seconds } s (now { $now } s)
motion-fix-duration-hold = `duration` ≥ { $seconds } s in a hold at least { $need } s long (now { $hold } s)
motion-fix-morph = let the morph into frame { $frame } take at least { $seconds } s (`morph`, now { $now } s)
motion-fix-morph-later = frame { $frame } needs a morph of at least { $need } s: put it at least { $need } s after frame { $before } (now { $gap } s after it), the frames after it as much later, in a hold of at least { $hold } s
motion-fix-frames-room = leave more room between frames { $before } and { $frame }, or make the pictures closer to each other
motion-fix-speed = `animation_speed` ≤ { $speed } (now { $now }), or `animation_speed = "fit"`
motion-fix-size-key = `{ $key }` { $op } { $value } (now { $now })
motion-fix-size = the picture { $factor }× its size
