# `build` 与 `check` 结束时打印的汇总（stderr）。

summary-title = { $title } — { $drones } 架无人机，时长 { $clock }（{ $seconds } s）
summary-measured = 实测值
summary-limit = 限值
summary-warning = 警告
summary-ok = 合格
summary-violation = 违规
summary-min-distance = 最小间距
summary-max-speed-xy = 最大水平速度
summary-max-speed-up = 最大上升速度
summary-max-speed-down = 最大下降速度
summary-max-accel = 最大加速度
summary-max-altitude = 最大高度
summary-max-velocity-step = 最大速度突变
summary-longest-flight = 最长飞行时间
summary-violations = 违规：{ $count } 项
summary-violation-line = { $kind }，{ $time } s：{ $drones }，实测 { $value }，限值 { $limit }
summary-violation-line-source = { $kind }，{ $time } s：{ $drones }，实测 { $value }，限值 { $limit }（{ $source }）
summary-pyro-line = { $kind }，{ $time } s：发射位 { $position }，实测 { $value }，限值 { $limit }（{ $source }）
summary-pyro-line-drones = { $kind }，{ $time } s：发射位 { $position }，{ $drones }，实测 { $value }，限值 { $limit }（{ $source }）
summary-format-line = 格式问题 format_{ $rule }：{ $message }
summary-warnings = 警告：{ $count } 项
summary-more = ……另有 { $count } 项（见 report.json）
summary-wrote = 已写入 { $path }
summary-done = 完成，用时 { $seconds } s
# 违规条目中无人机名称之间的连接词。
summary-drone-join = {" 与 "}

# 运动编队，列在表格之后。
summary-motions = 运动编队 { $count } 个
summary-motion-line = { $name }（{ $kinds }）：水平 { $xy } m/s，上升 { $up } m/s，下降 { $down } m/s，加速度 { $accel } m/s²，无人机间距不小于 { $dist } m，航迹曲线与设计偏差不超过 { $fit } cm
summary-motion-ramps = 第 { $motion } 个运动（匀速）：加速段与减速段各 { $ramp } s，为加速度限制所允许的最短时间

# 摘要之后：本次构建复用了输出文件夹缓存中的规划。
summary-cache-reused = { $count } 段过渡中有 { $reused } 段复用了构建缓存（输出文件夹中的 .skyshow-cache；--no-cache 可全部重新规划）
summary-music-not-mpeg = 音乐 `{ $name }` 是 { $media_type }，已按原样嵌入；Skybrush Live 需要 MPEG 音频（MP3）：如需地面站播放，请先转换（例如 `ffmpeg -i { $name } music.mp3`）
report-velocity-step = { $drones }：在 { $time } s 有 { $value } m/s 的速度突变（无人机无法精确跟随的关键帧衔接；不超过 { $limit } m/s 时仅为警告）

# 返航计划（report.json 的 `emergency`），在运动编队之后。
summary-emergency = 紧急返航：{ $entries } 个条目（每 { $interval } 秒），最长返航 { $worst } 秒，无人机间距至少 { $dist } 米；原地降落安全的时间为 { $total } 秒中的 { $safe } 秒
summary-rth-conflict-line = rth_min_distance：{ $entry } 秒的条目在 { $trigger } 秒触发，于 { $time } 秒：{ $drones } 相距 { $value } 米
# 警告：因返航计划的大小，条目间隔比要求的更长。
warning-rth-interval = 紧急返航每 { $interval } 秒一个条目，而不是每 { $asked } 秒：那样密的条目在 show.skyc 中会超过 { $mb } MB（`[emergency] max_plan_mb`）；每个条目都按其 { $interval } 秒内任意时刻触发来规划
# 警告：规划器无法证明安全的紧急返航条目。
warning-rth-unsafe = { $time } 秒的紧急返航条目未能证明安全（{ $why }）；请勿在下一个条目之前触发返航，仅在 report.json 的 `land_in_place_safe_s` 允许时原地降落
# 紧急返航条目未能证明安全的原因（用于 warning-rth-unsafe 与 report.json）。
rth-unproven-close = 在下一个条目之前触发时，第 { $a } 与第 { $b } 架无人机可能相距仅 { $dist } 米
rth-unproven-schedule = 从该处找不到安全的返航安排（{ $why }）；该条目让每架无人机原地降落
# 重新飞行返航计划时发现的冲突来自何处（report.json 的 violations）。
report-rth-conflict-source = { $entry } 秒的返航条目，于 { $trigger } 秒触发
