//! Colours and emphasis. Every distinction a colour makes is also made by a symbol, a word
//! or a border, so the board reads the same in 16 colours, without colour, and for people
//! who do not tell red from green.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Palette;
use crate::model::Feeling;

/// How many colours the terminal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// `NO_COLOR`: emphasis only (bold, reverse, dim, underline).
    None,
    /// The 16 named colours every terminal has (`TERM=xterm`, `screen`, the Linux console).
    Sixteen,
    /// The xterm 256-colour palette (`TERM=*-256color`, as SSH and tmux usually forward).
    TwoFiftySix,
    /// 24-bit colour, where `COLORTERM` says so.
    TrueColor,
}

impl Depth {
    /// What `NO_COLOR`, `COLORTERM` and `TERM` say the terminal can show. SSH forwards
    /// `TERM` but not `COLORTERM`, so a remote session usually gets 256 colours, never
    /// garbage. A `TERM` of a terminal without colour (see [`term_has_no_color`]) wins
    /// over `COLORTERM`: whoever set it asked for plain text.
    pub fn detect(no_color: &str, colorterm: &str, term: &str) -> Depth {
        if !no_color.is_empty() || term_has_no_color(term) {
            Depth::None
        } else if matches!(colorterm, "truecolor" | "24bit") {
            Depth::TrueColor
        } else if term.contains("256color") {
            Depth::TwoFiftySix
        } else {
            Depth::Sixteen
        }
    }
}

/// Whether `TERM` names a terminal that shows no colour, without a terminfo database to
/// ask: `dumb`, the DEC terminals `vt52` to `vt420` (and their variants, such as
/// `vt100-am`), `unknown`, and the monochrome variants terminfo names `-m` or `-mono`
/// (`xterm-mono`). An unset or empty `TERM` says nothing is known about the terminal, so
/// no colour either, except on Windows, whose consoles set no `TERM` and show colour.
/// `ansi` (8 colours) and `linux` (the console, 16) have colour.
fn term_has_no_color(term: &str) -> bool {
    if term.is_empty() {
        return !cfg!(windows);
    }
    let base = term.split('-').next().unwrap_or(term);
    matches!(
        base,
        "dumb" | "unknown" | "vt52" | "vt100" | "vt102" | "vt220" | "vt320" | "vt420"
    ) || term.ends_with("-m")
        || term.ends_with("-mono")
}

/// The colours the board uses, by what they mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    DeepPain,
    Pain,
    Neutral,
    Glory,
    DeepGlory,
    Selection,
    Accent,
    Muted,
    Warning,
    Success,
    Match,
    Line,
}

