/** A preview server for tests: a free port, the 1k sample org loaded, no built bundle needed. */
import type { PreviewManifest } from '../../build';
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from '../index';

export const emptyManifest: PreviewManifest = {
    builtAt: '2026-01-01T00:00:00.000Z',
    mode: 'production',
    resourceStamp: '1',
    components: [],
};

export function startTestServer(now: string, options: PreviewServerOptions = {}): Promise<PreviewServer> {
    return startPreviewServer({ port: 0, manifest: emptyManifest, preload: ['1k'], now: new Date(now), ...options });
}
