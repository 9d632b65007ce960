# 通用文本：语言选择等。

lang-unknown-flag = `--lang` 指定的语言 `{ $given }` 不受支持
lang-unknown-env = SKYSHOW_LANG 指定的语言 `{ $given }` 不受支持
lang-unknown-hint = skyshow 支持的语言：{ $languages }（例如 `--lang zh` 或 SKYSHOW_LANG=zh）
# 替换 miette 在提示前的 `help:` 标签。
error-help-label = 提示：

# “是否想写”：与用户输入最接近的有效名称，放在提示之前。
did-you-mean = 是否想写 `{ $name }`？
did-you-mean-then = 是否想写 `{ $name }`？{ $hint }
