/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";

/**
 * Adds `<link rel="modulepreload">` for the council room's chunk and its imports (Phaser) to the built index.html,
 * so the browser fetches and compiles them alongside the app's own script instead of after the app has run and
 * asked for them. A no-op for pages without the room (the bare benchmark page).
 */
function preloadCouncilRoom(): Plugin {
  return {
    name: "preload-council-room",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === "chunk");
        const room = chunks.find((c) => c.facadeModuleId?.endsWith("/src/scenes/mountCouncil.ts"));
        if (!room) return [];
        return [...room.imports, room.fileName].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `./${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [preloadCouncilRoom()],
  build: {
    target: "es2023",
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Phaser and the classroom's network libraries (the Colyseus SDK and schema decoder, the QR encoder) each
        // get a chunk of their own: both load only when needed, and the benchmark reports them apart from ours.
        manualChunks(id: string) {
          if (id.includes("node_modules/phaser")) return "phaser";
          return /node_modules\/(@colyseus|qrcode|dijkstrajs)\//.test(id) ? "netlib" : undefined;
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    // Classroom play under `npm run dev`: the game server (`npm run dev:server`, port 8080) answers the session
    // API and matchmaking; the room's WebSocket goes under /colyseus (src/ui/classroom/endpoint.ts adds it).
    proxy: {
      "/api": gameServer(),
      "/matchmake": gameServer(),
      "/colyseus": { target: gameServer(), ws: true, rewrite: (path: string) => path.replace(/^\/colyseus/, "") },
    },
  },
  preview: { host: "127.0.0.1", port: 8080 },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

/** The game server that `npm run dev` proxies classroom traffic to (GAME_SERVER, default port 8080). */
function gameServer(): string {
  return process.env.GAME_SERVER ?? "http://127.0.0.1:8080";
}
