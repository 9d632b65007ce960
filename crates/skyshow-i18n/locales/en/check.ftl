# Findings of the validator (`build` and `check`): what each violation kind is called.
# English shows the kind as report.json names it.

violation-min_distance = min_distance
violation-speed_xy = speed_xy
violation-speed_up = speed_up
violation-speed_down = speed_down
violation-acceleration = acceleration
violation-velocity_step = velocity_step
violation-altitude = altitude
violation-sideways_below_min_nav_altitude = sideways_below_min_nav_altitude
violation-takeoff_spacing = takeoff_spacing
violation-outside_boundary = outside_boundary
violation-in_exclusion_zone = in_exclusion_zone
violation-flight_time = flight_time
violation-trajectory_too_large = trajectory_too_large
violation-light_program_too_large = light_program_too_large
