//! The real binary in a pseudo-terminal, driven the way a person types, with a vt100
//! parser reading the screen they would see.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::binary;

/// Long enough for a slow CI machine; a wait only ends this early when something is wrong.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Session {
    pub master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    stop_reading: Arc<AtomicBool>,
    /// How many bytes motmap has written to the terminal so far.
    received: Arc<AtomicUsize>,
    reader: Option<JoinHandle<()>>,
}

impl Session {
    pub fn start(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(dir, args, cols, rows, &[])
    }

    /// Like [`Session::start`], with these environment variables set as well (after the
    /// walled-off home, so they can change it).
    pub fn start_with(
        dir: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(binary::BIN);
        command.args(args);
        command.cwd(dir);
        command.env("TERM", "xterm-256color");
        for (name, value) in binary::isolated_env(dir) {
            command.env(name, value);
        }
        for name in binary::REMOVED {
            command.env_remove(name);
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("motmap starts");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let received = Arc::new(AtomicUsize::new(0));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let reader = {
            let screen = Arc::clone(&screen);
            let stop = Arc::clone(&stop_reading);
            let received = Arc::clone(&received);
            thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    received.fetch_add(n, Ordering::SeqCst);
                    screen.lock().expect("screen").process(&buffer[..n]);
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                }
            })
        };
        let writer = pair.master.take_writer().expect("a writer");
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            screen,
            stop_reading,
            received,
            reader: Some(reader),
        }
    }

    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer
            .write_all(bytes.as_bytes())
            .expect("keys reach motmap");
        writer.flush().expect("keys reach motmap");
    }

    /// How many bytes motmap has written to the terminal so far.
    pub fn bytes_received(&self) -> usize {
        self.received.load(Ordering::SeqCst)
    }

    pub fn text(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Waits until `needle` is on screen, and returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {needle:?} on screen:\n{text}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys` and waits for `needle` to appear: the next keys are only sent once
    /// these were handled, as a person would.
    pub fn type_and_see(&mut self, keys: &str, needle: &str) -> String {
        self.send(keys);
        self.wait_for(needle)
    }

    pub fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited for") {
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "motmap is still running:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills motmap outright (SIGKILL: nothing it can catch) and waits until it is gone.
    pub fn kill(&mut self) {
        let pid = self.child.process_id().expect("a process id");
        std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill runs");
        self.wait_for_exit();
    }

    /// Closes the terminal the way a dropped SSH connection does: every handle on the
    /// master side goes away and the kernel hangs up the child's terminal.
    pub fn hang_up(&mut self) {
        // The reader holds a handle too; let it go after the next thing motmap draws.
        self.stop_reading.store(true, Ordering::SeqCst);
        self.send("Z");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader stops");
        }
        self.writer = None;
        self.master = None;
    }
}

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has rows and columns")
}
