import { useScene } from '@kvidai/agent-react'

const LABELS = { pending: 'waiting', running: 'rendering…', complete: 'done', failed: 'failed' }

/** One scene. `useScene` re-renders this card only when its own scene changes. */
export function SceneCard({ sceneId }: { sceneId: string }) {
  const scene = useScene(sceneId)
  if (!scene) return null
  return (
    <li className="scene-card" data-state={scene.status}>
      <span>Scene {scene.sceneIndex + 1}</span> <span>{LABELS[scene.status]}</span>
      {scene.status === 'failed' && scene.error ? <p>{scene.error}</p> : null}
    </li>
  )
}
