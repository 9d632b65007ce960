# The CLI's own output: progress, commands' messages and errors.

## Progress (the spinner on a terminal)
progress-reading = reading the show file
progress-formations = building the formations for { $drones } drones
progress-takeoff = planning the takeoff of { $drones } drones
progress-ahead = planning { $count } transitions ahead, on their own threads
progress-transition = planning transition { $index }/{ $count }, into "{ $to }"
progress-landing = planning the landing of { $drones } drones
progress-emergency = planning the emergency return from every second
progress-exporting = exporting
progress-validating = validating the written show
progress-fireworks = fireworks
progress-writing = writing
progress-visuals = drawing the preview and the report

build-conflicts-hint = { $count ->
    [one] apply the fix below and build again
   *[other] apply the fixes below (each assumes the ones before it are applied) and build again
}
## transition
transition-close-points = `{ $file }`: { $what } points { $a } and { $b } are { $gap } m apart, within 1 mm of the minimum distance of { $dist } m: taken as given, the transition keeps their spacing

## render and preview of an output folder: its stage.json
stage-missing = note: `{ $file }` is missing (the folder was built by an older skyshow): drawn without the audience, the firing front, the site and the fireworks; build the show again to have them
stage-unreadable = cannot read `{ $file }`: { $reason }
stage-unreadable-hint = `skyshow build` writes this file beside `show.skyc`: build the show into `{ $dir }` again

## Limit flags (`check`, `transition`, `formation`)
cli-limit-flag-range = `--{ $flag } { $value }` is out of range
cli-limit-flag-range-hint = give a finite number ≥ { $min }
## Reading inputs and writing outputs (any command)
cli-cannot-read = cannot read `{ $file }`: { $why }
cli-check-the-path = check the path
show-source-hint = give a show file (.toml), an output folder of `skyshow build`, a .skyc, or a Skybrush CSV (a ZIP of per-drone CSVs, or static markers)
output-cannot-write = cannot write `{ $file }`: { $why }
output-cannot-move = cannot move the new `{ $file }` into place: { $why }
output-cannot-create-folder = cannot create output folder: { $why }
output-cannot-write-into = cannot write into `{ $folder }`: { $why }
## build
build-cannot-make-skyc = cannot make show.skyc: { $why }
build-csv-fps-range = `--csv-fps` = { $fps } is out of range
build-csv-fps-hint = use a rate between 0.1 and 100
build-max-drones-per-file = `--max-drones-per-file` must be at least 1
## check
check-too-large = `{ $file }` is { $bytes } bytes, more than the { $max } bytes `check` reads
check-the-soundtrack = the soundtrack
## render
render-bad-time = `--{ $flag } { $value }`: { $why }
render-time-hint = seconds (`75.5`) or `m:ss.mmm`
render-not-xyz = `--{ $flag } { $value }` is not `x,y,z`
render-xyz-hint = three numbers in metres, e.g. `-300,0,60`
render-eye-look-at = `--eye` and `--look-at` go together
render-unknown-camera = unknown camera `{ $camera }`
render-unknown-camera-hint = use `audience` or `top`, or `--eye` with `--look-at`
render-which-frames = say which frame(s) to render
render-which-frames-hint = `--at TIME -o frame.png`, or `--from A --to B [--fps F] -o DIR`
render-wrote = wrote { $count } frame(s) to { $folder }

# `skyshow transition FROM.csv TO.csv`.
transition-start-points = start
transition-target-points = target
transition-bad-row = `{ $file }`, line { $line }: { $why }
transition-bad-row-hint = rows are `x,y,z` or Skybrush's `Name,x_m,y_m,z_m,Red,Green,Blue`
transition-counts-differ = `{ $from }` has { $from_count } points but `{ $to }` has { $to_count }
transition-counts-differ-hint = both files need one row per drone
transition-too-close = `{ $file }`: { $what } points { $a } and { $b } (counting from 1) are { $gap } m apart, closer than the minimum distance of { $dist } m
transition-too-close-hint = space the points at least the minimum distance apart, or lower `--min-distance`
transition-unknown-minimise = unknown `--minimise { $value }`
transition-unknown-minimise-hint = use `distance` or `time`
transition-unsafe = cannot plan this transition safely: { $why }
transition-unsafe-hint = space the point sets further apart, or give them more room in altitude
transition-summary = { $drones ->
    [one] { $drones } drone
   *[other] { $drones } drones
}: duration { $duration } s (lower bound { $bound } s, ratio { $ratio }), min distance { $distance } m, { $method } route, sum of squares { $sum_sq } m², assign { $assign_ms } ms, plan { $plan_ms } ms
output-temporary-removed = another process kept removing the new temporary file
render-err-size = image size { $width }×{ $height } is out of range (16 to 8192 pixels a side)
render-err-time = time { $time } s is not a finite number
render-err-camera = the camera is unusable: position and look-at must differ and be finite, field of view between 1° and 170°
render-err-sequence = frame sequence from { $from } s to { $to } s at { $fps } fps is not usable (at most { $max } frames)
render-err-png = PNG encoding failed: { $why }
