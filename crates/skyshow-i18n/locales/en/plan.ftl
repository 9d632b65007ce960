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

# Why a show cannot be planned (skyshow-plan error.rs, landing.rs), with hints.
plan-cannot-join = cannot join `{ $from }` and `{ $to }` safely: { $why }
plan-cannot-join-hint = space the formations further apart, raise `max_altitude_m`, or move them away from the ground
plan-musical-hold = formation `{ $formation }`: `hold = "{ $length }"` from { $start } does not fit the music's beats (first beat { $first_beat }, the beat grid ends at { $grid_end })
plan-musical-hold-hint = shorten the hold, move the formation earlier, or give the hold in seconds
plan-hold-without-music = formation `{ $formation }`: `hold = "{ $length }"` counts beats but the show has no `[music]`
plan-hold-without-music-hint = add `[music]` with the soundtrack, or give the hold in seconds
plan-battery = drones fly { $flight } s, { $over } s longer than the battery's { $battery } s
plan-battery-hint = shorten the show by { $over } s (holds or formations), or raise `limits.battery_s` if the drones allow
plan-landing = cannot plan the landing: { $why }
plan-landing-hint = space the last formation further from the takeoff grid
plan-landing-blocked = drones { $drones } block each other's way down (each one's path passes where another waits)
plan-landing-no-moment = drone { $drone } finds no safe moment to leave
