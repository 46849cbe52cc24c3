import path from 'node:path';

/** Absolute paths every script agrees on. */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const forceAppDir = path.join(repoRoot, 'force-app');
export const defaultDir = path.join(forceAppDir, 'main', 'default');
export const lwcDir = path.join(defaultDir, 'lwc');
export const labelsFile = path.join(defaultDir, 'labels', 'CustomLabels.labels-meta.xml');
export const staticResourcesDir = path.join(defaultDir, 'staticresources');
/** Git-ignored output of `npm run package`. */
export const distDir = path.join(repoRoot, 'dist');
