//! Colours and emphasis. Every distinction a colour makes is also made by a symbol, a word
//! or a border, so the board reads the same in 16 colours, without colour, and for people
//! who do not tell red from green.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Feeling;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all (`NO_COLOR` turns them off).
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme { color: true }
    }
}

impl Theme {
    /// Colour unless the `NO_COLOR` convention asks for none (set and not empty).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn monochrome() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The colour of a feeling: reds for pains, greens and gold for glories, deeper for
    /// intensity 2.
    pub fn feeling(&self, feeling: Feeling) -> Style {
        match feeling.value() {
            -2 => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            -1 => self.fg(Color::LightRed),
            1 => self.fg(Color::Green),
            2 => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            _ => self.fg(Color::Gray),
        }
    }

    pub fn card_border(&self, feeling: Feeling, selected: bool) -> Style {
        if selected {
            self.selection()
        } else if feeling.is_neutral() {
            self.fg(Color::DarkGray)
        } else {
            self.feeling(feeling).remove_modifier(Modifier::BOLD)
        }
    }

    /// The badge of a moment of truth: inverted so it reads as a label.
    pub fn badge(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The selected card and stage, made to be seen from the back of a room.
    pub fn selection(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    pub fn selected_title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn column_border(&self, selected: bool) -> Style {
        if selected {
            self.selection()
        } else {
            self.fg(Color::Gray)
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
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn title_bar(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn modified(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn mode_chip(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Gray)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn status(&self, tone: crate::app::Tone) -> Style {
        use crate::app::Tone;
        match tone {
            Tone::Info => Style::new(),
            Tone::Success => self.fg(Color::Green),
            Tone::Warning => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Tone::Error => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn input(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn popup_border(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn highlight(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn search_match(&self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }
}
