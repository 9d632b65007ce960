# 规划器拒绝某段过渡的原因（skyshow-plan）。

plan-refused-straight = 无论如何错开起飞时刻，直线航迹都会使无人机间距小于 { $dist } m
plan-refused-layers-start = 将起始编队沿纵深拉开分层需要 { $needed } m 的高度空间（画面及其分层共 { $picture } m），但高度范围 { $low }–{ $high } m 只有 { $room } m
plan-refused-layers-target = 将目标编队沿纵深拉开分层需要 { $needed } m 的高度空间（画面及其分层共 { $picture } m），但高度范围 { $low }–{ $high } m 只有 { $room } m
plan-refused-spread = 即使在高度范围内尽量散开，无人机间距仍只有 { $dist } m
plan-refused-and = { $first }；{ $rest }

# 编队开始时变换尚未完成（skyshow-plan conflict.rs）。
plan-conflict = 编队 `{ $to }` 在 { $start } 开始，但从 `{ $from }` 的变换需要 { $needed } 秒，而 `{ $from }` 在 { $prev_end } 才结束
plan-conflicts = { $count } 个编队开始时，飞往它们的变换尚未完成
plan-conflict-start-bar-hint = 请把它的开始改到 { $bar }（小节.拍）或更晚（`start = "{ $bar }"`，{ $clock }），或写 `start = "next beat"`
plan-conflict-start-hint = 请把它的开始改到 { $clock } 或更晚（`start = "{ $clock }"` 或 `start = { $seconds }`），或去掉 `start`，让它尽早开始
plan-conflict-hold-music-hint = 把 `{ $formation }` 的停留缩短到 `hold = "{ $length }"` 或更短（最多 { $seconds } 秒）
plan-conflict-hold-hint = 把 `{ $formation }` 的停留缩短到 `hold = { $seconds }` 或更短
plan-conflict-fixes = { $start }；或{ $hold }
plan-no-grid-left = 编队 `{ $formation }` 要等下一个{ $unit ->
    [bar] 小节
   *[beat] 拍
}，但配乐在 { $earliest } 之后已没有{ $unit ->
    [bar] 小节
   *[beat] 拍
}（节拍在 { $grid_end } 结束）
plan-no-grid-left-hint = 请缩短它之前的停留、以秒为单位给出它的 `start`，或换一段更长的配乐
