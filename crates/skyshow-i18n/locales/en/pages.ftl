# report.html: the visual safety report.

report-page-title = { $title } · skyshow report
report-facts = { $drones ->
    [one] { $drones } drone
   *[other] { $drones } drones
} · { $duration }
report-open-preview = open the 3D preview
report-card-violations = violations
report-card-none = none
report-card-min-distance = min distance (limit { $limit } m)
report-card-speed-xy = max horizontal speed (limit { $limit } m/s)
report-card-speed-z = max vertical speed (limit { $limit } m/s)
report-card-flight = longest flight (battery { $battery })

## Section headings
report-section-timeline = Timeline
report-section-separation = Minimum distance between drones
report-section-speed = Speeds
report-section-transitions = Transitions: duration and lower bound
report-section-flight-time = Flight time per drone
report-section-fireworks = Fireworks
report-section-formations = Formations, seen from the audience
report-section-violations = Violations
report-section-limits = Limits

## Axes and plot descriptions
report-axis-show-time = show time
report-axis-burst-time = burst time
report-axis-time-in-air = time in the air
report-axis-drones = drones
report-axis-seconds = seconds
report-timeline-aria = timeline of formations, transitions and fireworks
report-timeline-note = Top: takeoff, formations (coloured), transitions (grey), landing. Bottom: firework bursts in their colours. Hover for names.
report-timeline-emergency-note = Above them: the emergency return's entries, one per second (green: proven safe for a trigger at any moment of the second; red: not), and at the top the stretches in which a plain vertical landing in place is collision-free (blue; never over a vertical picture).
report-rth-band = emergency return entries, safe
report-rth-band-unsafe = emergency return entries, not proven safe
report-land-in-place-band = landing in place is safe

## Separation
report-no-separation = No separation series was measured.
report-limit-m = limit { $limit } m
report-separation-aria = minimum distance over time
report-separation-note = Smallest distance between two airborne drones in each window (exact, continuous time). Gaps: no pair close enough to measure. Values above { $top } m are drawn at the top.

## Speeds
report-no-speeds = No speed series was measured.
report-limit-xy = horizontal limit { $limit } m/s
report-limit-up-down = up/down limit { $limit } m/s
report-limit-climb = climb limit { $limit } m/s
report-limit-descent = descent limit { $limit } m/s
report-speed-xy-aria = maximum horizontal speed over time
report-speed-z-aria = maximum vertical speed over time
report-speed-xy-heading = Horizontal
report-speed-z-heading = Vertical (climb or descent)
report-speeds-note = Largest speed of any drone in each window.
report-motion-heading = Moving formation “{ $formation }” ({ $kinds }), { $start } to { $end }
report-motion-aria = speeds during the hold of { $formation }
report-motion-key-xy = horizontal
report-motion-key-up = climb
report-motion-key-down = descent
report-motion-more = { $count } more moving formations are not plotted.
report-motion-note = During each moving formation's hold: the largest horizontal speed, climb and descent of any drone at { $moments } moments, as the drones fly it (the exported curves).

## Transitions
report-no-transitions = No transitions.
report-transition-tip = { $name }: { $duration } s from { $start } (lower bound { $bound } s)
report-transition-tip-ratio = { $name }: { $duration } s from { $start } (lower bound { $bound } s, ×{ $ratio })
report-transitions-aria = transition durations
report-transitions-note = Bars: planned duration. Dark ticks: the lower bound (no safe transition can be shorter). Hover a bar for the numbers.

## Flight time
report-no-flight-times = No flight times were measured.
report-flight-bin-tip = { $count ->
    [one] { $count } drone flies { $from }–{ $to }
   *[other] { $count } drones fly { $from }–{ $to }
}
report-battery = battery { $battery }
report-flight-aria = histogram of flight time per drone
report-flight-note = { $count ->
    [one] { $count } drone
   *[other] { $count } drones
}; longest flight { $longest }, battery { $battery }.
report-flight-over = { $count } over the battery.

## Fireworks
report-no-fireworks = No fireworks in this show.
report-burst-tip = { $label } · { $time } at { $height } m, radius { $radius } m
report-fireworks-aria = fireworks timeline
report-fireworks-note = { $count ->
    [one] { $count } burst by time and height; circle size follows the burst radius.
   *[other] { $count } bursts by time and height; circle size follows the burst radius.
}

## Formations
report-no-formations = No formations.
report-no-drone-in-air = no drone in the air
report-more-formations = { $count } more formations not shown.
report-formations-note = Each formation at the middle of its hold, seen level from the audience side. Click to open the preview there.

## Violations
report-no-violations = No violations: the show keeps its flight envelope.
report-violations-count = { $count ->
    [one] { $count } violation. Each time opens the preview paused at that moment.
   *[other] { $count } violations. Each time opens the preview paused at that moment.
}
report-col-time = time
report-col-kind = kind
report-col-drones = drones
report-col-value = value
report-col-limit = limit
report-col-source = source
report-more-drones = +{ $count } more
report-more-violations = { $count } more not listed.

## Limits
report-limit-row-min-distance = minimum distance
report-limit-row-speed-xy = horizontal speed
report-limit-row-climb = climb speed
report-limit-row-descent = descent speed
report-limit-row-accel = acceleration
report-limit-row-altitude = altitude
report-limit-row-min-nav-altitude = minimum navigation altitude
report-limit-row-battery = battery
report-limit-row-takeoff-spacing = takeoff spacing

## Phases of the show (report timeline, preview timeline and heads-up display)
phase-takeoff = takeoff
phase-landing = landing
phase-formation = formation "{ $name }"
phase-transition = transition { $route }

## The site plan
report-section-site = Site plan, seen from above
report-site-aria = plan of the site seen from above: the show's extent, the takeoff grid, the boundary, the exclusion zones, the audience's no-fly zone, the audience and the firing front
report-site-note = Seen from straight above, the audience at the bottom; the arrows show the show frame's X and Y axes. The drones stay inside the boundary and out of the exclusion zones and the no-fly zone at every moment (the validator checks it).
report-site-extent = the show's extent (everything the drones reach)
report-site-takeoff = takeoff grid
report-site-boundary = site boundary
report-site-exclusion = exclusion zone
report-site-no-fly = the audience's no-fly zone (its area plus { $buffer } m)
report-site-audience = audience
report-site-front = firing front
