/// <reference types="vitest/config" />
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    target: "es2023",
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          return id.includes("node_modules/phaser") ? "phaser" : undefined;
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
