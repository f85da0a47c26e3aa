//! The example service as its own process on a free port of 127.0.0.1, for the tests that call
//! it over HTTP as a client would: whatever `service.rs` is, it is built and started as it is.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

/// A running `service` example, stopped when dropped.
pub struct RunningService {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

impl RunningService {
    /// Builds the `service` example (cargo finds it up to date after the first time) and
    /// starts it with `PORT=0`, reading the address it prints.
    ///
    /// # Panics
    ///
    /// When it cannot be built or started, or prints no address.
    pub fn start() -> RunningService {
        let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
        let run = escargot::CargoBuild::new()
            .manifest_path(manifest)
            .example("service")
            .run()
            .unwrap_or_else(|error| panic!("building the service: {error}"));
        let mut child = run
            .command()
            .env("PORT", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("starting the service: {error}"));
        let stdout = child.stdout.take().expect("the service's output");
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let Some(base) = line.trim().strip_prefix("listening on ").map(str::to_owned) else {
            let _ = child.kill();
            panic!("the service printed no address: {line:?}");
        };
        RunningService { child, base }
    }
}

impl Drop for RunningService {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
