//! motmap: a keyboard-driven terminal editor for customer journey maps and their moments
//! of truth.

pub mod action;
pub mod app;
pub mod cli;
pub mod command;
pub mod config;
pub mod diff;
pub mod external;
pub mod history;
pub mod input;
pub mod insight;
pub mod keymap;
pub mod layout;
pub mod merge;
pub mod model;
pub mod outline;
pub mod session;
pub mod share;
pub mod status;
pub mod store;
pub mod templates;
pub mod terminal;
pub mod text;
pub mod ui;
mod update;
pub mod utc;
pub mod workshop;
