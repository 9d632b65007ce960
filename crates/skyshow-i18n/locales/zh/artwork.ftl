# 图稿文件：字体、SVG、网格、图像。

## 字体
artwork-font-type1 = `{ $font }` 是 Type 1（PostScript）字体，skyshow 无法读取
artwork-font-type1-hint = 请提供 TrueType 或 OpenType 字体（`.ttf`、`.otf`、`.ttc`）：可用 FontForge 转换（文件 › 生成字体，选 OpenType），或填写已安装的字体族名（`fc-list : family` 可列出）
artwork-font-woff = `{ $font }` 是网页字体（WOFF），skyshow 无法读取
artwork-font-woff-hint = 请先将其解压为 TrueType 或 OpenType 字体（`woff2_decompress` 或 FontForge），或填写已安装的字体族名（`fc-list : family` 可列出）
artwork-font-bitmap = `{ $font }` 是 `.{ $ext }` 字体，skyshow 无法读取
artwork-font-not-a-font-file = `{ $font }` 是一个路径，但不是 skyshow 能读取的字体文件
artwork-font-other-hint = 请提供 TrueType 或 OpenType 字体文件（`.ttf`、`.otf`、`.ttc`），或填写已安装的字体族名（`fc-list : family` 可列出）

## 内容与文件名不符的文件
artwork-foreign-html = 这是一个 HTML 网页，不是 { $expected } 文件（是否把网页另存成了这个文件名？）
artwork-foreign-html-hint = 请下载文件本身（GitHub 上用“Download raw file”按钮），并确认它能在 { $expected } 查看器中打开
artwork-foreign-lfs = 这是 Git LFS 指针文件，不是 { $expected } 文件本身
artwork-foreign-lfs-hint = 请在其仓库中运行 `git lfs pull` 取回文件内容（或从仓库网页下载该文件）
artwork-foreign-zip = 这是 ZIP 压缩包，不是 { $expected } 文件
artwork-foreign-zip-hint = 请先解压，再填写其中的 { $expected } 文件
artwork-foreign-other = 这是 { $kind } 文件，不是 { $expected } 文件
artwork-foreign-other-hint = 请检查文件名和内容：应提供 { $expected } 文件

## SVG 颜色
artwork-svg-unlit = 编队 `{ $formation }`：SVG `{ $file }` 只用了深色（黑色或接近黑色：SVG 的默认填充色，或未设置颜色的 `currentColor`），无人机灯光无法呈现，因此按白色显示；请设置 `color`（或 `gradient`）指定颜色

## 网格
artwork-mesh-flat-volume = { $what } 是平面的：所有顶点都在同一平面内，没有可填充的封闭体积
artwork-mesh-flat-volume-hint = 请用 `mode = "surface"` 让无人机分布在其表面，或为模型加上厚度
artwork-mesh-vertices-merged = 编队 `{ $formation }`：{ $what } 在同一位置重复写了顶点（拆分法线、UV 接缝或平直着色会让每个使用该顶点的面各写一份）；已合并 { $merged } 个重复顶点，剩余 { $kept } 个顶点，每个顶点一架无人机
artwork-mesh-texture-unread = 编队 `{ $formation }`：{ $what }：{ $why }（纹理无法读取，这些面改用材质颜色）

# 文字编队的字体。
font-unknown = 系统中没有名为 `{ $name }` 的字体
font-unknown-near-hint = 是否想写 `{ $name }`？也可以指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-unknown-install-hint = 请安装该字体（Debian：`apt-get install fonts-noto-cjk` 提供 `Noto Sans CJK SC`、`Noto Serif CJK SC` 等）或指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-unknown-hint = 请写一个已安装的字体族名，或指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-more-families = 另有 { $count } 个
font-none-installed = 无
