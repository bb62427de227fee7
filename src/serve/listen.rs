//! The socket: `tiny_http` accepts connections and parses requests; a fixed
//! pool of worker threads takes them one at a time, reads the body up to the
//! cap, calls [`App::handle`] and writes the response. A client that goes
//! away mid-response costs one failed write, logged by nobody and harmless:
//! the store is only read, and each response is built whole before it is
//! written, so nothing half-done is left behind.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::http::{Request, Response};
use super::{App, ServeError};

/// Bytes of an over-cap body read and dropped before the 413 is sent.
const DRAIN_LIMIT: u64 = 64 << 20;

/// A bound, not yet serving, HTTP socket.
pub struct Listener {
    server: Arc<tiny_http::Server>,
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
}

/// Stops a running [`Listener::serve`] gracefully: no new request is taken,
/// the ones being answered finish, then `serve` returns.
#[derive(Clone)]
pub struct Shutdown {
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: usize,
}

impl Shutdown {
    /// Asks the server to stop (idempotent; returns at once).
    pub fn shutdown(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `unblock` wakes one waiting `recv`; one per worker wakes them all.
        for _ in 0..=self.workers {
            self.server.unblock();
        }
    }
}

impl Listener {
    /// Listens on `addr` (`127.0.0.1:7878`; port 0 picks a free port).
    pub fn bind(addr: &str) -> Result<Listener, ServeError> {
        let bind_error = |source: Box<dyn std::error::Error + Send + Sync>| ServeError::Bind {
            addr: addr.to_owned(),
            source,
        };
        let listener = std::net::TcpListener::bind(addr).map_err(|e| bind_error(Box::new(e)))?;
        let local = listener.local_addr().map_err(|e| bind_error(Box::new(e)))?;
        let server = tiny_http::Server::from_listener(listener, None).map_err(bind_error)?;
        Ok(Listener {
            server: Arc::new(server),
            addr: local,
            stopping: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address listened on (with the real port when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle that stops [`Listener::serve`] with `workers` threads.
    pub fn shutdown_handle(&self, workers: usize) -> Shutdown {
        Shutdown {
            server: Arc::clone(&self.server),
            stopping: Arc::clone(&self.stopping),
            workers,
        }
    }

    /// Answers requests with `app` on `app.options().threads` workers until
    /// a [`Shutdown`] asks to stop; returns when every worker has finished
    /// its request.
    pub fn serve(self, app: Arc<App>) -> Result<(), ServeError> {
        let workers = app.options().threads.max(1);
        let handles: Vec<_> = (0..workers)
            .map(|i| {
                let server = Arc::clone(&self.server);
                let stopping = Arc::clone(&self.stopping);
                let app = Arc::clone(&app);
                std::thread::Builder::new()
                    .name(format!("serve-{i}"))
                    .spawn(move || work(&server, &stopping, &app))
            })
            .collect::<Result<_, _>>()
            .map_err(|e| ServeError::Bind {
                addr: self.addr.to_string(),
                source: Box::new(e),
            })?;
        for h in handles {
            let _ = h.join();
        }
        Ok(())
    }
}

/// One worker: take a request, answer it, until told to stop.
fn work(server: &tiny_http::Server, stopping: &AtomicBool, app: &App) {
    while !stopping.load(Ordering::SeqCst) {
        let mut raw = match server.recv() {
            Ok(r) => r,
            // Woken by `unblock`, or a connection failed: look at the flag.
            Err(_) => continue,
        };
        if stopping.load(Ordering::SeqCst) {
            let _ = raw.respond(to_tiny(Response::error(503, "the server is shutting down")));
            break;
        }
        let response = match read(&mut raw, app.options().max_body) {
            Ok(request) => {
                // A panic is a bug; it must cost one request, not a worker.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app.handle(&request)))
                    .unwrap_or_else(|_| {
                        Response::error(500, "internal error while answering this request")
                    })
            }
            Err(response) => response,
        };
        // The client may have gone: nothing to do about it.
        let _ = raw.respond(to_tiny(response));
    }
}

/// The request as the handler sees it, or the response refusing it.
fn read(raw: &mut tiny_http::Request, max_body: usize) -> Result<Request, Response> {
    let too_large = || {
        Response::error(
            413,
            &format!("the request body is over the limit of {max_body} bytes"),
        )
    };
    if raw.body_length().is_some_and(|n| n > max_body) {
        // Read (a bounded amount of) what the client sends before answering:
        // closing a socket with unread data resets it, and the client would
        // see a reset instead of the 413.
        let _ = std::io::copy(&mut raw.as_reader().take(DRAIN_LIMIT), &mut std::io::sink());
        return Err(too_large());
    }
    let mut request = Request::new(raw.method().as_str(), raw.url());
    for h in raw.headers() {
        request.headers.push((
            h.field.as_str().as_str().to_ascii_lowercase(),
            h.value.as_str().to_owned(),
        ));
    }
    let mut body = Vec::new();
    raw.as_reader()
        .take(max_body as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Response::error(400, &format!("cannot read the request body: {e}")))?;
    if body.len() > max_body {
        let _ = std::io::copy(&mut raw.as_reader().take(DRAIN_LIMIT), &mut std::io::sink());
        return Err(too_large());
    }
    request.body = body;
    Ok(request)
}

fn to_tiny(response: Response) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (name, value) in &response.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(h);
        }
    }
    out
}
