# 命令行自身的输出：进度、各命令的消息与错误。

## 进度（终端上的进度指示）
progress-reading = 正在读取演出文件
progress-formations = 正在为 { $drones } 架无人机生成编队
progress-takeoff = 正在规划 { $drones } 架无人机的起飞
progress-transition = 正在规划第 { $index }/{ $count } 段变换，进入“{ $to }”
progress-landing = 正在规划 { $drones } 架无人机的降落
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
transition-close-points = `{ $file }`：{ $what } 点 { $a } 与 { $b } 相距 { $gap } 米，与最小间距 { $dist } 米相差不到 1 毫米：按原样接受，过渡保持其间距

## 输出文件夹的 render 与 preview：其 stage.json
stage-missing = 注意：缺少 `{ $file }`（该文件夹由较旧的 skyshow 生成）：绘制时不含观众区、发射阵地、场地和烟花；重新构建演出即可包含它们
stage-unreadable = 无法读取 `{ $file }`：{ $reason }
stage-unreadable-hint = `skyshow build` 会在 `show.skyc` 旁写出此文件：请重新将演出构建到 `{ $dir }`

## Limit flags (`check`, `transition`, `formation`)
cli-limit-flag-range = `--{ $flag } { $value }` 超出范围
cli-limit-flag-range-hint = 请给出 ≥ { $min } 的有限数值
