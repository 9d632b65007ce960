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
artwork-mesh-texture-unread = 编队 `{ $formation }`：{ $what }：{ $why }

# 文字编队的字体。
font-unknown = 系统中没有名为 `{ $name }` 的字体
font-unknown-near-hint = 是否想写 `{ $name }`？也可以指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-unknown-install-hint = 请安装该字体（Debian：`apt-get install fonts-noto-cjk` 提供 `Noto Sans CJK SC`、`Noto Serif CJK SC` 等）或指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-unknown-hint = 请写一个已安装的字体族名，或指定字体文件，`font = "fonts/MyFont.otf"`；已安装：{ $installed }
font-more-families = 另有 { $count } 个
font-none-installed = 无

## 演出文件中的图稿编队
artwork-error = { $what }：{ $message }
artwork-what-svg = SVG 文件 `{ $path }`
artwork-what-image = 图片 `{ $path }`
artwork-what-mesh = 网格 `{ $path }`
artwork-what-font = 字体 `{ $font }`
artwork-what-font-any = 字体
artwork-what-text = 文字
artwork-needs-file = `{ $kind }` 需要 `file = "…"`
artwork-needs-file-hint = 请写出文件名（相对于演出文件所在的文件夹）
artwork-cannot-read = 无法读取{ $what }：{ $why }
artwork-cannot-read-hint = 路径相对于演出文件所在的文件夹
artwork-needs-size = `{ $kind }` 需要给出尺寸：{ $keys }
artwork-needs-size-hint = 例如在编队 `{ $name }` 中加上 `width_m = 120`；图案保持原有比例
artwork-weight-needs-both = `weight` 只适用于 `mode = "both"`
artwork-weight-needs-both-hint = 请删除它，或设置 `mode = "both"`
artwork-no-area = { $what } 没有可放置无人机的填充区域（只有线条）
artwork-no-area-hint = 请用 `mode = "outline"` 让无人机沿线条飞行
artwork-draws-nothing = { $what } 什么也没有画
artwork-density-needs-fill = `sample = "density"` 是在亮区内部分布无人机
artwork-density-needs-fill-hint = 请与 `mode = "fill"` 一起使用
artwork-text-needs-text = `text` 编队需要 `text = "…"`
artwork-text-needs-text-hint = 请给出要写的文字；`\n` 表示换行
artwork-font-cannot-read = 无法读取字体文件 `{ $font }`：{ $why }
artwork-font-cannot-read-hint = 字体文件路径相对于演出文件所在的文件夹；不带 .ttf/.otf/.ttc 的名称会在已安装的字体中查找

## 演出文件中的网格编队
artwork-mesh-one-size = 网格只能给出 `size_m`、`width_m`、`height_m` 中的一个
artwork-mesh-one-size-hint = `size_m` 是最大尺度；网格保持原有比例
artwork-mesh-no-vertices = { $what } 没有顶点：其场景中没有网格
artwork-mesh-no-vertices-hint = 导出模型时请包含其网格（Blender 的 glTF 导出中检查 Include › Limit to）；空场景无从采样
artwork-mesh-no-faces = { $what } 没有面（{ $vertices } 个顶点，0 个三角形）
artwork-mesh-no-faces-hint = 请添加面（OBJ 的 `f` 行、glTF 的三角形图元），或设置 `mode = "vertices"` 让每个顶点飞一架无人机
artwork-mesh-extent-width = 宽度
artwork-mesh-extent-height = 高度
artwork-mesh-extent-largest = 最大尺度
artwork-mesh-no-extent = { $what } 没有可缩放的{ $extent }（所有顶点在同一平面或同一点上）
artwork-mesh-no-extent-hint = 请用 `size_m`，它按最大尺度缩放
artwork-mesh-vertices-count = `count` 不适用于 `mode = "vertices"`（每个顶点一架无人机）
artwork-mesh-vertices-count-hint = 请删除 `count`
artwork-mesh-vertices-fleet = 编队 `{ $formation }` 有 { $vertices } 个顶点，但机队只有 { $fleet } 架无人机
artwork-mesh-vertices-fleet-hint = 该编队需要 { $vertices } 架无人机：请增大 `fleet.drones` 或删减顶点
artwork-mesh-obj-not-utf8 = { $what } 不是 UTF-8 文本
artwork-mesh-obj-not-utf8-hint = OBJ 文件是文本文件
artwork-mesh-unknown-type = { $what }：不支持的网格类型 `.{ $ext }`
artwork-mesh-unknown-type-hint = 网格须为 Wavefront OBJ（`.obj`）、STL（`.stl`）或 glTF（`.gltf`、`.glb`）文件

