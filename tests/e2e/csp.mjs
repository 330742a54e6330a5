// The strict Content-Security-Policy the widget must work under: nothing but the page's own
// origin, and WebAssembly compiled without 'unsafe-eval'.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
