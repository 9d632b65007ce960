# The summary printed at the end of `build` and `check` (stderr).

summary-title = { $title } — { $drones ->
        [one] { $drones } drone
       *[other] { $drones } drones
    }, { $clock } ({ $seconds } s)
summary-measured = measured
summary-limit = limit
summary-warning = warning
summary-ok = ok
summary-violation = VIOLATION
summary-min-distance = min distance
summary-max-speed-xy = max speed horizontal
summary-max-speed-up = max speed up
summary-max-speed-down = max speed down
summary-max-accel = max acceleration
summary-max-altitude = max altitude
summary-max-velocity-step = max velocity step
summary-longest-flight = longest flight
summary-violations = violations: { $count }
summary-violation-line = { $kind } at { $time } s: { $drones } value { $value }, limit { $limit }
summary-violation-line-source = { $kind } at { $time } s: { $drones } value { $value }, limit { $limit } ({ $source })
summary-pyro-line = { $kind } at { $time } s: position { $position } value { $value }, limit { $limit } ({ $source })
summary-pyro-line-drones = { $kind } at { $time } s: position { $position }, { $drones } value { $value }, limit { $limit } ({ $source })
summary-format-line = format_{ $rule }: { $message }
summary-warnings = warnings: { $count }
summary-more = … and { $count } more (see report.json)
summary-wrote = wrote { $path }
summary-done = done in { $seconds } s
# Between drone names in a violation line.
summary-drone-join = {" & "}

# Moving formations, after the table.
summary-motions = { $count ->
        [one] { $count } moving formation
       *[other] { $count } moving formations
    }
summary-motion-line = { $name } ({ $kinds }): { $xy } m/s horizontal, { $up } m/s up, { $down } m/s down, { $accel } m/s², drones at least { $dist } m apart, curves within { $fit } cm of the design
summary-motion-ramps = motion { $motion } (linear): ramps of { $ramp } s, the shortest the acceleration limit allows

# After the summary, when the build reused plans from the output folder's cache.
summary-cache-reused = { $reused } of { $count } transitions reused from the build cache (.skyshow-cache in the output folder; --no-cache plans them all again)
summary-music-not-mpeg = the music `{ $name }` is { $media_type }, embedded as given; Skybrush Live expects MPEG audio (MP3): convert it (e.g. `ffmpeg -i { $name } music.mp3`) if the ground station should play it
report-velocity-step = { $drones }: velocity step of { $value } m/s at { $time } s (a keyframe joint the drone cannot follow exactly; a warning up to { $limit } m/s)

# The return-to-home plan (report.json `emergency`), after the moving formations.
summary-emergency = emergency return: { $entries } entries (every { $interval } s), longest return { $worst } s, drones at least { $dist } m apart; landing in place is safe for { $safe } s of { $total } s
summary-rth-conflict-line = rth_min_distance: entry { $entry } s triggered at { $trigger } s, at { $time } s: { $drones } { $value } m apart
# A warning: the entries were spaced further apart than asked, for the size of the plan.
warning-rth-interval = the emergency return has an entry every { $interval } s, not every { $asked } s: entries that often would take more than { $mb } MB in show.skyc (`[emergency] max_plan_mb`); each entry is planned for a trigger anywhere in its { $interval } s
# A warning: an emergency return entry the planner could not prove safe.
warning-rth-unsafe = the emergency return entry at { $time } s is not proven safe ({ $why }); do not trigger the return before the next entry, land in place only where report.json `land_in_place_safe_s` allows
# Why an emergency return entry is not proven safe (in warning-rth-unsafe and report.json).
rth-unproven-close = drones { $a } and { $b } may come { $dist } m apart for a trigger before the next entry
rth-unproven-schedule = no safe schedule from there ({ $why }); the entry lands every drone where it is
# Where a conflict of a re-flown return-to-home plan comes from (report.json violations).
report-rth-conflict-source = return-to-home entry { $entry } s, triggered at { $trigger } s
