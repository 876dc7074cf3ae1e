import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  build: {
    // Content-hashed files under /assets are served with `immutable`; keep fonts as files (never inlined).
    assetsInlineLimit: 0,
  },
  server: { port: 5173, strictPort: false },
});
