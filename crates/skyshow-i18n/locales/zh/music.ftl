# `skyshow beats`：关于音乐文件的输出及其错误。

beats-summary = `{ $file }`：{ $duration } 秒，{ $rate } Hz，{ $bpm } BPM，{ $beats } 拍，{ $bars } 小节，{ $onsets } 个起音，分析用时 { $ms } 毫秒
# 各速度段，以 `beats-section-separator` 连接。
beats-sections = 速度：{ $sections }
beats-section = { $at } 起 { $bpm } BPM
beats-section-separator = {"，"}
# 小节表的表头：每行以小节号开头，随后是该小节及其后各小节的起始时间。
beats-bars-header = 小节（每小节 { $per_bar } 拍；第 1 小节从第一个强拍开始，与数字音频工作站的计数相同，也就是演出文件中 `"1.1"` 所指），起始时间格式为 分:秒.毫秒：
beats-no-bars = 没有小节：音乐的拍数不足一个小节
beats-cannot-read = 无法读取 `{ $file }`：{ $why }
beats-cannot-read-hint = 请检查路径
beats-bad-tap = `--taps`：`{ $value }` 不是以秒为单位的数
beats-bad-tap-hint = 请以秒为单位给出各次敲击的时间，用逗号分隔：`--taps 0.52,1.01,1.50`
beats-taps-and-bpm = `--taps` 与 `--bpm` 不能同时使用
beats-taps-and-bpm-hint = 请只给出固定速度或敲击时间之一
beats-first-beat-needs-bpm = `--first-beat` 需要配合 `--bpm`
beats-first-beat-needs-bpm-hint = 请加上 `--bpm` 给出速度
beats-undecodable = `{ $file }`：{ $why }
beats-undecodable-hint = skyshow 可读取 WAV、FLAC、OGG/Vorbis 和 MP3
beats-analysis = `{ $file }`：{ $why }
beats-no-beats-hint = 请用 `--bpm` 和 `--first-beat` 给出速度，或用 `--taps` 给出各拍
