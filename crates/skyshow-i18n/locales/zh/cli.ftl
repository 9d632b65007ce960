# 命令行自身的输出：进度、各命令的消息与错误。

## 进度（终端上的进度指示）
progress-reading = 正在读取演出文件
progress-formations = 正在为 { $drones } 架无人机生成编队
progress-takeoff = 正在规划 { $drones } 架无人机的起飞
progress-ahead = 正在另起线程预先规划 { $count } 段变换
progress-transition = 正在规划第 { $index }/{ $count } 段变换，进入“{ $to }”
progress-landing = 正在规划 { $drones } 架无人机的降落
progress-emergency = 正在规划每一秒的紧急返航
progress-exporting = 正在导出
progress-validating = 正在校验写出的演出
progress-fireworks = 正在编排烟花
progress-writing = 正在写出文件
progress-visuals = 正在绘制预览与报告

build-conflicts-hint = { $count ->
    [one] 请按下面的建议修改后重新构建
   *[other] 请按下面的建议修改后重新构建（每条建议都已假定前面的建议被采纳）
}
## transition
transition-close-points = `{ $file }`：{ $what }点 { $a } 与 { $b } 相距 { $gap } 米，与最小间距 { $dist } 米相差不到 1 毫米：按原样接受，过渡保持其间距

## 输出文件夹的 render 与 preview：其 stage.json
stage-missing = 注意：缺少 `{ $file }`（该文件夹由较旧的 skyshow 生成）：绘制时不含观众区、发射阵地、场地和烟花；重新构建演出即可包含它们
stage-unreadable = 无法读取 `{ $file }`：{ $reason }
stage-unreadable-hint = `skyshow build` 会在 `show.skyc` 旁写出此文件：请重新将演出构建到 `{ $dir }`

## Limit flags (`check`, `transition`, `formation`)
cli-limit-flag-range = `--{ $flag } { $value }` 超出范围
cli-limit-flag-range-hint = 请给出 ≥ { $min } 的有限数值
## 读取输入与写出输出（各命令通用）
cli-cannot-read = 无法读取 `{ $file }`：{ $why }
cli-check-the-path = 请检查路径
show-source-hint = 请给出演出文件（.toml）、`skyshow build` 的输出文件夹、.skyc 文件，或 Skybrush CSV（每架无人机一个 CSV 的 ZIP，或静态点位）
output-cannot-write = 无法写入 `{ $file }`：{ $why }
output-cannot-move = 无法把新的 `{ $file }` 移到目标位置：{ $why }
output-cannot-create-folder = 无法创建输出文件夹：{ $why }
output-cannot-write-into = 无法写入文件夹 `{ $folder }`：{ $why }
## build
build-cannot-make-skyc = 无法生成 show.skyc：{ $why }
build-csv-fps-range = `--csv-fps` = { $fps } 超出范围
build-csv-fps-hint = 请使用 0.1 到 100 之间的帧率
build-max-drones-per-file = `--max-drones-per-file` 至少为 1
## check
check-too-large = `{ $file }` 有 { $bytes } 字节，超过了 `check` 可读取的 { $max } 字节
check-the-soundtrack = 配乐
## render
render-bad-time = `--{ $flag } { $value }`：{ $why }
render-time-hint = 秒数（`75.5`）或 `m:ss.mmm`
render-not-xyz = `--{ $flag } { $value }` 不是 `x,y,z`
render-xyz-hint = 三个以米为单位的数，例如 `-300,0,60`
render-eye-look-at = `--eye` 与 `--look-at` 必须同时给出
render-unknown-camera = 未知的视角 `{ $camera }`
render-unknown-camera-hint = 请使用 `audience` 或 `top`，或同时给出 `--eye` 与 `--look-at`
render-which-frames = 请说明要渲染哪一帧（或哪些帧）
render-which-frames-hint = `--at TIME -o frame.png`，或 `--from A --to B [--fps F] -o DIR`
render-wrote = 已将 { $count } 帧写入 { $folder }

# `skyshow transition FROM.csv TO.csv`。
transition-start-points = 起始
transition-target-points = 目标
transition-bad-row = `{ $file }` 第 { $line } 行：{ $why }
transition-bad-row-hint = 每行是 `x,y,z`，或 Skybrush 的 `Name,x_m,y_m,z_m,Red,Green,Blue`
transition-counts-differ = `{ $from }` 有 { $from_count } 个点，而 `{ $to }` 有 { $to_count } 个
transition-counts-differ-hint = 两个文件都需要每架无人机一行
transition-too-close = `{ $file }`：{ $what }点 { $a } 与 { $b }（从 1 数起）相距 { $gap } 米，小于最小间距 { $dist } 米
transition-too-close-hint = 请让各点至少相距最小间距，或调低 `--min-distance`
transition-unknown-minimise = 未知的 `--minimise { $value }`
transition-unknown-minimise-hint = 请用 `distance` 或 `time`
transition-unsafe = 无法安全地规划这段过渡：{ $why }
transition-unsafe-hint = 请把两组点分得更开，或在高度上留出更多空间
transition-summary = { $drones } 架无人机：时长 { $duration } s（下界 { $bound } s，比值 { $ratio }），最小间距 { $distance } m，路线 `{ $method }`，距离平方和 { $sum_sq } m²，分配 { $assign_ms } ms，规划 { $plan_ms } ms
output-temporary-removed = 另一个进程不断删除新建的临时文件
render-err-size = 图像尺寸 { $width }×{ $height } 超出范围（每边 16 到 8192 像素）
render-err-time = 时间 { $time } s 不是有限数
render-err-camera = 相机不可用：位置与注视点必须不同且为有限值，视场角须在 1° 到 170° 之间
render-err-sequence = 从 { $from } s 到 { $to } s、每秒 { $fps } 帧的帧序列不可用（最多 { $max } 帧）
render-err-png = PNG 编码失败：`{ $why }`
