// Vite's client types: lets `import './x.css'` typecheck and types `import.meta.env`.
/// <reference types="vite/client" />
