# 演出文件（TOML）中的错误：消息、标注与提示。

show-file-invalid = 演出文件无效：{ $detail }
# TOML 解析器对文件语法的原话。
show-file-toml-syntax = TOML 语法错误，解析器说：`{ $detail }`
show-file-unknown-field = 未知的键 `{ $key }`，此处可用的键：{ $expected }
show-file-unknown-field-none = 未知的键 `{ $key }`：此表不接受任何键
show-file-missing-field = 缺少键 `{ $key }`
show-file-wrong-type = 类型错误：{ $found }，应为 { $expected }
show-file-unknown-key-hint = 此表可用的键见 docs/show-file.zh.md
show-file-missing-key-hint = 请补上该键；各表所需的键见 docs/show-file.zh.md
show-file-invalid-type-hint = 请检查值的类型：数字不加引号，名称和时间要加引号
show-file-out-of-range = `{ $key }` = { $value } 超出范围
show-file-out-of-range-hint = `{ $key }` 须在 { $lo } 到 { $hi } { $unit }之间
show-file-whole-number-hint = `{ $key }` 须为 { $lo } 到 { $hi } 之间的整数
show-file-coordinate-out-of-range = `{ $key }` 中有数值超出范围
show-file-coordinate-out-of-range-hint = 坐标以米为单位、位于演出坐标系中，须在 ±10 km 以内
show-file-not-a-time = { $value } 不是有效的时间
show-file-not-a-time-hint = 时间为距演出开始的秒数
show-file-time-too-long = `{ $key }` = { $value } s，超过 24 小时
show-file-invalid-time = `{ $key }` 不是有效的时间：{ $why }
show-file-unknown-choice = 未知的 { $key }：`{ $value }`
show-file-unknown-choice-hint = `{ $key }` 可选值：{ $choices }

## 颜色
color-unknown = 未知颜色 `{ $value }`
color-unknown-near = 未知颜色 `{ $value }`（是否想写 `{ $name }`？）
color-not-hex = `{ $value }` 不是 `#rrggbb` 格式的颜色
color-hint = 请使用调色板中的颜色名（红、绿、蓝、金、白、暖白、橙、黄、青、品红、紫、粉、翠绿、绯红、天蓝、灭，可加“色”字，如“红色”；也可用英文名 red、gold 等）或 `#rrggbb`

## 提示中的单位
unit-metres = 米
unit-seconds = 秒
unit-degrees = 度
unit-turns = 圈
unit-fps = 帧/秒
unit-bpm = 拍/分钟（BPM）
unit-seconds-into-music = 秒（自音乐开头算起）
unit-ems-between-baselines = （基线间距，单位 em）
unit-brightness = （亮度）
unit-share-inside = （区域内部无人机所占比例）
unit-share-of-picture = （占图案的比例，0–1）
unit-of-picture-extent = （相对图案的范围）
unit-brightest-channel = （最亮通道的亮度）
unit-metres-in-band = 米（高于最低导航高度、低于最大高度）
unit-metres-per-mm = 米/毫米口径

## 标注
show-file-label-formation = 编队 `{ $name }`
show-file-label-value = 此值
show-file-label-file = 此文件
show-file-label-key = 此键
show-file-label-shape = 此图形
show-file-label-here = 此处
show-file-label-effect = 此灯光效果
show-file-label-second-one = 第二处
show-file-label-pattern = 此样式
show-file-label-list = 此列表
show-file-label-in-list = 在此列表中
show-file-label-length = 此长度
show-file-label-time = 此时间
show-file-label-name = 此名称
show-file-label-grid = 此网格
show-file-label-colour = 此颜色
show-file-label-chapter = 此章节
show-file-label-axis = 此轴向
show-file-label-in-file = 在此文件中
show-file-label-title = 此标题
show-file-label-second-colouring = 第二处着色
show-file-label-count = 此数量
show-file-label-font = 此字体
show-file-label-end = 此结束时间
show-file-label-empty = 为空
show-file-label-empty-kind = 类型为空
show-file-label-empty-label = 说明为空
show-file-label-kind = 此类型
show-file-label-fireworks = 这些烟花
show-file-label-modules = 这些模块
show-file-label-racks = 这些发射架
show-file-label-positions = 这些发射位
show-file-label-taps = 这些节拍
show-file-label-motion = 此运动
show-file-label-second-angle = 第二个角度
show-file-label-second-path = 第二条路径
show-file-label-path = 此路径
show-file-label-offset = 此偏移
show-file-label-not-used-by-motion = 此运动不使用
show-file-label-not-used-by-shape = 此图形不使用
show-file-label-frame = 此帧
show-file-label-mode = 此模式

