//! Any bytes as a saved answers file: `saved::read_file` must return answers or errors, never panic; whatever
//! it accepts must save and read back unchanged.
#![no_main]

use std::sync::LazyLock;

use contract_advisor::{saved, Kb};
use libfuzzer_sys::fuzz_target;

static KB: LazyLock<Kb> = LazyLock::new(|| match Kb::embedded() {
    Ok(kb) => kb,
    Err(e) => panic!("embedded content does not load: {e}"),
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match saved::read_file(&KB, text) {
        Ok((answers, _)) => {
            let written = saved::write_file(&KB, &answers);
            match saved::read_file(&KB, &written) {
                Ok((again, _)) => assert_eq!(again, answers, "file round trip changed the answers"),
                Err(e) => panic!("a written file was refused: {e:?}\n{written}"),
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without an error");
            for e in &errors {
                assert!(!e.message().is_empty(), "an error without a message");
            }
        }
    }
});
