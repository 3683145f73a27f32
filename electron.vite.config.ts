import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      // The sync worker is its own entry: out/main/sync-worker.js, loaded by new Worker() beside index.js
      // (main/sync-worker/worker-script.ts).
      lib: { entry: { index: resolve(root, 'main/index.ts'), 'sync-worker': resolve(root, 'main/sync-worker/sync-worker.ts') } },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      lib: { entry: resolve(root, 'preload/index.ts') },
      // A sandboxed preload can require only electron's own modules: bundle zod into it.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    build: {
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
    plugins: [react()],
  },
});