## 演出文件中引用的文件
show-file-cannot-read = 无法读取 `{ $name }`：{ $why }
show-file-cannot-read-hint = 路径相对于演出文件所在目录

## 灯光效果
light-effect-needs = `{ $effect }` 效果需要 `{ $key }`
light-effect-needs-hint = 请在该效果中加上 `{ $key } = …`（见 docs/show-file.zh.md）
light-colors-too-few = `colors` 至少需要 { $min } 种颜色
light-unknown-axis = 未知的方向轴 `{ $value }`
light-unknown-axis-hint = 可用的轴：right、up、left、down（观众所见画面中的方向），x、y、z、-x、-y、-z（演出坐标系）；或改用 `angle_deg`
light-axis-or-angle = `axis` 与 `angle_deg` 只能给出其一
light-beats-need-music = 按节拍触发的效果需要演出的 `[music]`
light-beats-need-music-hint = 请加上 `[music]`，或以秒为单位给出间隔（`every = "0.5 s"`）
light-every-not-interval = `every = "{ $value }"` 不是有效的节拍间隔
light-every-not-interval-hint = 可写作 "beat"、"bar"、"2 beats"、"4 bars" 或 "0.5 s"
light-not-a-length = `{ $key }` = "{ $value }" 不是有效的长度
light-not-a-length-hint = 以数字表示秒数，或用拍、小节：`{ $key } = "0.5 beats"`
light-center-out-of-range = `center` 超出范围
light-center-out-of-range-hint = `[u, v]`，在画面横向与纵向上取 0–1
light-file-or-frames = `file` 与 `frames` 只能给出其一
light-file-or-frames-hint = `file` 为一张图片或一个 GIF/PNG 动画；`frames` 为编号的图片序列
light-unknown-effect = 未知的灯光效果 `{ $value }`
light-unknown-effect-hint = 可用的效果：solid、gradient、radial、sweep、wipe、wave、twinkle、pulse、strobe、cycle、image
light-duration-needs-start = `duration` 需要同时给出 `start`
light-duration-out-of-range = `duration` = { $value } s 超出范围
light-duration-out-of-range-hint = 须在 0.02 s 到 24 小时之间
light-end-or-duration = `end` 与 `duration` 只能给出其一
light-needs-start-end = `[[light]]` 需要 `start` 和 `end`（或 `duration`）
light-needs-start-end-hint = 只有编队内（`[[chapter.formation.light]]`）或章节内（`[[chapter.light]]`）的效果才默认取其时段
light-ends-before-start = 效果的结束时刻（{ $end } s）早于开始时刻（{ $start } s）
light-unknown-blend = 未知的混合方式 `{ $value }`
light-unknown-blend-hint = 可用的混合方式：normal、add、multiply、screen
light-frame-not-spatial = `frame` 对 `{ $effect }` 灯光效果不起作用：该效果与无人机所在位置无关
light-frame-not-spatial-hint = `frame` 只用于 gradient、radial、sweep、wipe、wave 和 image 效果，或带 `region` 的效果；请在此删除它
light-not-a-range = `{ $value }` 不是有效的编号范围
light-not-a-range-hint = 写从 1 起的编号或范围：`["1-100", "250"]`
light-no-such-formation = 此效果之前没有名为 `{ $name }` 的编队
light-no-such-formation-hint = 请填写文件中在此之前定义的编队
light-formation-in-formation = 编队内的效果总是作用于该编队
light-formation-in-formation-hint = 请删去 `formation`
light-points-need-formation = `points` 需要同时给出 `formation`
light-region-not-a-box = `region` 不是有效的矩形
light-region-not-a-box-hint = `[u0, v0, u1, v1]`，从左、从下量起取 0–1，且 u0 < u1、v0 < v1
light-not-a-picture = `{ $name }` 不是可读取的 PNG、JPEG 或 GIF：{ $why }
light-not-a-picture-hint = 请把视频（MP4、MOV 等）导出为编号的 PNG 图片序列，并使用 `frames`
light-still-picture = `{ $name }` 是静态图片
light-still-picture-hint = `fps`、`loop`、`frame_count` 和 `first_frame` 仅用于动画（GIF/PNG 动画或 `frames`）
light-too-many-frames = `{ $name }` 有 { $count } 帧，超过上限 { $max }
light-too-many-frames-hint = 请缩短动画或降低帧率
light-frames-pattern = `frames` 中需要且只能有一处帧编号
light-frames-pattern-hint = 写作 `"clip/frame_*.png"`（1、2、…）或 `"clip/frame_####.png"`（0001、0002、…）
light-frames-need-count = `frames` 需要同时给出 `frame_count`
light-frames-need-count-hint = 请加上 `frame_count = …`，即序列中的图片数量
light-frame-unreadable = 序列第 { $index } 帧：无法读取 `{ $name }`：{ $why }
light-frame-unreadable-hint = 路径相对于演出文件所在目录；请检查 `frame_count` 和 `first_frame`
light-picture-too-large = `{ $name }` 的边长超过 { $max } 像素
light-picture-too-large-hint = 请把图片缩小
light-picture-pixels-too-large = { $width } × { $height } 像素，单边超过 { $max }

