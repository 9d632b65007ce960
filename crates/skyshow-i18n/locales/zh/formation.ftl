
## 灯光为暗色的编队
formation-all-dark = 编队 `{ $formation }`：全部 { $drones } 架无人机都是暗色（灯光关闭或接近关闭），夜空中看不见；请设置 `color`（或图稿自身的颜色）将其点亮
formation-some-dark = 编队 `{ $formation }`：{ $drones } 架无人机中有 { $dark } 架是暗色（灯光关闭或接近关闭）；如非有意（SVG 设置了 `dark = "off"`），请为这些部分换用更亮的颜色（SVG 可设 `dark = "hole"` 将其留空）

## 对运动编队规格运行 `skyshow formation`
formation-moving-needs-hold = 编队 `{ $formation }` 会运动，其运动在编队的保持时间内进行，但规格中没有给出保持时间
formation-moving-hold-hint = 在规格的键中加上 `hold = 20`（秒）；未给出 `duration` 的运动持续整个保持时间
formation-fps-range = `--fps { $fps }` 超出范围
formation-fps-hint = 请给出每秒 0.1 到 100 行（Skybrush Studio 导入 25 行/秒效果良好）

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
