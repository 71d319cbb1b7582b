import { createContext, useContext } from 'react'

export interface BoardContextValue {
  projectId: number | undefined
  /** Retries one failed scene; resolves when its stream ends. */
  retryScene(sceneId: string): Promise<unknown>
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoardContext(part: string): BoardContextValue {
  const context = useContext(BoardContext)
  if (!context)
    throw new Error(`<SceneProgressBoard.${part}> must be inside <SceneProgressBoard.Root>.`)
  return context
}
