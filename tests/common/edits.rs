//! One person's stream of edits on a shared map, chosen at random from a seed, and what
//! their cards should look like after it: for several editors typing at once, in one
//! process or as real binaries in pseudo-terminals. Each person changes only the cards
//! they added, so whatever the others do, every one of their changes must be in the map.

use motmap::model::Journey;

use super::random::Random;

/// The stages of the map the edits are made on.
pub const STAGES: usize = 3;

/// The keys in the spelling of [`super::editor::keys`] as a terminal sends them.
pub fn terminal_bytes(keys: &str) -> String {
    keys.replace("<Enter>", "\r").replace("<C-u>", "\u{15}")
}

/// A card one person added, as it should be after their own edits: nobody else touches it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// `A017`: the person's letter and a number, at the start of the title; what search
    /// finds it by.
    pub token: String,
    pub title: String,
    pub stage: usize,
    pub feeling: i8,
    pub votes: u32,
    /// The comments its owner left on it.
    pub comments: usize,
    pub alive: bool,
}

/// One person and what they did.
pub struct Person {
    pub letter: char,
    random: Random,
    pub cards: Vec<Card>,
    pub edits: usize,
}

impl Person {
    pub fn new(letter: char, seed: u64) -> Person {
        Person {
            letter,
            random: Random::new(seed),
            cards: Vec::new(),
            edits: 0,
        }
    }

    pub fn pick(&mut self, below: usize) -> usize {
        (self.random.next_u64() % below as u64) as usize
    }

    /// The keys of the next edit, chosen at random, with the card it changes updated
    /// the way the editor will change it.
    pub fn next_edit(&mut self) -> String {
        self.edits += 1;
        let alive: Vec<usize> = (0..self.cards.len())
            .filter(|&i| self.cards[i].alive)
            .collect();
        let roll = self.pick(100);
        if alive.is_empty() || roll < 20 {
            return self.add();
        }
        let at = alive[self.pick(alive.len())];
        // The search field holds the last query: cleared before the new one.
        let find = format!("/<C-u>{}<Enter>", self.cards[at].token);
        let card = &mut self.cards[at];
        let keys = match roll {
            20..=34 => {
                let (key, feeling) = match card.feeling {
                    2 => ("-", 1),
                    -2 => ("+", -1),
                    f if roll.is_multiple_of(2) => ("+", f + 1),
                    f => ("-", f - 1),
                };
                card.feeling = feeling;
                key.to_string()
            }
            35..=47 => {
                if card.votes > 0 && roll.is_multiple_of(3) {
                    card.votes -= 1;
                    "V".into()
                } else {
                    card.votes += 1;
                    "v".into()
                }
            }
            48..=59 => {
                card.title = format!("{} edit {}", card.token, roll);
                format!("e<C-u>{}<Enter>", card.title)
            }
            60..=71 => {
                if card.stage + 1 < STAGES && (card.stage == 0 || roll.is_multiple_of(2)) {
                    card.stage += 1;
                    "L".into()
                } else {
                    card.stage -= 1;
                    "H".into()
                }
            }
            72..=83 => {
                card.comments += 1;
                format!("cWhy {} here? ({})<Enter>", card.token, card.comments)
            }
            84..=92 => {
                card.alive = false;
                "x".into()
            }
            _ => return "s".into(),
        };
        find + &keys
    }

    pub fn add(&mut self) -> String {
        let stage = self.pick(STAGES);
        let token = format!("{}{:03}", self.letter, self.cards.len() + 1);
        self.cards.push(Card {
            token: token.clone(),
            title: token.clone(),
            stage,
            feeling: 0,
            votes: 0,
            comments: 0,
            alive: true,
        });
        // To the first stage, then to the chosen one; add below the selection there.
        format!("{}{}a{token}<Enter>", "h".repeat(STAGES), "l".repeat(stage))
    }

    /// How many of this person's cards `journey` does not hold as they made them.
    pub fn lost_in(&self, journey: &Journey) -> Vec<String> {
        let mut lost = Vec::new();
        for card in &self.cards {
            let found: Vec<(usize, &motmap::model::Moment)> = journey
                .stages()
                .iter()
                .enumerate()
                .flat_map(|(s, stage)| stage.moments.iter().map(move |m| (s, m)))
                .filter(|(_, m)| m.title.split(' ').next() == Some(card.token.as_str()))
                .collect();
            let ok = match (card.alive, found.as_slice()) {
                (false, []) => true,
                (true, [(stage, m)]) => {
                    *stage == card.stage
                        && m.title == card.title
                        && m.feeling.value() == card.feeling
                        && m.votes == card.votes
                        && m.comments.len() == card.comments
                }
                _ => false,
            };
            if !ok {
                lost.push(format!("{card:?} found as {found:?}"));
            }
        }
        lost
    }
}
