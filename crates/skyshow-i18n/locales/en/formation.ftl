
## Formations whose drones are dark
formation-all-dark = formation `{ $formation }`: all { $drones } drones show a dark colour (LEDs off or nearly), so it is invisible at night; set `color` (or the artwork's colours) to light it
formation-some-dark = formation `{ $formation }`: { $dark } of { $drones } drones show a dark colour (LEDs off or nearly); unless that is meant (an SVG with `dark = "off"`), give those parts a brighter colour (in an SVG, `dark = "hole"` leaves them out)
