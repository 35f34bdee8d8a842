//! The figures in the README's "Speed and memory" table: `cargo bench --bench speed`.
//! Each is the median of repeated runs, on maps made by `support::journey`.

#[path = "support/mod.rs"]
mod support;

use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use motmap::app::{App, Event};
use motmap::store::{Document, to_ron};
use motmap::ui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A terminal that counts the bytes sent to it.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn terminal(counter: &Counter) -> Terminal<CrosstermBackend<Counter>> {
    Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 50)),
        },
    )
    .expect("a terminal")
}

/// An editor on a generated map of `moments`, told the screen is 200×50.
fn app(moments: usize) -> App {
    let mut app = App::new(support::journey(moments), "bench.ron", Instant::now());
    let _ = app.handle(
        Event::Resize {
            width: 200,
            height: 50,
        },
        Instant::now(),
    );
    app
}

/// Median time for one key (update and draw) at 200×50, and the median bytes one
/// selection move sends.
fn keystroke(moments: usize) -> (Duration, usize) {
    let mut app = app(moments);
    let theme = Theme::default();
    let counter = Counter::default();
    let mut terminal = terminal(&counter);
    terminal
        .draw(|f| motmap::ui::draw(f, &app, &theme))
        .expect("draws");
    let keys = ['j', 'j', 'l', 'k', 'j', 'h', 'j', 'l', 'k', 'l'];
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for round in 0..300 {
        let key = KeyEvent::new(KeyCode::Char(keys[round % keys.len()]), KeyModifiers::NONE);
        counter.0.store(0, Ordering::Relaxed);
        let start = Instant::now();
        let _ = app.handle(Event::Key(key), start);
        terminal
            .draw(|f| motmap::ui::draw(f, &app, &theme))
            .expect("draws");
        times.push(start.elapsed());
        if key.code == KeyCode::Char('j') {
            bytes.push(counter.0.load(Ordering::Relaxed));
        }
    }
    bytes.sort_unstable();
    (median(times), bytes[bytes.len() / 2])
}

/// Median time to draw a whole frame from nothing (every visible card laid out).
fn full_draw(moments: usize) -> Duration {
    let app = app(moments);
    let theme = Theme::default();
    let times = (0..100)
        .map(|_| {
            let counter = Counter::default();
            let mut terminal = terminal(&counter);
            let start = Instant::now();
            terminal
                .draw(|f| motmap::ui::draw(f, &app, &theme))
                .expect("draws");
            start.elapsed()
        })
        .collect();
    median(times)
}

fn load_and_save(dir: &Path) -> (Duration, Duration, usize) {
    let path = dir.join("big.ron");
    let text = to_ron(&support::journey(10_000));
    std::fs::write(&path, &text).expect("writes the map");
    let loads = (0..20)
        .map(|_| {
            let start = Instant::now();
            let document = Document::load(&path).expect("loads");
            let elapsed = start.elapsed();
            assert_eq!(document.journey.moment_count(), 10_000);
            elapsed
        })
        .collect();
    let mut document = Document::load(&path).expect("loads");
    let saves = (0..20)
        .map(|n| {
            // A real change each time, so each save writes (and keeps a backup).
            document.journey.title = format!("Generated journey, save {n}");
            let start = Instant::now();
            document.save().expect("saves");
            start.elapsed()
        })
        .collect();
    (median(loads), median(saves), text.len())
}

