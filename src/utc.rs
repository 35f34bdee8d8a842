//! Times in UTC as ISO 8601 text (`2026-12-04T05:12:00Z`), from seconds since 1970, and as
//! people read them (`2026-12-04 05:12 UTC`). It reads no clock: the time is given.

/// `seconds` since 1970-01-01 00:00 UTC as ISO 8601: `2026-12-04T05:12:00Z`.
pub fn iso8601(seconds: u64) -> String {
    let days = seconds / 86_400;
    let in_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        in_day / 3_600,
        in_day % 3_600 / 60,
        in_day % 60
    )
}

/// The date `days` after 1970-01-01 in the proleptic Gregorian calendar: year, month
/// (1–12), day (1–31). Howard Hinnant's `civil_from_days`, for days on or after 1970.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Counted from 0000-03-01, so that the leap day ends a year; eras are 400 years.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// An ISO 8601 UTC time as people read it, to the minute: `2026-12-04 05:12 UTC`. Text
/// in any other shape (a hand-written file) is given back as it is.
pub fn readable(at: &str) -> String {
    let bytes = at.as_bytes();
    let shaped = bytes.len() == 20
        && bytes[10] == b'T'
        && bytes[19] == b'Z'
        && at.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            13 | 16 => c == ':',
            10 | 19 => true,
            _ => c.is_ascii_digit(),
        });
    if shaped {
        format!("{} {} UTC", &at[..10], &at[11..16])
    } else {
        at.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days_fall_on_their_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        // 2000 is a leap year (divisible by 400), 2100 is not.
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(47_540), (2100, 2, 28));
        assert_eq!(civil_from_days(47_541), (2100, 3, 1));
        assert_eq!(civil_from_days(19_722), (2023, 12, 31));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
    }

    #[test]
    fn seconds_become_iso_8601_in_utc() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_796_361_120), "2026-12-04T05:12:00Z");
        assert_eq!(iso8601(951_782_399), "2000-02-28T23:59:59Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
    }

    fn month_length(year: u64, month: u64) -> u64 {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    #[test]
    fn every_day_follows_the_one_before() {
        let mut previous = civil_from_days(0);
        for days in 1..200_000 {
            let (year, month, day) = civil_from_days(days);
            let next_day = (previous.0, previous.1, previous.2 + 1);
            let next_month = (previous.0, previous.1 + 1, 1);
            let next_year = (previous.0 + 1, 1, 1);
            assert!(
                [next_day, next_month, next_year].contains(&(year, month, day)),
                "{previous:?} then {:?}",
                (year, month, day)
            );
            if day == 1 {
                assert_eq!(
                    previous.2,
                    month_length(previous.0, previous.1),
                    "{previous:?}"
                );
            }
            previous = (year, month, day);
        }
    }

    #[test]
    fn iso_times_read_to_the_minute_and_others_stay_as_they_are() {
        assert_eq!(readable("2026-12-04T05:12:00Z"), "2026-12-04 05:12 UTC");
        assert_eq!(readable("last Tuesday"), "last Tuesday");
        assert_eq!(readable("2026-12-04 05:12"), "2026-12-04 05:12");
    }
}
