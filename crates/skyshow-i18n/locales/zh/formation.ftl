
## 灯光为暗色的编队
formation-all-dark = 编队 `{ $formation }`：全部 { $drones } 架无人机都是暗色（灯光关闭或接近关闭），夜空中看不见；请设置 `color`（或图稿自身的颜色）将其点亮
formation-some-dark = 编队 `{ $formation }`：{ $drones } 架无人机中有 { $dark } 架是暗色（灯光关闭或接近关闭）；如非有意（SVG 设置了 `dark = "off"`），请为这些部分换用更亮的颜色（SVG 可设 `dark = "hole"` 将其留空）

## 对运动编队规格运行 `skyshow formation`
formation-moving-needs-hold = 编队 `{ $formation }` 会运动，其运动在编队的保持时间内进行，但规格中没有给出保持时间
formation-moving-hold-hint = 在规格的键中加上 `hold = 20`（秒）；未给出 `duration` 的运动持续整个保持时间
formation-fps-range = `--fps { $fps }` 超出范围
formation-fps-hint = 请给出每秒 0.1 到 100 行（Skybrush Studio 导入 25 行/秒效果良好）

## `skyshow formation` 自身的拒绝信息，用其参数表述
formation-animated-needs-hold = `{ $input }` 带有动画（`{ $animation }`，长 { $length } 秒），动画在编队的保持时间内播放，但没有参数给出保持时间
formation-animated-hold-hint = 给出 `--hold { $hold }` 在 { $hold } 秒的保持时间内飞完这段动画（`--animation-speed fit` 按限制允许的最快速度播放），给出 `--at { $at }` 取动画第 { $at } 秒的静止画面，或给出 `--still` 取不带动画的网格
formation-drones-range = `--drones { $drones }` 超出范围
formation-drones-range-hint = 请给出 1 到 100000 架无人机
formation-flag-range = `--{ $flag } { $value }` 超出范围
formation-flag-positive = 请给出大于 0 的有限秒数
formation-flag-not-negative = 请给出 ≥ 0 的有限数值
formation-dark-not-svg = `--dark` 只适用于 SVG 文件；`{ $input }` 不是 SVG 文件
formation-dark-not-svg-hint = 去掉 `--dark`：网格、图片和文字中的暗色显示为灯光关闭的无人机
formation-animation-not-gltf = `{ $flag }` 只适用于 glTF 文件（`.gltf`、`.glb`）及其动画；`{ $input }` 不是 glTF 文件
formation-animation-not-gltf-hint = 去掉 `--animation`、`--at`、`--animation-speed`、`--animation-loop` 和 `--still`，或将带动画的模型导出为 glTF 2.0（`.glb`）
formation-spec-flags = 只有图稿文件接受 `{ $flags }`，编队规格不接受
formation-spec-flags-hint = 请在规格中直接设置 `width_m`、`height_m`、`mode`、`color`、`dark`、`hold` 和 `animation` 各键
formation-spec-not-utf8 = 不是 UTF-8 文本
formation-spec-unread = 无法读取 `{ $input }`：{ $why }
formation-input-type = `{ $input }`：不支持的输入类型 `.{ $ext }`
formation-input-type-hint = 请给出 SVG（.svg）、网格（.obj、.stl、.gltf、.glb）、图片（.png、.jpg）、编队规格（.toml）或 `--text`
formation-path-unresolved = 无法解析路径 `{ $input }`：{ $why }

## 演出文件中的形状与着色
formation-shape-needs-key = `{ $shape }` 需要 `{ $key }`
formation-shape-needs-key-hint = 请在编队 `{ $name }` 中加上 `{ $key } = …`
formation-ring-inner-outer = `inner_radius_m` 必须小于 `outer_radius_m`
formation-polygon-sides = `polygon` 需要 `sides`
formation-polygon-sides-hint = 请加上 `sides = 6`（3 或以上）
formation-points-needs-file = `points` 编队需要 `points = "file.csv"`
formation-points-needs-file-hint = 请写出一个每行为 `x,y,z[,r,g,b]` 的 CSV 文件（相对于演出文件）
formation-points-not-utf8 = 不是 UTF-8 文本
formation-points-unread = 无法读取点文件 `{ $file }`：{ $why }
formation-points-line = 点文件 `{ $file }` 第 { $line } 行：{ $why }
formation-points-line-hint = 每行为 `x,y,z[,r,g,b]`，或 Skybrush 的 `Name,x_m,y_m,z_m,Red,Green,Blue`
formation-points-fleet = 编队 `{ $formation }` 有 { $points } 个点，但机队只有 { $fleet } 架无人机
formation-points-fleet-hint = 该编队需要 { $points } 架无人机：请增大 `fleet.drones` 或删减点
formation-color-and-gradient = `color` 和 `gradient` 只能给出其一
formation-gradient-two-colours = 渐变至少需要两种颜色

## 点列表（CSV）
points-csv-not-numbers = 应为 `x,y,z[,r,g,b]` 数字，实际为 `{ $found }`
points-csv-three = 至少需要 3 个坐标，实际只有 { $found } 个
points-csv-nan = { $column } 列的 `{ $value }` 不是数字
points-csv-range = { $column } 列的 `{ $value }` 超出范围（|值| ≤ 100 千米）
points-csv-channel = { $column } 列的 `{ $value }` 必须在 0–255 之间
points-csv-empty = 文件中没有点
formation-gradient-axis = 未知的渐变轴 `{ $axis }`
formation-gradient-axis-hint = 轴可以是：x、y、z（或 up）、-x、-y、-z（或 down）
formation-spread = 编队 `{ $formation }`：点间距 { $spacing } 米，与最小间距 { $min } 米只差几毫米：已绕其中心放大 { $percent }%（至 { $spread } 米），使写出的文件在取整后仍留有余量；如需保持原设计，请将图案间距放宽几毫米

# `skyshow formation`：数据行及其说明。
formation-figures = { $name }：{ $points } 个点，最小间距 { $spacing } m{ $ideal }{ $farthest }；已写入 { $out }{ $png }
formation-figures-ideal = （理想间距 { $ideal } m 的 { $share } %）
formation-figures-farthest = ，距图形最远 { $distance } m
formation-figures-png = {" "}和 { $file }
formation-close-lines-note = 说明：沿 { $share } % 的线条，有另一条线比理想间距更近（相距很近的平行线，或细笔画的两侧）；两条线上的无人机在那里交错排布，无法保持理想间距。增加无人机可以腾出空间，对填充的图稿和文字用 `--mode fill` 也可以。
formation-detail-warning = { $what }；{ $advice }
formation-detail-drones = 约 `{ $drones }` 即可显示出来
formation-detail-spec-size = 规格中的尺寸 × { $factor }
formation-detail-larger = 约 `{ $drones }`、且图形放大到 { $factor } 倍（{ $size }）时，可在 `--min-distance { $distance }` 下显示出来
