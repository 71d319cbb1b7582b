import '@kvidai/agent-ui/styles.css'
import './demo.css'
import type { ReactNode } from 'react'

export const metadata = { title: 'kvidAI Agent SDK demo' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
