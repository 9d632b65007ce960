# Why the planner refuses a transition (skyshow-plan).

plan-refused-straight = straight lines bring drones closer than { $dist } m however their departures are staggered
plan-refused-layers-start = opening the start into layers in depth needs { $needed } m of altitude ({ $picture } m of picture and its layers), but the altitude band { $low }–{ $high } m has { $room } m
plan-refused-layers-target = opening the target into layers in depth needs { $needed } m of altitude ({ $picture } m of picture and its layers), but the altitude band { $low }–{ $high } m has { $room } m
plan-refused-spread = spread out as far as the band allows, drones still come { $dist } m apart
plan-refused-and = { $first }; { $rest }
