# 运动编队：`[[chapter.formation.motion]]`、`shape = "sequence"` 的帧、
# `shape = "animation"` 及播放键——演出文件中的写法（导入）与规划器按限值的检查（规划）。

## `[[chapter.formation.motion]]`
motion-scale-needs-factor = `scale` 运动需要 `factor`
motion-scale-needs-factor-hint = 加上 `factor = 0.5` 把图案缩小一半，`factor = 2` 放大一倍
motion-factor-cannot-fly = `factor` = { $value } 无法飞行
motion-factor-cannot-fly-hint = `factor` 是结束时相对开始时的大小：大于 0，至多 { $max }
motion-factor-one = `factor = 1` 不改变大小
motion-factor-one-hint = 请给出不等于 1 的缩放系数，或删除该运动
motion-repeat = `repeat` 应为次数或 "hold"
motion-repeat-hint = `repeat = 3` 重复三次；`repeat = "hold"` 在保持时间内尽可能多次重复
motion-past-hold = 运动超出了保持时间：它在保持开始后 { $end } s 结束，而保持时间只有 { $hold } s
motion-past-hold-start-hint = 请在保持结束前开始（`start` < { $hold }）
motion-past-hold-hint = 请把 `duration` 改为至多 { $room } s{ $repeats ->
    [1] {""}
   *[other] {"（每次重复）"}
}，或提前开始，或把 `hold` 延长到至少 { $end } s
motion-unknown-axis = 未知的轴 `{ $value }`
motion-unknown-axis-hint = `axis` 可以是 "up"、"right" 或 "towards"（编队自身的轴），或演出坐标系中的方向 `[x, y, z]`
motion-axis-zero = 轴的长度为零
motion-axis-zero-hint = 请给出方向，例如 `[0, 0, 1]`（向上），或 "up"、"right"、"towards"
motion-turns-and-angle = `turns` 与 `angle_deg` 只能给出其一
motion-rotate-needs-angle = `rotate` 运动需要 `turns` 或 `angle_deg`
motion-rotate-needs-angle-hint = 加上 `turns = 1`（转一整圈）或 `angle_deg = 90`
motion-angle-zero = `{ $key } = 0` 不会产生运动
motion-angle-zero-hint = 请给出非零角度（负值表示沿轴向下看时顺时针旋转），或删除该运动
motion-path-empty = `path` 没有航点
motion-path-empty-hint = 以相对中心的偏移列出航点：`path = [[0, 20, 0], [0, 20, 10]]`
motion-by-and-path = `by` 与 `path` 只能给出其一
motion-move-needs-path = `move` 运动需要 `by` 或 `path`
motion-move-needs-path-hint = 加上 `by = [0, 30, 0]`（米，演出坐标系）或 `path = [[x, y, z], …]`
motion-goes-nowhere = 该移动的位移为零
motion-goes-nowhere-hint = 请给出不为 `[0, 0, 0]` 的偏移
motion-key-not-taken = `{ $kind }` 运动不接受 `{ $key }`
motion-key-not-taken-hint = `{ $kind }` 接受的键：{ $keys }、start、duration、easing、repeat
motion-not-a-length = `{ $key } = "{ $value }"` 不是时长
motion-not-a-length-hint = 请给出正的拍数或小节数
motion-time-hint = 自保持开始起的秒数（`12.5`、`"0:12.5"`）或拍与小节（`"2 bars"`、`"3 beats"`）
motion-time-out-of-range = `{ $key }` = { $value } s 超出范围
motion-time-range-hint = 保持时间内的时刻应为 0 秒或以上
motion-length-range-hint = 时长应大于 0 秒

