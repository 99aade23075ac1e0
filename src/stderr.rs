//! Standard error: every line the command prints there goes through [`write`] (or the
//! `note!` macro over it), which ignores a closed or broken stderr
//! (`levelmap check 2>&1 >/dev/null | true`) instead of panicking as `eprintln!` does.

use std::fmt;
use std::io::Write;

use levelmap_model::visible::visible;

/// Print one line to standard error; a failure to print (a reader that went away, a
/// closed descriptor) is ignored: the exit code still tells the outcome. Control and
/// bidirectional characters are shown as escapes ([`visible`]): a message may quote a
/// label or a line of the corpus ("did you mean actor:zoe (...)?"), which must not
/// move the cursor or recolour the terminal.
pub(crate) fn write(args: fmt::Arguments<'_>) {
    let text = match args.as_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(args.to_string()),
    };
    let shown = visible(&text);
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(shown.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
    let _ = err.flush();
}

/// `eprintln!` that never panics: formats its arguments and hands them to
/// [`write`](crate::stderr::write).
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::stderr::write(format_args!($($arg)*))
    };
}
