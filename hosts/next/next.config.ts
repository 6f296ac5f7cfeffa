import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {NextConfig} from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // This app has its own lockfile inside the kit's repository: it is its own workspace root.
  outputFileTracingRoot: dirname(fileURLToPath(import.meta.url)),
};

export default nextConfig;
