//! Compresses the default emails (`emails/<tag>/*.html`, `items_table.txt`) with DEFLATE into
//! `$OUT_DIR/emails/<tag>/<file>.z`: every component that migrates seeds them, so each one
//! carried all 15 languages' text (~29 KB) before; compressed it is about a third.

use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=emails");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("emails");
    for lang in fs::read_dir("emails").expect("the emails directory") {
        let lang = lang.expect("a language entry").path();
        let tag = lang.file_name().expect("a language name");
        let target = out.join(tag);
        fs::create_dir_all(&target).expect("OUT_DIR is writable");
        for file in fs::read_dir(&lang).expect("a language directory") {
            let file = file.expect("an email file").path();
            println!("cargo:rerun-if-changed={}", file.display());
            let text = fs::read(&file).expect("a readable email file");
            let packed = miniz_oxide::deflate::compress_to_vec(&text, 10);
            let name = format!(
                "{}.z",
                file.file_name().expect("a file name").to_string_lossy()
            );
            fs::write(target.join(name), packed).expect("OUT_DIR is writable");
        }
    }
}
