
## Formations whose drones are dark
formation-all-dark = formation `{ $formation }`: all { $drones } drones show a dark colour (LEDs off or nearly), so it is invisible at night; set `color` (or the artwork's colours) to light it
formation-some-dark = formation `{ $formation }`: { $dark } of { $drones } drones show a dark colour (LEDs off or nearly); unless that is meant (an SVG with `dark = "off"`), give those parts a brighter colour (in an SVG, `dark = "hole"` leaves them out)

## `skyshow formation` on a moving formation spec
formation-moving-needs-hold = formation `{ $formation }` moves, and its motion plays over the formation's hold, which the spec does not give
formation-moving-hold-hint = add `hold = 20` (seconds) to the spec's keys; motions without a `duration` last the whole hold
formation-fps-range = `--fps { $fps }` is out of range
formation-fps-hint = give from 0.1 to 100 rows per second (Skybrush Studio imports 25 well)

## Shapes and colourings in the show file
formation-shape-needs-key = a `{ $shape }` needs `{ $key }`
formation-shape-needs-key-hint = add `{ $key } = …` to formation `{ $name }`
formation-ring-inner-outer = `inner_radius_m` must be smaller than `outer_radius_m`
formation-polygon-sides = a `polygon` needs `sides`
formation-polygon-sides-hint = add `sides = 6` (3 or more)
formation-points-needs-file = a `points` formation needs `points = "file.csv"`
formation-points-needs-file-hint = name a CSV file of `x,y,z[,r,g,b]` rows, relative to the show file
formation-points-not-utf8 = not UTF-8 text
formation-points-unread = cannot read points file `{ $file }`: { $why }
formation-points-line = points file `{ $file }`, line { $line }: { $why }
formation-points-line-hint = rows are `x,y,z[,r,g,b]` or Skybrush's `Name,x_m,y_m,z_m,Red,Green,Blue`
formation-points-fleet = formation `{ $formation }` has { $points } points but the fleet has { $fleet } drones
formation-points-fleet-hint = this formation needs { $points } drones: raise `fleet.drones` or remove points
formation-color-and-gradient = give either `color` or `gradient`, not both
formation-gradient-two-colours = a gradient needs at least two colours

## Point lists (CSV)
points-csv-not-numbers = expected `x,y,z[,r,g,b]` numbers, found `{ $found }`
points-csv-three = expected at least 3 coordinates, found { $found }
points-csv-nan = { $column } `{ $value }` is not a number
points-csv-range = { $column } `{ $value }` is out of range (|value| ≤ 100 km)
points-csv-channel = { $column } `{ $value }` must be 0–255
points-csv-empty = the file has no points
formation-gradient-axis = unknown gradient axis `{ $axis }`
formation-gradient-axis-hint = axes: x, y, z (or up), -x, -y, -z (or down)
