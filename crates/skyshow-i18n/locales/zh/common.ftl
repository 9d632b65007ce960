# 通用文本：语言选择等。

lang-unknown-flag = `--lang` 指定的语言 `{ $given }` 不受支持
lang-unknown-env = SKYSHOW_LANG 指定的语言 `{ $given }` 不受支持
lang-unknown-hint = skyshow 支持的语言：{ $languages }（例如 `--lang zh` 或 SKYSHOW_LANG=zh）
# 替换 miette 在提示前的 `help:` 标签。
error-help-label = 提示：

# “是否想写”：与用户输入最接近的有效名称，放在提示之前。
did-you-mean = 是否想写 `{ $name }`？
did-you-mean-then = 是否想写 `{ $name }`？{ $hint }

# 文件无法读写的原因（操作系统的错误类型）。
io-not-found = 文件或目录不存在
io-permission-denied = 没有权限
io-is-a-directory = 它是一个目录
io-not-a-directory = 路径中有一部分不是目录
io-invalid-data = 文件不是有效的 UTF-8 文本
io-storage-full = 磁盘已满
io-read-only = 文件系统是只读的
io-already-exists = 文件已存在
io-other = 系统报告：`{ $why }`
input-too-large = 该文件有 { $size } MB，超过输入文件允许的 { $max } MB
input-text-only = 仅解析文本时无法读取 `{ $file }`
