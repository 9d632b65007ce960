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

## Artwork formations in the show file
artwork-error = { $what }: { $message }
artwork-what-svg = SVG `{ $path }`
artwork-what-image = image `{ $path }`
artwork-what-mesh = mesh `{ $path }`
artwork-what-font = font `{ $font }`
artwork-what-font-any = font
artwork-what-text = the text
artwork-needs-file = a `{ $kind }` needs `file = "…"`
artwork-needs-file-hint = name the file, relative to the show file's folder
artwork-cannot-read = cannot read { $what }: { $why }
artwork-cannot-read-hint = paths are relative to the show file's folder
artwork-needs-size = a `{ $kind }` needs its size: { $keys }
artwork-needs-size-hint = add e.g. `width_m = 120` to formation `{ $name }`; the picture keeps its proportions
artwork-weight-needs-both = `weight` only applies to `mode = "both"`
artwork-weight-needs-both-hint = remove it, or set `mode = "both"`
artwork-no-area = { $what } has no filled area to place drones in (only lines)
artwork-no-area-hint = use `mode = "outline"` to fly along its lines
artwork-draws-nothing = { $what } draws nothing
artwork-density-needs-fill = `sample = "density"` spreads drones inside the bright area
artwork-density-needs-fill-hint = use it with `mode = "fill"`
artwork-text-needs-text = a `text` needs `text = "…"`
artwork-text-needs-text-hint = give the text to write; `\n` starts a new line
artwork-font-cannot-read = cannot read font file `{ $font }`: { $why }
artwork-font-cannot-read-hint = font files are relative to the show file's folder; a name without .ttf/.otf/.ttc is looked up among the installed fonts

