import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * One source, four builds:
 *   --mode chrome        -> dist/          (MV3 service worker)
 *   --mode firefox       -> dist-firefox/  (MV3 background.scripts + gecko settings)
 *   --mode chrome-test   -> test/output/ext-chrome/   (e2e only)
 *   --mode firefox-test  -> test/output/ext-firefox/  (e2e only)
 * The two "-test" variants add host_permissions for http://127.0.0.1/* and the
 * "tabs" permission so the end-to-end tests can do from the popup opened as a
 * tab what a real toolbar click allows through activeTab (inject into the
 * page, see its URL). dist/ and dist-firefox/ stay least-privilege:
 * activeTab, scripting, storage (test/e2e/manifest.e2e.ts checks it).
 */
type Target = 'chrome' | 'firefox';

const GECKO_ID = 'policylens@policylens.local';
const CONTENT_SCRIPT_ID = 'src/content/content-script';

function manifestFor(target: Target, testBuild: boolean): ManifestV3Export {
  const m: Record<string, unknown> = structuredClone(baseManifest);
  m.version = pkg.version;
  if (target === 'firefox') {
    m.background = { scripts: ['src/background/background.ts'], type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  if (testBuild) {
    // What a toolbar click grants through activeTab (read the tab, see its URL),
    // given up front because the tests open the popup page in a tab.
    m.host_permissions = ['http://127.0.0.1/*'];
    m.permissions = [...(m.permissions as string[]), 'tabs'];
  }
  return m as unknown as ManifestV3Export;
}

/**
 * crxjs lists every `?script` chunk under web_accessible_resources so pages can
 * load it. Ours is only ever injected with scripting.executeScript({ files }),
 * which needs no such entry, and the extension has nothing else a web page
 * should be able to fetch: drop the key, so no page can load or fingerprint
 * our files.
 */
function noWebAccessibleResources(): Plugin {
  return {
    name: 'policylens:no-web-accessible-resources',
    enforce: 'post',
    // crxjs calls this hook on every plugin after its own manifest processing.
    renderCrxManifest(manifest: { web_accessible_resources?: unknown }) {
      delete manifest.web_accessible_resources;
      return manifest;
    },
  } as Plugin;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode.startsWith('firefox') ? 'firefox' : 'chrome';
  const testBuild = mode.endsWith('-test');
  const outDir = testBuild
    ? `test/output/ext-${target}`
    : target === 'firefox'
      ? 'dist-firefox'
      : 'dist';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target, testBuild),
        browser: target,
        contentScripts: { standaloneFiles: [`${CONTENT_SCRIPT_ID}.ts`] },
      }),
      noWebAccessibleResources(),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      chunkSizeWarningLimit: 1024,
    },
    server: { port: 5173, strictPort: true },
  };
});