/// Median time of `f` over ten runs.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..10)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// Exports and imports of a 10,000-moment map in every format, and a diff and a merge of
/// two versions of it that each changed a thousand moments.
fn sharing() {
    use motmap::model::{Edit, Feeling};
    use motmap::share::{self, Format, ImportFormat};
    let journey = support::journey(10_000);
    for format in Format::ALL {
        let text = share::export(&journey, format);
        println!(
            "export 10,000 moments as {} ({:.1} MB): {}",
            format.name(),
            text.len() as f64 / 1_048_576.0,
            ms(time(|| share::export(&journey, format)))
        );
        let from = match format {
            Format::Mermaid => ImportFormat::Mermaid,
            Format::Csv => ImportFormat::Csv,
            Format::Json => ImportFormat::Json,
            Format::Markdown | Format::Html => continue,
        };
        println!(
            "import 10,000 moments from {}: {}",
            format.name(),
            ms(time(|| share::import(&text, from).expect("imports")))
        );
    }
    let ids: Vec<_> = journey.moments().map(|(_, m)| m.id).collect();
    let change = |offset: usize, value: i64| {
        let mut changed = journey.clone();
        for id in ids.iter().skip(offset).step_by(10) {
            let edit = Edit::SetFeeling {
                id: *id,
                feeling: Feeling::clamped(value),
            };
            changed.apply(edit).expect("a moment of the map");
        }
        changed
    };
    let (ours, theirs) = (change(0, 2), change(5, -2));
    println!(
        "diff of two 10,000-moment versions, 1,000 changes: {}",
        ms(time(|| motmap::diff::diff(&journey, &ours)))
    );
    println!(
        "merge of two 10,000-moment versions, 1,000 changes each: {}",
        ms(time(|| motmap::merge::merge(&journey, &ours, &theirs)))
    );
}

/// Co-editing a 10,000-moment map: a change on the board (update, the undo record and the
/// draw); what an editor with a session does on a change (the change and its recovery
/// copy); taking in someone else's save (read, merge, summary); and a save that merges
/// someone's save first.
fn coediting(dir: &Path) {
    use motmap::app::Opening;
    use motmap::keymap::KeyMap;
    use motmap::session::Editor;
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));

    let mut app = app(10_000);
    let theme = Theme::default();
    let counter = Counter::default();
    let mut terminal = terminal(&counter);
    let changes: Vec<Duration> = (0..200)
        .map(|n| {
            let start = Instant::now();
            let _ = app.handle(key(if n % 2 == 0 { 'p' } else { 'g' }), start);
            terminal
                .draw(|f| motmap::ui::draw(f, &app, &theme))
                .expect("draws");
            start.elapsed()
        })
        .collect();
    println!(
        "a change (recolour: update, undo record, draw) at 200x50, 10,000 moments: {}",
        ms(median(changes))
    );

    let path = dir.join("shared.ron");
    let base = support::journey(10_000);
    std::fs::write(&path, to_ron(&base)).expect("writes the map");
    let open = || {
        let document = Document::load(&path).expect("loads");
        Editor::open(
            document,
            KeyMap::default(),
            "Ana",
            Opening::default(),
            Instant::now(),
        )
    };
    let mut ana = open();
    let with_recovery: Vec<Duration> = (0..20)
        .map(|n| {
            let start = Instant::now();
            ana.handle(key(if n % 2 == 0 { 'p' } else { 'g' }), start);
            start.elapsed()
        })
        .collect();
    println!(
        "a change in an editor on the file, with its recovery copy, 10,000 moments: {}",
        ms(median(with_recovery))
    );
    drop(ana);
    let _ = std::fs::remove_file(motmap::store::recovery_path(&path));

    let mut ana = open();
    let mut later = Instant::now();
    let mut theirs = base.clone();
    let ids: Vec<_> = base.moments().map(|(_, m)| m.id).collect();
    let mut round = 0;
    let mut their_save = |theirs: &mut motmap::model::Journey| {
        round += 1;
        for id in ids.iter().skip(round).step_by(1_000) {
            let edit = motmap::model::Edit::SetMomentText {
                id: *id,
                field: motmap::model::MomentField::Title,
                text: format!("Changed in round {round}"),
            };
            theirs.apply(edit).expect("a moment of the map");
        }
        std::fs::write(&path, to_ron(theirs)).expect("their save");
    };
    let merges: Vec<Duration> = (0..10)
        .map(|_| {
            their_save(&mut theirs);
            later += Duration::from_secs(1);
            let start = Instant::now();
            assert!(ana.poll(later), "their save was taken in");
            start.elapsed()
        })
        .collect();
    println!(
        "taking in someone's save of 10,000 moments (10 changed): read, merge, summary: {}",
        ms(median(merges))
    );
    let saves: Vec<Duration> = (0..10)
        .map(|n| {
            ana.handle(key(if n % 2 == 0 { 'p' } else { 'g' }), Instant::now());
            their_save(&mut theirs);
            let start = Instant::now();
            ana.handle(key('s'), start);
            let elapsed = start.elapsed();
            assert!(!ana.app.is_modified(), "saved");
            theirs = Document::load(&path).expect("loads").journey;
            elapsed
        })
        .collect();
    println!(
        "a save that merges someone's save first, 10,000 moments: {}",
        ms(median(saves))
    );
}

