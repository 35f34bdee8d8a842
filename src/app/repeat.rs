//! What the vim habits keep between keys: the moments on the clipboard, and the last
//! change `.` makes again.

use crate::model::{Feeling, Kind, Moment};

/// Moments yanked (`yy`) or deleted (`dd`), for a put (`yp`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clipboard {
    /// As they were, ids, votes and comments included.
    pub moments: Vec<Moment>,
    /// They were deleted from the map: the first put brings them back whole, with their
    /// ids, votes and comments, so a delete and a put move them. Every other put is a copy.
    pub cut: bool,
}

/// A change `.` can make again, on whichever moment is selected then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The feeling set (`p`, `g`, `0`, the details): the same feeling.
    Feeling(Feeling),
    /// A step towards glory (`1`) or pain (`-1`), per count.
    StepFeeling(isize),
    Kind(Option<Kind>),
    /// The to-be set in the details.
    Target(Option<Feeling>),
    /// A vote given (`1`) or taken back (`-1`), per count.
    Vote(isize),
    /// A move to the next stage (`1`) or the previous (`-1`), per count.
    MoveAcross(isize),
    /// A move down the stage (`1`) or up (`-1`), per count.
    MoveWithin(isize),
    /// Deleting moments, as many as the count.
    Delete,
    /// Putting the clipboard below (or above) the selection, as many times as the count.
    Put {
        below: bool,
    },
}

/// The change `.` repeats, and the count it was made with, which a count before `.`
/// replaces (as in vim).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    pub change: Change,
    pub count: usize,
}