## 音乐、提示点、时间与长度
music-cannot-read = 无法读取音乐 `{ $name }`：{ $why }
music-unusable = 音乐 `{ $name }` 无法使用：{ $why }
music-unusable-hint = skyshow 支持 WAV、FLAC、OGG/Vorbis 和 MP3；请把音乐重新导出为其中一种格式
music-taps-increasing = `taps` 至少需要两个依次递增的时刻
music-taps-increasing-hint = 列出你打出的各拍，单位为音乐中的秒数：`taps = [0.52, 1.01, 1.50]`
music-bpm-or-taps = `[music]` 中 `bpm` 与 `taps` 只能给出其一
music-first-beat-needs-bpm = `first_beat_s` 需要同时给出 `bpm`
music-first-beat-needs-bpm-hint = 请加上 `bpm = …`，或删去 `first_beat_s` 以自动跟踪节拍
music-analysis = 音乐 `{ $name }`：{ $why }
music-no-beats-hint = 请用 `bpm` 和 `first_beat_s` 给出速度，或用 `taps` 给出各拍
music-analysis-hint = 请检查 `bpm`、`first_beat_s` 和 `taps`
cue-bad-name = `{ $name }` 不能用作提示点名称
cue-bad-name-hint = 提示点名称不能为空，不能含 `:`，也不能像数字
cue-defined-twice = 提示点 `{ $name }` 重复定义
snap-unknown = 未知的 `snap = "{ $value }"`
snap-unknown-hint = 请用 "beat" 或 "bar"
snap-needs-music = `snap` 需要演出的 `[music]`
snap-needs-music-hint = 请加上配乐 `[music]`，或删去 `snap`
snap-needs-start = `snap` 需要 `start`
snap-needs-start-hint = 请给编队一个要对齐的 `start`，或删除 `snap`
show-file-invalid-length = `{ $key }` 不是有效的长度：{ $why }
time-clock-hint = 写作 `"m:ss"` 或 `"m:ss.mmm"`（`"1:15"`、`"1:15.5"`）
time-empty = 时间为空
time-too-many-colons = `{ $value }` 中的 `:` 太多
time-not-seconds = `{ $value }` 不是秒数
time-not-whole = `{ $value }` 不是整数
time-not-a-time = `{ $value }` 不是时间
time-seconds-below-60 = `{ $value }` 中的秒数 `{ $seconds }` 必须小于 60
time-bar-beat-needs-music = `{ $value }` 是“小节.拍”时间，但演出没有 `[music]`
time-bar-beat-needs-music-hint = 请加上配乐 `[music]`，或把秒数写成不加引号的数字（`33.1`）
time-bar-beat-hint = 小节和拍都从 1 数起：`33.1` 是第 33 小节的第一拍
time-past-music-hint = 请选更早的小节，或检查 `[music]`（file、offset_s、bpm）
time-bar-before-show = `{ $value }` 在演出开始之前：音乐在演出之前就已开始（`offset_s` 为负数），演出中的第一个小节是第 { $first } 小节
time-bar-before-show-hint = 小节沿用音乐本身的编号，与 DAW 中一致：请选第 { $first } 小节或之后的小节，或修改 `offset_s`
time-seconds-hint = 请把秒数写成数字
time-no-cues = 演出中没有定义任何 `[[cue]]`
time-known-cues = 已定义的提示点：{ $cues }
time-not-time-or-cue = `{ $value }` 既不是时间，也不是提示点
time-not-time-or-cue-hint = 请写秒数（`75.5`）、`"m:ss.mmm"`、`"小节.拍"`（`"33.1"`）或提示点名称；{ $known }
length-not-a-length = `{ $value }` 不是有效的长度
length-not-a-length-hint = 请写正数个拍或小节（`"4 beats"`、`"8 bars"`）
length-needs-music = `{ $value }` 按节拍计数，但演出没有 `[music]`
length-needs-music-hint = 请加上配乐 `[music]`，或以秒为单位给出长度
length-misfit-from = 从 { $at } 起的 `{ $value }` 超出音乐的节拍范围（第一拍 { $first }，节拍网格止于 { $end }）
length-misfit-before = 到 { $at } 为止的 `{ $value }` 超出音乐的节拍范围（第一拍 { $first }，节拍网格止于 { $end }）
length-misfit-hint = 请缩短它、把它移到音乐范围之内，或以秒为单位给出长度

