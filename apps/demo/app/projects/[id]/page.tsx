import { notFound } from 'next/navigation'
import { demoMode } from '../../../lib/agent-server'
import { Editor } from './editor'

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const projectId = Number((await params).id)
  if (!Number.isInteger(projectId) || projectId < 1) notFound()
  return <Editor projectId={projectId} demoMode={demoMode} />
}
