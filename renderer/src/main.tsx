// First: configures zod before any schema in the contract is built or used.
import './zod-jitless'
import './styles/theme.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createSession } from './app/session'
import { SessionProvider } from './app/session-context'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Outside React so StrictMode's double effects cannot open two sockets.
const session = createSession()

createRoot(root).render(
  <StrictMode>
    <SessionProvider session={session}>
      <App />
    </SessionProvider>
  </StrictMode>
)