## 机群、章节、编队与规划
fleet-grid-too-small = 起飞阵列只有 { $slots } 个起飞位，却有 { $drones } 架无人机
fleet-grid-too-small-hint = 请使 `rows` × `columns` 不少于 { $drones }，例如 { $rows } × { $columns }
fleet-slots-too-close = 起飞位间距为 { $spacing } m，小于起飞间距限值 { $limit } m
fleet-slots-too-close-hint = 请增大 `spacing_m`（或 `row_spacing_m` / `column_spacing_m`）
show-no-chapters = 演出没有任何章节
show-no-chapters-hint = 请至少加上一个含有 `[[chapter.formation]]` 的 `[[chapter]]`
chapter-needs-name = 章节需要名称
show-file-label-empty-name = 名称为空
chapter-defined-twice = 章节 `{ $name }` 重复定义
formation-defined-twice = 编队 `{ $name }` 重复定义
formation-defined-twice-hint = 编队名称不得重复
chapter-lights-without-formations = 章节 `{ $name }` 有灯光效果但没有编队
chapter-lights-without-formations-hint = 章节的灯光效果在其编队飞行期间运行：请在效果之前加上 `[[chapter.formation]]`
show-no-formations = 演出没有任何编队
show-no-formations-hint = 请加上 `[[chapter.formation]]`
planner-unknown-minimise = 未知的 `minimise = "{ $value }"`
planner-unknown-minimise-hint = 请用 "distance"（距离平方和，默认）或 "time"（变换时间最短）

