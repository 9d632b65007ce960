# The site (`[site]`, and the audience's no-fly zone of `[audience]`): errors of the show file.

site-not-simple = `{ $what }` is not a simple polygon
site-not-simple-hint = give 3 or more corners `[x, y]` in metres, in order around the area, with edges that do not cross or touch
site-boundary-misses-takeoff = takeoff slot { $slot } at ({ $x }, { $y }) is outside `[site] boundary`
site-boundary-misses-takeoff-hint = every drone stands inside the boundary: widen the boundary or move `[fleet.grid] center`
site-exclusion-over-takeoff = exclusion zone `{ $name }` covers takeoff slot { $slot } at ({ $x }, { $y })
site-exclusion-over-takeoff-hint = no drone may stand inside an exclusion zone: move the zone or `[fleet.grid] center`
site-audience-over-takeoff = the audience's no-fly zone (its area plus `buffer_m` = { $buffer } m) covers takeoff slot { $slot } at ({ $x }, { $y })
site-audience-over-takeoff-hint = move `[fleet.grid] center` away from the audience, lower `[audience] buffer_m`, or set `[audience] no_fly = false`
site-front-in-audience = firing position `{ $name }` at ({ $x }, { $y }) is inside the audience's area
site-front-in-audience-hint = the firing front stands in front of the audience, never among it: move the front or the audience's `line`/`zone`
site-label-polygon = this polygon
