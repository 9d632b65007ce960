# Shared texts: language selection, generic words.

lang-unknown-flag = unknown language `{ $given }` for `--lang`
lang-unknown-env = unknown language `{ $given }` in SKYSHOW_LANG
lang-unknown-hint = skyshow speaks: { $languages } (for example `--lang zh` or SKYSHOW_LANG=zh)
# Replaces miette's `help:` in front of a hint (English keeps miette's own label).
error-help-label = {"help: "}

# "Did you mean": the nearest valid name to one the user typed, before the hint.
did-you-mean = did you mean `{ $name }`?
did-you-mean-then = did you mean `{ $name }`? { $hint }
