
## 灯光为暗色的编队
formation-all-dark = 编队 `{ $formation }`：全部 { $drones } 架无人机都是暗色（灯光关闭或接近关闭），夜空中看不见；请设置 `color`（或图稿自身的颜色）将其点亮
formation-some-dark = 编队 `{ $formation }`：{ $drones } 架无人机中有 { $dark } 架是暗色（灯光关闭或接近关闭）；如非有意（SVG 设置了 `dark = "off"`），请为这些部分换用更亮的颜色（SVG 可设 `dark = "hole"` 将其留空）
