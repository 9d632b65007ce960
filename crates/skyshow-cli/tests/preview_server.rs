//! The preview server is locked down: it listens on loopback only, hands out only its
//! pages (held in memory: no file under the output folder, symlink or not, is reachable),
//! refuses oversized requests, and turns away connections beyond its limit.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, TcpStream, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SHOW: &str = "title = \"p\"\n[fleet]\ndrones = 4\n[fleet.grid]\nrows = 2\ncolumns = 2\nspacing_m = 3\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"l\"\nhold = 4\nshape = \"line\"\nlength_m = 12\ncenter = [0, 0, 20]\n";

/// Builds the show file `f` into `out` (no VVIZ), asserting success.
fn build(f: &std::path::Path, out: &std::path::Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args([
            "build",
            f.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
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
}

/// Builds the show, plants a symlink to a secret outside the output folder, and starts
/// `preview OUTDIR`; returns the server and its port.
fn serve(dir: &std::path::Path) -> (Child, u16) {
    let f = dir.join("show.toml");
    std::fs::write(&f, SHOW).unwrap();
    let out = dir.join("out");
    build(&f, &out);
    std::fs::write(dir.join("secret.txt"), "SECRET").unwrap();
    std::os::unix::fs::symlink(dir.join("secret.txt"), out.join("secret.html")).unwrap();
    std::os::unix::fs::symlink(dir, out.join("up")).unwrap();
    preview(&out)
}

/// Starts `skyshow preview TARGET` on a free port; returns the server and its port.
fn preview(target: &std::path::Path) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args([
            "preview",
            target.to_str().unwrap(),
            "--port",
            "0",
            "--stop-after",
            "60",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let at = line.find("http://127.0.0.1:").expect("serving line") + "http://127.0.0.1:".len();
    let port = line[at..].split('/').next().unwrap().parse().unwrap();
    (child, port)
}

fn request(port: u16, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(raw);
    let mut resp = Vec::new();
    let _ = s.read_to_end(&mut resp);
    String::from_utf8_lossy(&resp).into_owned()
}

/// This machine's address on its default route, if it has one besides loopback.
fn outward_address() -> Option<IpAddr> {
    let s = UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("10.255.255.255:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn preview_is_locked_down() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, port) = serve(dir.path());
    assert!(request(port, b"GET /preview.html HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 200"));
    // Loopback only: the same port on the machine's outward address refuses.
    if let Some(ip) = outward_address() {
        assert!(
            TcpStream::connect_timeout(&(ip, port).into(), Duration::from_secs(5)).is_err(),
            "reachable on {ip}"
        );
    }
    // Nothing else is served: files and symlinks in the output folder, traversal.
    for path in [
        "/secret.html",
        "/up/secret.txt",
        "/show.skyc",
        "/show.vviz",
        "/preview.html/../secret.html",
        "/..%2fsecret.txt",
        "//etc/passwd",
    ] {
        let r = request(port, format!("GET {path} HTTP/1.1\r\n\r\n").as_bytes());
        assert!(
            r.starts_with("HTTP/1.1 404"),
            "{path}: {}",
            &r[..r.len().min(80)]
        );
        assert!(!r.contains("SECRET"), "{path}");
    }
    // Request size is bounded: a header beyond 8 KiB gets 431, not an unbounded read.
    let mut big = b"GET / HTTP/1.1\r\nX-Fill: ".to_vec();
    big.extend(std::iter::repeat_n(b'a', 64 * 1024));
    let r = request(port, &big);
    assert!(r.starts_with("HTTP/1.1 431"), "{}", &r[..r.len().min(80)]);
    // Connections are bounded: with 16 idle connections held open, the next one is told
    // the server is busy.
    let idle: Vec<TcpStream> = (0..16)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let r = request(port, b"GET /preview.html HTTP/1.1\r\n\r\n");
    assert!(r.starts_with("HTTP/1.1 503"), "{}", &r[..r.len().min(80)]);
    // Once they go away, it serves again.
    drop(idle);
    let started = Instant::now();
    loop {
        let r = request(port, b"GET /preview.html HTTP/1.1\r\n\r\n");
        if r.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "still busy: {}",
            &r[..r.len().min(80)]
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// `preview FILE.skyc` plays the file's own music (`media.audio`) with its waveform.
#[test]
fn preview_of_a_skyc_plays_its_music() {
    let dir = tempfile::tempdir().unwrap();
    let track = skyshow_music::synthesize(&skyshow_music::TrackSpec {
        duration_s: 12.0,
        ..skyshow_music::TrackSpec::clicks(120.0)
    });
    let wav = track.to_wav();
    std::fs::write(dir.path().join("m.wav"), &wav).unwrap();
    let f = dir.path().join("show.toml");
    std::fs::write(
        &f,
        format!("{SHOW}[music]\nfile = \"m.wav\"\noffset_s = 1.5\n"),
    )
    .unwrap();
    let out = dir.path().join("out");
    build(&f, &out);
    let (mut child, port) = preview(&out.join("show.skyc"));
    let page = request(port, b"GET /preview.html HTTP/1.1\r\n\r\n");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        page.starts_with("HTTP/1.1 200"),
        "{}",
        &page[..page.len().min(80)]
    );
    assert!(
        page.contains("\"mime\":\"audio/wav\""),
        "no music in the page"
    );
    assert!(page.contains("\"offset_s\":1.5"), "the music's offset");
    // The WAV itself, base64: "RIFF" begins "UklGR".
    assert!(page.contains("UklGR"), "the audio bytes");
    // And a waveform with peaks (clicks reach well above silence).
    let peaks = page.split("\"peaks\":[").nth(1).expect("a waveform");
    assert!(
        peaks
            .split(']')
            .next()
            .unwrap()
            .split(',')
            .any(|p| p.trim().parse::<u32>().unwrap_or(0) > 20)
    );
}
