//! The loader must never panic, whatever bytes it is given: it returns a map or an error.
//! Run with `cargo fuzz run load` (see the README's "Safety" section).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(journey) = motmap::store::parse(text)
    {
        // Whatever loads is a valid map, and saves to text that loads as the same map.
        journey.validate().expect("a loaded map is valid");
        let saved = motmap::store::to_ron(&journey);
        let again = motmap::store::parse(&saved).expect("a saved map loads");
        assert_eq!(again, journey);
    }
});
