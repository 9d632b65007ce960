# preview.html：三维预览页面（按钮、说明、快捷键帮助、提示信息）。

preview-page-title = { $title } · skyshow 三维预览
preview-view-aria = 演出三维视图
preview-drones = { $drones ->
   *[other] 架无人机
}
preview-fireworks = { $count } 发烟花
preview-help = 拖动：环绕 · Shift/右键拖动：平移 · 滚轮：缩放 · 空格：播放/暂停 · ←/→：±1 秒 · Shift ←/→：±10 秒
preview-timeline-aria = 时间轴：章节、编队、提示点与烟花
preview-play-title = 播放 / 暂停（空格）
preview-play = 播放
preview-pause = 暂停
preview-seek-aria = 演出时间
preview-speed-title = 播放速度
preview-mute-title = 音乐开/关
preview-mute = 静音
preview-cam-audience = 观众
preview-cam-audience-title = 从观众区观看
preview-cam-top = 俯视
preview-cam-top-title = 从正上方俯视
preview-cam-orbit = 环绕
preview-cam-orbit-title = 自由环绕：拖动旋转，滚轮缩放
preview-chapter = 章节
preview-formation = 编队
preview-cue = 提示点
preview-firework = 烟花
preview-cannot-start = 预览无法启动：
preview-no-decompression = 此浏览器无法解压演出数据（不支持 DecompressionStream）
preview-no-canvas = 此浏览器既不支持 WebGL，也不支持 2D 画布。

## stage.json：输出文件夹的画面中除无人机以外的内容
stage-not-json = 不是 JSON（{ $reason }）
stage-wrong-format = `{ $key }` 不是 `skyshow-stage`
stage-wrong-version = 其版本为 { $version }；本 skyshow 读取版本 { $supported }
stage-missing-key = 缺少 `{ $key }`
stage-bad-value = `{ $key }` 的值不是 `skyshow build` 会写出的值

# `skyshow preview`：本地服务器的提示。
preview-serving = 正在提供 { $url }（仅限 127.0.0.1；按 Ctrl-C 停止）
preview-rebuilding = 演出已更改：正在重新生成
preview-still-serving = 仍在提供上一次成功生成的结果
preview-cannot-listen = 无法在 127.0.0.1:{ $port } 上监听：{ $why }
preview-cannot-listen-hint = 请换一个 `--port`
preview-lock-poisoned = 内部错误：重新生成失败后页面存储不可用；请重新启动 `skyshow preview`
