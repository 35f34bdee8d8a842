//! One small seeded random generator: variety where a test or a benchmark wants it, and
//! the same sequence on every run, so a failure happens again and a timing measures the
//! same work. The benchmarks include this file too.

/// Marsaglia's xorshift64 (shifts 13, 7, 17): cheap, and random enough to vary timings
/// and made-up maps.
pub struct Random {
    state: u64,
}

impl Random {
    /// A generator starting from `seed`, which must not be zero (xorshift stays at zero).
    pub fn new(seed: u64) -> Random {
        assert_ne!(seed, 0, "xorshift needs a seed other than zero");
        Random { state: seed }
    }

    /// The next number in the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
}
