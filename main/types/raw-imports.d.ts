// Vite's `?raw` suffix inlines a file's text at build time; it is how configs/default.yaml is embedded.
declare module '*?raw' {
  const text: string
  export default text
}