impl Role {
    /// The role in 16 colours, in the 256-colour palette, and in 24-bit colour.
    fn colors(self, palette: Palette) -> (Color, u8, [u8; 3]) {
        if palette == Palette::ColourBlind {
            match self {
                Role::DeepPain => return (Color::Red, 166, [213, 94, 0]),
                Role::Pain => return (Color::Yellow, 214, [230, 159, 0]),
                Role::Glory => return (Color::LightBlue, 74, [86, 180, 233]),
                Role::DeepGlory => return (Color::Blue, 25, [0, 114, 178]),
                Role::Success => return (Color::LightBlue, 74, [86, 180, 233]),
                _ => {}
            }
        }
        match self {
            Role::DeepPain => (Color::Red, 160, [211, 47, 47]),
            Role::Pain => (Color::LightRed, 210, [239, 130, 120]),
            Role::Neutral => (Color::Gray, 250, [189, 189, 189]),
            Role::Glory => (Color::Green, 71, [76, 175, 80]),
            Role::DeepGlory => (Color::Yellow, 220, [255, 193, 7]),
            Role::Selection => (Color::LightYellow, 228, [255, 241, 118]),
            Role::Accent => (Color::Cyan, 37, [0, 172, 193]),
            Role::Muted => (Color::DarkGray, 244, [128, 128, 128]),
            Role::Warning => (Color::Yellow, 214, [255, 167, 38]),
            Role::Success => (Color::Green, 71, [102, 187, 106]),
            Role::Match => (Color::LightMagenta, 213, [240, 98, 146]),
            Role::Line => (Color::LightCyan, 117, [128, 222, 234]),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
    pub palette: Palette,
}

impl Default for Theme {
    /// 16 colours: what every terminal shows, and what the tests draw with.
    fn default() -> Theme {
        Theme {
            depth: Depth::Sixteen,
            palette: Palette::Standard,
        }
    }
}

impl Theme {
    pub fn monochrome() -> Theme {
        Theme {
            depth: Depth::None,
            palette: Palette::Standard,
        }
    }

    pub fn has_color(&self) -> bool {
        self.depth != Depth::None
    }

    fn color(&self, role: Role) -> Option<Color> {
        let (named, indexed, [r, g, b]) = role.colors(self.palette);
        match self.depth {
            Depth::None => None,
            Depth::Sixteen => Some(named),
            Depth::TwoFiftySix => Some(Color::Indexed(indexed)),
            Depth::TrueColor => Some(Color::Rgb(r, g, b)),
        }
    }

    fn fg(&self, role: Role) -> Style {
        match self.color(role) {
            Some(color) => Style::new().fg(color),
            None => Style::new(),
        }
    }

    /// Text on a coloured label: black on `role`, or inverted without colour.
    fn label(&self, role: Role) -> Style {
        match self.color(role) {
            Some(color) => Style::new().fg(Color::Black).bg(color),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The colour of a feeling: reds for pains, greens and gold for glories, deeper for
    /// intensity 2.
    pub fn feeling(&self, feeling: Feeling) -> Style {
        match feeling.value() {
            -2 => self.fg(Role::DeepPain).add_modifier(Modifier::BOLD),
            -1 => self.fg(Role::Pain),
            1 => self.fg(Role::Glory),
            2 => self.fg(Role::DeepGlory).add_modifier(Modifier::BOLD),
            _ => self.fg(Role::Neutral),
        }
    }

    pub fn card_border(&self, feeling: Feeling, selected: bool) -> Style {
        if selected {
            self.selection()
        } else if feeling.is_neutral() {
            self.fg(Role::Muted)
        } else {
            self.feeling(feeling).remove_modifier(Modifier::BOLD)
        }
    }

    /// The badge of a moment of truth: inverted so it reads as a label.
    pub fn badge(&self) -> Style {
        self.label(Role::Accent).add_modifier(Modifier::BOLD)
    }

    /// The selected card and stage, made to be seen from the back of a room.
    pub fn selection(&self) -> Style {
        self.fg(Role::Selection).add_modifier(Modifier::BOLD)
    }

    pub fn selected_title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn column_border(&self, selected: bool) -> Style {
        if selected {
            self.selection()
        } else {
            self.fg(Role::Neutral)
        }
    }

    pub fn stage_name(&self, selected: bool) -> Style {
        if selected {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn dim(&self) -> Style {
        match self.color(Role::Muted) {
            Some(color) => Style::new().fg(color),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The emotion curve's line.
    pub fn line_color(&self) -> Color {
        self.color(Role::Line).unwrap_or(Color::Reset)
    }

    /// Cards the filter leaves out: grey and faint, whatever colour they had.
    pub fn faded(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::DIM);
        match self.color(Role::Muted) {
            Some(color) => style.fg(color).bg(Color::Reset),
            None => style,
        }
    }

    pub fn title_bar(&self) -> Style {
        self.label(Role::Accent)
    }

    pub fn modified(&self) -> Style {
        match self.color(Role::Selection) {
            Some(color) => Style::new()
                .fg(Color::Black)
                .bg(color)
                .add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::BOLD),
        }
    }

    pub fn mode_chip(&self) -> Style {
        self.label(Role::Neutral).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self, tone: crate::status::Tone) -> Style {
        use crate::status::Tone;
        match tone {
            Tone::Info => Style::new(),
            Tone::Success => self.fg(Role::Success),
            Tone::Warning => self.fg(Role::Warning).add_modifier(Modifier::BOLD),
            Tone::Error => self.fg(Role::Pain).add_modifier(Modifier::BOLD),
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Role::Accent).add_modifier(Modifier::BOLD)
    }

    pub fn input(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn popup_border(&self) -> Style {
        self.fg(Role::Accent).add_modifier(Modifier::BOLD)
    }

    pub fn highlight(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn search_match(&self) -> Style {
        self.fg(Role::Match).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_the_environment() {
        assert_eq!(
            Depth::detect("1", "truecolor", "xterm-256color"),
            Depth::None
        );
        assert_eq!(Depth::detect("", "truecolor", "xterm"), Depth::TrueColor);
        assert_eq!(Depth::detect("", "", "xterm-256color"), Depth::TwoFiftySix);
        assert_eq!(Depth::detect("", "", "tmux-256color"), Depth::TwoFiftySix);
        assert_eq!(Depth::detect("", "", "xterm"), Depth::Sixteen);
        assert_eq!(Depth::detect("", "", "screen"), Depth::Sixteen);
        assert_eq!(Depth::detect("", "", "dumb"), Depth::None);
    }

    #[test]
    fn terminals_without_colour_get_none_whatever_colorterm_says() {
        for term in [
            "dumb",
            "vt52",
            "vt100",
            "vt102",
            "vt220",
            "vt320",
            "vt420",
            "vt100-am",
            "vt220-8bit",
            "unknown",
            "xterm-mono",
            "linux-m",
        ] {
            assert_eq!(Depth::detect("", "", term), Depth::None, "{term}");
            assert_eq!(Depth::detect("", "truecolor", term), Depth::None, "{term}");
        }
        assert_eq!(Depth::detect("", "", "ansi"), Depth::Sixteen, "8 colours");
        assert_eq!(Depth::detect("", "", "linux"), Depth::Sixteen);
        assert_eq!(
            Depth::detect("", "", "rxvt-unicode-256color"),
            Depth::TwoFiftySix
        );
        let unset = if cfg!(windows) {
            Depth::Sixteen
        } else {
            Depth::None
        };
        assert_eq!(Depth::detect("", "", ""), unset);
    }

    #[test]
    fn each_depth_uses_only_its_own_colours() {
        let pain = Feeling::clamped(-2);
        let fg = |depth| {
            Theme {
                depth,
                palette: Palette::Standard,
            }
            .feeling(pain)
            .fg
        };
        assert_eq!(fg(Depth::None), None);
        assert_eq!(fg(Depth::Sixteen), Some(Color::Red));
        assert!(matches!(fg(Depth::TwoFiftySix), Some(Color::Indexed(_))));
        assert!(matches!(fg(Depth::TrueColor), Some(Color::Rgb(..))));
    }
}
