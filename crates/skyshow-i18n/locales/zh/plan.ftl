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

# 演出无法规划的原因（skyshow-plan 的 error.rs、landing.rs）及提示。
plan-cannot-join = 无法安全地从 `{ $from }` 变换到 `{ $to }`：{ $why }
plan-cannot-join-hint = 请把编队间隔拉开、提高 `max_altitude_m`，或让编队远离地面
plan-musical-hold = 编队 `{ $formation }`：从 { $start } 起的 `hold = "{ $length }"` 与音乐节拍不符（第一拍 { $first_beat }，节拍网格止于 { $grid_end }）
plan-musical-hold-hint = 请缩短保持时间、提前该编队，或以秒给出保持时间
plan-hold-without-music = 编队 `{ $formation }`：`hold = "{ $length }"` 按拍计数，但演出没有 `[music]`
plan-hold-without-music-hint = 请加上配乐 `[music]`，或以秒给出保持时间
plan-battery = 无人机飞行 { $flight } s，比电池的 { $battery } s 多出 { $over } s
plan-battery-hint = 请把演出缩短 { $over } s（保持时间或编队），或在无人机允许时提高 `limits.battery_s`
plan-landing = 无法规划降落：{ $why }
plan-landing-hint = 请让最后一个编队离起飞网格更远
plan-landing-blocked = 无人机 { $drones } 互相挡住了下降的路（每架的路径都经过另一架等待的位置）
plan-landing-no-moment = 无人机 { $drone } 找不到安全的起飞时刻
