/** Serves files from fixed roots; never outside them. */
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json; charset=utf-8',
    '.html': 'text/html; charset=utf-8',
};

export function contentType(file: string): string {
    return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that `relative` names, or undefined when it escapes the root or does not exist. */
export function resolveUnder(root: string, relative: string): string | undefined {
    let decoded: string;
    try {
        decoded = decodeURIComponent(relative);
    } catch {
        return undefined;
    }
    const file = path.resolve(root, `.${path.sep}${decoded}`);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

export function sendFile(res: ServerResponse, file: string, options: { type?: string; cache?: boolean } = {}): void {
    res.writeHead(200, {
        'content-type': options.type ?? contentType(file),
        'content-length': fs.statSync(file).size,
        'cache-control': options.cache ? 'public, max-age=3600' : 'no-cache',
    });
    // A file that goes away after the stat would otherwise be an unhandled 'error' event, which ends the process.
    fs.createReadStream(file)
        .on('error', (error) => {
            console.error(`preview server: reading ${file}: ${error.message}`);
            res.destroy();
        })
        .pipe(res);
}
