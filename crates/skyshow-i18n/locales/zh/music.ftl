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

# 音频解码、节拍选项与 bar.beat 时间（skyshow-music 的 MusicError）。
music-err-empty = 音频文件为空
music-err-format = 不是可读的音频文件（应为 WAV、FLAC、OGG/Vorbis 或 MP3），解码器说：`{ $why }`
music-err-no-track = 文件中没有音轨
music-err-codec = 未知或不支持的音频编码（`{ $why }`）；请使用 WAV、FLAC、OGG/Vorbis 或 MP3
music-err-corrupt = 音频数据已损坏：`{ $why }`
music-err-decoder-failed = 解码器在畸形数据上出错
music-err-nothing-decoded = 没能解码出任何音频
music-err-too-long = 音频长于允许的 { $max } s
music-err-bad-format = 不可信的音频格式：{ $why }
music-err-sample-rate = 采样率 { $rate } Hz
music-err-channels = { $channels } 个声道
music-err-rate-changes = 采样率从 { $from } Hz 变为 { $to } Hz
music-err-unknown-rate = 采样率未知
music-err-no-beats = 没有找到节拍：音频是静音，或没有可跟踪的节奏
music-err-override = 手动节拍设置无效：{ $why }
music-err-beats-per-bar = 每小节 { $count } 拍
music-err-tempo = 速度 { $bpm } BPM（应为 1 到 1000）
music-err-first-beat = 第一拍在 { $first } s，超出音乐范围（0 到 { $duration } s）
music-err-tap = 拍点在 { $time } s
music-err-two-taps = 至少需要两个拍点
music-err-taps-close = 拍点 { $a } s 与 { $b } s 相距不到 50 ms
music-err-bar-beat = `{ $text }` 不是 bar.beat 时间（如 `33.1`）：{ $why }
music-bar-word = 小节号
music-beat-word = 拍号
music-err-not-whole = { $what }不是整数
music-err-too-large = { $what }太大
music-err-count-from-1 = 小节和拍都从 1 开始数
music-err-bar-has = 每小节只有 { $beats } 拍
music-err-past-end = 第 { $bar } 小节第 { $beat } 拍已超出音乐末尾（共 { $bars } 小节，最后一拍在 { $last } s）