## `shape = "sequence"`：依次变形的多幅图案
sequence-too-few-frames = `sequence` 至少需要两个 `[[chapter.formation.frame]]` 图案（编队 `{ $formation }` 有 { $count } 个）
sequence-too-few-frames-hint = 每幅图案加一个 `[[chapter.formation.frame]]` 表，各为带 `at` 的图形
sequence-frame-kind = 帧不能是 `{ $kind }`
sequence-frame-kind-hint = 每一帧都是静止图案：参数图形、points、svg、text、image 或 mesh
sequence-frame-needs-at = 第 { $frame } 帧需要 `at`：它在保持时间内何时完成
sequence-frame-needs-at-hint = 加上 `at = 4`（保持开始后的秒数）或 `at = "2 bars"`
sequence-first-frame-at = 第一帧从保持开始时就显示
sequence-first-frame-at-hint = 请给第一帧 `at = 0`，或省略 `at`
sequence-first-frame-morph = 第一帧之前没有可变形的图案
sequence-first-frame-morph-hint = 请删除第一帧的 `morph`
sequence-frames-out-of-order = 第 { $frame } 帧在 { $at } s，不在前一帧（{ $before } s）之后
sequence-frames-out-of-order-hint = 请让各帧的 `at` 时间依次递增
sequence-morph-too-long = 变形到第 { $frame } 帧需要 { $morph } s，但前一帧只早 { $gap } s
sequence-morph-too-long-hint = 请把 `morph` 设为至多 { $gap } s

## `shape = "animation"`：其他工具录制的轨迹
animation-speed = `animation_speed` 应为大于 0（至多 100）的倍数或 "fit"
animation-speed-hint = 1 按录制速度播放，0.5 为半速；"fit" 为限值允许的最快速度
animation-needs-file = `animation` 编队需要 `file`
animation-needs-file-hint = 请给出 Skybrush CSV ZIP（`Drone N.csv` 文件）或带 `time_s,drone,x,y,z` 列的 CSV
animation-cannot-read = 无法读取动画 `{ $file }`：{ $why }
animation-file = 动画 `{ $file }`：{ $why }
animation-zip-hint = Skybrush CSV ZIP 中每架无人机一个 `Time_msec,x_m,y_m,z_m,Red,Green,Blue` 文件，时间递增
animation-not-zip-or-text = 动画 `{ $file }` 既不是 ZIP 也不是 UTF-8 文本
animation-not-zip-or-text-hint = 请给出 Skybrush CSV ZIP 或 CSV 文件
animation-csv-line = 动画 `{ $file }` 第 { $line } 行：{ $why }
animation-csv-hint = 列：`time_s`（或 `Time_msec`）、可选的 `drone`、`x`、`y`、`z`、可选的 `r`、`g`、`b`
animation-fleet = 动画 `{ $file }` 有 { $drones } 架无人机，但机队只有 { $fleet } 架
animation-fleet-hint = 请把 `fleet.drones` 增大到至少 { $drones }，或从动画中删减无人机
animation-count = 动画 `{ $file }` 有 { $drones } 架无人机，但编队 `{ $formation }` 要求 `count = { $count }`
animation-count-hint = 请设 `count = { $drones }`，或省略 `count`
animation-start-past-end = `animation_start_s` = { $start } 超出了 { $length } s 长的动画结尾
animation-start-past-end-hint = 请给出 0 到 { $length } 之间的时间
animation-still = 动画 `{ $file }` 不会运动：每架无人机只有一个时刻
animation-still-hint = 请为每架无人机给出两个或以上时刻的行（静止图案请用 `shape = "points"`）
animation-too-long = 动画 `{ $file }` 长 { $length } s，超过了 { $max } s

## 带时间列的 CSV
track-csv-no-time = 表头没有时间列（`time_s` 或 `Time_msec`）
track-csv-no-column = 表头没有 `{ $column }` 列
track-csv-too-many-rows = 超过 { $max } 行
track-csv-no-value = 该行没有 `{ $column }` 值
track-csv-not-a-number = `{ $column }` 不是数字：`{ $value }`
track-csv-not-finite = `{ $column }` 不是有限数
track-csv-time-order = 无人机 `{ $drone }`：时间 { $time } s 不在其上一行的 { $previous } s 之后
track-csv-no-rows = 表头之后没有数据行