## 时间与时长
time-unknown-unit = `{ $given }` 不是音乐时长：`{ $unit }` 不是可用的单位
time-unknown-unit-near-hint = 音乐时长以乐曲的 `bars`（小节）或 `beats`（拍）计（第 1 小节从第一个强拍开始）：请写成 `"{ $fixed }"`
time-unknown-unit-hint = 音乐时长以 `bars`（小节）或 `beats`（拍）计（`"8 bars"`、`"4 beats"`）；秒数写数字（`12.5`）或 `"m:ss"`
time-unknown-cue = `{ $given }` 既不是时间也不是提示点（cue）
time-unknown-cue-hint = 是否指提示点 `{ $name }`？提示点名称须完全一致

## glTF animations
show-file-gltf-skin-weights-normalised = 有 { $count } 个顶点的蒙皮权重之和不为 1（偏差最大的是 { $mesh } 的第 { $vertex } 号顶点，权重和为 { $sum }），已归一化处理
show-file-next-needs-music = `start = "{ $value }"` 要对齐配乐的节拍，但演出没有 `[music]`
show-file-next-needs-music-hint = 请加上配乐 `[music]`，或去掉 `start`，让编队在变换完成后立即开始
show-file-next-with-snap = `snap` 无需对齐：`start = "{ $value }"` 已经落在配乐的节拍上
show-file-next-with-snap-hint = 请删除 `snap`

## 演出文件中的单个编队：名称、数量、图形及其接受的键
formation-needs-name = 编队需要名称
formation-count-above-fleet = 编队 `{ $formation }` 需要 { $count } 架无人机，但机队只有 { $fleet } 架
formation-count-above-fleet-hint = 请减小 `count` 或增大 `fleet.drones`
formation-unknown-shape = 未知图形 `{ $shape }`
formation-unknown-shape-hint = 可用图形：grid、plane、circle、ring、disc、sphere、helix、line、polygon、points、svg、text、image、mesh、sequence、animation
formation-frames-not-taken = `{ $shape }` 不接受 `[[chapter.formation.frame]]` 图案
formation-frames-not-taken-hint = 帧只属于 `shape = "sequence"`
formation-key-not-taken = `{ $shape }` 不接受 `{ $key }`
formation-key-not-taken-hint = `{ $shape }` 接受的键：{ $keys }
formation-playback-not-taken-hint = 播放键只属于动画：`shape = "animation"` 或带动画的 glTF 网格

