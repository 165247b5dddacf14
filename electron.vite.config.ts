import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// One build for all three faces: the Electron main entry, the shard worker, the CLI and the
// browser-mode server all come out of the `main` build; the renderer is the same bundle for
// Electron and the browser.
const root = __dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'main/electron/index.ts'),
          'shard-worker': resolve(root, 'main/shard/worker-entry.ts'),
          cli: resolve(root, 'main/cli/index.ts'),
          // Benchmarks run built, against the same worker bundle the app uses.
          bench: resolve(root, 'bench/foundation.bench.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle what it imports.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // One bundle, loaded from disk (Electron) or loopback (browser mode): size warnings for
      // network delivery don't apply.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } }
    }
  }
})
