// Builds the Office add-in web part (task pane + function file) into dist/web/.
// The CLI is built separately by tsc (tsconfig.build.json).
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const OUT_DIR = path.resolve(__dirname, 'dist/web');
const ASSETS_DIR = path.resolve(__dirname, 'assets');
const MANIFEST = path.resolve(__dirname, 'manifest.xml');

// manifest.xml is written for the dev server; production builds swap this prefix.
const DEV_URL = 'https://localhost:3000/';
// Deployers set ADDIN_PUBLIC_URL to where dist/web/ is served (https, ending in the folder).
const DEFAULT_PUBLIC_URL = 'https://quota-planner.example.vn/';

function publicUrl() {
  const url = new URL(process.env.ADDIN_PUBLIC_URL || DEFAULT_PUBLIC_URL);
  // Office refuses to load add-in pages over plain http.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https, got ${url.href}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Emits assets/ and manifest.xml as build assets, so they also reach the dev server's in-memory output. */
class CopyStaticFilesPlugin {
  constructor(transformManifest) {
    this.transformManifest = transformManifest;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(CopyStaticFilesPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: CopyStaticFilesPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Watch mode picks up added, changed and removed icons.
          compilation.contextDependencies.add(ASSETS_DIR);
          for (const name of fs.readdirSync(ASSETS_DIR, { recursive: true })) {
            const file = path.join(ASSETS_DIR, name);
            if (!fs.statSync(file).isFile()) continue;
            compilation.fileDependencies.add(file);
            const target = path.posix.join('assets', ...name.split(path.sep));
            compilation.emitAsset(target, new sources.RawSource(fs.readFileSync(file)));
          }
          compilation.fileDependencies.add(MANIFEST);
          const manifest = this.transformManifest(fs.readFileSync(MANIFEST, 'utf8'));
          compilation.emitAsset('manifest.xml', new sources.RawSource(manifest));
        },
      );
    });
  }
}

/** office-addin-dev-certs writes a locally trusted pair here; without it the dev server self-signs. */
function devHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return 'https';
  return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  // Resolved here so a bad ADDIN_PUBLIC_URL fails before anything is built.
  const baseUrl = production ? publicUrl() : DEV_URL;
  return {
    mode: production ? 'production' : 'development',
    // webpack's own runtime (chunk loading) is written for the same browsers as the code: no ?. or ??.
    target: ['web', 'es2017'],
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: OUT_DIR,
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          // The 2025-03 list, for the pane's remap (a lazy chunk): inflated here, so no browser needs to.
          test: /\.csv\.gz$/,
          loader: path.resolve(__dirname, 'scripts/gunzip-loader.cjs'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Type checking is `npm run typecheck`'s job; the bundle only needs JavaScript.
          options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.webpack.json') },
        },
        {
          // Libraries ship newer syntax (object spread, ?.) than EdgeHTML 18 parses: lower it to ES2017 too.
          // ExcelJS is left alone: only standalone mode (a modern browser) loads it, and it is slow to transpile.
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/]exceljs[\\/]/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.webpack.json'),
            compilerOptions: { allowJs: true, sourceMap: false, moduleDetection: 'auto' },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        template: './src/commands/commands.html',
        filename: 'commands.html',
        chunks: ['commands'],
      }),
      new CopyStaticFilesPlugin((xml) => xml.replaceAll(DEV_URL, baseUrl)),
    ],
    // Read only by webpack-dev-server, which is not installed yet: plain data, so nothing is required at load time.
    devServer: {
      port: 3000,
      server: devHttps(),
    },
  };
};