## 演出文件中的动画网格
artwork-anim-not-gltf = { $what } 不是 glTF 文件：只有 glTF 动画能在网格上播放
artwork-anim-not-gltf-hint = 请把带动画的网格导出为 glTF 2.0（`.glb`），或删除 `animation` 相关键
artwork-anim-vertices-mode = 动画只能在 `mode = "surface"` 和 `mode = "volume"` 的网格上播放
artwork-anim-vertices-mode-hint = 请删除 `animation` 相关键，或选择 `surface` 或 `volume`
artwork-anim-none = { $what } 没有动画
artwork-anim-none-hint = 请连同动画一起导出（Blender：glTF 导出器的 Animation 面板），或删除 `animation` 相关键
artwork-anim-vertex-count = { $what }：动画移动 { $moved } 个顶点，但网格有 { $vertices } 个（请报告此问题）
artwork-anim-start-past-end = `animation_start_s = { $start }` 超出了动画 `{ $name }` 的结尾（动画长 { $length } 秒）
artwork-anim-start-past-end-hint = 请给出片段中 0 到 { $length } 秒之间的时间
artwork-anim-not-finite = { $what }：动画 `{ $name }` 把顶点 { $vertex } 放到了非有限值的位置
artwork-anim-not-finite-hint = 请检查动画的关键帧和蒙皮矩阵；重新导出文件

## glTF 文件
artwork-gltf-compressed = 模型的几何数据以 { $how }（`{ $extension }`）存储，skyshow 不解码这种格式
artwork-gltf-draco-hint = 用 Blender 打开（File › Import › glTF 2.0），导出时取消勾选 Data › Compression；或直接以不压缩的方式导出原模型
artwork-gltf-meshopt = meshopt 压缩
artwork-gltf-meshopt-hint = 写出一份未压缩的副本（`gltfpack -i model.glb -o plain.glb -noq`，不加 `-c`），或以不压缩的方式导出原模型
artwork-gltf-instancing = GPU 实例化
artwork-gltf-instancing-hint = 请把各实例导出为独立的网格（Blender：不要勾选 Data › Mesh › GPU Instances）
artwork-gltf-meshopt-broken = 缓冲视图 { $view } 以 meshopt 压缩（`EXT_meshopt_compression`），无法解码，解码器说：`{ $why }`
artwork-gltf-draco-broken = 网格 { $mesh } 的图元 { $primitive } 以 Draco 压缩（`KHR_draco_mesh_compression`），无法解码，解码器说：`{ $why }`
artwork-gltf-draco-targets = 网格 { $mesh } 的图元 { $primitive } 以 Draco 压缩（`KHR_draco_mesh_compression`）且带有变形目标，而变形目标无法跟随 Draco 重排后的顶点
gltf-compressed-key-missing = 其扩展对象中没有 `{ $key }`
gltf-compressed-key-bad = 其 `{ $key }` 为 { $value }，该扩展不允许此值
gltf-compressed-past-buffer = 其数据超出了缓冲区 { $buffer }（自第 { $start } 字节起 { $length } 字节；缓冲区只有 { $bytes } 字节）
gltf-compressed-too-large = 模型的压缩几何数据解码后将超过 { $max } 字节
gltf-draco-attribute-missing = `{ $semantic }` 是 Draco 属性 { $id }，而压缩数据中没有该属性
artwork-gltf-extension-unknown = 模型要求 glTF 扩展 `{ $extension }`，skyshow 不读取该扩展
artwork-gltf-extension-unknown-hint = 请在导出设置中去掉该扩展，导出为普通的 glTF 2.0
artwork-gltf-no-mesh = 文件中没有网格（{ $nodes } 个节点，0 个网格）：没有可放置无人机的表面
artwork-gltf-no-mesh-hint = 请导出模型的几何体：在 Blender 的 glTF 导出中勾选 Include › Data › Mesh objects；若用 Limit to › Selected Objects，请先选中模型
artwork-gltf-no-scene-shows = 文件中有 { $meshes } 个网格，但没有节点显示它们，因此什么也不会显示
artwork-gltf-scene-empty = 文件中有 { $meshes } 个网格，但其场景 { $scene } 没有列出任何节点，因此什么也不会显示
artwork-gltf-scene-no-mesh-node = 文件中有 { $meshes } 个网格，但其场景 { $scene } 中没有显示网格的节点，因此什么也不会显示
artwork-gltf-scene-hint = 请导出模型所在的场景（Blender：Limit to › Active Scene，并把模型的对象链接到该场景），使场景中有节点显示该网格

