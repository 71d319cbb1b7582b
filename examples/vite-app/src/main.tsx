import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
// The template's App.tsx imported App.css; the quickstart replaced that file, so it is kept here.
import './App.css'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
