/// <reference types="vitest/config" />
import { defineConfig, searchForWorkspaceRoot } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";

// The built app goes to dist/, which the Go binary embeds (embed.go).
// `npm run dev` proxies the API to a pmpath running on :8080.
// Every text file of 1 KB or more also gets a brotli (.br) and a gzip (.gz)
// sibling, at the highest levels, which the server picks by Accept-Encoding
// (api/static.go); a sibling no smaller than its file is not written.
export default defineConfig({
  plugins: [
    react(),
    compression({
      include: /\.(html|css|js|mjs|json|svg|txt|xml|map|webmanifest)$/,
      threshold: 1024,
      algorithms: ["brotliCompress", "gzip"],
      skipIfLargerOrEqual: true,
    }),
  ],
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
