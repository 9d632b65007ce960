# 演出文件中的烟花：[pyro]、发射位、产品、点火提示、演出元素、观众区。

pyro-timecode-fps = 不支持 `timecode_fps` = { $value }
pyro-timecode-fps-hint = 可用 24、25 或 30 帧/秒（非丢帧 SMPTE）
pyro-ltc-fps = LTC 时间码音轨需要 25 或 30 帧/秒
pyro-ltc-fps-hint = 请设 `timecode_fps = 25` 或 `30`，或删去 `ltc`
pyro-cue-defined-twice = { $name } 重复定义
pyro-cue-defined-twice-hint = 点火提示名称不得重复
pyro-needs-audience = 烟花需要观众区位置，才能检查观众安全距离
pyro-needs-audience-hint = 请在 `[audience]` 中加上 `line = [[x, y], [x, y]]`（观众区前沿）或 `zone = [[x, y], …]`
pyro-script-title-ascii = `script_title` 只能是可打印 ASCII 字符：点火模块无法显示其他字符
pyro-script-title-ascii-hint = 请用 ASCII 书写，例如 `script_title = "{ $example }"`；或删去此项，即采用演出标题的这一音译
pyro-audience-too-few = 观众区的 { $what } 至少需要 { $min } 个点
pyro-audience-too-few-hint = 点为演出坐标系中的 `[x, y]`，单位为米
pyro-audience-out-of-range = 观众区的 { $what } 中有数值超出范围
pyro-audience-line-and-zone = 观众区同时给出了 `line` 和 `zone`
pyro-audience-line-and-zone-hint = 请只给出观众区前沿（`line`）或观众区范围（`zone`）之一
pyro-element-needs-kind = 演出元素需要类型
pyro-element-needs-kind-hint = 如 narration（旁白）、ground_lights（地面灯光）、fountain（喷泉），或任何其他词
pyro-element-needs-label = 演出元素需要说明
pyro-element-needs-label-hint = 请写明发生什么，例如 `label = "喷泉程序 3"`
pyro-catalogue-unreadable = 无法读取产品目录 `{ $name }`：{ $why }
pyro-product-needs-part = 产品需要产品编号
pyro-front-twice = 发射阵地同时以 `[pyro.front]` 和 `[[pyro.position]]` 给出
pyro-front-twice-hint = 请只用一排 N 个发射位，或逐个列出发射位，二选一
pyro-needs-front = 烟花需要发射阵地
pyro-needs-front-hint = 请加上 `[pyro.front]`（center、width_m、positions）或若干 `[[pyro.position]]`（name、at）
pyro-position-needs-name = 发射位需要名称
pyro-position-defined-twice = 发射位 `{ $name }` 重复定义
pyro-position-defined-twice-hint = 发射位名称不得重复
pyro-bad-module = { $value } 不是有效的模块编号
pyro-bad-module-hint = 模块编号为 0 或以上的整数
pyro-rack-out-of-range = { $tubes } 筒 { $calibre } mm 的发射架超出范围
pyro-rack-out-of-range-hint = 发射架写作 `{ "{" } calibre_mm = 100, tubes = 12 { "}" }`：1 到 10000 筒，口径不超过 1000 mm
pyro-second-script = `{ $name }` 与已有脚本属于同一类点火系统
pyro-second-script-hint = 每类系统只写一份脚本：COBRA 各固件版本共用 `cobra.csv`
pyro-cue-needs-name = 点火提示需要名称
pyro-unknown-chapter = { $cue }：未知章节 `{ $name }`
pyro-unknown-chapter-hint = 已有章节：{ $chapters }
pyro-unknown-position = { $cue }：未知发射位 `{ $name }`
pyro-unknown-position-hint = 已有发射位：{ $positions }

