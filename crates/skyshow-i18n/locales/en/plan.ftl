# Why the planner refuses a transition (skyshow-plan).

plan-refused-straight = straight lines bring drones closer than { $dist } m however their departures are staggered
plan-refused-layers-start = opening the start into layers in depth needs { $needed } m of altitude ({ $picture } m of picture and its layers), but the altitude band { $low }–{ $high } m has { $room } m
plan-refused-layers-target = opening the target into layers in depth needs { $needed } m of altitude ({ $picture } m of picture and its layers), but the altitude band { $low }–{ $high } m has { $room } m
plan-refused-spread = spread out as far as the band allows, drones still come { $dist } m apart
plan-refused-and = { $first }; { $rest }

# Formations that start before the transitions into them are done (skyshow-plan conflict.rs).
plan-conflict = formation `{ $to }` starts at { $start }, but the transition from `{ $from }` needs { $needed } s after `{ $from }` ends at { $prev_end }
plan-conflicts = { $count ->
    [one] { $count } formation starts before the transition into it is done
   *[other] { $count } formations start before the transitions into them are done
}
plan-conflict-start-bar-hint = start it at bar { $bar } or later (`start = "{ $bar }"`, { $clock }), or write `start = "next beat"`
plan-conflict-start-hint = start it at { $clock } or later (`start = "{ $clock }"` or `start = { $seconds }`), or leave `start` out to start as soon as possible
plan-conflict-hold-music-hint = shorten the hold of `{ $formation }` to `hold = "{ $length }"` or less (at most { $seconds } s)
plan-conflict-hold-hint = shorten the hold of `{ $formation }` to `hold = { $seconds }` or less
plan-conflict-fixes = { $start }; or { $hold }
plan-no-grid-left = formation `{ $formation }` waits for the next { $unit }, but the music has no { $unit } after { $earliest } (its beats end at { $grid_end })
plan-no-grid-left-hint = shorten the holds before it, give its `start` in seconds, or use a longer music file
