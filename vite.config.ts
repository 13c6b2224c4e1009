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
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 8080 },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
