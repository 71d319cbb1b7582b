import { useRunProgress, useSceneIds } from '@kvidai/agent-react'
import { SceneCard } from './scene-card'

/** The board: a progress line and one card per planned scene, in plan order. */
export function SceneBoard() {
  const sceneIds = useSceneIds()
  const { completed, failed, total } = useRunProgress()
  if (total === 0) return null
  return (
    <section aria-labelledby="scene-board-title" className="scene-board">
      <h2 id="scene-board-title">Scenes</h2>
      <p aria-live="polite">
        {completed} of {total} scenes done{failed > 0 ? `, ${failed} failed` : ''}
      </p>
      <progress max={total} value={completed} aria-label="Scenes done" />
      <ol>
        {sceneIds.map((sceneId) => (
          <SceneCard key={sceneId} sceneId={sceneId} />
        ))}
      </ol>
    </section>
  )
}