/// Starts the release binary on the 10,000-moment map in a pseudo-terminal and times it
/// until the first frame is on screen; reads its peak memory there.
fn whole_process(dir: &Path) -> Option<(Duration, u64)> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/motmap");
    if !binary.exists() {
        return None;
    }
    let nz = |n| NonZeroU16::new(n).expect("non-zero");
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..7 {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 50,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .ok()?;
        let mut command = CommandBuilder::new(&binary);
        command.arg("big.ron");
        command.cwd(dir);
        command.env("HOME", dir);
        command.env("XDG_CONFIG_HOME", dir);
        let start = Instant::now();
        let mut child = pair.slave.spawn_command(command).ok()?;
        let mut reader = pair.master.try_clone_reader().ok()?;
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(50), nz(200), 0)));
        let mut buffer = [0u8; 65536];
        let deadline = Instant::now() + Duration::from_secs(10);
        // The first frame is drawn once the status line (the last row) says the map is open.
        loop {
            let n = reader.read(&mut buffer).ok()?;
            let mut parser = screen.lock().ok()?;
            parser.process(&buffer[..n]);
            if parser.screen().contents().contains("to see every key") {
                break;
            }
            if Instant::now() > deadline {
                return None;
            }
        }
        times.push(start.elapsed());
        let pid = child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let hwm = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            .unwrap_or(0);
        peak = peak.max(hwm);
        child.kill().ok()?;
        child.wait().ok()?;
        let _ = std::fs::remove_file(dir.join(".big.ron.motmap-lock"));
    }
    Some((median(times), peak))
}

fn main() {
    // `cargo test` runs benches once with --test-threads etc. when asked; only `cargo
    // bench` measures.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().expect("a scratch directory");
    let (load, save, bytes) = load_and_save(dir.path());
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu()
    );
    println!("10,000-moment file: {:.1} MB", bytes as f64 / 1_048_576.0);
    println!("load 10,000 moments: {}", ms(load));
    println!("save 10,000 moments (atomic, fsync, backup): {}", ms(save));
    let (key_100, _) = keystroke(100);
    let (key_10k, bytes_per_move) = keystroke(10_000);
    println!(
        "keystroke (update + draw) at 200x50, 100 moments: {}",
        ms(key_100)
    );
    println!(
        "keystroke (update + draw) at 200x50, 10,000 moments: {}",
        ms(key_10k)
    );
    let (draw_100, draw_1k, draw_10k) = (full_draw(100), full_draw(1_000), full_draw(10_000));
    println!(
        "full draw 100 / 1,000 / 10,000 moments: {} / {} / {} (growth {:.2}x)",
        ms(draw_100),
        ms(draw_1k),
        ms(draw_10k),
        draw_10k.as_secs_f64() / draw_100.as_secs_f64()
    );
    println!("bytes for one selection move at 200x50, 10,000 moments: {bytes_per_move}");
    sharing();
    coediting(dir.path());
    match whole_process(dir.path()) {
        Some((first_frame, peak_kb)) => {
            println!(
                "whole process: start, load 10,000 moments, first frame: {}",
                ms(first_frame)
            );
            println!(
                "peak memory with 10,000 moments: {:.1} MB",
                peak_kb as f64 / 1024.0
            );
        }
        None => println!("whole process: build the release binary first (cargo build --release)"),
    }
}

fn cpu() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown processor".into())
}
