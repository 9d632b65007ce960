# 演出文件（TOML）中的错误：消息、标注与提示。

show-file-invalid = 演出文件无效：{ $detail }
show-file-unknown-key-hint = 此表可用的键见 docs/zh/show-file.md
show-file-missing-key-hint = 请补上该键；各表所需的键见 docs/zh/show-file.md
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
color-not-hex = `{ $value }` 不是 `#rrggbb` 格式的颜色
color-hint = 请使用调色板中的颜色名（红、绿、蓝、金、白、暖白、橙、黄、青、品红、紫、粉、翠绿、绯红、天蓝、灭，可加“色”字，如“红色”；也可用英文名 red、gold 等）或 `#rrggbb`

## 提示中的单位
unit-metres = 米
unit-seconds = 秒
unit-degrees = 度
unit-turns = 圈

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
