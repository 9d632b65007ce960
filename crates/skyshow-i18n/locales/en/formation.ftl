
## Formations whose drones are dark
formation-all-dark = formation `{ $formation }`: all { $drones } drones show a dark colour (LEDs off or nearly), so it is invisible at night; set `color` (or the artwork's colours) to light it
formation-some-dark = formation `{ $formation }`: { $dark } of { $drones } drones show a dark colour (LEDs off or nearly); unless that is meant (an SVG with `dark = "off"`), give those parts a brighter colour (in an SVG, `dark = "hole"` leaves them out)

## `skyshow formation` on a moving formation spec
formation-moving-needs-hold = formation `{ $formation }` moves, and its motion plays over the formation's hold, which the spec does not give
formation-moving-hold-hint = add `hold = 20` (seconds) to the spec's keys; motions without a `duration` last the whole hold
formation-fps-range = `--fps { $fps }` is out of range
formation-fps-hint = give from 0.1 to 100 rows per second (Skybrush Studio imports 25 well)

## `skyshow formation`'s own refusals, in its flags
formation-animated-needs-hold = `{ $input }` is animated (`{ $animation }`, { $length } s long), and an animation plays over the formation's hold, which no flag gives
formation-animated-hold-hint = give `--hold { $hold }` to fly the clip over a { $hold } s hold (`--animation-speed fit` plays it as fast as the limits allow), `--at { $at }` for the still picture { $at } s into the clip, or `--still` for the mesh without its animation
formation-drones-range = `--drones { $drones }` is out of range
formation-drones-range-hint = give from 1 to 100000 drones
formation-flag-range = `--{ $flag } { $value }` is out of range
formation-flag-positive = give a finite number of seconds above 0
formation-flag-not-negative = give a finite number ≥ 0
formation-dark-not-svg = `--dark` applies to SVG files; `{ $input }` is not one
formation-dark-not-svg-hint = leave `--dark` out: the dark colours of meshes, images and text show as drones with their LEDs off
formation-animation-not-gltf = `{ $flag }` applies to glTF files (`.gltf`, `.glb`) and their animations; `{ $input }` is not one
formation-animation-not-gltf-hint = leave out `--animation`, `--at`, `--animation-speed`, `--animation-loop` and `--still`, or export the animated model as glTF 2.0 (`.glb`)
formation-spec-flags = only artwork files take `{ $flags }`, not a formation spec
formation-spec-flags-hint = set `width_m`, `height_m`, `mode`, `color`, `dark`, `hold` and the `animation` keys in the spec itself
formation-spec-not-utf8 = not UTF-8 text
formation-spec-unread = cannot read `{ $input }`: { $why }
formation-input-type = `{ $input }`: unsupported input type `.{ $ext }`
formation-input-type-hint = give an SVG (.svg), a mesh (.obj, .stl, .gltf, .glb), an image (.png, .jpg), a formation spec (.toml), or `--text`
formation-path-unresolved = cannot resolve `{ $input }`: { $why }

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
formation-spread = formation `{ $formation }`: points { $spacing } m apart, within a few millimetres of the minimum distance of { $min } m: spread by { $percent } % about its centre (to { $spread } m) so that the written files keep a margin for their rounding; space the picture a few millimetres wider to keep it as designed

# `skyshow formation`: the figures line and its notes.
formation-figures = { $name }: { $points } points, min spacing { $spacing } m{ $ideal }{ $farthest }; wrote { $out }{ $png }
formation-figures-ideal = {" "}(ideal { $ideal } m, { $share } %)
formation-figures-farthest = , farthest from the shape { $distance } m
formation-figures-png = {" "}and { $file }
formation-close-lines-note = note: along { $share } % of the lines, another line runs closer than the ideal spacing (close parallel lines, or the two sides of thin strokes); drones on both take turns there and cannot keep the ideal spacing. More drones give them room, and so does `--mode fill` for filled artwork and text.
formation-detail-warning = { $what }; { $advice }
formation-detail-drones = about `{ $drones }` would show it
formation-detail-spec-size = the spec's size × { $factor }
formation-detail-larger = about `{ $drones }` with the picture { $factor }× as large ({ $size }) would show it at `--min-distance { $distance }`