# skyshow-pyro 的烟花错误（PyroError：说明与提示）。
pyro-err-catalogue-syntax = 产品目录 { $origin }：{ $why }
pyro-err-catalogue-syntax-hint = 每个条目是一个 [[product]] 表，含 part、kind、calibre_mm、prefire_s、duration_s、colour、effect
pyro-catalogue-at = 第 { $line } 行第 { $column } 列：`{ $why }`
pyro-err-unknown-product = { $source }：未知产品 "{ $part }"
pyro-did-you-mean = 是不是 "{ $part }"？
pyro-add-to-catalogue = 请把它作为 [[product]] 条目加入产品目录（part、kind、calibre_mm、prefire_s、duration_s、colour、effect）
pyro-err-calibre = 产品 "{ $part }"：口径 { $calibre } mm 超出 `{ $kind }` 的范围（{ $min }–{ $max } mm）
pyro-err-calibre-hint = 请检查单位（毫米，不是英寸）或产品种类
pyro-err-negative-prefire = 产品 "{ $part }"：升空时间 { $prefire } s 为负
pyro-err-negative-prefire-hint = 升空时间是点火到效果出现的时间，应为 0 或以上（礼花弹约 2–6 s）
pyro-err-invalid-product = 产品 "{ $part }"：{ $field } = { $value } 无效
pyro-product-kinds = 种类可为 shell、comet、mine、cake、candle
pyro-product-part-hint = 请给每个产品一个货号
pyro-product-number-hint = 应为有限数，0 或以上
pyro-unknown-product-kind = 未知产品种类 "{ $kind }"（可为 shell、comet、mine、cake、candle）
pyro-unknown-pattern = 未知发射样式 "{ $pattern }"（可为 all_at_once、left_to_right、right_to_left、centre_out、outside_in、every_N）
pyro-err-front = 发射阵地：{ $why }
pyro-front-line-empty = 一条发射线至少需要一个发射位
pyro-front-line-empty-hint = 请把 `positions` 设为 1 或以上
pyro-front-line-ends = 发射线的端点不是有限值
pyro-front-line-ends-hint = 请以米为单位给出两个端点
pyro-front-empty = 没有发射位
pyro-front-empty-hint = 请定义一条含 N 个发射位的线，或列出各点
pyro-front-unnamed = 第 { $number } 个发射位没有名称
pyro-front-unnamed-hint = 请给每个发射位命名
pyro-front-not-finite = 发射位 { $position } 的坐标不是有限值
pyro-front-not-finite-hint = 请以米为单位给出 x、y、z
pyro-front-name-twice = 发射位名称 { $position } 用了两次
pyro-front-name-twice-hint = 请给每个发射位一个不同的名称
pyro-err-unknown-position = { $cue }：未知发射位 "{ $position }"
pyro-err-unknown-position-hint = 发射位有：{ $known }
pyro-err-unknown-chapter = { $cue }：未知章节 "{ $chapter }"
pyro-err-unknown-chapter-hint = 章节有：{ $known }
pyro-err-at = { $what }：{ $why }
pyro-err-element = 演出元素 "{ $label }"：{ $why }
pyro-cue-effect-nan = 效果时间 { $time } 不是数字
pyro-cue-effect-nan-hint = 请以秒为单位给出效果时间
pyro-cue-spacing = 间隔 { $spacing } s 无效
pyro-cue-spacing-hint = 间隔应为 0 s 或以上
pyro-cue-count = `count` = 0
pyro-cue-count-hint = 每个发射位至少发射 1 发
pyro-cue-every-0 = 发射样式 `every_0`
pyro-cue-every-0-hint = `every_N` 要求 N ≥ 1
pyro-element-time = 时间 { $time } s 无效
pyro-element-time-hint = 演出元素的时间是演出时钟上的秒数，应为 0 或以上
pyro-err-before-start = { $cue }：在发射位 { $position }，点火时间 { $ignition } s（效果 { $effect } s − 升空 { $prefire } s）早于音乐开始的 { $start } s
pyro-err-before-start-hint = 请把效果移到 { $earliest } s 或之后，或换用升空时间更短的产品
pyro-err-out-of-pins = { $cue }：发射位 { $position } 有 { $cues } 个点火提示，但其模块 { $modules } 只有 { $pins } 个点火端口
pyro-err-out-of-pins-hint = 请给发射位 { $position } 增加模块，或把点火提示移到其他发射位
pyro-err-out-of-modules = { $cue }：发射位 { $position } 需要模块 { $module }，但点火系统只有模块 { $first }–{ $last }
pyro-err-out-of-modules-hint = 请减少点火提示、换用模块更多的系统，或为发射位明确指定模块
pyro-err-bad-module = 发射位 { $position }：模块 { $module } { $why }
pyro-err-bad-module-hint = 请给每个发射位分配各自的模块，且在 { $first }–{ $last } 之内
pyro-module-outside = 不在点火系统的模块范围内
pyro-module-twice = 被列出了两次
pyro-err-tubes = { $cue }：发射位 { $position } 要发射 { $needed } 发 { $calibre } mm 礼花弹，但其发射架只有 { $tubes } 个炮筒
pyro-err-tubes-hint = 请给发射位 { $position } 增加 { $calibre } mm 的发射架，或删去其发射架，改由布置单统计
pyro-err-option = { $what }：{ $why }
pyro-audience-what = 观众区 `{ $what }`
pyro-audience-points = { $count } 个点，或有点不是有限值
pyro-audience-points-hint = 观众区 `{ $what }` 至少需要 { $min } 个以米为单位的点
pyro-option-cobra-firmware = COBRA 固件
pyro-cobra-version = 不支持版本 { $firmware }
pyro-cobra-version-hint = 固件主版本应为 3 到 7
pyro-option-firing-system = 点火系统
pyro-unknown-system = 未知系统 "{ $name }"
pyro-unknown-system-hint = 可用：cobra、cobra-3 … cobra-7、firetek、generic
pyro-system-hint = 每个模块的端口数 ≥ 1，首个模块 ≤ 末个模块，时间分辨率 ≥ 1 ms
pyro-system-no-pins = 每个模块 0 个端口
pyro-system-empty-range = 模块 { $first }–{ $last } 是空范围
pyro-system-no-resolution = 时间分辨率为 0 ms
pyro-option-timecode-fps = 时间码帧率
pyro-option-ltc-fps = LTC 帧率
pyro-fps-unsupported = 不支持每秒 { $fps } 帧
pyro-timecode-fps-values = 24、25 或 30（非丢帧）
pyro-ltc-fps-values = 25 或 30
pyro-ltc-times = 开始 { $start } s，时长 { $duration } s，偏移 { $offset } s
pyro-ltc-times-hint = 时长应大于 0 且不超过 4 h，时间码（开始 + 偏移）应为 0 或以上
pyro-cobra-not-addressed = 该脚本不是按 COBRA 系统编址的
pyro-cobra-not-addressed-hint = 请用 `FiringSystem::cobra(firmware)` 生成脚本
pyro-cobra-too-many-events = { $events } 个事件，但 COBRA 固件 { $firmware } 每个脚本最多 { $max } 个
pyro-cobra-too-many-events-hint = 请把演出拆成几个脚本，或使用更新的固件
pyro-firetek-not-addressed = 该脚本不是按 fireTEK 系统编址的
pyro-firetek-not-addressed-hint = 请用 `FiringSystem::firetek()` 生成脚本

# 布置单页面（`pyro/setup_sheet.html`）。
setup-sheet-title = { $title } — 布置单
setup-sheet-summary = { $positions } 个发射位，{ $devices } 个发射器件，发射阵地宽 { $width } m。
setup-sheet-position = 发射位 { $name }
setup-sheet-place = 位置 x { $x } m，y { $y } m，z { $z } m。模块：{ $modules }。炮筒：{ $mortars }。
setup-sheet-none = 无
setup-sheet-module = 模块
setup-sheet-pin = 端口
setup-sheet-part = 货号
setup-sheet-effect = 效果
setup-sheet-calibre = 口径
setup-sheet-ignition = 点火时间 s
setup-sheet-cue = 点火提示