## glTF 纹理
artwork-texture-unread = 材质 { $material } 的基础色纹理 { $texture } 无法读取（{ $why }），其面改用材质颜色
artwork-texture-no-buffer = 缺少其缓冲区
artwork-texture-view-past-buffer = 其缓冲视图超出了缓冲区
artwork-texture-uri-not-base64 = 不是 base64 的 data URI
artwork-texture-broken-base64 = base64 数据损坏
artwork-texture-file-unread = `{ $path }`：{ $why }
artwork-texture-not-image = 不是 PNG 或 JPEG 图片（不读取 KTX2/Basis、WebP 和 DDS 纹理）
artwork-texture-unreadable-image = 无法读取的图片，解码器说：`{ $why }`
artwork-texture-empty = 空图片
artwork-gltf-broken-hint = 文件已损坏；请重新导出
artwork-gltf-glb-short = 不是有效的 glTF 文件：其 GLB 文件头给出的文件长度为 { $length } 字节，比 12 字节的文件头还短
artwork-gltf-invalid = 不是有效的 glTF 文件，解析器说：`{ $why }`
artwork-gltf-invalid-hint = 请给出 glTF 2.0 文件（`.gltf` JSON 或 `.glb` 二进制）
artwork-gltf-positions-missing = 网格 { $mesh }：顶点坐标是访问器 { $accessor }，但文件只有 { $accessors } 个访问器
artwork-gltf-no-bin = 缓冲区 { $buffer } 指向二进制块，但文件中没有二进制块
artwork-gltf-no-bin-hint = `.gltf` 文件用 URI 指明缓冲区；只有 `.glb` 文件带有二进制块
artwork-gltf-buffer-not-base64 = 缓冲区 { $buffer }：不是 base64 的 data URI
artwork-gltf-buffer-not-base64-hint = 内嵌缓冲区的写法是 `data:application/octet-stream;base64,…`
artwork-gltf-buffer-broken-base64 = 缓冲区 { $buffer }：base64 数据损坏
artwork-gltf-buffer-unread = 无法读取缓冲区 `{ $uri }`：{ $why }
artwork-gltf-buffer-unread-hint = 外部缓冲区从 glTF 文件所在的文件夹读取
artwork-gltf-buffer-short = 缓冲区 { $buffer } 只有 { $bytes } 字节，文件声明为 { $length } 字节
artwork-gltf-buffer-short-hint = 文件被截断，或指向了错误的缓冲区
artwork-gltf-node-cycle = 节点层级没有尽头（某个节点是它自己的祖先）

