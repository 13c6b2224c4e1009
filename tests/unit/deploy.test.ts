/**
 * The Dockerfile, compose.yaml and deploy/nginx.conf read as text (there is no Docker on the test machines and
 * no YAML parser among the dependencies): the services are there, every environment variable they set is one
 * the server reads, each game process has its own name and public address, the proxy routes each address's
 * path to its process, and the image checks its health on GET /api/health. tests/server/proxy.test.ts runs
 * the same nginx config in front of two real processes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(path, "utf8");
const dockerfile = read("Dockerfile");
const compose = read("compose.yaml");
const nginx = read("deploy/nginx.conf");

/** Environment variables the server reads: main.ts's process.env.X, and the names of readers given process.env. */
function serverEnv(): Set<string> {
  const names = new Set<string>();
  const main = read("src/server/main.ts");
  for (const m of main.matchAll(/process\.env\.([A-Z_]+)/g)) if (m[1]) names.add(m[1]);
  const readers = [...main.matchAll(/(\w+)\(process\.env\)/g)].map((m) => m[1]);
  for (const file of readdirSync("src/server").filter((f) => f.endsWith(".ts"))) {
    const text = read(join("src/server", file));
    if (!readers.some((r) => r && new RegExp(`function ${r}\\(`).test(text))) continue;
    for (const m of text.matchAll(/"([A-Z][A-Z_]{2,})"/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

/** The lines of the block under `key:` at `indent` spaces (a YAML block mapping, read by indentation). */
function block(text: string, key: string, indent: number): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(`${" ".repeat(indent)}${key}:`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() && line.length - line.trimStart().length <= indent) break;
    out.push(line);
  }
  return out;
}

/** Keys of a block mapping at `indent` spaces (comments and blank lines skipped). */
const keysAt = (lines: string[], indent: number) =>
  lines
    .filter((l) => l.length - l.trimStart().length === indent && /^\s*[\w-]+:/.test(l))
    .map((l) => l.trim().split(":")[0] ?? "");

/** A service's environment: name → value. */
function environment(service: string): Map<string, string> {
  const env = block(block(compose, "services", 0).join("\n"), service, 2);
  const lines = block(env.join("\n"), "environment", 4);
  return new Map(
    lines
      .filter((l) => /^\s{6}[A-Z_]+:/.test(l))
      .map((l) => {
        const [name = "", ...rest] = l.trim().split(":");
        return [
          name,
          rest
            .join(":")
            .replace(/\s+#.*$/, "")
            .trim(),
        ];
      }),
  );
}

describe("compose.yaml", () => {
  const services = keysAt(block(compose, "services", 0), 2);

  it("has Redis, two game processes and one proxy", () => {
    expect(services).toEqual(["redis", "game-a", "game-b", "proxy"]);
  });

  it("sets only variables the server reads, and what scale-out needs on each process", () => {
    const known = serverEnv();
    expect(known).toContain("REDIS_URL");
    const addresses = new Set<string>();
    const names = new Set<string>();
    for (const game of ["game-a", "game-b"]) {
      const env = environment(game);
      for (const name of env.keys()) expect(known, `${game} sets ${name}`).toContain(name);
      expect(env.get("REDIS_URL")).toBe("redis://redis:6379");
      expect(env.get("HOST")).toBe("0.0.0.0");
      expect(env.get("TRUST_PROXY")).toBe('"1"');
      expect(env.get("PUBLIC_ADDRESS")).toMatch(new RegExp(`/${game}$`));
      addresses.add(env.get("PUBLIC_ADDRESS") ?? "");
      names.add(env.get("PROCESS_NAME") ?? "");
    }
    expect(addresses.size).toBe(2);
    expect(names).toEqual(new Set(["game-a", "game-b"]));
  });

  it("mounts the proxy's config from the repository and one data volume for both processes", () => {
    const mount = /- \.\/(deploy\/nginx\.conf):/.exec(compose)?.[1];
    expect(mount && existsSync(mount)).toBe(true);
    expect(compose).toMatch(/^ {4}- sessions:\/data$/m);
    expect(keysAt(block(compose, "volumes", 0), 2)).toEqual(["sessions"]);
  });
});

describe("deploy/nginx.conf", () => {
  it("sends each process's public path to that process, and everything else to either", () => {
    for (const game of ["game-a", "game-b"]) {
      const location = new RegExp(`location /${game}/ \\{\\s*proxy_pass http://${game}:8080/;`);
      expect(nginx).toMatch(location);
      expect(nginx).toMatch(new RegExp(`upstream game \\{[^}]*server ${game}:8080`));
    }
    expect(nginx).toMatch(/location \/ \{\s*proxy_pass http:\/\/game;/);
    expect(nginx).toMatch(/proxy_set_header Host \$http_host;/); // the servers compare Origin with Host
    expect(nginx).toMatch(/proxy_set_header X-Real-IP \$remote_addr;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
  });
});

describe("Dockerfile", () => {
  it("builds with npm ci and Vite on Node 24, and runs the server's main.ts", () => {
    expect(dockerfile).toMatch(/^FROM node:24\S* AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm ci /m);
    expect(dockerfile).toMatch(/^RUN npx vite build$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "src\/server\/main\.ts"\]$/m);
    expect(existsSync("src/server/main.ts")).toBe(true);
  });

  it("runs the server on jemalloc, installed in the image, so a busy day's memory goes back", () => {
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends libjemalloc2/);
    const preload = /^ENV LD_PRELOAD=(\S+)$/m.exec(dockerfile)?.[1];
    expect(preload).toBeDefined();
    // The link that LD_PRELOAD names is made in the same stage, before the server starts.
    expect(dockerfile).toContain(`ln -s "$(find /usr/lib -name libjemalloc.so.2 | head -n 1)" ${preload}`);
    expect(dockerfile.indexOf(`ENV LD_PRELOAD=${preload}`)).toBeLessThan(dockerfile.indexOf('CMD ["node"'));
    expect(dockerfile.lastIndexOf("FROM ")).toBeLessThan(dockerfile.indexOf("libjemalloc2"));
  });

  it("listens on every address, keeps its data in a volume and checks /api/health", () => {
    const env = /^ENV (.+)$/m.exec(dockerfile)?.[1] ?? "";
    const set = new Map(env.split(/\s+/).map((pair) => pair.split("=") as [string, string]));
    const known = serverEnv();
    for (const name of set.keys()) if (name !== "NODE_ENV") expect(known, `ENV ${name}`).toContain(name);
    expect(set.get("HOST")).toBe("0.0.0.0");
    expect(dockerfile).toMatch(new RegExp(`^VOLUME ${set.get("DATA_DIR")}$`, "m"));
    expect(dockerfile).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD [^\n]*\/api\/health/m);
  });
});
