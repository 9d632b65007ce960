//! `Browser`: a small Chrome DevTools Protocol client driving headless Chromium over
//! `--remote-debugging-pipe` (NUL-separated JSON on file descriptors 3 and 4), so no
//! WebSocket or port is needed.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// Where Debian's chromium lives (CI installs it with `scripts/ci-deps/preview.sh`).
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";

/// A headless Chromium and one page in it.
pub(crate) struct Browser {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: u64,
    session: String,
    /// Protocol events received so far (console messages, exceptions, log entries).
    pub(crate) events: Vec<Value>,
    profile: tempfile::TempDir,
}

/// An RGB screenshot.
pub(crate) struct Shot {
    /// Width, pixels.
    pub(crate) width: usize,
    /// Height, pixels.
    pub(crate) height: usize,
    /// Row-major RGB bytes.
    pub(crate) rgb: Vec<u8>,
}

impl Shot {
    /// The pixel at (x, y).
    pub(crate) fn at(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }
}

impl Browser {
    /// Starts Chromium with a fresh profile and opens a blank page of `width` × `height`
    /// CSS pixels. `Ok(None)` if Chromium is not installed.
    pub(crate) fn launch(width: u32, height: u32) -> Result<Option<Browser>, String> {
        Browser::launch_with(width, height, &[])
    }

    /// [`Browser::launch`] with extra command-line switches.
    pub(crate) fn launch_with(
        width: u32,
        height: u32,
        extra: &[&str],
    ) -> Result<Option<Browser>, String> {
        if !Path::new(CHROMIUM).exists() {
            return Ok(None);
        }
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let log = std::fs::File::create(profile.path().join("chromium.log"))
            .map_err(|e| e.to_string())?;
        let user_data = profile.path().join("profile");
        let args: Vec<String> = vec![
            "--headless".into(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--use-angle=swiftshader".into(),
            "--enable-unsafe-swiftshader".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--no-default-browser-check".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-extensions".into(),
            "--disable-dev-shm-usage".into(),
            "--mute-audio".into(),
            "--hide-scrollbars".into(),
            "--autoplay-policy=no-user-gesture-required".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", user_data.display()),
            "--remote-debugging-pipe".into(),
        ];
        let args: Vec<String> = args
            .into_iter()
            .chain(extra.iter().map(|a| a.to_string()))
            .chain(["about:blank".to_string()])
            .collect();
        // The shell moves our pipes to fds 3 (commands in) and 4 (replies out).
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null"#)
            .arg(CHROMIUM)
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .map_err(|e| format!("cannot start chromium: {e}"))?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut buf = Vec::new();
            while let Ok(n) = r.read_until(0, &mut buf) {
                if n == 0 {
                    break;
                }
                if buf.last() == Some(&0) {
                    buf.pop();
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                    && tx.send(v).is_err()
                {
                    break;
                }
                buf.clear();
            }
        });
        let mut b = Browser {
            child,
            stdin,
            rx,
            next_id: 0,
            session: String::new(),
            events: Vec::new(),
            profile,
        };
        let target = b.call_browser("Target.createTarget", json!({"url": "about:blank"}))?;
        let target_id = target["targetId"]
            .as_str()
            .ok_or("no targetId")?
            .to_string();
        let att = b.call_browser(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        )?;
        b.session = att["sessionId"].as_str().ok_or("no sessionId")?.to_string();
        for m in ["Runtime.enable", "Log.enable", "Page.enable"] {
            b.call(m, json!({}))?;
        }
        b.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        Ok(Some(b))
    }

