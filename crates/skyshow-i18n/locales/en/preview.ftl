# preview.html: the 3D preview page (buttons, captions, keyboard help, messages).

preview-page-title = { $title } · skyshow preview
preview-view-aria = 3D view of the show
preview-drones = { $drones ->
    [one] drone
   *[other] drones
}
preview-fireworks = { $count ->
    [one] { $count } firework
   *[other] { $count } fireworks
}
preview-help = drag: orbit · shift/right drag: pan · wheel: zoom · space: play/pause · ←/→: ±1 s · shift ←/→: ±10 s
preview-timeline-aria = timeline: chapters, formations, cues and fireworks
preview-play-title = play / pause (space)
preview-play = play
preview-pause = pause
preview-seek-aria = show time
preview-speed-title = playback speed
preview-mute-title = music on/off
preview-mute = mute
preview-cam-audience = Audience
preview-cam-audience-title = view from the audience
preview-cam-top = Top
preview-cam-top-title = view from above
preview-cam-orbit = Orbit
preview-cam-orbit-title = free orbit: drag to turn, wheel to zoom
preview-chapter = chapter
preview-formation = formation
preview-cue = cue
preview-firework = firework
preview-cannot-start = The preview cannot start:
preview-no-decompression = this browser cannot unpack the show (no DecompressionStream)
preview-no-canvas = This browser can draw neither WebGL nor 2D canvas.

## stage.json: what an output folder's frames show besides the drones
stage-not-json = it is not JSON ({ $reason })
stage-wrong-format = `{ $key }` is not `skyshow-stage`
stage-wrong-version = it has version { $version }; this skyshow reads version { $supported }
stage-missing-key = `{ $key }` is missing
stage-bad-value = `{ $key }` holds a value that `skyshow build` does not write

# `skyshow preview`: the local server's notices.
preview-serving = serving { $url } (127.0.0.1 only; Ctrl-C to stop)
preview-rebuilding = the show changed: rebuilding
preview-still-serving = still serving the last good build
preview-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $why }
preview-cannot-listen-hint = choose another `--port`
preview-lock-poisoned = internal error: the page store is unusable after a failed rebuild; restart `skyshow preview`
