//! What a keystroke costs on a slow link: only what changed is sent to the terminal.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{Drive, app_on, press};
use motmap::app::Event;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A terminal that only counts the bytes written to it.
#[derive(Clone, Default)]
struct ByteCounter(Arc<AtomicUsize>);

impl Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl ByteCounter {
    fn take(&self) -> usize {
        self.0.swap(0, Ordering::Relaxed)
    }
}

/// Bytes written for the first frame and for each of `keys` after it, at 200×50, with the
/// editor's own draw function and ratatui's crossterm backend.
fn bytes_per_key(template: &str, keys: &[&str]) -> (usize, Vec<usize>) {
    let counter = ByteCounter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 50)),
        },
    )
    .expect("a terminal");
    let mut app = app_on(template);
    app.send(Event::Resize {
        width: 200,
        height: 50,
    });
    let theme = motmap::ui::theme::Theme {
        depth: motmap::ui::theme::Depth::TwoFiftySix,
        palette: motmap::config::Palette::Standard,
    };
    let mut draw = |app: &mut motmap::app::App| {
        terminal
            .draw(|frame| motmap::ui::draw(frame, app, &theme))
            .expect("draws");
        counter.take()
    };
    let first = draw(&mut app);
    let mut each = Vec::new();
    for key in keys {
        press(&mut app, key);
        each.push(draw(&mut app));
    }
    (first, each)
}

#[test]
fn moving_the_selection_sends_a_small_fraction_of_the_screen() {
    let (first, moves) = bytes_per_key("software-trial", &["j", "j", "l", "k"]);
    for (key, bytes) in ["j", "j", "l", "k"].iter().zip(&moves) {
        println!("{key}: {bytes} bytes (first frame {first})");
        assert!(*bytes < 2048, "{key} sent {bytes} bytes");
        assert!(
            *bytes * 5 < first,
            "{key} sent {bytes} of {first}: a repaint"
        );
    }
}

#[test]
fn an_unchanged_frame_sends_next_to_nothing() {
    let (_, again) = bytes_per_key("cafe", &["<C-l>"]);
    assert!(
        again[0] < 64,
        "{} bytes for a frame that did not change",
        again[0]
    );
}
