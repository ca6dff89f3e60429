// Production build of the web app; Cesium's static assets are copied to /cesiumStatic so it runs offline.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const cesiumBuild = path.resolve(webDir, '../node_modules/cesium/Build/Cesium');

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [
    react(),
    viteStaticCopy({
      targets: ['Workers', 'ThirdParty', 'Assets', 'Widgets'].map((dir) => ({
        src: `${cesiumBuild}/${dir}`,
        dest: 'cesiumStatic',
      })),
    }),
  ],
  define: { CESIUM_BASE_URL: JSON.stringify('/cesiumStatic') },
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: { main: path.join(webDir, 'index.html'), graphiql: path.join(webDir, 'graphiql.html') },
    },
  },
  server: {
    // Everything the API answers; the console's subscriptions stream through as SSE.
    proxy: Object.fromEntries(
      ['/api', '/health', '/graphql', '/auth', '/public', '/attachments', '/ingest', '/open311'].map((p) => [
        p,
        'http://127.0.0.1:8080',
      ]),
    ),
  },
});
