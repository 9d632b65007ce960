# 规划器拒绝某段过渡的原因（skyshow-plan）。

plan-refused-straight = 无论如何错开起飞时刻，直线航迹都会使无人机间距小于 { $dist } m
plan-refused-layers-start = 将起始编队沿纵深拉开分层需要 { $needed } m 的高度空间（画面及其分层共 { $picture } m），但高度范围 { $low }–{ $high } m 只有 { $room } m
plan-refused-layers-target = 将目标编队沿纵深拉开分层需要 { $needed } m 的高度空间（画面及其分层共 { $picture } m），但高度范围 { $low }–{ $high } m 只有 { $room } m
plan-refused-spread = 即使在高度范围内尽量散开，无人机间距仍只有 { $dist } m
plan-refused-and = { $first }；{ $rest }
