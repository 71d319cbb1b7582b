import { AGENT_REJECT_CODES, type AgentRejectCode } from '@kvidai/agent-core'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { AgentErrorNotice } from './agent-error-notice'
import { StoryHarness } from './stories/story-harness'

const meta = {
  title: 'Components/AgentErrorNotice',
  component: AgentErrorNotice,
  render: (args, context) => (
    <StoryHarness
      locale={context.globals.locale}
      message="An explainer about fog in 2 scenes"
      fault={context.parameters.code ? { reject: context.parameters.code } : { cutAfterEvents: 6 }}
    >
      <AgentErrorNotice {...args} />
    </StoryHarness>
  ),
} satisfies Meta<typeof AgentErrorNotice>

export default meta
type Story = StoryObj<typeof meta>

function rejectStory(code: AgentRejectCode | null): Story {
  return {
    parameters: { code },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement)
      await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
      await expect(await canvas.findByRole('alert', {})).toHaveAttribute(
        'data-code',
        code ?? 'interrupted',
      )
    },
  }
}

export const Unauthorized = rejectStory('UNAUTHORIZED')
export const ConcurrentLimit = rejectStory('CONCURRENT_LIMIT')
export const InsufficientCredit = rejectStory('INSUFFICIENT_CREDIT')
export const MissingParameters = rejectStory('MISSING_PARAMETERS')
export const ZombieTimeout = rejectStory('ZOMBIE_TIMEOUT')
export const Forbidden = rejectStory('FORBIDDEN')
export const ProjectNotFound = rejectStory('PROJECT_NOT_FOUND')
export const InternalError = rejectStory('INTERNAL_ERROR')
export const JobNotFound = rejectStory('JOB_NOT_FOUND')
export const RateLimited = rejectStory('rate_limited')
export const InvalidInput = rejectStory('invalid_input')
export const Interrupted = rejectStory(null)

// Every documented code has a story above.
void (AGENT_REJECT_CODES satisfies readonly AgentRejectCode[])
