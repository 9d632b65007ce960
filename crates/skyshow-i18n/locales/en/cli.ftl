# The CLI's own output: progress, commands' messages and errors.

## Progress (the spinner on a terminal)
progress-reading = reading the show file
progress-formations = building the formations for { $drones } drones
progress-takeoff = planning the takeoff of { $drones } drones
progress-transition = planning transition { $index }/{ $count }, into "{ $to }"
progress-landing = planning the landing of { $drones } drones
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
