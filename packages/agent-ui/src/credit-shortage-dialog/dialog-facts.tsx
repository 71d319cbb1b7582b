import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { creditMessages, creditUnitMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { useDialogContext } from './dialog-context'

/** The dialog's English and the credit amount, declared once so translations stay stable. */
const factsMessages = { ...creditMessages, ...creditUnitMessages }

export type DialogTitleProps = ComponentPropsWithoutRef<'h2'>

/** The dialog's name: "Not enough credits". */
export const DialogTitle = forwardRef<HTMLHeadingElement, DialogTitleProps>(
  function DialogTitle(props, ref) {
    const translate = useMessages(creditMessages)
    const { titleId } = useDialogContext('Title')
    return (
      <h2 id={titleId} ref={ref} {...props}>
        {props.children ?? translate('credit.title')}
      </h2>
    )
  },
)

export type DialogDescriptionProps = ComponentPropsWithoutRef<'p'>

/** Why it opened: the run ran short mid-way, or it was refused before it began. */
export const DialogDescription = forwardRef<HTMLParagraphElement, DialogDescriptionProps>(
  function DialogDescription(props, ref) {
    const translate = useMessages(creditMessages)
    const { shortage, descriptionId } = useDialogContext('Description')
    const { trigger, figures } = shortage
    return (
      <p id={descriptionId} ref={ref} {...props}>
        {props.children ??
          (trigger === 'refused'
            ? translate('credit.rejected', {
                required: figures.required ?? 0,
                available: figures.remainingCredit ?? 0,
              })
            : translate('credit.description'))}
      </p>
    )
  },
)

export type DialogFactsProps = ComponentPropsWithoutRef<'div'>

/** The figures: scenes done of the total, credits left, per scene, needed, and covered. */
export const DialogFacts = forwardRef<HTMLDivElement, DialogFactsProps>(
  function DialogFacts(props, ref) {
    const translate = useMessages(factsMessages)
    const { shortage } = useDialogContext('Facts')
    const { completedScenes, totalScenes, remainingCredit, estPerScene, neededCredits } =
      shortage.figures
    const credits = (value: number | null) =>
      value === null ? '—' : translate('credit.unit', { credits: value })
    return (
      <div data-kvid-credit-figures="" ref={ref} {...props}>
        {totalScenes > 0 && (
          <p data-kvid-credit-progress="">
            {translate('credit.progress', { completed: completedScenes, total: totalScenes })}
          </p>
        )}
        {shortage.trigger === 'shortage' && (
          <dl data-kvid-credit-facts="">
            <div>
              <dt>{translate('credit.remaining')}</dt>
              <dd>{credits(remainingCredit)}</dd>
            </div>
            <div>
              <dt>{translate('credit.perScene')}</dt>
              <dd>{credits(estPerScene)}</dd>
            </div>
            <div>
              <dt>{translate('credit.needed')}</dt>
              <dd>{credits(neededCredits)}</dd>
            </div>
          </dl>
        )}
        {shortage.trigger === 'shortage' && shortage.figures.coveredScenes !== null && (
          <p data-kvid-credit-covers="">
            {translate('credit.covers', { count: shortage.figures.coveredScenes })}
          </p>
        )}
      </div>
    )
  },
)
