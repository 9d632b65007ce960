//! `build` writes the preview and the report; `render` draws frames; `preview` serves pages
//! on loopback only and nothing but them.

#![allow(clippy::print_stderr)] // tests say why they skip

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const SHOW: &str = r#"title = "visuals"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "ring"
hold = 10
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "red"
"#;

fn skyshow() -> Command {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
}

fn built(dir: &Path) -> PathBuf {
    let show = dir.join("show.toml");
    std::fs::write(&show, SHOW).unwrap();
    let out = dir.join("out");
    let o = skyshow()
        .args([
            "build",
            show.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--no-csv",
            "--no-vviz",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

#[test]
fn build_writes_preview_and_report_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    assert!(
        !out.join("drones_csv.zip").exists(),
        "--no-csv skips the CSV export"
    );
    assert!(
        !out.join("show.vviz").exists(),
        "--no-vviz skips the VVIZ export"
    );
    let page = std::fs::read_to_string(out.join("preview.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"));
    assert!(
        !page.contains("http://") || !page.contains("<script src=\"http"),
        "self-contained"
    );
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(report.contains("<svg"), "the report has plots");
}

#[test]
fn render_writes_a_frame_in_the_formation_colour() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    let png = dir.path().join("f.png");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let mid = (report["formations"][0]["start_s"].as_f64().unwrap()
        + report["formations"][0]["end_s"].as_f64().unwrap())
        / 2.0;
    let o = skyshow()
        .args([
            "render",
            out.to_str().unwrap(),
            "--at",
            &mid.to_string(),
            "-o",
            png.to_str().unwrap(),
            "--width",
            "320",
            "--height",
            "180",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    // A sequence into a folder.
    let seq = dir.path().join("seq");
    let o = skyshow()
        .args([
            "render",
            out.to_str().unwrap(),
            "--from",
            "0",
            "--to",
            "1",
            "--fps",
            "4",
            "-o",
            seq.to_str().unwrap(),
            "--width",
            "64",
            "--height",
            "36",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(std::fs::read_dir(&seq).unwrap().count() >= 4);
    // Without a time it is an error.
    let e = skyshow()
        .args(["render", out.to_str().unwrap(), "-o", png.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(e.status.code(), Some(2));
}

fn request(port: u16, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = s.write_all(raw);
    let mut resp = Vec::new();
    let _ = s.read_to_end(&mut resp);
    String::from_utf8_lossy(&resp).into_owned()
}

#[test]
fn preview_serves_only_its_pages_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    let mut child = skyshow()
        .args([
            "preview",
            out.to_str().unwrap(),
            "--port",
            "0",
            "--stop-after",
            "20",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("serving line")
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let port: u16 = url["http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let ok = request(port, b"GET /preview.html HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(
        ok.starts_with("HTTP/1.1 200"),
        "{}",
        &ok[..ok.len().min(200)]
    );
    assert!(ok.contains("Content-Type: text/html"));
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/show.skyc",
        "/report.json",
    ] {
        let r = request(port, format!("GET {path} HTTP/1.1\r\n\r\n").as_bytes());
        assert!(
            r.starts_with("HTTP/1.1 404"),
            "{path}: {}",
            &r[..r.len().min(100)]
        );
    }
    let post = request(
        port,
        b"POST /preview.html HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    );
    assert!(post.starts_with("HTTP/1.1 405"));
    let mut big = b"GET / HTTP/1.1\r\n".to_vec();
    big.extend(std::iter::repeat_n(b'a', 20_000));
    let r = request(port, &big);
    assert!(
        r.is_empty() || r.starts_with("HTTP/1.1 431") || r.starts_with("HTTP/1.1 4"),
        "{}",
        &r[..r.len().min(100)]
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn preview_rebuilds_when_the_show_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let show = dir.path().join("show.toml");
    std::fs::write(&show, SHOW).unwrap();
    let out = dir.path().join("out");
    let mut child = skyshow()
        .args([
            "preview",
            show.to_str().unwrap(),
            "--port",
            "0",
            "-o",
            out.to_str().unwrap(),
            "--stop-after",
            "60",
            "--no-progress",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut port = 0u16;
    for _ in 0..200 {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if let Some(url) = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
        {
            port = url["http://127.0.0.1:".len()..]
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            break;
        }
    }
    assert!(port > 0, "the server said where it listens");
    std::thread::spawn(move || {
        let mut sink = String::new();
        let _ = err.read_to_string(&mut sink);
    });
    let version = |port| {
        let r = request(port, b"GET /version HTTP/1.1\r\n\r\n");
        r.rsplit("\r\n\r\n").next().unwrap_or("").to_string()
    };
    assert_eq!(version(port), "1");
    let page1 = request(port, b"GET /preview.html HTTP/1.1\r\n\r\n");
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&show, SHOW.replace("color = \"red\"", "color = \"green\"")).unwrap();
    let mut v = String::new();
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(200));
        v = version(port);
        if v == "2" {
            break;
        }
    }
    assert_eq!(v, "2", "the page's version moves on after a rebuild");
    let page2 = request(port, b"GET /preview.html HTTP/1.1\r\n\r\n");
    assert!(page1 != page2, "the rebuilt page differs");
    let _ = child.kill();
    let _ = child.wait();
}