## Mesh formations in the show file
artwork-mesh-one-size = give one of `size_m`, `width_m` and `height_m` for a mesh
artwork-mesh-one-size-hint = `size_m` is the largest extent; the mesh keeps its proportions
artwork-mesh-no-vertices = { $what } has no vertices: its scene holds no mesh
artwork-mesh-no-vertices-hint = export the model with its meshes (in Blender's glTF export, check Include › Limit to); an empty scene has nothing to sample
artwork-mesh-no-faces = { $what } has no faces ({ $vertices } vertices, 0 triangles)
artwork-mesh-no-faces-hint = add faces (OBJ `f` lines, glTF triangle primitives), or set `mode = "vertices"` to fly one drone on each vertex
artwork-mesh-extent-width = width
artwork-mesh-extent-height = height
artwork-mesh-extent-largest = largest extent
artwork-mesh-no-extent = { $what } has no { $extent } to scale (all vertices in one plane or point)
artwork-mesh-no-extent-hint = use `size_m`, which scales the largest extent
artwork-mesh-vertices-count = `count` does not apply to `mode = "vertices"` (one drone per vertex)
artwork-mesh-vertices-count-hint = remove `count`
artwork-mesh-vertices-fleet = formation `{ $formation }` has { $vertices } vertices but the fleet has { $fleet } drones
artwork-mesh-vertices-fleet-hint = this formation needs { $vertices } drones: raise `fleet.drones` or remove vertices
artwork-mesh-obj-not-utf8 = { $what } is not UTF-8 text
artwork-mesh-obj-not-utf8-hint = OBJ files are text
artwork-mesh-unknown-type = { $what }: unsupported mesh type `.{ $ext }`
artwork-mesh-unknown-type-hint = meshes are Wavefront OBJ (`.obj`), STL (`.stl`) or glTF (`.gltf`, `.glb`) files

## Animated meshes in the show file
artwork-anim-not-gltf = { $what } is not a glTF file: only glTF animations play on a mesh
artwork-anim-not-gltf-hint = export the animated mesh as glTF 2.0 (`.glb`), or remove the `animation` keys
artwork-anim-vertices-mode = animations play on `mode = "surface"` and `mode = "volume"` meshes
artwork-anim-vertices-mode-hint = remove the `animation` keys, or choose `surface` or `volume`
artwork-anim-none = { $what } has no animations
artwork-anim-none-hint = export it with animations (Blender: the glTF exporter's Animation panel), or remove the `animation` keys
artwork-anim-vertex-count = { $what }: the animation moves { $moved } vertices but the mesh has { $vertices } (please report this)
artwork-anim-start-past-end = `animation_start_s = { $start }` is past the end of animation `{ $name }` ({ $length } s long)
artwork-anim-start-past-end-hint = give a time from 0 to { $length } s into the clip
artwork-anim-not-finite = { $what }: animation `{ $name }` puts vertex { $vertex } at a point that is not finite
artwork-anim-not-finite-hint = check the animation's keys and the skin's matrices; re-export the file

## glTF files
artwork-gltf-compressed = the model's geometry is stored with { $how } (`{ $extension }`), which skyshow does not decode
artwork-gltf-draco-hint = open it in Blender (File › Import › glTF 2.0) and export it again with Data › Compression unchecked, or export the original without compression
artwork-gltf-meshopt = meshopt
artwork-gltf-meshopt-hint = write an uncompressed copy (`gltfpack -i model.glb -o plain.glb -noq`, without `-c`), or export the original without compression
artwork-gltf-instancing = GPU instancing
artwork-gltf-instancing-hint = export the instances as separate meshes (Blender: leave Data › Mesh › GPU Instances unchecked)
artwork-gltf-meshopt-broken = buffer view { $view } is compressed with meshopt (`EXT_meshopt_compression`) and does not decode: { $why }
artwork-gltf-draco-broken = mesh { $mesh }, primitive { $primitive } is compressed with Draco (`KHR_draco_mesh_compression`) and does not decode: { $why }
artwork-gltf-draco-targets = mesh { $mesh }, primitive { $primitive } is compressed with Draco (`KHR_draco_mesh_compression`) and has morph targets, which cannot follow the vertices Draco reorders
gltf-compressed-key-missing = its extension object has no `{ $key }`
gltf-compressed-key-bad = its `{ $key }` is { $value }, which the extension does not allow
gltf-compressed-past-buffer = its data runs past buffer { $buffer } ({ $length } bytes from byte { $start }; the buffer holds { $bytes })
gltf-compressed-too-large = decoded, the model's compressed geometry would take more than { $max } bytes
gltf-draco-attribute-missing = `{ $semantic }` is Draco attribute { $id }, which the compressed data does not hold
artwork-gltf-extension-unknown = the model requires the glTF extension `{ $extension }`, which skyshow does not read
artwork-gltf-extension-unknown-hint = export it without that extension (in the exporter's settings), as plain glTF 2.0
artwork-gltf-no-mesh = the file holds no mesh ({ $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
}, 0 meshes): there is no surface to place drones on
artwork-gltf-no-mesh-hint = export the model's geometry: in Blender's glTF export, check Include › Data › Mesh objects and, with Limit to › Selected Objects, select the model first
artwork-gltf-no-scene-shows = the file holds { $meshes ->
    [one] 1 mesh
   *[other] { $meshes } meshes
} but no node shows one, so nothing would be shown
artwork-gltf-scene-empty = the file holds { $meshes ->
    [one] 1 mesh
   *[other] { $meshes } meshes
} but its scene { $scene } lists no nodes, so nothing would be shown
artwork-gltf-scene-no-mesh-node = the file holds { $meshes ->
    [one] 1 mesh
   *[other] { $meshes } meshes
} but its scene { $scene } has no node that shows a mesh, so nothing would be shown
artwork-gltf-scene-hint = export the scene the model is in (Blender: Limit to › Active Scene, with the model's objects linked to it), so that a node of the scene shows the mesh

## glTF textures
artwork-texture-unread = the base-colour texture { $texture } of material { $material } cannot be read ({ $why }), so its faces take the material's colour
artwork-texture-no-buffer = its buffer is missing
artwork-texture-view-past-buffer = its buffer view runs past its buffer
artwork-texture-uri-not-base64 = a data URI that is not base64
artwork-texture-broken-base64 = broken base64 data
artwork-texture-file-unread = `{ $path }`: { $why }
artwork-texture-not-image = not a PNG or JPEG image (KTX2/Basis, WebP and DDS textures are not read)
artwork-texture-unreadable-image = not a readable image: { $why }
artwork-texture-empty = an empty image
artwork-gltf-broken-hint = the file is broken; re-export it
artwork-gltf-glb-short = not a valid glTF file: its GLB header gives the file's length as { $length } bytes, less than the 12-byte header
artwork-gltf-invalid = not a valid glTF file: { $why }
artwork-gltf-invalid-hint = give a glTF 2.0 file (`.gltf` JSON or `.glb` binary)
artwork-gltf-positions-missing = mesh { $mesh }: the positions are accessor { $accessor }, but there are { $accessors } accessors
artwork-gltf-no-bin = buffer { $buffer } is the binary chunk, but the file has none
artwork-gltf-no-bin-hint = a `.gltf` file names its buffers by URI; only `.glb` files carry one
artwork-gltf-buffer-not-base64 = buffer { $buffer }: a data URI that is not base64
artwork-gltf-buffer-not-base64-hint = embedded buffers are `data:application/octet-stream;base64,…`
artwork-gltf-buffer-broken-base64 = buffer { $buffer }: broken base64 data
artwork-gltf-buffer-unread = cannot read buffer `{ $uri }`: { $why }
artwork-gltf-buffer-unread-hint = external buffers are read from the glTF file's folder
artwork-gltf-buffer-short = buffer { $buffer } holds { $bytes } bytes, the file says { $length }
artwork-gltf-buffer-short-hint = the file is cut short or names the wrong buffer
artwork-gltf-node-cycle = the node hierarchy does not end (a node is its own ancestor)

## SVG, image and text artwork
artwork-svg-too-deep = the SVG nests elements { $depth } levels deep, more than the { $max } this program reads
artwork-svg-too-deep-hint = flatten the groups in the drawing program (ungroup), or export a plain SVG
artwork-svg-invalid = not a valid SVG: { $why }
artwork-svg-invalid-hint = check that the file is an SVG document (XML with an `<svg>` root and a size or viewBox) that a browser opens
artwork-svg-draws-nothing = the SVG draws nothing: no path, shape or text with a fill or a stroke
artwork-svg-draws-nothing-hint = draw at least one visible filled or stroked path (empty paths and hidden elements are skipped; text needs its font installed)
artwork-svg-far = the SVG draws at ({ $x }, { $y }), far outside its { $width } × { $height } canvas
artwork-svg-far-hint = check that point (a mistyped coordinate, or a transform that throws a shape away); the viewBox should frame the drawing
artwork-image-unreadable = not an image this program can read: { $why }
artwork-image-unreadable-hint = give a PNG or JPEG file
artwork-image-none-bright = no pixel of the image reaches the brightness threshold { $threshold } (the brightest is { $value })
artwork-image-none-bright-hint = lower `threshold`, or set `invert = true` for dark artwork on a light background
artwork-image-none-dark = no pixel of the image reaches the brightness threshold { $threshold } (the darkest is { $value })
artwork-image-none-dark-hint = lower `threshold`, or remove `invert` for light artwork on a dark background
artwork-text-empty = the text is empty
artwork-text-empty-hint = give the text to write: `text = "二月二"`
artwork-font-no-glyph = font { $font } has no glyph for `{ $glyph }` ({ $code })
artwork-font-no-glyph-hint = install a font that has it (Debian: `apt-get install { $package }`) and name it, or give a font file: `font = "fonts/MyFont.otf"`
artwork-font-malformed = font { $font } is malformed: drawing its glyphs failed
artwork-font-malformed-hint = check the font file (open it in a font viewer), or use another font
artwork-font-drew-nothing = font { $font } drew nothing for this text
artwork-font-drew-nothing-hint = check that the font has outlines for these characters (bitmap-only fonts do not)

## OBJ and STL files
artwork-obj-line = OBJ line { $line }: { $what }
artwork-obj-line-hint = vertices are `v x y z [r g b]`, faces `f a b c …` with 1-based (or negative) indices
artwork-obj-vertex-nan = a vertex has a value that is not a number
artwork-obj-vertex-three = a vertex needs three finite coordinates
artwork-obj-face-nan = a face index is not a number
artwork-obj-face-index = face index { $index } names no vertex (there are { $count } so far)
artwork-obj-face-three = a face needs at least three vertices
artwork-obj-mtl-unread = cannot read material library `{ $name }`: { $why }
artwork-obj-mtl-unread-hint = material libraries are read from the OBJ file's folder
artwork-mesh-vertex-far = vertex { $vertex } is at ({ $x }, { $y }, { $z }): coordinates must be finite numbers within ±1e9
artwork-mesh-vertex-far-hint = check the file's vertices (a corrupt or mis-exported file?)
artwork-stl-invalid = not a valid STL file: { $why }
artwork-stl-invalid-hint = give an ASCII (`solid …`) or binary STL file
artwork-font-collection-count = the font collection claims { $fonts } fonts, but its header has room for { $room } (at most { $max } are read)
artwork-font-collection-count-hint = the file is cut short or broken; give a TrueType or OpenType font (.ttf, .otf, .ttc, .otc)
artwork-font-unreadable = not a font file this program can read
artwork-font-unreadable-hint = give a TrueType or OpenType font (.ttf, .otf, .ttc, .otc)
artwork-font-glyph-malformed = glyph { $glyph } (face { $face }) is malformed: it has no points but { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
} of point data after its instructions
artwork-font-glyph-malformed-hint = re-save the font with a font editor (FontForge: File > Generate Fonts), or use another font

## Broken glTF files: what is wrong, named by the mesh, skin or animation it is in
gltf-broken-blender-hint = the file is broken; re-export it (Blender: File › Export › glTF 2.0)
gltf-unread-form-hint = the file is broken or uses a form this program does not read; re-export it
gltf-mesh-index = mesh { $mesh }
gltf-mesh-named = mesh `{ $name }`
gltf-skin-index = skin { $skin }
gltf-skin-named = skin `{ $name }`
gltf-what-positions = positions
gltf-what-colours = colours
gltf-what-uvs = texture coordinates
gltf-what-indices = indices
gltf-what-morph-positions = positions of morph target { $target }
gltf-what-inverse-bind = inverse bind matrices
gltf-what-key-times = key times
gltf-what-values = values
gltf-accessor-use = { $owner }: the { $what } (accessor { $accessor }) { $why }
gltf-acc-missing = is accessor { $index }, but the file has { $accessors } accessors
gltf-acc-type-undefined = has a component or element type glTF does not define
gltf-acc-type-not-allowed = holds { $kind }, which glTF does not allow here
gltf-acc-type-normalised-not-allowed = holds normalised { $kind }, which glTF does not allow here
gltf-acc-too-many = holds too many elements
gltf-acc-count = holds { $count } elements, where { $want } are needed
gltf-acc-starts-past-view = starts past its view
gltf-acc-past-view = runs past its buffer view ({ $count } elements of { $stride } bytes from byte { $offset }, the view holds { $length })
gltf-acc-unbacked = holds { $count } elements without a buffer view (at most { $max })
gltf-acc-sparse-count = replaces { $sparse } of its { $count } elements sparsely (more than it has)
gltf-acc-sparse-type-undefined = has sparse indices of a type glTF does not define
gltf-acc-sparse-type = has sparse indices of type { $kind }
gltf-acc-sparse-past-view = has { $sparse } sparse indices or values that run past their buffer views
gltf-acc-sparse-index = has sparse index { $index } out of order or past its { $count } elements
gltf-acc-view-missing = names buffer view { $view }, but the file has { $views }
gltf-acc-buffer-missing = is in buffer { $buffer }, which the file does not have
gltf-acc-view-past-buffer = is in buffer view { $view }, which runs past its buffer ({ $length } bytes from byte { $start }, the buffer holds { $bytes })
gltf-acc-stride = has a stride of { $stride } bytes, less than its { $size }-byte elements
gltf-prim-sparse = are sparse, which is not read
gltf-prim-type = are { $kind }, not a type glTF allows for them
gltf-prim-empty = hold no elements
gltf-prim-stride = have a stride of { $stride } bytes, less than their { $size }-byte elements
gltf-prim-past-view = run past their buffer view ({ $count } elements of { $stride } bytes from byte { $offset })
gltf-vertex-not-finite = mesh { $mesh } has a vertex that is not finite
gltf-index-no-vertex = mesh { $mesh }: index { $index } names no vertex (there are { $count })
gltf-morph-weight-not-finite = mesh { $mesh }: the default weight of morph target { $target } is not finite
gltf-skin-part-missing = node { $node } or mesh { $mesh } is missing
gltf-skin-primitive-lost = mesh { $mesh } lost a primitive
gltf-skin-no-positions = { $mesh } has no positions
gltf-morph-count = { $mesh }: primitive { $primitive } has { $targets } morph targets, its first primitive { $want } (glTF needs the same number)
gltf-morph-not-finite = { $mesh }: morph target { $target } moves vertex { $vertex } by a number that is not finite
gltf-skin-missing = a node uses skin { $skin }, but the file has { $skins } skins
gltf-skin-no-joints = { $skin } has no joints
gltf-skin-matrix-not-finite = { $skin } has an inverse bind matrix that is not finite
gltf-skin-joint-node = { $skin }: joint { $joint } is node { $node }, but the file has { $nodes } nodes
gltf-skin-set-half = { $mesh } has JOINTS_{ $set } or WEIGHTS_{ $set } without the other
gltf-skin-no-sets = { $mesh } is skinned but has no JOINTS_0 and WEIGHTS_0
gltf-skin-weight-bad = { $mesh }: vertex { $vertex }: a skin weight is { $weight }
gltf-skin-weight-bad-hint = skin weights are finite numbers ≥ 0; re-export the file
gltf-skin-joint-index = { $mesh }: vertex { $vertex }: its skin names joint { $joint }, but the skin has { $joints } joints
gltf-skin-weights-zero = { $mesh }: vertex { $vertex }'s skin weights sum to 0, so it is bound to no joint and cannot be normalised
gltf-skin-weights-zero-hint = weight every vertex to at least one bone (Blender: Weight Paint, or Parent › With Automatic Weights) and re-export
gltf-node-child-missing = node { $node } has child { $child }, but the file has { $nodes } nodes
gltf-node-two-parents = node { $node } is the child of more than one node (or of itself): the nodes do not form a tree
gltf-node-transform-nan = node { $node } has a transform that is not finite
gltf-node-weights-count = node { $node } gives { $weights } morph weights for a mesh with { $targets } morph targets
gltf-node-weights-nan = node { $node } has morph weights that are not finite

## glTF animations
gltf-anim-none-at-all = has no animation `{ $want }`: it has no animations at all
gltf-anim-none-at-all-hint = export the animation from Blender with the glTF exporter's Animation options on, or remove `animation`
gltf-anim-unknown = has no animation `{ $want }`; its animations are { $names }
gltf-anim-unknown-hint = set `animation` to one of these names (or leave it out for the first)
gltf-anim-no-channels = animation `{ $name }` has no channels: it moves nothing
gltf-anim-no-channels-hint = choose another animation, or `animation = false` for the still mesh
gltf-anim-channel = animation `{ $name }`, channel { $channel }: { $what }
gltf-anim-target-node = targets node { $node }, but the file has { $nodes } nodes
gltf-anim-target-undefined = targets a property glTF does not define
gltf-anim-target-twice = animates the same property of node { $node } as an earlier channel
gltf-anim-sampler-missing = uses sampler { $sampler }, but the animation has { $samplers } samplers
gltf-anim-matrix-node = animates node { $node }, which is placed by a matrix (glTF animates only translation, rotation and scale)
gltf-anim-interpolation = sampler { $sampler } has an interpolation glTF does not define
gltf-anim-sampler = sampler { $sampler } { $what }
gltf-anim-sampler-accessor = sampler { $sampler } { $what } (accessor { $accessor }) { $why }
gltf-anim-morph-no-targets = animates the morph weights of node { $node }, which has no mesh with morph targets
gltf-anim-value-nan = has a value that is not finite (key { $key }: { $value })
gltf-anim-times-empty = has no keyframes (an empty sampler)
gltf-anim-times-many = has { $count } keyframes (at most { $max })
gltf-anim-times-nan = has key time { $time } at key { $key }, not a finite number
gltf-anim-times-order = has key times that do not increase: key { $key } is at { $time } s, key { $next } at { $next_time } s
