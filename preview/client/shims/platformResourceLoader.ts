/**
 * `lightning/platformResourceLoader`: injects a script or stylesheet once per URL and resolves when it has loaded,
 * as the platform does. https://developer.salesforce.com/docs/platform/lwc/guide/js-third-party-library.html
 */
const loading = new Map<string, Promise<void>>();

function load(url: string, create: () => HTMLScriptElement | HTMLLinkElement): Promise<void> {
    let promise = loading.get(url);
    if (!promise) {
        promise = new Promise<void>((resolve, reject) => {
            const element = create();
            element.addEventListener('load', () => resolve());
            element.addEventListener('error', () => {
                loading.delete(url);
                reject(new Error(`Failed to load resource ${url}`));
            });
            document.head.appendChild(element);
        });
        loading.set(url, promise);
    }
    return promise;
}

export function loadScript(_component: unknown, url: string): Promise<void> {
    return load(url, () => {
        const script = document.createElement('script');
        script.src = url;
        script.charset = 'utf-8';
        script.async = false;
        return script;
    });
}

export function loadStyle(_component: unknown, url: string): Promise<void> {
    return load(url, () => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.type = 'text/css';
        link.href = url;
        return link;
    });
}
