//! Runs the example's own plugins, and a folder with a plugin that fails to load.

use std::path::Path;

#[test]
fn plugins_filter_the_text_and_failures_are_reported() {
    plugin::install_api();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plugins");
    let outcome = plugin::run_plugins(&dir, "the quick brown fox").unwrap();
    assert_eq!(outcome.text, "Fox Brown Quick The");
    assert_eq!(
        outcome.log,
        [
            "capitalize ready (host 0.1.0)",
            "loaded 10_capitalize.py",
            "loaded 20_reverse.py",
            "loaded 30_broken.py",
            "filter broken failed: RuntimeError: cannot handle 4 words",
        ]
    );

    // A second run in the same interpreter, with a plugin that cannot load and one that
    // registers something that is not callable.
    let tmp = std::env::temp_dir().join(format!("plugin-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("a_syntax.py"), "def setup(api) oops\n").unwrap();
    std::fs::write(
        tmp.join("b_not_callable.py"),
        "def setup(api):\n    api.register_filter('x', 42)\n",
    )
    .unwrap();
    std::fs::write(
        tmp.join("c_upper.py"),
        "def setup(api):\n    api.register_filter('up', lambda d: d.text.upper())\n",
    )
    .unwrap();
    std::fs::write(tmp.join("notes.txt"), "not a plugin").unwrap();
    let outcome = plugin::run_plugins(&tmp, "abc").unwrap();
    std::fs::remove_dir_all(&tmp).unwrap();
    assert_eq!(outcome.text, "ABC");
    assert_eq!(outcome.log.len(), 3, "{:?}", outcome.log);
    assert!(
        outcome.log[0].starts_with("failed to load a_syntax.py: SyntaxError: "),
        "{:?}",
        outcome.log
    );
    assert_eq!(
        outcome.log[1],
        "failed to load b_not_callable.py: TypeError: filter \"x\" is not callable"
    );
    assert_eq!(outcome.log[2], "loaded c_upper.py");
}