## 无法生成的编队（skyshow-formations）
formation-too-dense = 编队 `{ $formation }`：点间距 { $spacing } m，小于最小间距 { $min } m
formation-too-many-points = 编队 `{ $formation }` 需要 { $needed } 架无人机，但机队只有 { $fleet } 架
formation-too-many-points-hint = 请把 `fleet.drones` 增大到至少 { $needed }，或减少点数
formation-why = 编队 `{ $formation }`：{ $why }
formation-altitude = 编队 `{ $formation }` 的高度达到 { $altitude } m，超出 { $low }–{ $high } m
formation-altitude-hint = 请移动 `center` 或缩小图形，使其保持在 { $low } 到 { $high } m 之间
formation-mesh-no-volume = 该网格没有围成可放置无人机的体积（网格不封闭，或是平面）
formation-mesh-no-volume-hint = 用 `mode = "surface"` 让无人机分布在表面上，或把网格封闭（每条边由两个面共享）
formation-mesh-no-area = 该网格没有可放置无人机的表面积（各面面积为零）
formation-mesh-no-area-hint = 请检查文件，或用 `mode = "vertices"` 让每个顶点一架无人机
formation-mesh-no-vertices = 该网格没有顶点
formation-dense-points = 第 { $a } 和第 { $b } 个点（文件中的行号，从 1 起）相距 { $gap } m；请把它们分开，或把图案放大 { $factor } 倍
formation-dense-vertices = 第 { $a } 和第 { $b } 个顶点（文件中的行号，从 1 起）相距 { $gap } m；请把它们分开，或把图案放大 { $factor } 倍
formation-dense-size = 以 { $min } m 间距容纳这些无人机的最小尺寸为 { $size }；或减少无人机（`count`）
formation-size-width-height = `width_m` ≥ { $width } 且 `height_m` ≥ { $height }（现为 { $now_width } × { $now_height }）
formation-size-radius = `radius_m` ≥ { $radius }（现为 { $now }）
formation-size-annulus = `inner_radius_m` 与 `outer_radius_m` 同时放大 { $factor } 倍（现为 { $inner }、{ $outer }）
formation-size-radius-height = `radius_m` 与 `height_m` 同时放大 { $factor } 倍（现为 { $radius }、{ $height }）
formation-size-length = `length_m` ≥ { $length }（现为 { $now }）
formation-size-factor = 现有尺寸的 { $factor } 倍
formation-dense-mesh = 以 { $min } m 间距容纳这些无人机的最小尺寸为现有的 { $factor } 倍：`size_m` ≥ { $size }（最大外形尺寸，现为 { $now } m）；或减少无人机（`count`）
formation-dense-artwork = 以 { $min } m 间距容纳这些无人机的最小尺寸为现有的 { $factor } 倍：`width_m` ≥ { $width } 或 `height_m` ≥ { $height }（现为 { $now_width } × { $now_height } m）；或减少无人机（`count`）
formation-no-area = 该 { $kind } 没有可放置无人机的填充区域
formation-no-area-hint = 用 `mode = "outline"` 让无人机沿线条飞行
formation-draws-nothing = 该 { $kind } 什么也没画：既无填充区域也无线条
formation-draws-nothing-hint = 请检查图稿：隐藏、空白或完全透明的图形会被跳过
formation-frame-count = 第 { $frame } 帧有 { $drones } 架无人机，但第 1 帧有 { $first } 架
formation-frame-count-hint = 请让每一帧的 `count` 相同（第 1 帧现为 { $first }）
formation-in-frame = 第 { $frame } 帧：{ $text }
formation-frame-altitude = 第 { $frame } 帧的高度达到 { $altitude } m，超出 { $low }–{ $high } m
formation-frame-altitude-hint = 请移动 `center` 或缩小第 { $frame } 帧，使其保持在 { $low } 到 { $high } m 之间

## 图稿细节超出无人机的表现能力（警告）
detail-too-detailed = 图稿对 { $drones } 架无人机而言过于精细：{ $why }
detail-gaps = 其 { $percent } % 的边缘与另一部分之间的空隙窄于无人机间距 { $spacing } m，这些部分会连成一片
detail-far = 其中一些部分距最近的无人机 { $distance } m（为 { $spacing } m 间距的 { $ratio } 倍）
detail-and = { $first }；并且{ $second }
detail-warning = 编队 `{ $formation }`：{ $what }；{ $advice }
detail-count-and-fleet = `count = { $drones }`（并且 `fleet.drones` ≥ { $drones }）
detail-more-drones = 约 { $drones } 架无人机即可呈现：{ $keys }
detail-times-size = 现有尺寸的 { $factor } 倍
detail-width-or-height = `width_m` ≥ { $width } 或 `height_m` ≥ { $height }
detail-larger = 约 { $drones } 架无人机、图案放大到 { $factor } 倍时即可呈现：{ $keys } 和 { $size }

## 演出与音乐不匹配（警告）
music-warning-starts-after = 在音乐结束后的 { $start } 才开始
music-warning-on-show = 从 { $start } 展示到 { $end }
music-warning-last-bar = （音乐的最后一小节，第 { $bar } 小节，从 { $start } 开始）
music-warning-show-past = 音乐在 { $music_end } 结束，但编队 `{ $formation }` { $during }：编队比音乐多出 { $over } s，直到 { $last_end }；请缩短保持时间或提前编队，让最后一个编队与音乐同时结束{ $bar }，或换用更长的音乐
music-warning-after-show = 最后一架无人机在 { $landed } 降落后，音乐还要播放 { $after } s（到 { $music_end } 结束）；请增加编队或延长保持时间，或剪短音乐文件
