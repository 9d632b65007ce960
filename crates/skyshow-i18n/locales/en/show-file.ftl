# Errors in the show file (TOML): message, label under the span, hint.

show-file-invalid = invalid show file: { $detail }
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
color-not-hex = `{ $value }` is not a `#rrggbb` colour
color-hint = use a palette name (red, green, blue, gold, white, warm_white, orange, yellow, cyan, magenta, purple, pink, jade, crimson, sky, off; or in Chinese: 红, 绿, 蓝, 金, 白, 暖白, …) or `#rrggbb`

## Units named in hints
unit-metres = metres
unit-seconds = seconds
unit-degrees = degrees
unit-turns = turns

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
