//! Any bytes as a share-link fragment: `saved::read_link` must return answers or errors, never panic; whatever
//! it accepts must share and read back unchanged. Each input is also tried with its checksum corrected, so that
//! the fuzzer reaches the decoder behind the checksum check.
#![no_main]

use std::sync::LazyLock;

use contract_advisor::{saved, Kb};
use libfuzzer_sys::fuzz_target;

static KB: LazyLock<Kb> = LazyLock::new(|| match Kb::embedded() {
    Ok(kb) => kb,
    Err(e) => panic!("embedded content does not load: {e}"),
});

fn check(text: &str) {
    match saved::read_link(&KB, text) {
        Ok((answers, _)) => {
            let written = saved::write_link(&KB, &answers);
            assert!(
                written.len() <= saved::MAX_LINK_CHARS,
                "written link too long"
            );
            match saved::read_link(&KB, &written) {
                Ok((again, _)) => assert_eq!(again, answers, "link round trip changed the answers"),
                Err(e) => panic!("a written link was refused: {e:?}\n{written}"),
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without an error");
            for e in &errors {
                assert!(!e.message().is_empty(), "an error without a message");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text);
    // The same text with a correct checksum: "a1.<body>" + "." + checksum.
    let body = text.rsplit_once('.').map_or(text, |(body, _)| body);
    check(&format!("{body}.{}", saved::checksum(body)));
});