    /// Chromium's stderr so far, for error messages.
    pub(crate) fn log_tail(&self) -> String {
        let s =
            std::fs::read_to_string(self.profile.path().join("chromium.log")).unwrap_or_default();
        let lines: Vec<&str> = s.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<u64, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).map_err(|e| e.to_string())?;
        bytes.push(0);
        let stdin = self.stdin.as_mut().ok_or("browser closed")?;
        stdin
            .write_all(&bytes)
            .map_err(|e| format!("{method}: {e}"))?;
        stdin.flush().map_err(|e| e.to_string())?;
        Ok(id)
    }

    fn wait(&mut self, id: u64, method: &str, timeout: Duration) -> Result<Value, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(v) => {
                    if v["id"].as_u64() == Some(id) {
                        if let Some(e) = v.get("error") {
                            return Err(format!("{method}: {e}"));
                        }
                        return Ok(v["result"].clone());
                    }
                    if v.get("method").is_some() {
                        self.events.push(v);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!("{method}: no answer in {timeout:?}"));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("{method}: chromium exited\n{}", self.log_tail()));
                }
            }
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.send(None, method, params)?;
        self.wait(id, method, Duration::from_secs(30))
    }

    /// Calls a method on the page.
    pub(crate) fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let session = self.session.clone();
        let id = self.send(Some(&session), method, params)?;
        self.wait(id, method, Duration::from_secs(60))
    }

    /// Evaluates a JavaScript expression on the page and returns its value.
    pub(crate) fn eval(&mut self, expr: &str) -> Result<Value, String> {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(format!("{expr}: {e}"));
        }
        Ok(r["result"]["value"].clone())
    }

    /// Opens a file (loaded afresh, even when only the `#hash` differs from the page shown)
    /// and waits until `window.skyshowPreview.ready`; returns the time it took.
    pub(crate) fn open_preview(
        &mut self,
        file: &Path,
        hash: &str,
        timeout: Duration,
    ) -> Result<Duration, String> {
        let url = format!("file://{}{hash}", file.display());
        // Through a blank page: a new #hash alone would not load the page again.
        self.call("Page.navigate", json!({"url": "about:blank"}))?;
        let t = Instant::now();
        self.call("Page.navigate", json!({"url": url}))?;
        loop {
            // While the new document replaces the old one an evaluation can fail: retry.
            let ready = self.eval("!!(window.skyshowPreview && window.skyshowPreview.ready)");
            if ready == Ok(json!(true)) {
                return Ok(t.elapsed());
            }
            if t.elapsed() > timeout {
                return Err(format!(
                    "page not ready after {:?}; errors: {:?}",
                    t.elapsed(),
                    self.console_errors()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Console errors, uncaught exceptions and error log entries seen so far.
    pub(crate) fn console_errors(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in &self.events {
            let p = &e["params"];
            match e["method"].as_str() {
                Some("Runtime.consoleAPICalled")
                    if matches!(p["type"].as_str(), Some("error" | "assert")) =>
                {
                    out.push(format!("console.error: {}", p["args"]));
                }
                Some("Runtime.exceptionThrown") => {
                    out.push(format!("exception: {}", p["exceptionDetails"]));
                }
                Some("Log.entryAdded") if p["entry"]["level"] == "error" => {
                    out.push(format!("log: {}", p["entry"]["text"]));
                }
                _ => {}
            }
        }
        out
    }

    /// A screenshot of the page as RGB pixels.
    pub(crate) fn screenshot(&mut self) -> Result<Shot, String> {
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}))?;
        let data = r["data"].as_str().ok_or("no screenshot data")?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| e.to_string())?;
        decode_png(&png)
    }

    /// Where temporary files of this browser can go.
    pub(crate) fn scratch_dir(&self) -> PathBuf {
        self.profile.path().to_path_buf()
    }
}

/// Decodes a PNG into RGB.
pub(crate) fn decode_png(bytes: &[u8]) -> Result<Shot, String> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("png too large")?];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let (w, h) = (info.width as usize, info.height as usize);
    let ch = info.color_type.samples();
    let mut rgb = Vec::with_capacity(w * h * 3);
    for px in buf[..w * h * ch].chunks(ch) {
        match ch {
            1 | 2 => rgb.extend([px[0]; 3]),
            _ => rgb.extend(&px[..3]),
        }
    }
    Ok(Shot {
        width: w,
        height: h,
        rgb,
    })
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.send(None, "Browser.close", json!({}));
        self.stdin = None;
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
