import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer } from "../../src/server/staticServer.ts";

describe("the static file server", () => {
  const dir = mkdtempSync(join(tmpdir(), "cbc-static-"));
  const server = createStaticServer(join(dir, "dist"));
  let url = "";
  beforeAll(async () => {
    mkdirSync(join(dir, "dist"));
    mkdirSync(join(dir, "dist-secret"));
    writeFileSync(join(dir, "dist", "index.html"), "the game");
    writeFileSync(join(dir, "dist-secret", "index.html"), "a sibling folder");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves its own folder and falls back to index.html", async () => {
    expect(await (await fetch(`${url}/`)).text()).toBe("the game");
    expect(await (await fetch(`${url}/no/such/page`)).text()).toBe("the game");
  });

  it("never serves a sibling folder whose name starts with its own", async () => {
    const reply = await fetch(`${url}/..%2fdist-secret%2findex.html`);
    expect(reply.status).toBe(403);
    expect(await reply.text()).not.toContain("sibling");
  });
});
