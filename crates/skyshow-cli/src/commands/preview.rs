//! `skyshow preview SHOW.toml|OUTDIR`: serves the preview page on 127.0.0.1 only, and
//! rebuilds and reloads it when the show file or its artwork changes.
//!
//! The server serves pages held in memory and nothing else: there is no file-system path
//! behind a URL, so nothing outside the show's outputs can be reached. Requests are bounded
//! (8 KiB of headers, a 5 s read timeout, 16 connections at a time).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use miette::{Result, miette};
use skyshow_i18n::msg;
use skyshow_import::load_show;

use crate::args::{BuildArgs, PreviewArgs};
use crate::commands::build;
use crate::printer::Printer;
use crate::show_source;
use crate::visuals;

/// Largest request head the server reads, bytes.
const MAX_REQUEST_BYTES: usize = 8 * 1024;
/// Most connections served at once.
const MAX_CONNECTIONS: usize = 16;

/// What the server hands out.
#[derive(Default)]
struct Pages {
    preview: Vec<u8>,
    report: Option<Vec<u8>>,
    version: u64,
}

/// Runs `preview`.
pub(crate) fn run(args: &PreviewArgs, printer: Printer) -> Result<u8> {
    let pages = Arc::new(RwLock::new(Pages::default()));
    let is_toml = args
        .input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let mut watched: Vec<(PathBuf, Option<SystemTime>)> = Vec::new();
    if is_toml {
        rebuild(args, printer, &pages)?;
        watched = inputs(args);
    } else {
        let src = show_source::load(&args.input, printer)?;
        let page =
            visuals::preview_page(&src.show, src.limits, &src.stage, None, src.music.as_ref());
        pages
            .write()
            .map_err(|_| miette!("{}", msg!("preview-lock-poisoned")))?
            .preview = page;
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, args.port)).map_err(|e| {
        crate::cli_error::fail(
            msg!(
                "preview-cannot-listen",
                port = args.port.to_string(),
                why = skyshow_i18n::io_reason(&e)
            ),
            Some(msg!("preview-cannot-listen-hint")),
        )
    })?;
    let addr = listener.local_addr().map_err(|e| miette!("{e}"))?;
    printer.line(
        &msg!(
            "preview-serving",
            url = format!("http://{addr}/preview.html")
        )
        .to_string(),
    );
    let active = Arc::new(AtomicUsize::new(0));
    {
        let pages = Arc::clone(&pages);
        let active = Arc::clone(&active);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                    let _ = respond(stream, 503, "text/plain", b"busy");
                    continue;
                }
                active.fetch_add(1, Ordering::SeqCst);
                let pages = Arc::clone(&pages);
                let active = Arc::clone(&active);
                std::thread::spawn(move || {
                    let _ = serve(stream, &pages);
                    active.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
    }
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(400));
        if let Some(limit) = args.stop_after
            && started.elapsed().as_secs_f64() >= limit
        {
            return Ok(0);
        }
        if is_toml && changed(&mut watched) {
            printer.line(&msg!("preview-rebuilding").to_string());
            match rebuild(args, printer, &pages) {
                Ok(()) => watched = inputs(args),
                Err(e) => printer.line(&format!("{e:?}\n{}", msg!("preview-still-serving"))),
            }
        }
    }
}

fn inputs(args: &PreviewArgs) -> Vec<(PathBuf, Option<SystemTime>)> {
    let files = load_show(&args.input)
        .map(|l| l.inputs)
        .unwrap_or_else(|_| vec![args.input.clone()]);
    files
        .into_iter()
        .map(|p| {
            let m = fs_err::metadata(&p).and_then(|m| m.modified()).ok();
            (p, m)
        })
        .collect()
}

fn changed(watched: &mut [(PathBuf, Option<SystemTime>)]) -> bool {
    let mut any = false;
    for (p, seen) in watched.iter_mut() {
        let now = fs_err::metadata(&*p).and_then(|m| m.modified()).ok();
        if now != *seen {
            *seen = now;
            any = true;
        }
    }
    any
}

fn rebuild(args: &PreviewArgs, printer: Printer, pages: &RwLock<Pages>) -> Result<()> {
    let b = BuildArgs {
        show: args.input.clone(),
        out: args.out.clone(),
        csv_fps: 4.0,
        no_csv: true,
        no_vviz: true,
        no_cache: false,
        max_drones_per_file: 5000,
        live_reload: Some("version".into()),
    };
    build::run(&b, printer)?;
    let preview = fs_err::read(args.out.join("preview.html")).map_err(|e| miette!("{e}"))?;
    let report = fs_err::read(args.out.join("report.html")).ok();
    let mut p = pages
        .write()
        .map_err(|_| miette!("{}", msg!("preview-lock-poisoned")))?;
    p.preview = preview;
    p.report = report;
    p.version += 1;
    Ok(())
}

fn serve(stream: TcpStream, pages: &RwLock<Pages>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut head = Vec::new();
    let mut reader = BufReader::new((&stream).take(MAX_REQUEST_BYTES as u64));
    loop {
        let mut line = Vec::new();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        let end = line == b"\r\n" || line == b"\n";
        head.extend_from_slice(&line);
        if end {
            break;
        }
        if head.len() >= MAX_REQUEST_BYTES {
            return respond(stream, 431, "text/plain", b"request header too large");
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut first = text.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(stream, 405, "text/plain", b"only GET");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let p = pages.read().map_err(|_| std::io::Error::other("lock"))?;
    let (status, kind, body): (u16, &str, Vec<u8>) = match path {
        "/" | "/preview.html" => (200, "text/html; charset=utf-8", p.preview.clone()),
        "/report.html" => match &p.report {
            Some(r) => (200, "text/html; charset=utf-8", r.clone()),
            None => (404, "text/plain", b"no report".to_vec()),
        },
        "/version" => (200, "text/plain", p.version.to_string().into_bytes()),
        _ => (404, "text/plain", b"not found".to_vec()),
    };
    drop(p);
    if method == "HEAD" {
        return respond(stream, status, kind, b"");
    }
    respond(stream, status, kind, &body)
}

fn respond(mut stream: TcpStream, status: u16, kind: &str, body: &[u8]) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)?;
    stream.flush()
}
