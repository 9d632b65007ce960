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

# Fireworks errors of skyshow-pyro (PyroError: message and hint).
pyro-err-catalogue-syntax = catalogue { $origin }: { $why }
pyro-err-catalogue-syntax-hint = entries are [[product]] tables with part, kind, calibre_mm, prefire_s, duration_s, colour, effect
pyro-catalogue-at = line { $line }, column { $column }: { $why }
pyro-err-unknown-product = { $source }: unknown product "{ $part }"
pyro-did-you-mean = did you mean "{ $part }"?
pyro-add-to-catalogue = add it to the catalogue as a [[product]] entry (part, kind, calibre_mm, prefire_s, duration_s, colour, effect)
pyro-err-calibre = product "{ $part }": calibre { $calibre } mm is out of range for a { $kind } ({ $min }–{ $max } mm)
pyro-err-calibre-hint = check the unit (millimetres, not inches) or the product kind
pyro-err-negative-prefire = product "{ $part }": prefire { $prefire } s is negative
pyro-err-negative-prefire-hint = prefire is the time from ignition to the effect, 0 or more (about 2–6 s for shells)
pyro-err-invalid-product = product "{ $part }": { $field } = { $value } is invalid
pyro-product-kinds = the kinds are shell, comet, mine, cake and candle
pyro-product-part-hint = give every product a part number
pyro-product-number-hint = a finite number, 0 or more
pyro-unknown-product-kind = unknown product kind "{ $kind }" (shell, comet, mine, cake, candle)
pyro-unknown-pattern = unknown pattern "{ $pattern }" (all_at_once, left_to_right, right_to_left, centre_out, outside_in, every_N)
pyro-err-front = firing front: { $why }
pyro-front-line-empty = a line needs at least one position
pyro-front-line-empty-hint = set `positions` to 1 or more
pyro-front-line-ends = the line's ends are not finite
pyro-front-line-ends-hint = give both ends in metres
pyro-front-empty = no positions
pyro-front-empty-hint = define a line with N positions or a list of points
pyro-front-unnamed = position { $number } has no name
pyro-front-unnamed-hint = name every position
pyro-front-not-finite = position { $position } is not at a finite point
pyro-front-not-finite-hint = give x, y, z in metres
pyro-front-name-twice = position name { $position } is used twice
pyro-front-name-twice-hint = give every position its own name
pyro-err-unknown-position = { $cue }: unknown position "{ $position }"
pyro-err-unknown-position-hint = positions are { $known }
pyro-err-unknown-chapter = { $cue }: unknown chapter "{ $chapter }"
pyro-err-unknown-chapter-hint = chapters are { $known }
pyro-err-at = { $what }: { $why }
pyro-err-element = element "{ $label }": { $why }
pyro-cue-effect-nan = effect time { $time } is not a number
pyro-cue-effect-nan-hint = give the effect time in seconds
pyro-cue-spacing = spacing { $spacing } s is invalid
pyro-cue-spacing-hint = a spacing of 0 s or more
pyro-cue-count = `count` = 0
pyro-cue-count-hint = fire at least 1 shot per position
pyro-cue-every-0 = pattern `every_0`
pyro-cue-every-0-hint = `every_N` needs N ≥ 1
pyro-element-time = time { $time } s is invalid
pyro-element-time-hint = element times are seconds on the show clock, 0 or more
pyro-err-before-start = { $cue }: at position { $position }, ignition { $ignition } s (effect { $effect } s − prefire { $prefire } s) is before the music starts at { $start } s
pyro-err-before-start-hint = move the effect to { $earliest } s or later, or use a product with a shorter lift
pyro-err-out-of-pins = { $cue }: position { $position } has { $cues } cues but its modules { $modules } have only { $pins } pins
pyro-err-out-of-pins-hint = add modules to position { $position } or move cues to another position
pyro-err-out-of-modules = { $cue }: position { $position } needs module { $module } but the firing system has modules { $first }–{ $last }
pyro-err-out-of-modules-hint = use fewer cues, a system with more modules, or give positions explicit modules
pyro-err-bad-module = position { $position }: module { $module } { $why }
pyro-err-bad-module-hint = give every position its own modules within { $first }–{ $last }
pyro-module-outside = is outside the firing system's modules
pyro-module-twice = is listed twice
pyro-err-tubes = { $cue }: position { $position } fires { $needed } { $calibre } mm shells but its racks hold { $tubes }
pyro-err-tubes-hint = add racks of { $calibre } mm to position { $position }, or remove its racks to have them counted on the setup sheet
pyro-err-option = { $what }: { $why }
pyro-audience-what = audience { $what }
pyro-audience-points = { $count } points, or a point that is not finite
pyro-audience-points-hint = an audience { $what } needs at least { $min } points in metres
pyro-option-cobra-firmware = COBRA firmware
pyro-cobra-version = version { $firmware } is not supported
pyro-cobra-version-hint = firmware major versions 3 to 7
pyro-option-firing-system = firing system
pyro-unknown-system = unknown system "{ $name }"
pyro-unknown-system-hint = cobra, cobra-3 … cobra-7, firetek, generic
pyro-system-hint = pins per module ≥ 1, first module ≤ last module, resolution ≥ 1 ms
pyro-system-no-pins = 0 pins per module
pyro-system-empty-range = modules { $first }–{ $last } is an empty range
pyro-system-no-resolution = resolution 0 ms
pyro-option-timecode-fps = timecode fps
pyro-option-ltc-fps = LTC fps
pyro-fps-unsupported = { $fps } frames per second is not supported
pyro-timecode-fps-values = 24, 25 or 30 (non-drop)
pyro-ltc-fps-values = 25 or 30
pyro-ltc-times = start { $start } s, duration { $duration } s, offset { $offset } s
pyro-ltc-times-hint = a duration above 0 and up to 4 h, and a timecode (start + offset) of 0 or more
pyro-cobra-not-addressed = the script is not addressed for a COBRA system
pyro-cobra-not-addressed-hint = build the script with `FiringSystem::cobra(firmware)`
pyro-cobra-too-many-events = { $events } events, but COBRA firmware { $firmware } takes at most { $max } in a script
pyro-cobra-too-many-events-hint = split the show into several scripts, or use newer firmware
pyro-firetek-not-addressed = the script is not addressed for a fireTEK system
pyro-firetek-not-addressed-hint = build the script with `FiringSystem::firetek()`

# The setup sheet page (`pyro/setup_sheet.html`).
setup-sheet-title = { $title } — setup sheet
setup-sheet-summary = { $positions } positions, { $devices } devices, front { $width } m wide.
setup-sheet-position = Position { $name }
setup-sheet-place = At x { $x } m, y { $y } m, z { $z } m. Modules: { $modules }. Mortars: { $mortars }.
setup-sheet-none = none
setup-sheet-module = Module
setup-sheet-pin = Pin
setup-sheet-part = Part
setup-sheet-effect = Effect
setup-sheet-calibre = Calibre
setup-sheet-ignition = Ignition s
setup-sheet-cue = Cue
