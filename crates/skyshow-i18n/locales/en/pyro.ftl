# Fireworks in the show file: [pyro], positions, products, cues, elements, the audience.

pyro-timecode-fps = `timecode_fps` = { $value } is not supported
pyro-timecode-fps-hint = 24, 25 or 30 frames per second (non-drop SMPTE)
pyro-ltc-fps = an LTC track needs 25 or 30 frames per second
pyro-ltc-fps-hint = set `timecode_fps = 25` or `30`, or remove `ltc`
pyro-cue-defined-twice = { $name } is defined twice
pyro-cue-defined-twice-hint = cue names must be unique
pyro-needs-audience = fireworks need the audience's place for the spectator-distance check
pyro-needs-audience-hint = add `line = [[x, y], [x, y]]` (the audience's front edge) or `zone = [[x, y], …]` to `[audience]`
pyro-script-title-ascii = `script_title` must be printable ASCII: firing modules show nothing else
pyro-script-title-ascii-hint = write it in ASCII, e.g. `script_title = "{ $example }"`, or leave it out for that transliteration of the show's title
pyro-audience-too-few = an audience { $what } needs at least { $min } points
pyro-audience-too-few-hint = points are `[x, y]` in metres in the show frame
pyro-audience-out-of-range = the audience { $what } has a value out of range
pyro-audience-line-and-zone = the audience has both a `line` and a `zone`
pyro-audience-line-and-zone-hint = give either the audience's front edge (`line`) or its area (`zone`)
pyro-element-needs-kind = an element needs a kind
pyro-element-needs-kind-hint = narration, ground_lights, fountain, or any other word
pyro-element-needs-label = an element needs a label
pyro-element-needs-label-hint = say what happens, e.g. `label = "fountain program 3"`
pyro-catalogue-unreadable = cannot read catalogue `{ $name }`: { $why }
pyro-product-needs-part = a product needs a part number
pyro-front-twice = the firing front is given both as `[pyro.front]` and as `[[pyro.position]]`
pyro-front-twice-hint = use either a line of N positions or a list of points
pyro-needs-front = fireworks need a firing front
pyro-needs-front-hint = add `[pyro.front]` (center, width_m, positions) or `[[pyro.position]]` entries (name, at)
pyro-position-needs-name = a position needs a name
pyro-position-defined-twice = position `{ $name }` is defined twice
pyro-position-defined-twice-hint = position names must be unique
pyro-bad-module = module { $value } is not a module number
pyro-bad-module-hint = module numbers are whole numbers, 0 or more
pyro-rack-out-of-range = a rack of { $tubes } tubes of { $calibre } mm is out of range
pyro-rack-out-of-range-hint = racks are `{ "{" } calibre_mm = 100, tubes = 12 { "}" }`: 1 to 10000 tubes of up to 1000 mm
pyro-second-script = `{ $name }` is a second script for the same kind of firing system
pyro-second-script-hint = one script per system: COBRA firmware versions share `cobra.csv`
pyro-cue-needs-name = a cue needs a name
pyro-unknown-chapter = { $cue }: unknown chapter `{ $name }`
pyro-unknown-chapter-hint = chapters are { $chapters }
pyro-unknown-position = { $cue }: unknown position `{ $name }`
pyro-unknown-position-hint = positions are { $positions }
