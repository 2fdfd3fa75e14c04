//! A `newsdex serve` process on a free loopback port, stopped when dropped.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::repo_root;

pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub url: String,
}

impl Server {
    /// Starts `newsdex serve --index INDEX --addr 127.0.0.1:0` and waits for
    /// the line that names the bound address.
    pub fn start(index: &Path) -> Server {
        Server::start_with(&[OsStr::new("--index"), index.as_os_str()])
    }

    /// Starts `newsdex serve ARGS… --addr 127.0.0.1:0`, as [`Server::start`].
    pub fn start_with(args: &[&OsStr]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .current_dir(repo_root())
            .arg("serve")
            .args(args)
            .arg("--addr")
            .arg("127.0.0.1:0")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdex serve starts");
        let stderr = child.stderr.take().expect("stderr is piped");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                if let Some(at) = line.find("http://") {
                    let url: String = line[at..].split_whitespace().next().unwrap_or("").into();
                    let _ = sender.send(Ok(url));
                    break;
                }
                eprint!("server: {line}");
                line.clear();
            }
            let _ = sender.send(Err(line.clone()));
            // Keep draining so the server never blocks on a full pipe.
            let mut rest = String::new();
            let _ = reader.read_to_string(&mut rest);
            if !rest.is_empty() {
                eprint!("server: {rest}");
            }
        });
        let url = match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(url)) => url,
            other => {
                let _ = child.kill();
                panic!("newsdex serve did not announce its address: {other:?}");
            }
        };
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
