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