## SVG、图片和文字图稿
artwork-svg-too-deep = SVG 的元素嵌套了 { $depth } 层，超过本程序可读的 { $max } 层
artwork-svg-too-deep-hint = 请在绘图程序中取消编组以展平层级，或导出为普通 SVG
artwork-svg-invalid = 不是有效的 SVG，解析器说：`{ $why }`
artwork-svg-invalid-hint = 请确认文件是浏览器能打开的 SVG 文档（根元素为 `<svg>` 的 XML，带有尺寸或 viewBox）
artwork-svg-draws-nothing = SVG 什么也没有画：没有带填充或描边的路径、形状或文字
artwork-svg-draws-nothing-hint = 请至少画一条可见的填充或描边路径（空路径和隐藏元素会被跳过；文字需要安装其字体）
artwork-svg-far = SVG 在 ({ $x }, { $y }) 处绘制，远在其 { $width } × { $height } 画布之外
artwork-svg-far-hint = 请检查该点（坐标输错，或某个变换把形状移到了远处）；viewBox 应框住整个图案
artwork-image-unreadable = 不是本程序能读取的图片，解码器说：`{ $why }`
artwork-image-unreadable-hint = 请给出 PNG 或 JPEG 文件
artwork-image-none-bright = 图片中没有像素达到亮度阈值 { $threshold }（最亮为 { $value }）
artwork-image-none-bright-hint = 请降低 `threshold`；浅色背景上的深色图案请设置 `invert = true`
artwork-image-none-dark = 图片中没有像素达到亮度阈值 { $threshold }（最暗为 { $value }）
artwork-image-none-dark-hint = 请降低 `threshold`；深色背景上的浅色图案请去掉 `invert`
artwork-text-empty = 文字为空
artwork-text-empty-hint = 请给出要写的文字：`text = "二月二"`
artwork-font-no-glyph = 字体 { $font } 中没有 `{ $glyph }`（{ $code }）的字形
artwork-font-no-glyph-hint = 请安装包含该字的字体（Debian：`apt-get install { $package }`）并写出其名称，或给出字体文件：`font = "fonts/MyFont.otf"`
artwork-font-malformed = 字体 { $font } 已损坏：绘制其字形失败
artwork-font-malformed-hint = 请检查字体文件（用字体查看器打开），或换用其他字体
artwork-font-drew-nothing = 字体 { $font } 对这段文字什么也没画出
artwork-font-drew-nothing-hint = 请确认该字体有这些字符的轮廓（纯点阵字体没有）

## OBJ 和 STL 文件
artwork-obj-line = OBJ 第 { $line } 行：{ $what }
artwork-obj-line-hint = 顶点写作 `v x y z [r g b]`，面写作 `f a b c …`，索引从 1 开始（或为负数）
artwork-obj-vertex-nan = 顶点的某个值不是数字
artwork-obj-vertex-three = 顶点需要三个有限的坐标
artwork-obj-face-nan = 面的索引不是数字
artwork-obj-face-index = 面索引 { $index } 没有对应的顶点（目前共有 { $count } 个顶点）
artwork-obj-face-three = 面至少需要三个顶点
artwork-obj-mtl-unread = 无法读取材质库 `{ $name }`：{ $why }
artwork-obj-mtl-unread-hint = 材质库从 OBJ 文件所在的文件夹读取
artwork-mesh-vertex-far = 顶点 { $vertex } 位于 ({ $x }, { $y }, { $z })：坐标必须是 ±1e9 以内的有限数
artwork-mesh-vertex-far-hint = 请检查文件的顶点（文件损坏或导出有误？）
artwork-stl-invalid = 不是有效的 STL 文件，解析器说：`{ $why }`
artwork-stl-invalid-hint = 请给出 ASCII（`solid …`）或二进制 STL 文件
artwork-font-collection-count = 字体集声称含有 { $fonts } 个字体，但其文件头只容得下 { $room } 个（最多读取 { $max } 个）
artwork-font-collection-count-hint = 文件被截断或已损坏；请给出 TrueType 或 OpenType 字体（.ttf、.otf、.ttc、.otc）
artwork-font-unreadable = 不是本程序能读取的字体文件
artwork-font-unreadable-hint = 请给出 TrueType 或 OpenType 字体（.ttf、.otf、.ttc、.otc）
artwork-font-glyph-malformed = 字形 { $glyph }（字体 { $face }）已损坏：它没有点，却在指令之后带有 { $bytes } 字节的点数据
artwork-font-glyph-malformed-hint = 请用字体编辑器重新保存该字体（FontForge：File > Generate Fonts），或换用其他字体

