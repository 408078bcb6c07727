//! A tiny HTTP/1.1 server on 127.0.0.1 for tests and benches: one thread per connection, one
//! response per connection, routes given as a closure. Good enough to exercise a real client.

#![allow(dead_code)] // Each test binary uses a different part of this helper.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// The parts of a request the routes look at.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What to answer.
#[derive(Debug, Clone, Default)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Sleep this long after the headers, before the body (a stalled server).
    pub stall: Option<Duration>,
    /// Send the body one byte at a time, this long apart (a server that drips, so that no read
    /// ever waits long: only a total timeout ends it).
    pub drip: Option<Duration>,
}

impl Response {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            body: body.into(),
            ..Self::default()
        }
    }

    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

type Routes = Arc<dyn Fn(&Request) -> Response + Send + Sync>;

/// Starts the server; returns its base URL (`http://127.0.0.1:PORT`). It lives until the process ends.
pub fn start(routes: impl Fn(&Request) -> Response + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("local address");
    let routes: Routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = Arc::clone(&routes);
            std::thread::spawn(move || {
                let _ = serve(stream, &routes);
            });
        }
    });
    format!("http://{address}")
}

fn serve(stream: TcpStream, routes: &Routes) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let response = routes(&Request { path, headers });
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {} X\r\n", response.status);
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    out.write_all(head.as_bytes())?;
    out.flush()?;
    if let Some(stall) = response.stall {
        std::thread::sleep(stall);
    }
    if let Some(pause) = response.drip {
        for byte in &response.body {
            out.write_all(std::slice::from_ref(byte))?;
            out.flush()?;
            std::thread::sleep(pause);
        }
        return Ok(());
    }
    out.write_all(&response.body)?;
    out.flush()
}

/// An RSS 2.0 feed of `count` items whose ids and titles start with `prefix`.
pub fn rss(prefix: &str, count: usize) -> String {
    let mut text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>{prefix} feed</title><link>http://example.test/</link>\n"
    );
    for index in 0..count {
        text.push_str(&format!(
            "<item><title>{prefix} story {index}</title><guid>{prefix}-{index}</guid>\
             <link>http://example.test/{prefix}/{index}</link>\
             <pubDate>Mon, 01 Jan 2024 {:02}:00:00 GMT</pubDate>\
             <description>&lt;p&gt;Paragraph one of {prefix} {index} about Niger and Mali.&lt;/p&gt;\
             &lt;p&gt;Paragraph two, with &lt;a href=\"http://example.test/more\"&gt;a link&lt;/a&gt;.&lt;/p&gt;\
             </description></item>\n",
            index % 24
        ));
    }
    text.push_str("</channel></rss>\n");
    text
}
