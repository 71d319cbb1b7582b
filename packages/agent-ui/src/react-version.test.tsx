import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { expect, inject, it } from 'vitest'

// The same tests run against React 19 here and against React 18.3 from tests/react-18-ui.
it('runs on the React this run is meant for', () => {
  const major = inject('expectReact') ?? '19'
  expect(version.split('.')[0]).toBe(major)
  expect(domVersion.split('.')[0]).toBe(major)
})