## 损坏的 glTF 文件：出错之处，以所在的网格、蒙皮或动画指明
gltf-broken-blender-hint = 文件已损坏；请重新导出（Blender：File › Export › glTF 2.0）
gltf-unread-form-hint = 文件已损坏，或使用了本程序不读取的形式；请重新导出
gltf-mesh-index = 网格 { $mesh }
gltf-mesh-named = 网格 `{ $name }`
gltf-skin-index = 蒙皮 { $skin }
gltf-skin-named = 蒙皮 `{ $name }`
gltf-what-positions = 顶点坐标
gltf-what-colours = 顶点颜色
gltf-what-uvs = 纹理坐标
gltf-what-indices = 索引
gltf-what-morph-positions = 变形目标 { $target } 的顶点坐标
gltf-what-inverse-bind = 逆绑定矩阵
gltf-what-key-times = 关键帧时间
gltf-what-values = 关键帧值
gltf-accessor-use = { $owner }：{ $what }（访问器 { $accessor }）{ $why }
gltf-acc-missing = 是访问器 { $index }，但文件只有 { $accessors } 个访问器
gltf-acc-type-undefined = 的分量类型或元素类型不是 glTF 定义的
gltf-acc-type-not-allowed = 存放的是 { $kind }，glTF 在此处不允许
gltf-acc-type-normalised-not-allowed = 存放的是归一化的 { $kind }，glTF 在此处不允许
gltf-acc-too-many = 元素过多
gltf-acc-count = 有 { $count } 个元素，但需要 { $want } 个
gltf-acc-starts-past-view = 起点超出了其缓冲视图
gltf-acc-past-view = 超出了其缓冲视图（自第 { $offset } 字节起 { $count } 个元素，每个 { $stride } 字节，而视图只有 { $length } 字节）
gltf-acc-unbacked = 没有缓冲视图却有 { $count } 个元素（最多 { $max } 个）
gltf-acc-sparse-count = 稀疏替换了 { $sparse } 个元素，多于其全部 { $count } 个元素
gltf-acc-sparse-type-undefined = 的稀疏索引类型不是 glTF 定义的
gltf-acc-sparse-type = 的稀疏索引类型为 { $kind }
gltf-acc-sparse-past-view = 有 { $sparse } 个稀疏索引或值超出了其缓冲视图
gltf-acc-sparse-index = 的稀疏索引 { $index } 顺序错乱或超出了其 { $count } 个元素
gltf-acc-view-missing = 指向缓冲视图 { $view }，但文件只有 { $views } 个缓冲视图
gltf-acc-buffer-missing = 位于缓冲区 { $buffer }，但文件中没有该缓冲区
gltf-acc-view-past-buffer = 位于缓冲视图 { $view }，该视图超出了其缓冲区（自第 { $start } 字节起 { $length } 字节，而缓冲区只有 { $bytes } 字节）
gltf-acc-stride = 的步长为 { $stride } 字节，小于其 { $size } 字节的元素
gltf-prim-sparse = 是稀疏存储的，本程序不读取
gltf-prim-type = 的类型为 { $kind }，glTF 不允许这种类型
gltf-prim-empty = 没有元素
gltf-prim-stride = 的步长为 { $stride } 字节，小于其 { $size } 字节的元素
gltf-prim-past-view = 超出了其缓冲视图（自第 { $offset } 字节起 { $count } 个元素，每个 { $stride } 字节）
gltf-vertex-not-finite = 网格 { $mesh } 有一个顶点不是有限值
gltf-index-no-vertex = 网格 { $mesh }：索引 { $index } 没有对应的顶点（共有 { $count } 个顶点）
gltf-morph-weight-not-finite = 网格 { $mesh }：变形目标 { $target } 的默认权重不是有限值
gltf-skin-part-missing = 节点 { $node } 或网格 { $mesh } 不存在
gltf-skin-primitive-lost = 网格 { $mesh } 缺少一个图元
gltf-skin-no-positions = { $mesh } 没有顶点坐标
gltf-morph-count = { $mesh }：图元 { $primitive } 有 { $targets } 个变形目标，而第一个图元有 { $want } 个（glTF 要求数量相同）
gltf-morph-not-finite = { $mesh }：变形目标 { $target } 以非有限值移动顶点 { $vertex }
gltf-skin-missing = 某个节点使用蒙皮 { $skin }，但文件只有 { $skins } 个蒙皮
gltf-skin-no-joints = { $skin } 没有关节
gltf-skin-matrix-not-finite = { $skin } 有一个逆绑定矩阵不是有限值
gltf-skin-joint-node = { $skin }：关节 { $joint } 是节点 { $node }，但文件只有 { $nodes } 个节点
gltf-skin-set-half = { $mesh } 只有 JOINTS_{ $set } 和 WEIGHTS_{ $set } 中的一个
gltf-skin-no-sets = { $mesh } 有蒙皮，但没有 JOINTS_0 和 WEIGHTS_0
gltf-skin-weight-bad = { $mesh }：顶点 { $vertex }：某个蒙皮权重为 { $weight }
gltf-skin-weight-bad-hint = 蒙皮权重须为 ≥ 0 的有限数；请重新导出文件
gltf-skin-joint-index = { $mesh }：顶点 { $vertex }：其蒙皮指向关节 { $joint }，但蒙皮只有 { $joints } 个关节
gltf-skin-weights-zero = { $mesh }：顶点 { $vertex } 的蒙皮权重之和为 0，没有绑定任何关节，无法归一化
gltf-skin-weights-zero-hint = 请让每个顶点至少绑定一根骨骼（Blender：Weight Paint，或 Parent › With Automatic Weights）后重新导出
gltf-node-child-missing = 节点 { $node } 的子节点为 { $child }，但文件只有 { $nodes } 个节点
gltf-node-two-parents = 节点 { $node } 是多个节点（或它自己）的子节点：节点不构成树
gltf-node-transform-nan = 节点 { $node } 的变换不是有限值
gltf-node-weights-count = 节点 { $node } 给出了 { $weights } 个变形权重，但其网格有 { $targets } 个变形目标
gltf-node-weights-nan = 节点 { $node } 的变形权重不是有限值

