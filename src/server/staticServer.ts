/** Serves the built game (dist/) over HTTP on loopback by default. */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves the files under `root`; unknown paths fall back to index.html (client-side routes). */
export function staticHandler(root: string): Handler {
  const base = resolve(root);
  return (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad path");
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not built: run npm run build");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  };
}

/** The same, as Express middleware (GET and HEAD only). */
export function staticFiles(root: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const handle = staticHandler(root);
  return (req, res, next) => (req.method === "GET" || req.method === "HEAD" ? handle(req, res) : next());
}

/** A plain HTTP server for the built game (benchmarks and browser tests). */
export function createStaticServer(root: string): Server {
  return createServer(staticHandler(root));
}
