
## Formations whose drones are dark
formation-all-dark = formation `{ $formation }`: all { $drones } drones show a dark colour (LEDs off or nearly), so it is invisible at night; set `color` (or the artwork's colours) to light it
formation-some-dark = formation `{ $formation }`: { $dark } of { $drones } drones show a dark colour (LEDs off or nearly); unless that is meant (an SVG with `dark = "off"`), give those parts a brighter colour (in an SVG, `dark = "hole"` leaves them out)

## `skyshow formation` on a moving formation spec
formation-moving-needs-hold = formation `{ $formation }` moves, and its motion plays over the formation's hold, which the spec does not give
formation-moving-hold-hint = add `hold = 20` (seconds) to the spec's keys; motions without a `duration` last the whole hold
formation-fps-range = `--fps { $fps }` is out of range
formation-fps-hint = give from 0.1 to 100 rows per second (Skybrush Studio imports 25 well)