## glTF 动画
gltf-anim-none-at-all = 没有名为 `{ $want }` 的动画：它根本没有动画
gltf-anim-none-at-all-hint = 请在 Blender 的 glTF 导出器中打开 Animation 选项导出动画，或删除 `animation`
gltf-anim-unknown = 没有名为 `{ $want }` 的动画；其动画有 { $names }
gltf-anim-unknown-hint = 请把 `animation` 设为其中一个名称（或省略它以使用第一个）
gltf-anim-no-channels = 动画 `{ $name }` 没有通道：它什么也不移动
gltf-anim-no-channels-hint = 请选择其他动画，或用 `animation = false` 得到静止的网格
gltf-anim-channel = 动画 `{ $name }` 的通道 { $channel }：{ $what }
gltf-anim-target-node = 指向节点 { $node }，但文件只有 { $nodes } 个节点
gltf-anim-target-undefined = 指向的属性不是 glTF 定义的
gltf-anim-target-twice = 与之前的通道动画了节点 { $node } 的同一属性
gltf-anim-sampler-missing = 使用采样器 { $sampler }，但该动画只有 { $samplers } 个采样器
gltf-anim-matrix-node = 动画了节点 { $node }，但该节点由矩阵定位（glTF 只对平移、旋转和缩放做动画）
gltf-anim-interpolation = 采样器 { $sampler } 的插值方式不是 glTF 定义的
gltf-anim-sampler = 采样器 { $sampler } { $what }
gltf-anim-sampler-accessor = 采样器 { $sampler } 的{ $what }（访问器 { $accessor }）{ $why }
gltf-anim-morph-no-targets = 动画了节点 { $node } 的变形权重，但该节点没有带变形目标的网格
gltf-anim-value-nan = 有一个值不是有限数（第 { $key } 个关键帧：{ $value }）
gltf-anim-times-empty = 没有关键帧（空采样器）
gltf-anim-times-many = 有 { $count } 个关键帧（最多 { $max } 个）
gltf-anim-times-nan = 第 { $key } 个关键帧的时间为 { $time }，不是有限数
gltf-anim-times-order = 的关键帧时间没有递增：第 { $key } 个在 { $time } 秒，第 { $next } 个在 { $next_time } 秒
