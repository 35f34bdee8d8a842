//! What every test file shares: the real binary walled off from the user's machine, the
//! screen read as text, the built-in maps, one seeded generator, and editors (in memory or
//! on a file) driven through the same event path the terminal uses, with keys typed the
//! way a person types them.

#![allow(dead_code)]

pub mod binary;
pub mod editor;
pub mod edits;
pub mod maps;
pub mod pty;
pub mod random;
pub mod screen;

#[allow(unused_imports)] // not every test binary uses every helper
pub use editor::{
    Drive, app_on, app_with, journey, keys, open_editor, press, screen, screen_with,
    selected_title, view_editor, write_recovery,
};
#[allow(unused_imports)]
pub use screen::screen_text;
