//! Compresses the Fluent catalogues (`locales/<tag>/<name>.ftl`) with DEFLATE into
//! `$OUT_DIR/locales/<tag>/<name>.ftl.z`: a component carries all 15 languages but reads one
//! per request, and the text is the largest data it ships (BENCHMARKS.md, "Component sizes").

use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales");
    for lang in fs::read_dir("locales").expect("the locales directory") {
        let lang = lang.expect("a locale entry").path();
        let tag = lang.file_name().expect("a locale name");
        let target = out.join(tag);
        fs::create_dir_all(&target).expect("OUT_DIR is writable");
        for file in fs::read_dir(&lang).expect("a locale directory") {
            let file = file.expect("a catalogue").path();
            if file.extension().is_some_and(|e| e == "ftl") {
                println!("cargo:rerun-if-changed={}", file.display());
                let text = fs::read(&file).expect("a readable catalogue");
                let packed = miniz_oxide::deflate::compress_to_vec(&text, 10);
                let name = format!(
                    "{}.z",
                    file.file_name().expect("a file name").to_string_lossy()
                );
                fs::write(target.join(name), packed).expect("OUT_DIR is writable");
            }
        }
    }
}
