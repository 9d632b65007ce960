# Artwork files: fonts, SVG, meshes, images.

## Fonts
artwork-font-type1 = `{ $font }` is a Type 1 (PostScript) font, which skyshow cannot read
artwork-font-type1-hint = give a TrueType or OpenType font (`.ttf`, `.otf`, `.ttc`): convert it with FontForge (File › Generate Fonts, OpenType), or name an installed family (`fc-list : family` lists them)
artwork-font-woff = `{ $font }` is a web font (WOFF), which skyshow cannot read
artwork-font-woff-hint = decompress it to a TrueType or OpenType font (`woff2_decompress`, or FontForge), or name an installed family (`fc-list : family` lists them)
artwork-font-bitmap = `{ $font }` is a `.{ $ext }` font, which skyshow cannot read
artwork-font-not-a-font-file = `{ $font }` is a path, but not to a font file skyshow reads
artwork-font-other-hint = give a TrueType or OpenType font file (`.ttf`, `.otf`, `.ttc`), or name an installed family (`fc-list : family` lists them)

## A file that is something else than its name says
artwork-foreign-html = an HTML page, not a { $expected } file (a web page saved under the file's name?)
artwork-foreign-html-hint = download the file itself (on GitHub: the "Download raw file" button) and check that it opens in a { $expected } viewer
artwork-foreign-lfs = a Git LFS pointer, not the { $expected } file itself
artwork-foreign-lfs-hint = fetch the file's content with `git lfs pull` in its repository (or download the file from the repository's web page)
artwork-foreign-zip = a ZIP archive, not a { $expected } file
artwork-foreign-zip-hint = unpack it and name the { $expected } file inside
artwork-foreign-other = a { $kind } file, not a { $expected } file
artwork-foreign-other-hint = check the file's name and content: give a { $expected } file

## SVG colours
artwork-svg-unlit = formation `{ $formation }`: SVG `{ $file }` is painted only in dark colours (black or nearly: SVG's default fill, or `currentColor` with no colour set), which drones cannot show, so it is drawn white; set `color` (or `gradient`) to choose its colour

## Meshes
artwork-mesh-flat-volume = { $what } is flat: all its vertices lie in one plane, so it encloses no volume to fill
artwork-mesh-flat-volume-hint = use `mode = "surface"` to spread the drones over it, or give the model thickness
artwork-mesh-vertices-merged = formation `{ $formation }`: { $what } repeats vertices at the same place (split normals, UV seams or flat shading write a vertex once per face that uses it); { $merged } copies were merged, { $kept } vertices remain, one drone each
artwork-mesh-texture-unread = formation `{ $formation }`: { $what }: { $why }

# Fonts of text formations.
font-unknown = no font named `{ $name }` is installed
font-unknown-near-hint = did you mean `{ $name }`? Or give a font file, `font = "fonts/MyFont.otf"`; installed: { $installed }
font-unknown-install-hint = install the font (Debian: `apt-get install fonts-noto-cjk` gives `Noto Sans CJK SC`, `Noto Serif CJK SC`, …) or give a font file, `font = "fonts/MyFont.otf"`; installed: { $installed }
font-unknown-hint = name an installed family or give a font file, `font = "fonts/MyFont.otf"`; installed: { $installed }
font-more-families = { $count ->
    [one] and 1 more
   *[other] and { $count } more
}
font-none-installed = none
