# Shared texts: language selection, generic words.

lang-unknown-flag = unknown language `{ $given }` for `--lang`
lang-unknown-env = unknown language `{ $given }` in SKYSHOW_LANG
lang-unknown-hint = skyshow speaks: { $languages } (for example `--lang zh` or SKYSHOW_LANG=zh)
# Replaces miette's `help:` in front of a hint (English keeps miette's own label).
error-help-label = {"help: "}

# "Did you mean": the nearest valid name to one the user typed, before the hint.
did-you-mean = did you mean `{ $name }`?
did-you-mean-then = did you mean `{ $name }`? { $hint }

# Why a file could not be read or written (the operating system's error kind).
io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = it is a directory
io-not-a-directory = a part of the path is not a directory
io-invalid-data = the file is not valid UTF-8 text
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-already-exists = the file already exists
io-other = { $why }
input-too-large = the file is { $size } MB, more than the { $max } MB an input file may have
input-text-only = cannot read `{ $file }` when parsing text only