## 规划器对运动保持的检查（按保持时间与音乐换算时刻）
motion-formation = 编队 `{ $formation }`：{ $what }
motion-music-needed = `{ $key } = "{ $value }"` 按拍计数，但演出没有 `[music]`
motion-music-needed-hint = 请加上配乐 `[music]`，或以秒给出 `{ $key }`
motion-past-music = `{ $key } = "{ $value }"` 从 { $from } 起超出了音乐的节拍（节拍网格止于 { $grid_end }）
motion-past-music-hint = 请缩短 `{ $key }`，或以秒给出
motion-starts-after-hold = 第 { $motion } 个运动在保持开始后 { $start } s 才开始，而保持时间只有 { $hold } s
motion-starts-after-hold-hint = 请在保持结束前开始（`start` < { $hold } s），或延长保持时间
motion-duration-not-positive = 第 { $motion } 个运动的时长为 { $length } s
motion-duration-not-positive-hint = 请给 `duration` 一个正的时长
motion-runs-past-hold = 第 { $motion } 个运动超出保持时间 { $over } s：它在保持开始后 { $end } s 结束，而保持时间只有 { $hold } s
motion-rotation-zero = 旋转 { $angle }° 不会产生运动
motion-rotation-zero-hint = 请给 `turns` 或 `angle_deg` 一个非零值
motion-move-not-finite = 移动需要 `by` 或由有限航点组成的 `path`
motion-first-frame-at = 第一帧在 { $at } s；它从保持开始时就显示
motion-frame-after-hold = 第 { $frame } 帧在 { $at } s，晚于其 { $hold } s 保持时间的结束
motion-frame-after-hold-hint = 请把它移到至多 { $hold } s，或把保持时间延长到至少 { $at } s
motion-morph-length-hint = 请给 `morph` 一个大于 0、至多 { $gap } s 的时长
motion-playback-speed = 播放速度 { $speed } 无法飞行
motion-clip-start = 动画从 { $start } s 开始，但片段只有 { $length } s 长
motion-clip-start-hint = 请把 `animation_start_s` 设在 0 到 { $length } 之间
motion-clip-beyond-limits = 动画以任何播放速度都超出限值
motion-clip-beyond-limits-hint = 叠加在它上面的刚体运动本身就太快；请放慢这些运动

## 超出限值的运动：指标与可行的修正
motion-limit = 编队 `{ $formation }`：{ $what }在 { $at_show }（保持开始后 { $at_s } s，第 { $point } 个点）需要{ $figure } { $value } { $unit }，超出了 { $limit } { $unit } 的限值
figure-speed-xy = 水平速度
figure-speed-up = 上升速度
figure-speed-down = 下降速度
figure-accel = 加速度
figure-altitude = 高度
figure-distance = 无人机间距
motion-what-rotation = 旋转（第 { $motion } 个运动）
motion-what-move = 移动（第 { $motion } 个运动）
motion-what-scaling = 缩放（第 { $motion } 个运动）
motion-what-motion = 该运动
motion-what-morph = 变形到第 { $frame } 帧
motion-what-animation = 动画
motion-what-fitted = 拟合后的运动
motion-fitted-hint = 设计与限值只差毫厘；请把运动稍微放慢
motion-fix-or = { $first }；或 { $rest }
motion-fix-center-down = 把 `center` 至少下移 { $metres } m
motion-fix-center-up = 把 `center` 至少上移 { $metres } m
motion-fix-raise-limit = 如无人机允许，请提高 `limits.{ $key }`
motion-fix-over = （用时 { $length }）
motion-fix-turns = 至多 { $turns } 圈（{ $degrees }°）{ $over }
motion-fix-move = 移动距离至多 { $length } m（现为 { $now } m）{ $over }
motion-fix-factor = `factor` = { $factor }{ $over }
motion-fix-duration = `duration` ≥ { $seconds } s（现为 { $now } s）
motion-fix-duration-hold = `duration` ≥ { $seconds } s，且保持时间至少 { $need } s（现为 { $hold } s）
motion-fix-morph = 让变形到第 { $frame } 帧至少用时 { $seconds } s（`morph`，现为 { $now } s）
motion-fix-morph-later = 第 { $frame } 帧的变形至少需要 { $need } s：请把它放在第 { $before } 帧之后至少 { $need } s（现为其后 { $gap } s），之后各帧同样后移，保持时间至少 { $hold } s
motion-fix-frames-room = 请在第 { $before } 帧与第 { $frame } 帧之间留出更多时间，或让两幅图案更接近
motion-fix-speed = `animation_speed` ≤ { $speed }（现为 { $now }），或 `animation_speed = "fit"`
motion-fix-size-key = `{ $key }` { $op } { $value }（现为 { $now }）
motion-fix-size = 把图案缩放为原来的 { $factor } 倍
