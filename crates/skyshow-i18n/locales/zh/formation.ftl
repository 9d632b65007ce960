
## 灯光为暗色的编队
formation-all-dark = 编队 `{ $formation }`：全部 { $drones } 架无人机都是暗色（灯光关闭或接近关闭），夜空中看不见；请设置 `color`（或图稿自身的颜色）将其点亮
formation-some-dark = 编队 `{ $formation }`：{ $drones } 架无人机中有 { $dark } 架是暗色（灯光关闭或接近关闭）；如非有意（SVG 设置了 `dark = "off"`），请为这些部分换用更亮的颜色（SVG 可设 `dark = "hole"` 将其留空）

## 对运动编队规格运行 `skyshow formation`
formation-moving-needs-hold = 编队 `{ $formation }` 会运动，其运动在编队的保持时间内进行，但规格中没有给出保持时间
formation-moving-hold-hint = 在规格的键中加上 `hold = 20`（秒）；未给出 `duration` 的运动持续整个保持时间
formation-fps-range = `--fps { $fps }` 超出范围
formation-fps-hint = 请给出每秒 0.1 到 100 行（Skybrush Studio 导入 25 行/秒效果良好）
