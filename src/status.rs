//! What the status line says: a message and its tone. Below both the editor, which sets
//! it, and the theme, which colours it.

/// How the status line should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}
