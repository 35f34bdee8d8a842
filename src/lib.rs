//! motmap: a keyboard-driven terminal editor for customer journey maps and their moments
//! of truth.

pub mod cli;
pub mod model;
pub mod outline;
pub mod store;
pub mod templates;
