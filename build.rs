//! Build script: links the `newsdex` binary as a position-dependent
//! executable on Linux.
//!
//! A search is a process that lives a few milliseconds. As a PIE, the
//! dynamic loader first applied about 42,000 relative relocations (vtables,
//! the extractor's word lists, string tables), writing to some 200 pages of
//! `.data.rel.ro`: 0.4 ms of every command (2.0 vs 1.6 ms for `--version`,
//! 5.4 vs 4.9 ms for a search of a million articles). Linked without PIE the
//! linker resolves them once. The cost is that the executable's own code is
//! not placed at a random address (the libraries, heap and stack still are).
//! Only the binaries are linked so; the library and tests are unchanged.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
