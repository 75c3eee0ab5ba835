/// <reference types="vitest/config" />
import { defineConfig, searchForWorkspaceRoot } from "vite";
import react from "@vitejs/plugin-react";

// The built app goes to dist/, which the Go binary embeds (embed.go).
// `npm run dev` proxies the API to a pmpath running on :8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { "/api": process.env.PMPATH_API ?? "http://127.0.0.1:8080" },
    // The glossary test reads ../docs/glossary.md, the table the Go tests read.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), "../docs"] },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
