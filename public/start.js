// Starts the app: loads wasm-bindgen's JS glue and the wasm it names.
//
// Trunk's own start-up is an inline <script>, which the Content-Security-Policy
// in index.html forbids (script-src 'self', no 'unsafe-inline'). Trunk.toml's
// `pattern_script` puts this file in its place and passes the build's hashed
// file names as data attributes. Both are resolved against the page's base
// URL, so the app works from a sub-path too (Trunk.toml: public_url = "./").
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
const { default: init } = await import(new URL(js, document.baseURI).href);
await init({ module_or_path: new URL(wasm, document.baseURI).href });
